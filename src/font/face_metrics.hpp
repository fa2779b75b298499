#pragma once
// What the rest of quire needs to know about a face, read once at load time. Values are
// in font units (1/units_per_em of the size); scale_units() turns them into lengths.
#include "core/length.hpp"

#include <cstdint>
#include <string>

namespace quire::font {

enum class OutlineFormat { cff, truetype, other };

struct BBox {
    std::int32_t x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

struct FaceMetrics {
    std::string path;             // the file as given to FontRegistry::load
    unsigned face_index = 0;      // which face of a collection (.ttc); 0 for a single font
    std::string postscript_name;  // e.g. "EBGaramond12-Regular"; empty if the font has none
    std::string family_name, style_name;
    OutlineFormat outlines = OutlineFormat::other;
    int units_per_em = 1000;
    std::int32_t ascender = 0;    // above the baseline, positive
    std::int32_t descender = 0;   // below the baseline, negative (as in the font)
    std::int32_t line_gap = 0;
    std::int32_t cap_height = 0;  // OS/2 sCapHeight, or measured from "H"
    std::int32_t x_height = 0;    // OS/2 sxHeight, or measured from "x"
    std::int32_t underline_position = 0, underline_thickness = 0;
    std::int32_t italic_angle_deg16 = 0;  // post table italic angle, 16.16 fixed degrees
    BBox bbox;                    // union of all glyph boxes (head table)
    std::uint32_t glyph_count = 0;
    bool italic = false, bold = false;  // the face's own style flags
    bool sans = false;            // a sans serif by its OS/2 class or PANOSE (fallback prefers the like)
    bool embeddable = true;       // its licence (OS/2 fsType) lets a PDF embed a subset
};

// Font units at a size to scaled points: round(units * size / upem), rounding half away
// from zero. Integer maths so the same font and size always give the same positions.
inline Length scale_units(std::int64_t units, Length size, int units_per_em) {
    const std::int64_t num = units * size.sp;
    const std::int64_t half = units_per_em / 2;
    return Length::from_sp(num >= 0 ? (num + half) / units_per_em : -((-num + half) / units_per_em));
}

}  // namespace quire::font
