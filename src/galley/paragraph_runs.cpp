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

// Gives each run its node: the paragraph's, a Link's (one per stretch of runs with the
// same target, a note's reference mark included) or a Span's (one per stretch in the
// same other language).
void tag_runs(const model::InlineText& text, const std::string& language, const TextTagging& tagging,
              std::vector<RunLook>& looks) {
    if (tagging.tree == nullptr) return;
    render::StructureTree& tree = *tagging.tree;
    int open = -1;  // the link or span the last run was in
    for (std::size_t i = 0; i < looks.size(); ++i) {
        const std::string& own = text[i].language;
        const std::string run_language = own == language ? std::string() : own;
        const render::StructureKind kind = looks[i].href.empty() ? render::StructureKind::span : render::StructureKind::link;
        if (kind == render::StructureKind::span && run_language.empty()) {
            looks[i].node = tagging.node;
            open = -1;
            continue;
        }
        const bool same = open >= 0 && i > 0 && looks[i - 1].href == looks[i].href &&
                          tree.nodes[static_cast<std::size_t>(open)].language == run_language;
        if (!same) {
            render::StructureNode node;
            node.kind = kind;
            node.language = run_language;
            open = tree.add(std::move(node), tagging.node);
        }
        looks[i].node = open;
    }
}

shape::Direction to_direction(model::Direction d) {
    return d == model::Direction::rtl ? shape::Direction::rtl : shape::Direction::ltr;
}

}  // namespace

shape::Direction paragraph_direction(const model::InlineText& text, const std::string& language) {
    if (text.empty()) return shape::language_direction(language);
    if (text.front().block_direction != model::Direction::unset) return to_direction(text.front().block_direction);
    const std::string& own = text.front().language;
    const bool block_language = !own.empty() && own == text.back().language;
    return shape::language_direction(block_language ? own : language);
}

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
                                          const style::StyleSheet& styles, FontStyles& fonts,
                                          const TextTagging& tagging) {
    CollectedRuns out;
    for (const model::InlineRun& run : text) {
        style::TextStyle look = styles.apply_character_styles(style.text, run.character_styles);
        // A run in another language (xml:lang in the text) is shaped and hyphenated in it.
        const std::string& run_language = run.language.empty() ? language : run.language;
        const SourceLoc& run_loc = run.loc.file.empty() ? loc : run.loc;
        const shape::TextStyle* shaping = fonts.resolve(look, run_language, run_loc);
        if (!shaping) return std::nullopt;
        std::string characters = look.text_case == model::TextCase::upper ? upper_case(run.text, run_language) : run.text;
        std::optional<shape::Direction> direction;
        if (run.direction != model::Direction::unset) direction = to_direction(run.direction);
        out.styled.push_back(shape::StyledText{std::move(characters), *shaping, run_loc, direction});
        // A note's reference mark links to the note (page/note_links.hpp resolves it).
        std::string href = run.note > 0 ? "#" + note_anchor(run.note) : run.href;
        out.looks.push_back(RunLook{to_color(look.color), std::move(href), look.tracking, run.note});
    }
    tag_runs(text, language, tagging, out.looks);
    out.direction = paragraph_direction(text, language);
    return out;
}

}  // namespace quire::galley
