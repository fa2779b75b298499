#pragma once
// Pours one galley into pages: the opener furniture across the top of the first page,
// then the body through the columns, floats to column and page tops, the last page
// balanced. Takes the galley, the index of its first page and a StartPage callback
// (frames and running lines come from build_pages); returns the finished pages.
#include "core/diagnostics.hpp"
#include "page/composed_page.hpp"
#include "page/galley.hpp"

#include <vector>

namespace quire::page {

struct ComposeOptions {
    PageKind first_kind = PageKind::opener;
    PageKind next_kind = PageKind::body;
    bool balance_last_page = true;
};

std::vector<ComposedPage> compose_galley(const ArticleGalley& galley, int article_index, int first_page_index,
                                         const StartPage& start_page, const ComposeOptions& options,
                                         DiagnosticSink& sink);

}  // namespace quire::page
