#pragma once
// A page as composition leaves it: its frame, its absolute drawing, and the marks
// (TeX's \mark idea) that later passes need: where the article's title stands, its
// headings for the outline, the credits of the figures on it.
#include "page/master_selection.hpp"
#include "page/page_frame.hpp"
#include "render/display_list.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace quire::page {

struct HeadingMark {
    std::string title;
    Length y;          // top of the heading's first line
    int article = -1;  // whose heading (a page may carry the end of one article and the start of the next)
};

struct ComposedPage {
    PageKind kind = PageKind::body;
    int article = -1;                  // index into the galleys; -1 for issue pages
    std::vector<int> notes;            // other galleys set on this page: notes on the contents page, an
                                       // article starting in a column of the previous one's last page
    PageFrame frame;
    std::vector<render::DrawOp> ops;   // absolute, running lines first
    std::size_t running_ops = 0;       // how many of ops are the running lines
    std::vector<render::OpSpan> parts; // on a shared page, which ops are whose (render::Page::parts)
    int columns_used = 0;              // columns with anything in them, from the first
    Length region_top;                 // where the columns begin (under opener and span figures)
    std::optional<Length> title_y;     // top of the article's first furniture line
    std::vector<HeadingMark> headings;
    std::vector<std::string> credits;  // credit texts of the figures drawn here
    // Places links within the article point at (note_anchor(3), reference_anchor(3)), where drawn here:
    // the top of the line (page/note_links.hpp).
    std::vector<std::pair<std::string, Length>> anchors;
};

// What starting a page costs the composer: the frame (its text foot already raised
// above a tall footer) and the running lines drawn on it. Made by build_pages, which
// knows the masters, the issue and the article.
struct PageStart {
    PageFrame frame;
    std::vector<render::DrawOp> running;
};
using StartPage = std::function<PageStart(PageKind kind, int page_index)>;

}  // namespace quire::page
