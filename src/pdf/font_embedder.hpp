#pragma once
// Embeds the document's fonts ourselves (design §5): PoDoFo's font classes look glyphs
// up by Unicode and cannot draw HarfBuzz glyph ids. Each font is subset with hb-subset
// to glyph 0 plus the glyphs the pages use, layout tables dropped, and written as a
// Type0 font with Identity-H encoding over a CIDFontType0 (CFF outlines, FontFile3
// /OpenType) or CIDFontType2 (TrueType, FontFile2, /CIDToGIDMap /Identity).
//
// The subset keeps the original glyph ids (HB_SUBSET_FLAGS_RETAIN_GIDS): the glyphs
// left out become empty, and CID = glyph id of the font on disk. Content streams can
// then be written page by page before the document's glyph set is known, which is what
// lets pages stream to the writer. The price is in the subset's tables indexed by glyph
// id (CFF charstring offsets and charset, hmtx, loca): a few kB a font.
#include "core/diagnostics.hpp"
#include "pdf/source_font.hpp"
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
    std::string data;                             // the subset font file, original glyph ids
    std::map<std::uint32_t, double> widths;       // glyph id (= CID) -> 1/1000 em, glyph 0 and
                                                  // the glyphs drawn: the /W entries
    FontDescriptorMetrics metrics;
};

// Subsets `source` to glyph 0 plus `gids` (original ids), which keep their ids; their
// widths come from `program`, the same the content streams were written with. Reports
// an error and returns nothing when the file cannot be read, is not OpenType/TrueType,
// or lacks a glyph.
std::optional<SubsetFont> subset_font(const render::FontSource& source, const std::set<std::uint32_t>& gids,
                                      const SourceFont& program, DiagnosticSink& diagnostics);

// Writes the descendant CIDFont with its FontDescriptor and font file; returns the
// CIDFont, which every Type0 font of this subset shares.
PoDoFo::PdfReference embed_cid_font(PoDoFo::PdfVecObjects& objects, const SubsetFont& font);

// Writes a Type0 font over `cid_font` with a ToUnicode CMap; returns it, to be named
// in page resources. One subset may have several, one a CMap (to_unicode_variants.hpp).
PoDoFo::PdfReference embed_type0_font(PoDoFo::PdfVecObjects& objects, const SubsetFont& font,
                                      const PoDoFo::PdfReference& cid_font, const std::string& to_unicode_cmap);

}  // namespace quire::pdf
