#include "galley/table_layout.hpp"

#include "galley/block_indents.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace quire::galley {

std::vector<Length> column_widths(const std::vector<model::TableColumn>& columns, Length width, Length gap) {
    std::vector<Length> out(columns.size());
    if (columns.empty()) return out;
    const Length room = width - gap * static_cast<std::int64_t>(columns.size() - 1);
    Length fixed;
    double shares = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].percent) {
            out[c] = Length::from_sp(static_cast<std::int64_t>(std::llround(static_cast<double>(width.sp) * columns[c].amount / 100.0)));
            fixed += out[c];
        } else {
            shares += columns[c].amount;
        }
    }
    const Length rest = std::max(Length{}, room - fixed);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (!columns[c].percent && shares > 0) {
            out[c] = Length::from_sp(static_cast<std::int64_t>(std::llround(static_cast<double>(rest.sp) * columns[c].amount / shares)));
        }
        out[c] = std::max(Length{}, out[c]);
    }
    return out;
}

std::vector<Line> row_lines(const std::vector<std::vector<Line>>& cells, const std::vector<Length>& xs,
                                  Length width, Length leading) {
    std::size_t count = 0;
    for (const auto& cell : cells) count = std::max(count, cell.size());
    std::vector<Line> out(count);
    for (Line& line : out) {
        line.width = width;
        line.natural_width = width;
    }
    for (std::size_t c = 0; c < cells.size() && c < xs.size(); ++c) {
        std::vector<Line> moved = cells[c];
        shift_lines(moved, xs[c]);
        for (std::size_t k = 0; k < moved.size(); ++k) {
            Line& line = out[k];
            line.ascent = std::max(line.ascent, moved[k].ascent);
            line.descent = std::max(line.descent, moved[k].descent);
            line.ink_ascent = std::max(line.ink_ascent, moved[k].ink_ascent);
            line.ink_descent = std::max(line.ink_descent, moved[k].ink_descent);
            line.overfull = line.overfull || moved[k].overfull;
            line.loose = line.loose || moved[k].loose;
            for (render::DrawOp& op : moved[k].ops) {
                shift_op(op, Length{}, leading * static_cast<std::int64_t>(k));
                out.front().ops.push_back(std::move(op));
            }
            line.notes.insert(line.notes.end(), moved[k].notes.begin(), moved[k].notes.end());
        }
    }
    return out;
}

void add_table_rule(Line& line, Length y, Length width, Length thickness) {
    render::DrawRule rule;
    rule.x1 = Length{};
    rule.x2 = width;
    rule.y1 = rule.y2 = y;
    rule.thickness = thickness;
    line.ops.push_back(rule);
}

}  // namespace quire::galley
