#include "page/balancing.hpp"

#include <algorithm>
#include <optional>

namespace quire::page {

namespace {
// The lowest baseline (or figure top) placed in a column; zero when empty.
Length last_baseline(const Flow&, const ColumnFill& fill) {
    Length y;
    for (const UnitPos& p : fill.placed) y = std::max(y, p.y);
    return y;
}
}  // namespace

void balance_columns(const Flow& flow, PageState& page) {
    const PageFrame& f = page.frame();
    const int n = static_cast<int>(flow.units.size());
    const int ncol = static_cast<int>(page.columns.size());
    if (ncol < 2 || page.first_unit >= n || f.grid.step.sp <= 0) return;

    Length deepest;
    for (int c = 0; c < ncol; ++c) deepest = std::max(deepest, column_space(page, c).bottom);

    // Candidate feet half a grid line below each grid line: a line on the grid line
    // fits, the next one does not. Tried from the top down, the first foot that
    // holds the whole rest of the article is the balanced one (TeX's \balance in
    // multicol does the same search with \vsplit).
    FillOptions opt{float_separation(f), false, {}};
    std::optional<std::vector<ColumnFill>> fallback;  // the shortest foot that holds it all
    for (Length line = f.grid.snap(page.region_top); line - f.grid.step / 2 < deepest; line += f.grid.step) {
        Length foot = line + f.grid.step / 2;
        std::vector<ColumnFill> fills;
        int u = page.first_unit;
        for (int c = 0; c < ncol; ++c) {
            ColumnSpace s = column_space(page, c);
            opt.figure_room = s.bottom - s.top;  // figures keep the size they had
            opt.carry = c == 0 ? page.carry_in : fills.back().carried;
            s.bottom = std::min(s.bottom, foot);
            ColumnFill fill = fill_column(flow, u, s, f.grid, opt);
            u = fill.end;
            fills.push_back(std::move(fill));
        }
        if (u != n || !fills.back().carried.empty()) continue;  // all the text and all its notes
        if (!fallback) fallback = fills;
        // Like multicol's balancing, a trial is good only if no later column is longer
        // than the first: with widow and orphan rules the shortest foot can leave the
        // right column the longer one, which reads as a mistake.
        Length first_foot = last_baseline(flow, fills[0]);
        bool left_heavy = true;
        for (int c = 1; c < ncol; ++c) left_heavy = left_heavy && last_baseline(flow, fills[c]) <= first_foot;
        if (left_heavy) {
            for (int c = 0; c < ncol; ++c) page.columns[c].fill = std::move(fills[c]);
            return;
        }
    }
    if (fallback) {
        for (int c = 0; c < ncol; ++c) page.columns[c].fill = std::move((*fallback)[c]);
    }
}

}  // namespace quire::page
