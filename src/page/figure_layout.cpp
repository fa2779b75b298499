#include "page/figure_layout.hpp"

#include <algorithm>
#include <cmath>

namespace quire::page {

namespace {
Length scale(Length l, double k) { return Length::from_sp(static_cast<std::int64_t>(std::llround(static_cast<double>(l.sp) * k))); }

// Baselines of caption and credit lines under an image whose bottom is at `top`.
Length place_lines(const galley::FigureBlock& f, Length image_bottom, std::vector<FigureBox::PlacedLine>& out) {
    Length bottom = image_bottom;
    std::optional<Length> baseline;
    auto run = [&](const std::vector<galley::Line>& lines, Length leading, bool credit) {
        for (const galley::Line& l : lines) {
            Length b = baseline ? *baseline + leading : image_bottom + f.gap + l.ascent;
            out.push_back({&l, b, credit});
            baseline = b;
            bottom = b + l.descent;
        }
    };
    run(f.caption, f.caption_leading, false);
    run(f.credit, f.credit_leading, true);
    return bottom - image_bottom;
}
}  // namespace

FigureBox layout_figure(const galley::FigureBlock& f, Length width, Length max_height) {
    FigureBox box;
    std::vector<FigureBox::PlacedLine> probe;
    Length lines_height = place_lines(f, Length{}, probe);
    double aspect = f.aspect > 0 ? f.aspect : 1.0;
    box.image_width = width;
    box.image_height = scale(width, aspect);
    if (f.kind == galley::FigureBlock::Kind::quote) {
        // A quote between rules: the rule above at the top, the lines `gap` under it,
        // the rule below as far under the last line's baseline.
        box.image_height = Length{};
        box.height = place_lines(f, Length{}, box.lines);
        Length last = box.lines.empty() ? Length{} : box.lines.back().baseline;
        box.height = std::max(box.height, last + f.gap / 2);
        return box;
    }
    // Too tall for the space: shrink the image (never the lines), keep the aspect, and
    // stand it at the left edge of its measure as the caption does.
    if (box.image_height + lines_height > max_height && max_height > lines_height) {
        box.image_height = max_height - lines_height;
        box.image_width = scale(box.image_height, 1.0 / aspect);
    }
    box.height = box.image_height + place_lines(f, box.image_height, box.lines);
    return box;
}

void draw_line(const galley::Line& line, Length x, Length baseline, std::vector<render::DrawOp>& out) {
    for (const render::DrawOp& op : line.ops) {
        render::DrawOp moved = op;
        std::visit([&](auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, render::DrawRule>) {
                o.x1 += x; o.x2 += x; o.y1 += baseline; o.y2 += baseline;
            } else {
                o.x += x; o.y += baseline;
            }
        }, moved);
        out.push_back(std::move(moved));
    }
}

void draw_figure(const galley::FigureBlock& f, const FigureBox& box, Length x, Length y, std::vector<render::DrawOp>& out) {
    if (f.kind == galley::FigureBlock::Kind::quote) {
        const Length rule = Length::from_pt(0.5);
        out.push_back(render::DrawRule{x, y, x + box.image_width, y, rule, {}});
        out.push_back(render::DrawRule{x, y + box.height, x + box.image_width, y + box.height, rule, {}});
        for (const auto& pl : box.lines) {
            // Each line centred (or as its style sets it) in the measure.
            draw_line(*pl.line, x, y + pl.baseline, out);
        }
        return;
    }
    out.push_back(render::DrawImage{f.image_path, x + box.image_x, y, box.image_width, box.image_height, f.image_node});
    for (const auto& pl : box.lines) draw_line(*pl.line, x, y + pl.baseline, out);
}

}  // namespace quire::page
