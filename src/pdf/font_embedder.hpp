#pragma once
// Embeds the document's fonts ourselves (design §5): PoDoFo's font classes look glyphs
// up by Unicode and cannot draw HarfBuzz glyph ids. Each font is subset with hb-subset
// to glyph 0 plus the glyphs the pages use, glyph ids renumbered, layout tables
// dropped, and written as a Type0 font with Identity-H encoding over a CIDFontType0
// (CFF outlines, FontFile3 /OpenType) or CIDFontType2 (TrueType, FontFile2).
#include "core/diagnostics.hpp"
#include "render/display_list.hpp"

#include <podofo/podofo.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace quire::pdf {

// Metrics for the FontDescriptor, in 1/1000 em (PDF glyph space).
struct FontDescriptorMetrics {
    double bbox[4] = {0, 0, 0, 0};
    double italic_angle = 0, ascent = 0, descent = 0, cap_height = 0, stem_v = 0;
    int flags = 0;
};

struct SubsetFont {
    enum class Outlines { cff, truetype };
    Outlines outlines = Outlines::cff;
    std::string source_path;
    std::string postscript_name;                  // without the subset tag
    std::string tag;                              // six capitals from the glyph set's hash
    std::string data;                             // the subset font file
    std::map<std::uint32_t, std::uint32_t> new_gid;  // original glyph id -> subset glyph id
    std::vector<double> widths;                   // by subset glyph id, 1/1000 em as in /W
    FontDescriptorMetrics metrics;

    // The advance PDF readers will use for a subset glyph, in 1/1000 em.
    double width(std::uint32_t subset_gid) const {
        return subset_gid < widths.size() ? widths[subset_gid] : 0.0;
    }
};

// Subsets `source` to glyph 0 plus `gids` (original ids). Reports an error and returns
// nothing when the file cannot be read, is not OpenType/TrueType, or lacks a glyph.
std::optional<SubsetFont> subset_font(const render::FontSource& source, const std::set<std::uint32_t>& gids,
                                      DiagnosticSink& diagnostics);

// Writes the Type0 font, its descendant CIDFont, FontDescriptor, font file and the
// ToUnicode CMap; returns the Type0 font to name in page resources.
PoDoFo::PdfReference embed_font(PoDoFo::PdfVecObjects& objects, const SubsetFont& font,
                                const std::string& to_unicode_cmap);

}  // namespace quire::pdf
