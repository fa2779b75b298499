#pragma once
// An article from the model to a galley (page/galley.hpp): every text element set in
// its paragraph style at the width it will stand at (a column, or the text area for
// opener furniture and page-wide figures), figures sized from their images.
#include "galley/paragraph_setter.hpp"
#include "model/issue.hpp"
#include "page/galley.hpp"

namespace quire::galley {

struct Measures {
    Length column;     // one column of the body master
    Length text_area;  // the text area across all columns
    Length grid;       // the baseline grid
};

page::ArticleGalley build_article_galley(const model::Article& article, const model::IssueMeta& meta,
                                         const Measures& measures, ParagraphSetter& setter, DiagnosticSink& sink);

}  // namespace quire::galley
