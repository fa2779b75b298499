#pragma once
// Where a line's ink reaches across its width (Line::InkProfile), for the lines whose
// ink is taller than their leading; page::ink_clearance reads it.
#include "font/font_registry.hpp"
#include "galley/galley.hpp"

namespace quire::galley {

// The ink of the line's glyphs (ops relative to its origin), slice by slice.
Line::InkProfile ink_profile(const std::vector<render::DrawOp>& ops, const font::FontRegistry& registry);

}  // namespace quire::galley
