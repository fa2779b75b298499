#pragma once
// HarfBuzz shaping of one piece of text in one font, with a cache: a magazine repeats
// its words, and shaping each distinct (font, size, features, language, script, text)
// once is where the speed comes from (design §4). No fallback and no line breaking
// here; shape_paragraph (paragraph.hpp) does those and calls this per word piece.
#include "core/keyed_by_text.hpp"
#include "core/length.hpp"
#include "font/hb_handles.hpp"
#include "font/font_registry.hpp"
#include "shape/features.hpp"
#include "shape/glyph_run.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quire::shape {

struct CacheStats {
    std::uint64_t lookups = 0;  // shape_text calls
    std::uint64_t hits = 0;     // answered from the cache
    std::uint64_t shaped = 0;   // hb_shape calls (= lookups - hits)
    double hit_rate() const { return lookups ? static_cast<double>(hits) / static_cast<double>(lookups) : 0.0; }
};

class Shaper {
public:
    explicit Shaper(const font::FontRegistry& registry);

    // Glyphs for `text` (UTF-8) in `font` at `size`. Advances and offsets are HarfBuzz's
    // unhinted font units scaled to the size (font::scale_units); clusters are byte
    // offsets into `text`. `script` HB_SCRIPT_INVALID lets HarfBuzz guess script and
    // direction from the text. `direction` (a bidi level's, shape/bidi.hpp) overrides
    // the script's own; HB_DIRECTION_INVALID: the script's. Default-ignorable
    // characters (U+00AD soft hyphen, ZWJ ...) produce no glyph. The result's loc is
    // left empty for the caller to set.
    GlyphRun shape_text(font::FontId font, Length size, const FeatureSet& features, std::string_view language,
                        std::string_view text, hb_script_t script = HB_SCRIPT_INVALID,
                        hb_direction_t direction = HB_DIRECTION_INVALID);

    // The character a hyphenated line ends with in this font: U+2010 HYPHEN if the font
    // has it, else U+002D; "-" when it has neither (a warning-worthy font, but rare).
    std::string_view hyphen_text(font::FontId font) const;

    // What a reader gets for the hyphen a line break adds (its glyph is still the
    // font's U+2010): U+002D, which text extraction and search (pdftotext, Acrobat,
    // browsers) take out when they join the two lines, as they do for TeX's, so
    // "interna-" / "tional" comes back as "international" (issue 15). A hyphen of the
    // text at a line's end is given as U+2010 instead, so that it stays.
    static constexpr std::string_view break_hyphen_text = "-";
    // That hyphen, shaped, with text U+002D (break_hyphen_text).
    GlyphRun hyphen(font::FontId font, Length size, const FeatureSet& features, std::string_view language);

    // The advance of one U+0020 in this font, size and features: the natural width of
    // inter-word glue. Stretch and shrink are the line breaker's to choose from it.
    // Remembered with the style, shaped once: stats() counts words, not spaces.
    Length space_width(font::FontId font, Length size, const FeatureSet& features, std::string_view language);

    const CacheStats& stats() const { return stats_; }
    std::size_t cache_size() const {
        std::size_t n = 0;
        for (const StyleCache& style : cache_) n += style.texts.size();
        return n;
    }
    const font::FontRegistry& registry() const { return registry_; }

private:
    const font::FontRegistry& registry_;
    font::HbBuffer buffer_;  // reused between calls; hb_buffer_reset keeps its memory
    struct Shaped {
        std::vector<Glyph> glyphs;
        std::uint64_t safe_cuts = 0;  // GlyphRun::safe_cuts
    };
    // The cache in two levels: what the text is shaped in (an issue has a handful of
    // these), then the text itself, found by its own bytes without building a key
    // (issue 19: a key of style and text built and hashed for every word was a
    // large part of shaping).
    using TextCache = TextMap<Shaped>;
    struct StyleCache {
        font::FontId font;
        std::int64_t size;
        hb_script_t script;
        hb_direction_t direction;  // as asked: the same text shapes differently either way
        std::string language, features;
        TextCache texts{};
        std::optional<Length> space_width{};  // space_width's answer, once asked
    };
    StyleCache& style_cache(font::FontId font, Length size, hb_script_t script, hb_direction_t direction,
                            std::string_view language, const FeatureSet& features);
    RecentTable<StyleCache> cache_;
    CacheStats stats_;
};

}  // namespace quire::shape
