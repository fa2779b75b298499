#include "para/set_lines.hpp"

#include "para/line_range.hpp"

#include <algorithm>

namespace quire::para {

namespace {

// 128-bit products keep amount * cumulative weight exact for any lengths.
__extension__ using Wide = __int128;

Wide floor_div(Wide a, Wide b) {
    Wide q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Shares `amount` among the glue of the line in proportion to weight(glue), whose sum
// over the line is `total` (> 0): glue i gets floor(amount*C_i/total) -
// floor(amount*C_{i-1}/total), C the running weight, so the shares add up to exactly
// `amount` (the sum telescopes) and the result is reproducible.
template <typename Weight>
void distribute(const std::vector<Item>& items, std::vector<GlueSetting>& glue, std::int64_t amount,
                std::int64_t total, Weight weight) {
    Wide running = 0;
    Wide given = 0;
    for (GlueSetting& g : glue) {
        running += weight(std::get<Glue>(items[g.item]));
        const Wide upto = floor_div(static_cast<Wide>(amount) * running, total);
        g.width += Length::from_sp(static_cast<std::int64_t>(upto - given));
        given = upto;
    }
}

}  // namespace

std::vector<Line> set_lines(const std::vector<Item>& items, const BreakResult& result, const LineWidths& widths) {
    std::vector<Line> lines;
    lines.reserve(result.breaks.size());
    std::size_t start = 0;
    for (const Break& br : result.breaks) {
        const LineRange range = line_range(items, start, br.item);
        const LineTotals totals = line_totals(items, range, br.item);

        Line line;
        line.first = range.first;
        line.last = range.last;
        line.target = widths(br.line);
        line.ratio = br.ratio;
        line.hyphenated = br.hyphenated;
        for (std::size_t i = range.first; i < range.last; ++i) {
            if (const auto* g = std::get_if<Glue>(&items[i])) line.glue.push_back(GlueSetting{i, g->width});
        }

        // hpack (TeX §658, §664): stretch with the highest order present; shrink at
        // most by the shrink there is (an overfull line stays overfull).
        const std::int64_t shortfall = line.target.sp - totals.natural.sp;
        std::int64_t change = 0;
        if (shortfall > 0) {
            if (totals.stretch_fil.sp > 0) {
                distribute(items, line.glue, shortfall, totals.stretch_fil.sp,
                           [](const Glue& g) { return g.stretch_fil.sp; });
                change = shortfall;
            } else if (totals.stretch.sp > 0) {
                distribute(items, line.glue, shortfall, totals.stretch.sp, [](const Glue& g) { return g.stretch.sp; });
                change = shortfall;
            }
        } else if (shortfall < 0 && totals.shrink.sp > 0) {
            const std::int64_t lose = std::min(-shortfall, totals.shrink.sp);
            distribute(items, line.glue, -lose, totals.shrink.sp, [](const Glue& g) { return g.shrink.sp; });
            change = -lose;
        }
        line.width = totals.natural + Length::from_sp(change);
        lines.push_back(std::move(line));
        start = line_start_after(items, br.item);
    }
    return lines;
}

}  // namespace quire::para
