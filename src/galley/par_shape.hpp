#pragma once
// TeX's \parshape: the measure of each line of a paragraph, for drop caps and
// runarounds. Read by the breaker (widths) and by the line drawer (indents).
#include "core/length.hpp"
#include "para/line_widths.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace quire::galley {

// Lines 0..n-1 get their own left indent and width (the last entry repeats). Empty:
// every line at the full measure.
struct ParShape {
    std::vector<Length> indents;
    std::vector<Length> widths;
};

// The widths the breaker sets line by line: the shape's, else `measure` for all.
inline para::LineWidths line_widths(const ParShape* shape, Length measure) {
    return shape && !shape->widths.empty() ? para::LineWidths(shape->widths) : para::LineWidths(measure);
}

// How far line `line` is drawn right of the measure's left edge.
inline Length indent_of(const ParShape* shape, std::size_t line) {
    if (!shape || shape->indents.empty()) return Length{};
    return shape->indents[std::min(line, shape->indents.size() - 1)];
}

}  // namespace quire::galley
