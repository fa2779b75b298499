#pragma once
// Numbers as they appear in PDF syntax. Fixed notation with a bounded number of
// decimals, trailing zeros trimmed, never the process locale: the same input must give
// the same bytes on every machine (design §7, determinism).
#include "core/length.hpp"

#include <string>

namespace quire::pdf {

// Appends `value` with at most `max_decimals` decimals: 12.5 -> "12.5", 3.0 -> "3",
// -0.00001 -> "0". Content streams write a number for nearly every glyph: this one
// writes in place, with no temporary string.
void append_number(std::string& out, double value, int max_decimals = 4);

// The same as a string.
std::string format_number(double value, int max_decimals = 4);

// Rounds to what format_number would print, so later arithmetic uses the written value.
double round_to_decimals(double value, int decimals);

// A length in points, as written in PDF user space.
inline std::string format_pt(Length length) { return format_number(length.pt()); }
inline void append_pt(std::string& out, Length length) { append_number(out, length.pt()); }

}  // namespace quire::pdf
