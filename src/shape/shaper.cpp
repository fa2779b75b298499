#include "shape/shaper.hpp"

#include <stdexcept>

namespace quire::shape {

Shaper::Shaper(const font::FontRegistry& registry) : registry_(registry), buffer_(hb_buffer_create()) {
    if (!hb_buffer_allocation_successful(buffer_.get())) throw std::runtime_error("HarfBuzz cannot allocate a buffer");
}

Shaper::StyleCache& Shaper::style_cache(font::FontId font, Length size, hb_script_t script, hb_direction_t direction,
                                        std::string_view language, const FeatureSet& features) {
    auto same = [&](const StyleCache& k) {
        return k.font == font && k.size == size.sp && k.script == script && k.direction == direction &&
               k.language == language && k.features == features.key();
    };
    auto make = [&] { return StyleCache{font, size.sp, script, direction, std::string(language), features.key(), {}}; };
    return cache_.find_or_add(same, make);
}

GlyphRun Shaper::shape_text(font::FontId font, Length size, const FeatureSet& features, std::string_view language,
                            std::string_view text, hb_script_t script, hb_direction_t direction) {
    TextCache& texts = style_cache(font, size, script, direction, language, features).texts;
    GlyphRun run;
    run.font = font;
    run.size = size;
    run.text = std::string(text);
    ++stats_.lookups;
    if (auto it = texts.find(text); it != texts.end()) {
        ++stats_.hits;
        run.glyphs = it->second.glyphs;
        run.safe_cuts = it->second.safe_cuts;
        return run;
    }
    ++stats_.shaped;

    hb_buffer_t* buf = buffer_.get();
    hb_buffer_reset(buf);
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
    hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES));
    hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
    if (script != HB_SCRIPT_INVALID) {
        hb_buffer_set_script(buf, script);
        hb_buffer_set_direction(buf, hb_script_get_horizontal_direction(script) == HB_DIRECTION_RTL ? HB_DIRECTION_RTL
                                                                                                      : HB_DIRECTION_LTR);
    }
    if (direction != HB_DIRECTION_INVALID) hb_buffer_set_direction(buf, direction);
    hb_buffer_set_language(buf, hb_language_from_string(language.data(), static_cast<int>(language.size())));
    hb_buffer_guess_segment_properties(buf);
    hb_shape(registry_.hb_font(font), buf, features.features().data(), static_cast<unsigned>(features.features().size()));

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    const int upem = registry_.metrics(font).units_per_em;
    std::vector<Glyph> glyphs(count);
    const bool forward = HB_DIRECTION_IS_FORWARD(hb_buffer_get_direction(buf));
    std::uint64_t safe_cuts = 0;
    for (unsigned i = 0; i < count; ++i) {
        const bool unsafe = hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK;
        if (forward && i > 0 && i < 64 && !unsafe) safe_cuts |= std::uint64_t{1} << i;
        glyphs[i].gid = info[i].codepoint;
        glyphs[i].cluster = info[i].cluster;
        glyphs[i].advance = font::scale_units(pos[i].x_advance, size, upem);
        glyphs[i].x_offset = font::scale_units(pos[i].x_offset, size, upem);
        glyphs[i].y_offset = font::scale_units(pos[i].y_offset, size, upem);
    }
    run.glyphs = glyphs;
    run.safe_cuts = safe_cuts;
    texts.emplace(std::string(text), Shaped{std::move(glyphs), safe_cuts});
    return run;
}

std::string_view Shaper::hyphen_text(font::FontId font) const {
    if (registry_.has_glyph(font, U'\u2010')) return "\u2010";
    return "-";
}

GlyphRun Shaper::hyphen(font::FontId font, Length size, const FeatureSet& features, std::string_view language) {
    GlyphRun run = shape_text(font, size, features, language, hyphen_text(font));
    // One glyph, cluster 0. Copied through a std::string: GCC 12 warns of an overlap
    // (-Wrestrict) that assigning the view directly cannot have.
    run.text = std::string(break_hyphen_text);
    return run;
}

Length Shaper::space_width(font::FontId font, Length size, const FeatureSet& features, std::string_view language) {
    // Kept with the style's cache; shaped once, so stats() counts words, not spaces.
    StyleCache& style = style_cache(font, size, HB_SCRIPT_INVALID, HB_DIRECTION_INVALID, language, features);
    if (!style.space_width) style.space_width = shape_text(font, size, features, language, " ").width();
    return *style.space_width;
}

}  // namespace quire::shape
