#pragma once
// Setting a paragraph, stage 4 of 4 (finalize): the broken lines (para::Line: which
// items, how wide each glue is set) -> drawn lines (Line): glyph runs at their
// x, letter spacing and glyph scaling as the breaker chose them, a space glyph in each
// word space, hyphens at breaks, link areas, the notes referred to, the line's heights
// and its hang into the margins; then the breaker's judgement of each line (loose,
// overfull) for proofs and warnings.
// Before: paragraph_breaking.hpp (break).
#include "core/diagnostics.hpp"
#include "font/font_registry.hpp"
#include "galley/galley.hpp"
#include "galley/par_shape.hpp"
#include "galley/paragraph_items.hpp"
#include "para/break_lines.hpp"
#include "para/set_lines.hpp"
#include "style/resolved_style.hpp"

#include <vector>

namespace quire::galley {

// Where a paragraph's lines stand and how they are aligned.
struct LineFrame {
    Length measure;                 // Line::width: the block's measure
    para::LineWidths widths;        // each line's own measure, as broken
    const ParShape* shape = nullptr;  // each line's indent; null: none
    const style::ParagraphStyle* style = nullptr;  // alignment and glyph scaling
};

// Each set line drawn, relative to its origin (the left end of its baseline).
std::vector<Line> draw_lines(const std::vector<para::Line>& set, const ParagraphItems& items,
                             const std::vector<RunLook>& looks, const LineFrame& frame,
                             const font::FontRegistry& registry);

// Marks the lines the breaker left loose (only justified lines stretch to fit a
// measure, so only they can be) or overfull, and warns of each overfull line at its
// first word (else at `loc`). Returns how many lines are overfull.
int judge_lines(std::vector<Line>& lines, const para::BreakResult& breaks, const std::vector<para::Line>& set,
                const ParagraphItems& items, const LineFrame& frame, const SourceLoc& loc, DiagnosticSink& sink);

}  // namespace quire::galley
