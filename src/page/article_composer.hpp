#pragma once
// Pours one galley into pages: the opener furniture across the top of the first page,
// then the body through the columns, floats to column and page tops, the last page
// balanced. Takes the galley, the index of its first page and a StartPage callback
// (frames and running lines come from build_pages); returns the finished pages.
#include "core/diagnostics.hpp"
#include "page/composed_page.hpp"
#include "galley/galley.hpp"

#include <vector>

namespace quire::page {

struct ComposeOptions {
    PageKind first_kind = PageKind::opener;
    PageKind next_kind = PageKind::body;
    bool balance_last_page = true;
    // <flow article-start="column">: the first page is the previous article's last,
    // whose columns before this one are taken; build_pages merges the two pages.
    // (A page shared this way is not balanced: the next article fills it.)
    int first_column = 0;
    Length first_region_top;  // ...and where its columns begin (under its span figures)
};

std::vector<ComposedPage> compose_galley(const galley::ArticleGalley& galley, int article_index, int first_page_index,
                                         const StartPage& start_page, const ComposeOptions& options,
                                         DiagnosticSink& sink);

}  // namespace quire::page
