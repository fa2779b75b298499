#pragma once
// Turns chosen breaks into lines ready to draw: which items each line holds and how
// wide each glue item ends up (TeX's post_line_break, §877-890, and hpack's glue
// setting, §649-667).
//
// Letter spacing (Box::stretch, shrink) is a second order: the glue moves first, up
// to its stretch (or shrink); the boxes take what is left, up to theirs; past both
// limits (stretching only) glue and boxes share the change in proportion to their
// stretch.
//
// Glue is set in integer scaled points: the space a line must gain or lose is shared
// among its glue in proportion to stretch (or shrink), with the rounding remainders
// handed out by cumulative floors, left to right. So a justified line is exactly its
// target width, the same on every machine.
#include "core/length.hpp"
#include "para/break_lines.hpp"
#include "para/item.hpp"
#include "para/line_widths.hpp"

#include <cstddef>
#include <vector>

namespace quire::para {

struct GlueSetting {
    std::size_t item = 0;  // index of a Glue item in the line
    Length width;          // its width as set
};

// A box whose letter spacing changed (Box::stretch or shrink used): `extra` is what
// it gained (< 0: lost), for the caller to spread over the box's letter gaps.
struct BoxSetting {
    std::size_t item = 0;
    Length extra;
};

struct Line {
    // Items [first, last): glue and penalties after the previous break are already
    // dropped (TeX §879). A line ending at a penalty includes it as its last item: if
    // it has a width, that is the hyphen to draw. Other penalties draw nothing.
    std::size_t first = 0;
    std::size_t last = 0;
    Length target;    // the line width asked for (LineWidths)
    Length width;     // boxes (scaled) + set glue + the final penalty's width; == target
                      // + hang_left + hang_right unless the line could not stretch or
                      // shrink enough
    Length hang_left;   // drawn this far left of the line's start (margin kerning)
    Length hang_right;  // and may reach this far past its end
    int scale_step = 0; // glyph scaling of the line's boxes (line_fit.hpp, scaled_by)
    int scaling_steps = 0;
    double ratio = 0.0;  // as Break::ratio
    bool hyphenated = false;
    std::vector<GlueSetting> glue;  // every glue item in [first, last), in order
    std::vector<BoxSetting> boxes;  // boxes in [first, last) with letter spacing used, in order
};

// One Line per break, in order. `widths` must be the LineWidths the breaks were
// computed with, and `scaling_steps` the BreakParams::scaling_steps. A box draws
// scaled_by(box.scale_stretch, box.scale_shrink, line.scale_step, scaling_steps)
// wider than its width.
std::vector<Line> set_lines(const std::vector<Item>& items, const BreakResult& result, const LineWidths& widths,
                            int scaling_steps = 0);

}  // namespace quire::para
