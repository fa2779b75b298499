#pragma once
// The cost model of the line breaker, in integers as TeX computes it, so that the
// same paragraph always breaks the same way on every machine.
#include <cstdint>
#include <string_view>

namespace quire::para {

// TeX's inf_bad (§108): "infinitely bad". A line that cannot shrink enough gets
// inf_bad + 1 and is never feasible (§851).
inline constexpr int inf_bad = 10000;

// Badness of a line that must stretch (or shrink) by `t` when its glue offers `s`,
// in the same units: about 100 (t/s)^3, capped at inf_bad. TeX §108's integer
// approximation, reproduced so our badnesses equal TeX's for the same numbers.
// Needs t >= 0.
int badness(std::int64_t t, std::int64_t s);

// Badness when a line's flexibility comes in two kinds: `first` from its interword
// glue, `second` from letter spacing (Box::stretch or shrink), which set_lines uses only
// once the glue is at its limit. So the badness is that of the line as drawn: TeX's
// badness(t, first) while the glue takes it all; past the glue's limit (badness 100),
// 100 plus the letters' own badness for what they take, so a line whose word spaces
// are at their limit is never mistaken for a good one (issue 15). With second == 0 it
// is TeX's badness exactly; with no glue, the letters' own. Shrinking past first +
// second cannot be set (overfull): the caller checks that before. Needs t >= 0.
int two_level_badness(std::int64_t t, std::int64_t first, std::int64_t second);

// TeX's fitness classes (§817); adjacent lines whose classes differ by more than one
// cost adj_demerits.
enum class Fitness : int { very_loose = 0, loose = 1, decent = 2, tight = 3 };

// Fitness of a line stretched (stretching=true) or shrunk with badness b (§853, §852).
Fitness fitness_of(bool stretching, int b);

std::string_view fitness_name(Fitness f);

// Demerits of one line of badness b ending at a break of penalty pi, before the
// hyphen and fitness terms (TeX §859; Knuth-Plass 1981 eq. for delta):
// (l + b)^2 (10^8 when |l + b| >= 10000), plus pi^2 for pi > 0, minus pi^2 for
// eject_penalty < pi < 0; a forced break adds nothing.
std::int64_t line_demerits(int line_penalty, int b, int pi);

}  // namespace quire::para
