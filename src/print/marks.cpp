#include "print/marks.hpp"

namespace quire::print {

namespace {

render::Color registration() {
    render::Color c;
    c.space = render::Color::Space::registration;
    c.c[0] = 1;
    return c;
}

void line(render::Page& page, Length x1, Length y1, Length x2, Length y2, Length thickness) {
    page.ops.push_back(render::DrawRule{x1, y1, x2, y2, thickness, registration()});
}

// A target: a cross and a square around (x, y), `r` from the centre to each side.
void target(render::Page& page, Length x, Length y, Length r, Length t) {
    line(page, x - r, y, x + r, y, t);
    line(page, x, y - r, x, y + r, t);
    const Length q = r / 2;
    line(page, x - q, y - q, x + q, y - q, t);
    line(page, x + q, y - q, x + q, y + q, t);
    line(page, x + q, y + q, x - q, y + q, t);
    line(page, x - q, y + q, x - q, y - q, t);
}

void translate(render::DrawOp& op, Length dx, Length dy) {
    std::visit(
        [&](auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, render::DrawRule>) {
                o.x1 += dx, o.x2 += dx, o.y1 += dy, o.y2 += dy;
            } else {
                o.x += dx, o.y += dy;
            }
        },
        op);
}

}  // namespace

void add_marks(render::DisplayList& list, const MarkOptions& options, const SlugSetter& set_slug) {
    for (render::Page& page : list.pages) {
        page.slug = options.slug;
        const Length w = page.width, h = page.height, b = page.bleed, len = options.length, t = options.thickness;
        // Crop marks continue the trim lines, beginning where the bleed ends so that
        // no mark shows on a trimmed page even when the cut wanders by the bleed.
        if (options.crop) {
            for (Length x : {Length{}, w}) {
                const Length out = x.sp == 0 ? -b : b;  // away from the page
                const Length dir = x.sp == 0 ? -len : len;
                for (Length y : {Length{}, h}) {
                    line(page, x + out, y, x + out + dir, y, t);             // horizontal, beside the corner
                    const Length vout = y.sp == 0 ? -b : b, vdir = y.sp == 0 ? -len : len;
                    line(page, x, y + vout, x, y + vout + vdir, t);          // vertical, above or below it
                }
            }
        }
        if (options.fold) {  // where the sheet is folded (booklet) or cut (2-up)
            const Length x = w / 2;
            line(page, x, -b, x, -b - len, t);
            line(page, x, h + b, x, h + b + len, t);
        }
        if (options.registration) {
            const Length r = len / 2;
            const Length away = b + r + Length::from_pt(1);
            const Length dx = options.fold ? w / 4 : Length{};  // off the fold mark
            target(page, w / 2 + dx, -away, r, t);
            target(page, w / 2 + dx, h + away, r, t);
            target(page, -away, h / 2, r, t);
            target(page, w + away, h / 2, r, t);
        }
        if (options.slug_line && set_slug) {
            std::string text = options.slug_prefix;
            if (!page.label.empty()) {
                const bool sheet = page.label.rfind("sheet", 0) == 0;  // imposed: the label names its pages
                text += (text.empty() ? "" : " \xC2\xB7 ") + std::string(sheet ? "" : "page ") + page.label;
            }
            // Beside the bottom-left crop marks, below the bleed and below the
            // registration target there: its baseline 3 mm past the crop marks' ends.
            for (render::DrawOp op : set_slug(text)) {
                if (auto* run = std::get_if<render::DrawGlyphs>(&op)) run->color = registration();
                if (auto* rule = std::get_if<render::DrawRule>(&op)) rule->color = registration();
                if (std::holds_alternative<render::LinkArea>(op)) continue;
                translate(op, len, h + b + len + Length::from_pt(3 * 72 / 25.4));
                page.ops.push_back(std::move(op));
            }
        }
    }
}

}  // namespace quire::print
