#include "archive/article_document.hpp"

#include <algorithm>
#include <map>

namespace quire::archive {

namespace {

// Keeps the outline entries that point into the article, renumbered; children of a
// dropped entry are dropped with it.
std::vector<render::Outline> outlines_within(const std::vector<render::Outline>& outlines,
                                             const std::map<int, int>& new_index) {
    std::vector<render::Outline> kept;
    for (const render::Outline& o : outlines) {
        auto found = new_index.find(o.page);
        if (found == new_index.end()) continue;
        render::Outline copy{o.title, found->second, o.y, outlines_within(o.children, new_index)};
        kept.push_back(std::move(copy));
    }
    return kept;
}

// A page is in an article's copy when it is one of the article's pages or the issue
// page a note stands on (the welcome on the contents page).
bool carries(const render::Page& page, int article) {
    return page.article == article || std::find(page.notes.begin(), page.notes.end(), article) != page.notes.end();
}

}  // namespace

std::optional<PageRange> article_pages(const render::DisplayList& issue, int article) {
    std::optional<PageRange> range;
    for (std::size_t i = 0; i < issue.pages.size(); ++i) {
        if (!carries(issue.pages[i], article)) continue;
        const int index = static_cast<int>(i);
        if (!range) range = PageRange{index, index};
        range->last = index;
    }
    return range;
}

render::DisplayList article_document(const render::DisplayList& issue, int article, render::DocumentInfo info) {
    render::DisplayList out;
    out.fonts = issue.fonts;
    out.info = std::move(info);
    std::map<int, int> new_index;  // issue page -> article page
    for (std::size_t i = 0; i < issue.pages.size(); ++i) {
        if (!carries(issue.pages[i], article)) continue;
        new_index[static_cast<int>(i)] = static_cast<int>(out.pages.size());
        out.pages.push_back(issue.pages[i]);
    }
    for (render::Page& page : out.pages) {
        std::vector<render::DrawOp> ops;
        for (render::DrawOp& op : page.ops) {
            if (auto* link = std::get_if<render::LinkArea>(&op); link && link->uri.empty()) {
                auto found = new_index.find(link->target_page);
                if (found == new_index.end()) continue;  // a page this document does not have
                link->target_page = found->second;
            }
            ops.push_back(std::move(op));
        }
        page.ops = std::move(ops);
    }
    out.outlines = outlines_within(issue.outlines, new_index);
    return out;
}

}  // namespace quire::archive
