#include "pdf/to_unicode_cmap.hpp"

#include "pdf/text_string.hpp"

#include <algorithm>
#include <cstdio>

namespace quire::pdf {

std::vector<GlyphCluster> glyph_clusters(const render::DrawGlyphs& run) {
    std::vector<GlyphCluster> clusters;
    glyph_clusters(run, clusters);
    return clusters;
}

void glyph_clusters(const render::DrawGlyphs& run, std::vector<GlyphCluster>& clusters) {
    clusters.clear();
    const std::vector<shape::Glyph>& glyphs = run.glyphs;
    // Left-to-right runs (nearly all) have clusters in increasing order: the next
    // larger offset is the next cluster's, with no sorted list to search.
    const bool ascending = std::is_sorted(glyphs.begin(), glyphs.end(), [](const shape::Glyph& a, const shape::Glyph& b) {
        return a.cluster < b.cluster;
    });
    std::vector<std::uint32_t> starts;
    if (!ascending) {
        for (const shape::Glyph& g : glyphs) starts.push_back(g.cluster);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    }
    const std::string_view text(run.text);
    std::size_t i = 0;
    while (i < glyphs.size()) {
        const std::uint32_t cluster = glyphs[i].cluster;
        std::size_t j = i + 1;
        while (j < glyphs.size() && glyphs[j].cluster == cluster) ++j;
        std::size_t end = text.size();
        if (ascending) {
            if (j < glyphs.size()) end = std::min<std::size_t>(glyphs[j].cluster, text.size());
        } else if (const auto next = std::upper_bound(starts.begin(), starts.end(), cluster); next != starts.end()) {
            end = std::min<std::size_t>(*next, text.size());
        }
        const std::size_t begin = std::min<std::size_t>(cluster, text.size());
        clusters.push_back({i, j, text.substr(begin, end - begin)});
        i = j;
    }
}

std::string to_unicode_cmap(const std::map<std::uint32_t, std::string>& code_text) {
    std::vector<std::pair<std::uint32_t, std::string>> entries;
    for (const auto& [code, text] : code_text) {
        if (!text.empty()) entries.emplace_back(code, hex(utf16be(text)));
    }
    std::string out =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // A bfchar block may hold at most 100 entries (technical note #5411, §1.4.1).
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        out += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            char code[8];
            std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(entries[k].first));
            out += '<';
            out += code;
            out += "> <" + entries[k].second + ">\n";
        }
        out += "endbfchar\n";
    }
    out +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return out;
}

}  // namespace quire::pdf
