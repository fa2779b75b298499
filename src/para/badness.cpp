#include "para/badness.hpp"

#include "para/item.hpp"

#include <algorithm>
#include <cstdlib>

namespace quire::para {

int badness(std::int64_t t, std::int64_t s) {
    if (t == 0) return 0;
    if (s <= 0) return inf_bad;
    // TeX §108: r approximates 297 t / s, since 297^3 is about 100 * 2^18; the three
    // branches keep TeX's 32-bit products in range, and we keep them so that the
    // rounding, hence the result, is exactly TeX's.
    std::int64_t r;
    if (t <= 7230584) {
        r = (t * 297) / s;
    } else if (s >= 1663497) {
        r = t / (s / 297);
    } else {
        r = t;
    }
    if (r > 1290) return inf_bad;  // 1290^3 < 2^31 < 1291^3
    return static_cast<int>((r * r * r + 0x20000) / 0x40000);
}

int two_level_badness(std::int64_t t, std::int64_t first, std::int64_t second) {
    if (second <= 0 || t <= first) return badness(t, first);
    if (first <= 0) return badness(t, second);
    // The glue at its limit (badness 100, as TeX's at ratio 1), the letters past it.
    return std::min(inf_bad, 100 + badness(t - first, second));
}

Fitness fitness_of(bool stretching, int b) {
    if (stretching) {
        if (b > 99) return Fitness::very_loose;
        if (b > 12) return Fitness::loose;
        return Fitness::decent;
    }
    return b > 12 ? Fitness::tight : Fitness::decent;
}

std::string_view fitness_name(Fitness f) {
    switch (f) {
        case Fitness::very_loose: return "very loose";
        case Fitness::loose: return "loose";
        case Fitness::decent: return "decent";
        case Fitness::tight: return "tight";
    }
    return "?";
}

std::int64_t line_demerits(int line_penalty, int b, int pi) {
    std::int64_t d = static_cast<std::int64_t>(line_penalty) + b;
    d = std::llabs(d) >= 10000 ? 100000000 : d * d;
    const std::int64_t p = pi;
    if (pi > 0) {
        d += p * p;
    } else if (pi > eject_penalty) {
        d -= p * p;
    }
    return d;
}

}  // namespace quire::para
