#pragma once
// Microtypography for a paragraph's boxes, as pdfTeX and microtype do it: how far a
// piece of text hangs into the margin at a line's edge (protrusion), how much its
// glyphs may widen or narrow to justify a line (glyph scaling), and the drawing of
// a piece at the scale its line chose.
#include "core/length.hpp"
#include "model/layout.hpp"
#include "shape/glyph_run.hpp"
#include "style/resolved_style.hpp"

namespace quire::galley {

// Steps from 100 % to the limit, either way (a 2 % limit: steps of 0.4 %, the
// default step of microtype's expansion).
inline constexpr int scaling_steps = 5;

// How far `run`'s first glyph (left) or last glyph (right) hangs into the margin:
// its table entry, in thousandths of that glyph's advance. Zero for characters the
// table does not list.
Length hang_left(const shape::GlyphRun& run, const model::ProtrusionTable& table);
Length hang_right(const shape::GlyphRun& run, const model::ProtrusionTable& table);

// Whether the style lets glyphs widen or narrow: only justified text, with a scaling
// range other than 100 %.
bool scales_glyphs(const style::ParagraphStyle& style);

// What a piece of `width` gains at the style's widest glyph scaling, and loses at
// its narrowest (zero when the style does not scale glyphs).
Length scale_stretch(Length width, const style::Spacing& scaling);
Length scale_shrink(Length width, const style::Spacing& scaling);

// The horizontal scale, in thousandths, of a line set at `step` of scaling_steps.
int horizontal_scale(const style::Spacing& scaling, int step);

// Draws `run` `extra` wider (narrower when negative) at `scale` thousandths: the
// advances take `extra` in proportion to their width (cumulative floors, so they add
// up to it exactly) and the offsets scale with the glyphs.
void scale_run(shape::GlyphRun& run, Length extra, int scale);
// The same on glyphs already copied elsewhere (a line's drawing), `width` being their
// run's width: the line drawer scales in place rather than copy every piece first.
void scale_glyphs(shape::Glyph* first, shape::Glyph* last, Length width, Length extra, int scale);

}  // namespace quire::galley
