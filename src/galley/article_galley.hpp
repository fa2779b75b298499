#pragma once
// An article from the model to a galley (page/galley.hpp): every text element set in
// its paragraph style at the width it will stand at (a column, or the text area for
// opener furniture and page-wide figures), figures sized from their images.
#include "galley/measures.hpp"
#include "galley/paragraph_setter.hpp"
#include "model/issue.hpp"
#include "page/galley.hpp"

namespace quire::galley {


page::ArticleGalley build_article_galley(const model::Article& article, const model::IssueMeta& meta,
                                         const Measures& measures, ParagraphSetter& setter, DiagnosticSink& sink);

}  // namespace quire::galley
