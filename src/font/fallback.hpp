#pragma once
// The fallback chain: which font sets each character of a run. The style's own font
// wins whenever it has the glyph; otherwise the first font of the layout's fallback
// families that has it. A character no font has is a warning naming it (U+XXXX and the
// character itself) at the run's source location, never silent tofu.
#include "core/diagnostics.hpp"
#include "font/font_registry.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace quire::font {

// A stretch of text [begin, end) (byte offsets) set in one font.
struct FontSpan {
    std::size_t begin = 0, end = 0;
    FontId font = 0;
};

// Splits `text` (UTF-8) into maximal spans by chosen font. Characters that draw nothing
// (controls, default-ignorables such as U+00AD, ZWJ, variation selectors) and combining
// marks the previous font has stay with the previous character's font, so clusters are
// not torn apart. A character no font has stays in `primary` (it will draw as .notdef)
// and is reported once per call, with a little of its context, at `loc`.
std::vector<FontSpan> assign_fonts(const FontRegistry& registry, std::string_view text, FontId primary,
                                   std::span<const FontId> fallback, const SourceLoc& loc, DiagnosticSink& sink);

// "U+1F600 '😀'": how diagnostics name a character.
std::string describe_codepoint(char32_t codepoint);

}  // namespace quire::font
