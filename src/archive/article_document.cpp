#include "archive/article_document.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace quire::archive {

namespace {

// Keeps the article's own outline entry (and, inside it, the entries that point into
// its pages), renumbered; the issue's entries (contents, credits) and other articles'
// are left out, even where they point at a page the copy shares.
std::vector<render::Outline> outlines_within(const std::vector<render::Outline>& outlines,
                                             const std::map<int, int>& new_index, std::optional<int> article) {
    std::vector<render::Outline> kept;
    for (const render::Outline& o : outlines) {
        if (article && o.article != *article) continue;
        auto found = new_index.find(o.page);
        if (found == new_index.end()) continue;
        render::Outline copy{o.title, found->second, o.y, outlines_within(o.children, new_index, std::nullopt), o.article};
        kept.push_back(std::move(copy));
    }
    return kept;
}

// The article's drawing on a page it shares (render::Page::parts): the page's running
// lines and folio where they are its own or the issue's, and the article's own ops;
// the contents list, the masthead and other articles' text are left out.
std::vector<render::DrawOp> own_ops(render::Page& page, int article) {
    if (page.parts.empty()) return std::move(page.ops);
    std::vector<render::DrawOp> ops;
    // Another article's running lines (an article starting in the free column of the
    // previous one's last page) would name that article: the copy leaves them out,
    // folio and all (the page label keeps the number). An issue page's stay.
    const std::size_t running =
        page.article >= 0 && page.article != article ? 0 : std::min(page.running_ops, page.ops.size());
    for (std::size_t k = 0; k < running; ++k) ops.push_back(std::move(page.ops[k]));
    for (const render::OpSpan& part : page.parts) {
        if (part.article != article) continue;
        for (std::size_t k = part.begin; k < part.end && k < page.ops.size(); ++k) ops.push_back(std::move(page.ops[k]));
    }
    return ops;
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
    // The issue's structure whole: the PDF writer leaves out every node with no content
    // in this copy, which leaves the document and this article (render/structure.hpp).
    out.structure = issue.structure;
    std::map<int, int> new_index;  // issue page -> article page
    for (std::size_t i = 0; i < issue.pages.size(); ++i) {
        if (!carries(issue.pages[i], article)) continue;
        new_index[static_cast<int>(i)] = static_cast<int>(out.pages.size());
        out.pages.push_back(issue.pages[i]);
    }
    for (render::Page& page : out.pages) {
        std::vector<render::DrawOp> ops;
        for (render::DrawOp& op : own_ops(page, article)) {
            if (auto* link = std::get_if<render::LinkArea>(&op); link && link->uri.empty()) {
                auto found = new_index.find(link->target_page);
                if (found == new_index.end()) continue;  // a page this document does not have
                link->target_page = found->second;
            }
            ops.push_back(std::move(op));
        }
        page.ops = std::move(ops);
        page.running_ops = 0;
        page.parts.clear();
        page.notes.clear();
        page.article = article;
    }
    out.outlines = outlines_within(issue.outlines, new_index, article);
    return out;
}

}  // namespace quire::archive
