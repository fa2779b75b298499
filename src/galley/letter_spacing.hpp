#pragma once
// Spacing inside a word's glyphs: tracking (a character style's, in thousandths of an
// em, added to every glyph) and letter spacing (a paragraph style's, in per cent of
// the font's space, which justification may vary line by line). Plain functions on
// glyph runs, shared by the item builder (paragraph_items.hpp) and the line drawer
// (paragraph_lines.hpp).
#include "core/length.hpp"
#include "shape/glyph_run.hpp"

#include <cstddef>
#include <vector>

namespace quire::galley {

// Adds `tracking` thousandths of the run's size to every glyph's advance.
void apply_tracking(shape::GlyphRun& run, int tracking);

// The glyphs after which letter spacing goes in a piece of a word: the last glyph of
// each cluster (so a ligature or a base with its marks stays whole), except after the
// word's last cluster (`word_final`), which is followed by a space or the line's end.
std::vector<std::size_t> letter_gaps(const shape::GlyphRun& run, bool word_final);

// Spreads `extra` over the gaps (cumulative floors, so the shares add up to it exactly).
void spread_letter_spacing(shape::GlyphRun& run, const std::vector<std::size_t>& gaps, Length extra);

// `percent` of `space` (InDesign's spacing settings are percentages of the space).
inline Length percent_of(Length space, int percent) { return Length::from_sp(space.sp * percent / 100); }

}  // namespace quire::galley
