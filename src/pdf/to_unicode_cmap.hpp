#pragma once
// Which text each glyph stands for, so that copying and searching the PDF gives the
// words that were typeset. HarfBuzz clusters tie glyphs to text: the first glyph of a
// cluster carries the cluster's whole text (a ligature "ﬁ" carries "fi"), the others
// carry nothing. Each glyph gets one entry in the font's ToUnicode CMap (which text:
// page_glyph_texts.hpp); clusters that disagree with it are written inside
// /Span <</ActualText ...>> BDC ... EMC by the content stream.
#include "render/display_list.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace quire::pdf {

// Glyphs [first, last) of a run that share one cluster, and the text of that cluster.
struct GlyphCluster {
    std::size_t first = 0, last = 0;
    std::string_view text;
};

// Splits a run into clusters. A cluster's text runs from its cluster offset to the
// next larger offset in the run (or the end of the text); this holds for left-to-right
// and right-to-left runs alike, as glyphs may be in visual order.
std::vector<GlyphCluster> glyph_clusters(const render::DrawGlyphs& run);
// The same into `clusters` (cleared first), whose storage is reused run after run.
void glyph_clusters(const render::DrawGlyphs& run, std::vector<GlyphCluster>& clusters);

// The ToUnicode CMap (Adobe technical note #5411) for 2-byte codes: `code_text` maps
// each code (the glyph id, kept by the subset font) to UTF-8 text; empty texts are left out.
std::string to_unicode_cmap(const std::map<std::uint32_t, std::string>& code_text);

}  // namespace quire::pdf
