#pragma once
// How a line takes up the difference between its natural width and its measure:
// glyph scaling first (Box::scale_stretch, scale_shrink), in whole steps of the
// style's limit, as pdfTeX's font expansion does; the glue, and letter spacing after
// it, take what is left. The breaker judges a line and set_lines sets it through the
// same two functions, so the line the breaker chose is the line drawn.
#include "core/length.hpp"
#include "para/line_range.hpp"

#include <cstdint>

namespace quire::para {

// The step, from -steps (narrowest) to +steps (widest), for a line short by
// `shortfall` (negative: too long) whose glyphs can gain `stretch` or lose `shrink`
// at the limit: the step nearest to taking the whole difference, within the limit.
// 0 when there is no scaling (steps <= 0, or nothing to scale that way).
int scale_step(std::int64_t shortfall, std::int64_t stretch, std::int64_t shrink, int steps);

// What something that gains `stretch` (loses `shrink`) at the limit gains at `step`:
// floor(stretch * step / steps), or minus floor(shrink * -step / steps), in scaled
// points, so a line's total is the sum of its boxes' and the drawing agrees with it.
std::int64_t scaled_by(Length stretch, Length shrink, int step, int steps);

// A line short by `shortfall` (before scaling), as the breaker judges it: the step
// its glyphs are scaled by and what the glue and letters must still give (> 0:
// stretch, < 0: shrink). A line with infinite stretch (`fil` > 0, a paragraph's last
// line) that is short is not scaled: its fil glue takes the space.
struct LineFit {
    int step = 0;
    std::int64_t shortfall = 0;
    std::int64_t before = 0;  // the shortfall before scaling
};
LineFit fit_line(std::int64_t shortfall, std::int64_t fil, Length scale_stretch, Length scale_shrink, int steps);

// A line set at `target` from its totals: short by target + its hangs into the margins
// - its natural width, before scaling. The one way the breaker's report and set_lines
// see a chosen line.
LineFit fit_line(const LineTotals& totals, Length target, int steps);

}  // namespace quire::para
