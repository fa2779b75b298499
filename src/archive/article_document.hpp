#pragma once
// One article of a composed issue as a document of its own, for the per-article
// archive PDFs: the issue's pages that belong to the article (render::Page::article)
// or carry part of it (render::Page::notes), their labels (the issue's page numbers)
// kept, the article's own outline entry, links into the article's pages re-pointed
// and links to pages outside it left out. Of a page the article shares
// (render::Page::parts: the welcome under the contents list, an article starting in
// the previous one's free column) the copy draws the article's own ops, where the
// issue has them (a note under the contents list moved up to where the list began),
// and the page's running lines and folio unless they are another article's: nothing of
// the list, the masthead or the other article.
#include "render/display_list.hpp"

#include <optional>

namespace quire::archive {

struct PageRange {
    int first = 0, last = 0;  // 0-based issue page indices, inclusive
};

// The issue pages of article `article`; nothing when it has none.
std::optional<PageRange> article_pages(const render::DisplayList& issue, int article);

// The article's pages, fonts and outline; `info` becomes the document's metadata.
render::DisplayList article_document(const render::DisplayList& issue, int article, render::DocumentInfo info);

}  // namespace quire::archive
