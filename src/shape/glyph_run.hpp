#pragma once
// What shaping produces: glyphs of one font at one size, with HarfBuzz's positions
// (unhinted, converted to scaled points) and the clusters that tie glyphs to text.
#include "core/length.hpp"
#include "core/source_loc.hpp"
#include "font/font_id.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace quire::shape {

struct Glyph {
    std::uint32_t gid = 0;      // glyph id in the font file (before any subsetting)
    std::uint32_t cluster = 0;  // byte offset in GlyphRun::text where this glyph's text starts
    Length advance;             // horizontal advance, HarfBuzz x_advance
    Length x_offset, y_offset;  // HarfBuzz offsets (marks, kerning done by offset)
};

struct GlyphRun {
    font::FontId font = 0;
    Length size;                // font size
    std::vector<Glyph> glyphs;  // in visual order (left to right for LTR text)
    std::string text;           // the UTF-8 text the glyphs came from
    SourceLoc loc;

    Length width() const {
        Length w;
        for (const Glyph& g : glyphs) w += g.advance;
        return w;
    }
};

}  // namespace quire::shape
