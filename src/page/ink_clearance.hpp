#pragma once
// How far apart two baselines must be for the ink of two lines not to touch: TeX's
// \lineskip rule with \lineskiplimit 0, on what the lines hold (their glyphs' ink).
#include "galley/galley.hpp"

namespace quire::page {

// Where both lines know their ink across the measure (galley::Line::InkProfile), only
// ink that stands one above the other counts: a tall letter under a gap in the line
// above does not push the line off the grid. Otherwise the lowest ink of `above` and
// the highest of `below`, wherever they stand.
Length ink_clearance(const galley::Line& above, const galley::Line& below);

}  // namespace quire::page
