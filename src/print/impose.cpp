#include "print/impose.hpp"

#include <algorithm>

namespace quire::print {

namespace {

template <class Op>
void shift_x(Op& op, Length dx) {
    if constexpr (std::is_same_v<Op, render::DrawRule>) {
        op.x1 += dx, op.x2 += dx;
    } else {
        op.x += dx;
    }
}

// The horizontal extent an op draws over (glyph runs: their advances).
std::pair<Length, Length> x_extent(const render::DrawOp& op) {
    return std::visit(
        [](const auto& o) -> std::pair<Length, Length> {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, render::DrawRule>) {
                return {std::min(o.x1, o.x2) - o.thickness / 2, std::max(o.x1, o.x2) + o.thickness / 2};
            } else if constexpr (std::is_same_v<T, render::DrawGlyphs>) {
                Length w;
                for (const shape::Glyph& g : o.glyphs) w += g.advance;
                return {o.x, o.x + w};
            } else {
                return {o.x, o.x + o.width};
            }
        },
        op);
}

std::string what(const render::DrawOp& op) {
    if (const auto* image = std::get_if<render::DrawImage>(&op)) return "image " + image->path;
    if (const auto* run = std::get_if<render::DrawGlyphs>(&op)) return "text \"" + run->text.substr(0, 40) + "\"";
    if (std::holds_alternative<render::DrawRule>(op)) return "a rule";
    return "a link area";
}

std::string page_name(const render::DisplayList& list, int index) {
    if (index < 0) return "blank";
    const std::string& label = list.pages[static_cast<std::size_t>(index)].label;
    return label.empty() ? "[" + std::to_string(index + 1) + "]" : label;
}

void remap_outlines(std::vector<render::Outline>& outlines, const std::vector<int>& sheet_of) {
    for (render::Outline& o : outlines) {
        if (o.page >= 0 && static_cast<std::size_t>(o.page) < sheet_of.size()) o.page = sheet_of[static_cast<std::size_t>(o.page)];
        remap_outlines(o.children, sheet_of);
    }
}

}  // namespace

std::vector<SheetSide> sheet_order(int page_count, Imposition how) {
    std::vector<SheetSide> sides;
    if (page_count <= 0) return sides;
    auto page = [&](int i) { return i < page_count ? i : -1; };
    if (how == Imposition::two_up) {
        for (int i = 0; i < page_count; i += 2) sides.push_back({i, page(i + 1)});
    } else if (how == Imposition::booklet) {
        const int n = (page_count + 3) / 4 * 4;
        for (int s = 0; s < n / 4; ++s) {
            sides.push_back({page(n - 1 - 2 * s), page(2 * s)});
            sides.push_back({page(2 * s + 1), page(n - 2 - 2 * s)});
        }
    } else {
        for (int i = 0; i < page_count; ++i) sides.push_back({i, -1});
    }
    return sides;
}

render::DisplayList impose(render::DisplayList list, Imposition how, const SourceLoc& where,
                           DiagnosticSink& sink) {
    if (how == Imposition::none || list.pages.empty()) return list;
    const render::Page& first = list.pages.front();
    for (std::size_t p = 0; p < list.pages.size(); ++p) {
        const render::Page& page = list.pages[p];
        if (page.width != first.width || page.height != first.height || page.bleed != first.bleed) {
            sink.error(where, "cannot impose: page " + page_name(list, static_cast<int>(p)) +
                                  " is not the size of the first page");
            return {};
        }
    }
    const int count = static_cast<int>(list.pages.size());
    if (how == Imposition::booklet && count % 4 != 0) {
        const int blanks = 4 - count % 4;
        sink.warning(where, "booklet: " + std::to_string(count) + " pages are not a multiple of four; " +
                                std::to_string(blanks) + " blank page" + (blanks == 1 ? "" : "s") +
                                " added at the end");
    }

    const Length w = first.width;
    render::DisplayList sheets;
    sheets.fonts = std::move(list.fonts);
    sheets.info = std::move(list.info);
    std::vector<int> sheet_of(list.pages.size(), 0);
    const std::vector<SheetSide> sides = sheet_order(count, how);
    for (std::size_t i = 0; i < sides.size(); ++i) {
        const SheetSide& side = sides[i];
        for (int p : {side.left, side.right}) {
            if (p >= 0) sheet_of[static_cast<std::size_t>(p)] = static_cast<int>(i);
        }
    }
    for (std::size_t i = 0; i < sides.size(); ++i) {
        const SheetSide& side = sides[i];
        render::Page sheet;
        sheet.width = w * 2;
        sheet.height = first.height;
        sheet.bleed = first.bleed;
        const std::string pages = page_name(list, side.left) + " | " + page_name(list, side.right);
        if (how == Imposition::booklet) {
            sheet.label = "sheet " + std::to_string(i / 2 + 1) + (i % 2 == 0 ? " front: " : " back: ") + pages;
        } else {
            sheet.label = "sheet " + std::to_string(i + 1) + ": " + pages;
        }
        for (int half = 0; half < 2; ++half) {
            const int p = half == 0 ? side.left : side.right;
            if (p < 0) continue;
            const Length dx = half == 0 ? Length{} : w;
            bool crossed = false;
            // Each page is on one sheet: its ops move there, and the page lets go of
            // them, so the issue is not in memory twice.
            std::vector<render::DrawOp>& ops = list.pages[static_cast<std::size_t>(p)].ops;
            for (render::DrawOp& op : ops) {
                const auto [x0, x1] = x_extent(op);
                // The fold is the left page's right edge and the right page's left edge.
                if (!crossed && (half == 0 ? x1 > w : x0 < Length{}) &&
                    !std::holds_alternative<render::LinkArea>(op)) {
                    sink.warning(where, "page " + page_name(list, p) + ": " + what(op) +
                                            " reaches past the fold; on the imposed sheet it shows on the facing page");
                    crossed = true;
                }
                if (auto* link = std::get_if<render::LinkArea>(&op); link && link->target_page >= 0) {
                    if (static_cast<std::size_t>(link->target_page) < sheet_of.size()) {
                        link->target_page = sheet_of[static_cast<std::size_t>(link->target_page)];
                    }
                }
                std::visit([&](auto& o) { shift_x(o, dx); }, op);
                sheet.ops.push_back(std::move(op));
            }
            std::vector<render::DrawOp>().swap(ops);
        }
        sheets.pages.push_back(std::move(sheet));
    }
    sheets.outlines = std::move(list.outlines);
    remap_outlines(sheets.outlines, sheet_of);
    return sheets;
}

}  // namespace quire::print
