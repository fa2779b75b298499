#pragma once
// An article from the model to a galley (galley/galley.hpp): every text element set in
// its paragraph style at the width it will stand at (a column, or the text area for
// opener furniture and page-wide figures), figures sized from their images.
#include "galley/measures.hpp"
#include "galley/paragraph_setter.hpp"
#include "font/font_registry.hpp"
#include "model/issue.hpp"
#include "galley/galley.hpp"

namespace quire::galley {


// `fonts`, when given, lets paragraph styles with drop-cap-lines have their drop caps
// (their size comes from the faces' cap heights); without it they are set plainly.
ArticleGalley build_article_galley(const model::Article& article, const model::IssueMeta& meta,
                                         const Measures& measures, ParagraphSetter& setter, DiagnosticSink& sink,
                                         const font::FontRegistry* fonts = nullptr);

}  // namespace quire::galley
