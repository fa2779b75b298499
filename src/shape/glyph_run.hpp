#pragma once
// What shaping produces: glyphs of one font at one size, with HarfBuzz's positions
// (unhinted, converted to scaled points) and the clusters that tie glyphs to text.
#include "core/length.hpp"
#include "core/source_loc.hpp"
#include "font/font_id.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace quire::shape {

// A glyph's advance or offset: a Length kept in 32 bits. An issue holds millions of
// glyphs (every page until the PDF is written), and no glyph moves the pen 32767pt;
// layout lengths are capped at 16384pt, so only a glyph twice that size at a huge
// tracking could reach the bound, where it saturates rather than wraps.
struct GlyphLength {
    std::int32_t sp = 0;

    constexpr GlyphLength() = default;
    constexpr GlyphLength(Length l)  // NOLINT: implicit, so a glyph's lengths read as Lengths
        : sp(static_cast<std::int32_t>(std::clamp<std::int64_t>(l.sp, std::numeric_limits<std::int32_t>::min(),
                                                                 std::numeric_limits<std::int32_t>::max()))) {}
    constexpr operator Length() const { return Length{sp}; }
    double pt() const { return Length(*this).pt(); }
    GlyphLength& operator+=(Length o) { return *this = Length(*this) + o; }
    friend constexpr auto operator<=>(GlyphLength, GlyphLength) = default;
    friend constexpr bool operator==(GlyphLength a, Length b) { return Length(a) == b; }
    friend constexpr auto operator<=>(GlyphLength a, Length b) { return Length(a) <=> b; }
};

struct Glyph {
    std::uint32_t gid = 0;      // glyph id in the font file (before any subsetting)
    std::uint32_t cluster = 0;  // byte offset in GlyphRun::text where this glyph's text starts
    GlyphLength advance;        // horizontal advance, HarfBuzz x_advance
    GlyphLength x_offset, y_offset;  // HarfBuzz offsets (marks, kerning done by offset)
};

struct GlyphRun {
    font::FontId font = 0;
    Length size;                // font size
    std::vector<Glyph> glyphs;  // in visual order (left to right for LTR text)
    std::string text;           // the UTF-8 text the glyphs came from
    SourceLoc loc;
    // Bit i set: the run may be cut before glyph i (i < 64) and each side keeps its
    // glyphs as they are, HarfBuzz's glyph i not being UNSAFE_TO_BREAK. Then a word
    // need not be shaped again in two to hyphenate it there (issue 19). Unset bits
    // promise nothing; only the shaper sets them, for left-to-right runs.
    std::uint64_t safe_cuts = 0;

    Length width() const {
        Length w;
        for (const Glyph& g : glyphs) w += g.advance;
        return w;
    }
};

}  // namespace quire::shape
