#include "galley/block_indents.hpp"

#include <type_traits>

namespace quire::galley {

void shift_op(render::DrawOp& op, Length dx, Length dy) {
    std::visit([&](auto& o) {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, render::DrawRule>) {
            o.x1 += dx;
            o.x2 += dx;
            o.y1 += dy;
            o.y2 += dy;
        } else {
            o.x += dx;
            o.y += dy;
        }
    }, op);
}

void shift_lines(std::vector<Line>& lines, Length dx) {
    if (dx.sp == 0) return;
    for (Line& line : lines) {
        for (render::DrawOp& op : line.ops) shift_op(op, dx, Length{});
    }
}

std::string list_marker(model::ListKind kind, int level, int number) {
    if (kind == model::ListKind::bullet) return level <= 1 ? "\u2022" : "\u2013";
    if (level <= 1) return std::to_string(number) + ".";
    // a, b, ..., z, aa, ab, ...: a spreadsheet's column names, lower case.
    std::string letters;
    for (int n = number; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('a' + (n - 1) % 26));
    return (letters.empty() ? std::string("0") : letters) + ".";
}

void hang_marker(Line& line, const Line& marker, Length marker_x) {
    std::vector<render::DrawOp> ops = marker.ops;
    for (render::DrawOp& op : ops) shift_op(op, marker_x, Length{});
    ops.insert(ops.end(), std::make_move_iterator(line.ops.begin()), std::make_move_iterator(line.ops.end()));
    line.ops = std::move(ops);
}

Length marker_x(const Line& marker, Length text_start, Length gap, bool rtl) {
    return rtl ? text_start + gap : text_start - gap - marker.natural_width;
}

}  // namespace quire::galley
