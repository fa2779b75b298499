#include "galley/line_ink.hpp"

#include <algorithm>

namespace quire::galley {

namespace {

std::size_t bin_of(Length x) { return static_cast<std::size_t>(std::max<std::int64_t>(0, x.sp / Line::ink_bin.sp)); }

void widen(Line::InkProfile& p, std::size_t bins) {
    if (p.top.size() < bins) {
        p.top.resize(bins);
        p.bottom.resize(bins);
    }
}

}  // namespace

Line::InkProfile ink_profile(const std::vector<render::DrawOp>& ops, const font::FontRegistry& registry) {
    Line::InkProfile p;
    for (const render::DrawOp& op : ops) {
        const auto* run = std::get_if<render::DrawGlyphs>(&op);
        if (!run) continue;
        const font::FaceMetrics& m = registry.metrics(run->font);
        const auto units = [&](std::int64_t u) { return font::scale_units(u, run->size, m.units_per_em); };
        // Horizontal scaling stretches every move of the run, as the PDF draws it.
        const auto scaled = [&](std::int64_t sp) { return Length::from_sp(sp * run->horizontal_scale / 1000); };
        std::int64_t origin = 0;
        for (const shape::Glyph& g : run->glyphs) {
            hb_glyph_extents_t e{};
            if (hb_font_get_glyph_extents(registry.hb_font(run->font), g.gid, &e) && e.width != 0) {
                const Length left = run->x + scaled(origin + g.x_offset.sp + units(e.x_bearing).sp);
                const Length right = left + scaled(units(e.width).sp);
                const Length top = units(e.y_bearing) + Length(g.y_offset);
                const Length bottom = units(-(e.y_bearing + e.height)) - Length(g.y_offset);
                const std::size_t first = bin_of(std::min(left, right)), last = bin_of(std::max(left, right));
                widen(p, last + 1);
                for (std::size_t b = first; b <= last; ++b) {
                    p.top[b] = std::max(p.top[b], top);
                    p.bottom[b] = std::max(p.bottom[b], bottom);
                }
            }
            origin += g.advance.sp;
        }
    }
    return p;
}

}  // namespace quire::galley
