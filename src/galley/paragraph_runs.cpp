#include "galley/paragraph_runs.hpp"

#include "galley/galley.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace quire::galley {
namespace {

std::string upper_case(const std::string& text, const std::string& language) {
    std::string out;
    icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale(language.c_str())).toUTF8String(out);
    return out;
}

}  // namespace

render::Color to_color(const style::TextColor& color) {
    if (const auto* ink = std::get_if<style::Cmyk>(&color)) {
        return render::Color{render::Color::Space::cmyk, {ink->c, ink->m, ink->y, ink->k}};
    }
    const style::Rgb& rgb = std::get<style::Rgb>(color);
    if (rgb.r == rgb.g && rgb.g == rgb.b) return render::Color{render::Color::Space::gray, {rgb.r, 0, 0, 0}};
    return render::Color::rgb(rgb.r, rgb.g, rgb.b);
}

std::optional<CollectedRuns> collect_runs(const model::InlineText& text, const style::ParagraphStyle& style,
                                          const std::string& language, const SourceLoc& loc,
                                          const style::StyleSheet& styles, FontStyles& fonts) {
    CollectedRuns out;
    for (const model::InlineRun& run : text) {
        style::TextStyle look = styles.apply_character_styles(style.text, run.character_styles);
        // A run in another language (xml:lang in the text) is shaped and hyphenated in it.
        const std::string& run_language = run.language.empty() ? language : run.language;
        const SourceLoc& run_loc = run.loc.file.empty() ? loc : run.loc;
        const shape::TextStyle* shaping = fonts.resolve(look, run_language, run_loc);
        if (!shaping) return std::nullopt;
        std::string characters = look.text_case == model::TextCase::upper ? upper_case(run.text, run_language) : run.text;
        out.styled.push_back(shape::StyledText{std::move(characters), *shaping, run_loc});
        // A note's reference mark links to the note (page/note_links.hpp resolves it).
        std::string href = run.note > 0 ? "#" + note_anchor(run.note) : run.href;
        out.looks.push_back(RunLook{to_color(look.color), std::move(href), look.tracking, run.note});
    }
    return out;
}

}  // namespace quire::galley
