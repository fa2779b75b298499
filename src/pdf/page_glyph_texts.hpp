#pragma once
// Which text each glyph of one font stands for on one page, decided as the page is
// written so that its content stream is final at once (design §5: ToUnicode from
// HarfBuzz clusters, ActualText where one glyph needs different texts). The page
// decides alone, so its bytes do not depend on the pages written before it:
// - the first single-glyph cluster of the page sets the glyph's text (a ligature "ﬁ"
//   stands for "fi"); a later cluster with other text goes inside ActualText;
// - a cluster of several glyphs always goes inside ActualText, since the CMap gives
//   each glyph's own text; its glyphs still need some entry (PDF/A level U maps every
//   glyph), and get the cluster's text as a fallback;
// - so does a glyph that the font maps from one of its cluster's several characters
//   (an "a" standing for "Ta" beside a drop cap "T"): it stands for that one, so it
//   decides nothing, lest every later "a" of the page need ActualText.
// Pages that chose differently get different ToUnicode CMaps (to_unicode_variants.hpp).
#include "pdf/source_font.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace quire::pdf {

class PageGlyphTexts {
public:
    // `font` (may be null) tells which glyphs the font maps from which characters.
    explicit PageGlyphTexts(const SourceFont* font = nullptr)
        : font_(font), required_by_gid_(font != nullptr ? font->glyph_count() : 0, nullptr) {}
    // Not copied: a copy's required_by_gid_ would point into the original's map.
    PageGlyphTexts(const PageGlyphTexts&) = delete;
    PageGlyphTexts& operator=(const PageGlyphTexts&) = delete;
    PageGlyphTexts(PageGlyphTexts&&) = default;  // a moved map keeps its nodes
    PageGlyphTexts& operator=(PageGlyphTexts&&) = default;

    // Whether the page's CMap gives `text` for the cluster `gids` (glyphs in run
    // order); when false the content stream says the text with /ActualText.
    bool cmap_gives(const std::vector<std::uint32_t>& gids, std::string_view text);

    // glyph id -> the text the page's CMap must give it.
    const std::map<std::uint32_t, std::string>& required() const { return required_; }
    // glyph id -> a text for glyphs this page draws only inside ActualText.
    const std::map<std::uint32_t, std::string>& fallback() const { return fallback_; }

private:
    const SourceFont* font_;
    std::map<std::uint32_t, std::string> required_;
    // required_'s entries by glyph id (map nodes stay put): asked for nearly every
    // glyph of the page, a tree walk each was a measurable part of writing a page.
    std::vector<const std::string*> required_by_gid_;
    std::map<std::uint32_t, std::string> fallback_;
};

}  // namespace quire::pdf
