#pragma once
// Setting a paragraph, stage 3 of 4 (break): the prepared items -> where the lines
// break, by para/'s Knuth-Plass breaker, with the style's tolerances; and the same
// paragraph one line longer or shorter (TeX's \looseness), where that stays good.
// Before: paragraph_items.hpp (prepare). Next: paragraph_lines.hpp (finalize).
#include "galley/paragraph_items.hpp"
#include "para/break_lines.hpp"
#include "para/line_widths.hpp"
#include "style/resolved_style.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace quire::galley {

// A length as a trace or a warning about a paragraph gives it: "12.50pt".
std::string format_pt(Length l);

// How a style's paragraph is broken at a measure of `width`.
struct BreakSettings {
    para::BreakParams params;
    std::vector<Length> wider;  // emergency stretch to try next while a line still overflows
};
BreakSettings break_settings(const style::ParagraphStyle& style, Length width);

// Where a \tracingparagraphs-style trace goes, and what its heading names.
struct BreakTracing {
    std::ostream* out = nullptr;  // null: no trace
    SourceLoc loc;
    std::string style_name;
    Length width;
};

para::BreakResult break_paragraph(const ParagraphItems& items, const BreakSettings& settings,
                                  const para::LineWidths& widths, const BreakTracing& tracing);

// The paragraph broken with `looseness` lines more (or fewer): only where every line
// stays within the tolerance, in the first or second pass (or by breaking names, if
// the paragraph itself needed to: `paragraph_pass`), without more hyphens in a row
// than the style allows. Empty otherwise.
std::optional<para::BreakResult> break_with_looseness(const ParagraphItems& items, const BreakSettings& settings,
                                                      const para::LineWidths& widths, para::BreakPass paragraph_pass,
                                                      int looseness);

}  // namespace quire::galley
