#pragma once
// Unicode bidi (UAX #9) through ICU's ubidi: a paragraph's text -> the embedding level
// of each stretch of it, and a line's levels -> the visual order of its parts.
//
// How quire uses it: a paragraph is resolved once, on its whole logical text (rules P2
// to I2: explicit embeddings, weak and neutral types, bracket pairs); each word piece
// is cut where the level changes and shaped in its level's direction (odd: right to
// left, so HarfBuzz mirrors brackets and joins Arabic); lines are broken in logical
// order; only then is each line's sequence of items reordered by rule L2
// (galley/paragraph_lines.cpp). A paragraph with no right-to-left character and no
// explicit direction needs none of it (needs_bidi).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace quire::shape {

enum class Direction : unsigned char { ltr, rtl };

// Bytes [begin, end) of the text at one embedding level (UAX #9 BD2): even levels run
// left to right, odd ones right to left.
struct LevelSpan {
    std::size_t begin = 0, end = 0;
    std::uint8_t level = 0;
};

// Bytes [begin, end) of the text set in an explicit direction (<span dir="rtl">).
struct DirectionSpan {
    std::size_t begin = 0, end = 0;
    Direction direction = Direction::ltr;
};

// The paragraph level of a base direction (UAX #9 P3): 0 or 1.
inline std::uint8_t base_level(Direction d) { return d == Direction::rtl ? 1 : 0; }
inline bool is_rtl_level(std::uint8_t level) { return (level & 1) != 0; }

// Whether `text` holds a character of right-to-left type (R, AL, or an explicit RLE,
// RLO, RLI): without one, and in a left-to-right paragraph with no explicit
// direction, every level is 0. ASCII is passed over without a lookup.
bool has_rtl_characters(std::string_view text);

// Whether a paragraph must be resolved at all (else every level is 0).
bool needs_bidi(std::string_view text, Direction base, const std::vector<DirectionSpan>& explicit_spans);

// The direction a language is written in (ICU's likely script: "ar", "he", "fa",
// "ur", "yi", "ps", "dv" ... right to left; "az-Arab" too); left to right if unknown.
Direction language_direction(std::string_view bcp47);

// The levels of `text` (UTF-8) in a paragraph of direction `base`, with the explicit
// spans embedded in it (each one level deeper, as HTML's dir does): maximal spans of
// one level covering the whole text, in order. Empty for empty text. Malformed UTF-8
// is resolved as U+FFFD.
std::vector<LevelSpan> resolve_levels(std::string_view text, Direction base,
                                      const std::vector<DirectionSpan>& explicit_spans);

// The visual order of a line's parts from their levels (UAX #9 L2, ubidi_reorderVisual):
// result[v] is the index of the part drawn v-th from the left.
std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& levels);

}  // namespace quire::shape
