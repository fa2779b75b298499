#pragma once
// Which text each glyph stands for, so that copying and searching the PDF gives the
// words that were typeset. HarfBuzz clusters tie glyphs to text: the first glyph of a
// cluster carries the cluster's whole text (a ligature "ﬁ" carries "fi"), the others
// carry nothing. Each glyph gets one entry in the font's ToUnicode CMap, the text it
// stands for most often; clusters that disagree with it are written inside
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

class GlyphTextMap {
public:
    // One occurrence of a cluster: `gids` are its glyphs in run order.
    void record(const std::vector<std::uint32_t>& gids, std::string_view text);

    // The text a glyph stands for in the CMap. A glyph that never starts a cluster
    // gets the text of the first cluster it was seen in: PDF/A level U wants every
    // glyph mapped, and such clusters go inside ActualText, which wins on extraction.
    const std::string& text_of(std::uint32_t gid) const;

    // True when the CMap alone extracts `text` for these glyphs.
    bool cmap_suffices(const std::vector<std::uint32_t>& gids, std::string_view text) const;

private:
    struct Candidate {
        std::size_t count = 0;
        std::size_t first_seen = 0;  // ties go to the text seen first: deterministic
    };
    std::map<std::uint32_t, std::map<std::string, Candidate>> candidates_;
    mutable std::map<std::uint32_t, std::string> chosen_;
    std::map<std::uint32_t, std::string> inner_;  // glyphs seen only inside a cluster
    std::size_t occurrences_ = 0;
};

// The ToUnicode CMap (Adobe technical note #5411) for 2-byte codes: `code_text` maps
// each code (the glyph id in the subset font) to UTF-8 text; empty texts are left out.
std::string to_unicode_cmap(const std::map<std::uint32_t, std::string>& code_text);

}  // namespace quire::pdf
