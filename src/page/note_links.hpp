#pragma once
// Links between a note's reference and the note, both ways: the reference mark links
// to "#" + note_anchor(N), the note's number to "#" + reference_anchor(N) (galley/galley.hpp), and
// each is drawn somewhere on the article's pages (ComposedPage::anchors). Here the
// names become places.
#include "page/composed_page.hpp"

#include <vector>

namespace quire::page {

// `pages` are one article's, `indices` their page indices in the document. A link to a
// name no page holds (a note set nowhere) is dropped rather than left pointing nowhere.
void resolve_note_links(std::vector<ComposedPage>& pages, const std::vector<int>& indices);

}  // namespace quire::page
