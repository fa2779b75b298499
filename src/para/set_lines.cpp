#include "para/set_lines.hpp"

#include "para/line_fit.hpp"
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

// Shares `amount` among the boxes of [first, last) that have weight(box) > 0, whose
// sum is `total` (> 0), with cumulative floors as for glue below.
template <typename Weight>
void distribute_boxes(const std::vector<Item>& items, std::size_t first, std::size_t last,
                      std::vector<BoxSetting>& out, std::int64_t amount, std::int64_t total, Weight weight) {
    Wide running = 0;
    Wide given = 0;
    for (std::size_t i = first; i < last; ++i) {
        const auto* box = std::get_if<Box>(&items[i]);
        if (box == nullptr || weight(*box) <= 0) continue;
        running += weight(*box);
        const Wide upto = floor_div(static_cast<Wide>(amount) * running, total);
        if (upto != given) out.push_back(BoxSetting{i, Length::from_sp(static_cast<std::int64_t>(upto - given))});
        given = upto;
    }
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

// What glyph scaling at `step` adds to the line [first, last) broken at `break_item`,
// box by box as the drawing will (scaled_by), so the line comes out exact.
std::int64_t scaled_total(const std::vector<Item>& items, LineRange range, std::size_t break_item, int step, int steps) {
    if (step == 0) return 0;
    std::int64_t total = 0;
    for (std::size_t i = range.first; i < range.last; ++i) {
        if (const auto* box = std::get_if<Box>(&items[i])) {
            total += scaled_by(box->scale_stretch, box->scale_shrink, step, steps);
        } else if (const auto* p = std::get_if<Penalty>(&items[i]); p != nullptr && i == break_item) {
            total += scaled_by(p->scale_stretch, p->scale_shrink, step, steps);
        }
    }
    return total;
}

}  // namespace

std::vector<Line> set_lines(const std::vector<Item>& items, const BreakResult& result, const LineWidths& widths,
                            int scaling_steps) {
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
        line.hang_left = totals.hang_left;
        line.hang_right = totals.hang_right;
        line.scaling_steps = scaling_steps;
        for (std::size_t i = range.first; i < range.last; ++i) {
            if (const auto* g = std::get_if<Glue>(&items[i])) line.glue.push_back(GlueSetting{i, g->width});
        }

        // hpack (TeX §658, §664): stretch with the highest order present; shrink at
        // most by the shrink there is (an overfull line stays overfull).
        // Glyph scaling first, at the step the breaker judged the line by.
        const LineFit fit = fit_line(totals, line.target, scaling_steps);
        line.scale_step = fit.step;
        const std::int64_t scaled = scaled_total(items, range, br.item, line.scale_step, scaling_steps);
        const std::int64_t shortfall = fit.before - scaled;
        const std::int64_t glue_stretch = totals.stretch.sp, letter_stretch = totals.letter_stretch.sp;
        const std::int64_t glue_shrink = totals.shrink.sp, letter_shrink = totals.letter_shrink.sp;
        auto box_stretch = [](const Box& b) { return b.stretch.sp; };
        auto box_shrink = [](const Box& b) { return b.shrink.sp; };
        std::int64_t change = 0;
        if (shortfall > 0) {
            if (totals.stretch_fil.sp > 0) {
                distribute(items, line.glue, shortfall, totals.stretch_fil.sp,
                           [](const Glue& g) { return g.stretch_fil.sp; });
                change = shortfall;
            } else if (glue_stretch + letter_stretch > 0) {
                // Glue first, up to its stretch; then the letters, up to theirs and never
                // further (a style's letter-spacing maximum is a limit: issue 15); past
                // both, the word spaces take the rest, a loose line that --proof counts.
                // A line with no stretchable glue stays short rather than letterspaced.
                const std::int64_t to_letters = std::clamp<std::int64_t>(shortfall - glue_stretch, 0, letter_stretch);
                const std::int64_t to_glue = glue_stretch > 0 ? shortfall - to_letters : 0;
                if (to_glue > 0) distribute(items, line.glue, to_glue, glue_stretch, [](const Glue& g) { return g.stretch.sp; });
                if (to_letters > 0) {
                    distribute_boxes(items, line.first, line.last, line.boxes, to_letters, letter_stretch, box_stretch);
                }
                change = to_glue + to_letters;
            }
        } else if (shortfall < 0 && glue_shrink + letter_shrink > 0) {
            const std::int64_t lose = std::min(-shortfall, glue_shrink + letter_shrink);
            const std::int64_t from_glue = std::min(lose, glue_shrink);
            if (from_glue > 0) distribute(items, line.glue, -from_glue, glue_shrink, [](const Glue& g) { return g.shrink.sp; });
            if (lose - from_glue > 0) {
                distribute_boxes(items, line.first, line.last, line.boxes, -(lose - from_glue), letter_shrink, box_shrink);
            }
            change = -lose;
        }
        line.width = totals.natural + Length::from_sp(scaled + change);
        lines.push_back(std::move(line));
        start = line_start_after(items, br.item);
    }
    return lines;
}

}  // namespace quire::para
