#pragma once
// Which items make up a line, and what they add up to. Shared by the breaker's
// report, set_lines and the tests, so all three agree on what "the line" is.
#include "core/length.hpp"
#include "para/item.hpp"

#include <cstddef>
#include <vector>

namespace quire::para {

// Items [first, last). When the line ends at a penalty, that penalty is the last
// item (its width is the hyphen to draw); when it ends at glue, the glue is not in
// the line.
struct LineRange {
    std::size_t first = 0;
    std::size_t last = 0;
};

struct LineTotals {
    Length natural;      // boxes + glue widths + the width of the penalty broken at
    Length stretch;      // finite stretch
    Length shrink;
    Length stretch_fil;  // first-order infinite stretch
    Length letter_stretch;  // the boxes' (letter spacing), used after the glue's
    Length letter_shrink;
    Length scale_stretch;   // glyph scaling at the limit (Box, and the hyphen broken at)
    Length scale_shrink;
    Length hang_left;       // the first box's hang into the left margin
    Length hang_right;      // the hyphen's, or the last box's, into the right margin
};

// Where the line after a break at `break_item` begins: glue and penalties right after
// a break are discarded up to the next box (TeX §879; Knuth-Plass 1981 §3). Returns
// items.size() if no box follows.
std::size_t line_start_after(const std::vector<Item>& items, std::size_t break_item);

// The line that starts at `start` (0, or line_start_after the previous break) and
// ends with a break at `break_item` (items.size() for the implicit end of a list
// without a final forced break). An empty line has first == last.
LineRange line_range(const std::vector<Item>& items, std::size_t start, std::size_t break_item);

// Totals of the line; penalties other than the one broken at weigh nothing.
LineTotals line_totals(const std::vector<Item>& items, LineRange range, std::size_t break_item);

}  // namespace quire::para
