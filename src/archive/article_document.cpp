#include "archive/article_document.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace quire::archive {

namespace {

// Keeps the article's own outline entry (and, inside it, the entries that point into
// its pages), renumbered and moved with a lifted page (OwnPage::lift); the issue's
// entries (contents, credits) and other articles' are left out, even where they point
// at a page the copy shares.
std::vector<render::Outline> outlines_within(const std::vector<render::Outline>& outlines,
                                             const std::map<int, int>& new_index, const std::map<int, Length>& lifts,
                                             std::optional<int> article) {
    std::vector<render::Outline> kept;
    for (const render::Outline& o : outlines) {
        if (article && o.article != *article) continue;
        auto found = new_index.find(o.page);
        if (found == new_index.end()) continue;
        const auto lift = lifts.find(found->second);
        const Length y = lift == lifts.end() ? o.y : o.y - lift->second;
        kept.push_back(render::Outline{o.title, found->second, y, outlines_within(o.children, new_index, lifts, std::nullopt),
                                       o.article});
    }
    return kept;
}

// What a copy draws of a page: the ops, the first `running` of them its running lines
// and folio, and how far the article's own were moved up.
struct OwnPage {
    std::vector<render::DrawOp> ops;
    std::size_t running = 0;
    Length lift;
};

// Where an op stands: its top, or for text its baseline (compared only with text).
std::optional<Length> text_y(const render::DrawOp& op) {
    if (const auto* g = std::get_if<render::DrawGlyphs>(&op)) return g->y;
    return std::nullopt;
}

void move_up(render::DrawOp& op, Length dy) {
    std::visit([&](auto& o) {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, render::DrawRule>) {
            o.y1 -= dy, o.y2 -= dy;
        } else {
            o.y -= dy;
        }
    }, op);
}

// The article's drawing on a page it shares (render::Page::parts): the page's running
// lines and folio where they are its own or the issue's, and the article's own ops;
// the contents list, the masthead and other articles' text are left out. A note set
// under the issue's matter (the welcome under the contents list) moves up to where
// that matter began, so that its copy does not open on half a page of nothing.
OwnPage own_ops(render::Page& page, int article) {
    OwnPage own;
    if (page.parts.empty()) {
        own.running = page.running_ops;
        own.ops = std::move(page.ops);
        return own;
    }
    // Another article's running lines (an article starting in the free column of the
    // previous one's last page) would name that article: the copy leaves them out,
    // folio and all (the page label keeps the number). An issue page's stay.
    own.running = page.article >= 0 && page.article != article ? 0 : std::min(page.running_ops, page.ops.size());
    for (std::size_t k = 0; k < own.running; ++k) own.ops.push_back(std::move(page.ops[k]));
    std::optional<Length> first_left_out, first_own;
    for (std::size_t k = std::min(page.running_ops, page.ops.size()); k < page.ops.size(); ++k) {
        const bool mine = std::any_of(page.parts.begin(), page.parts.end(), [&](const render::OpSpan& part) {
            return part.article == article && part.begin <= k && k < part.end;
        });
        std::optional<Length>& first = mine ? first_own : first_left_out;
        if (const auto y = text_y(page.ops[k]); y && (!first || *y < *first)) first = y;
        if (mine) own.ops.push_back(std::move(page.ops[k]));
    }
    if (page.article < 0 && first_own && first_left_out && *first_left_out < *first_own) {
        own.lift = *first_own - *first_left_out;
        for (std::size_t k = own.running; k < own.ops.size(); ++k) move_up(own.ops[k], own.lift);
    }
    return own;
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
    std::vector<OwnPage> own;
    std::map<int, Length> lifts;  // article page -> how far its own ops moved up
    for (std::size_t p = 0; p < out.pages.size(); ++p) {
        own.push_back(own_ops(out.pages[p], article));
        if (own.back().lift.sp != 0) lifts[static_cast<int>(p)] = own.back().lift;
    }
    for (std::size_t p = 0; p < out.pages.size(); ++p) {
        render::Page& page = out.pages[p];
        std::vector<render::DrawOp> ops;
        std::size_t running = 0;
        for (std::size_t k = 0; k < own[p].ops.size(); ++k) {
            render::DrawOp& op = own[p].ops[k];
            if (auto* link = std::get_if<render::LinkArea>(&op); link && link->uri.empty()) {
                auto found = new_index.find(link->target_page);
                if (found == new_index.end()) continue;  // a page this document does not have
                link->target_page = found->second;
                if (auto lift = lifts.find(found->second); lift != lifts.end()) link->target_y -= lift->second;
            }
            if (k < own[p].running) ++running;
            ops.push_back(std::move(op));
        }
        page.ops = std::move(ops);
        page.running_ops = running;
        page.parts.clear();
        page.notes.clear();
        page.article = article;
    }
    out.outlines = outlines_within(issue.outlines, new_index, lifts, article);
    return out;
}

}  // namespace quire::archive
