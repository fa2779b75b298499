#include "para/line_fit.hpp"

#include <algorithm>
#include <limits>

namespace quire::para {

namespace {

// round(part * steps / whole) for part >= 0, whole > 0, halves up.
std::int64_t nearest_step(std::int64_t part, std::int64_t whole, int steps) {
    // In 64 bits when nothing overflows, as for every real line: the breaker asks this
    // for every line it tries, and a 128-bit division is a library call.
    std::int64_t twice_part = 0, narrow = 0;
    if (!__builtin_mul_overflow(part, 2 * static_cast<std::int64_t>(steps), &twice_part) &&
        !__builtin_add_overflow(twice_part, whole, &narrow) && whole < std::numeric_limits<std::int64_t>::max() / 2) {
        return narrow / (2 * whole);
    }
    __extension__ using Wide = __int128;
    const Wide twice = static_cast<Wide>(2) * part * steps + whole;
    return static_cast<std::int64_t>(twice / (static_cast<Wide>(2) * whole));
}

}  // namespace

int scale_step(std::int64_t shortfall, std::int64_t stretch, std::int64_t shrink, int steps) {
    if (steps <= 0 || shortfall == 0) return 0;
    if (shortfall > 0) {
        if (stretch <= 0) return 0;
        return static_cast<int>(std::min<std::int64_t>(nearest_step(shortfall, stretch, steps), steps));
    }
    if (shrink <= 0) return 0;
    return -static_cast<int>(std::min<std::int64_t>(nearest_step(-shortfall, shrink, steps), steps));
}

std::int64_t scaled_by(Length stretch, Length shrink, int step, int steps) {
    if (steps <= 0 || step == 0) return 0;
    if (step > 0) return mul_div(stretch.sp, step, steps);
    return -mul_div(shrink.sp, -step, steps);
}

LineFit fit_line(std::int64_t shortfall, std::int64_t fil, Length scale_stretch, Length scale_shrink, int steps) {
    if (shortfall > 0 && fil > 0) return LineFit{0, shortfall, shortfall};
    const int step = scale_step(shortfall, scale_stretch.sp, scale_shrink.sp, steps);
    return LineFit{step, shortfall - scaled_by(scale_stretch, scale_shrink, step, steps), shortfall};
}

LineFit fit_line(const LineTotals& totals, Length target, int steps) {
    const std::int64_t before = target.sp + totals.hang_left.sp + totals.hang_right.sp - totals.natural.sp;
    return fit_line(before, totals.stretch_fil.sp, totals.scale_stretch, totals.scale_shrink, steps);
}

}  // namespace quire::para
