#pragma once
// The text stages of the sample issue, built once per test program: its layout's
// styles and fonts, a shaper, a hyphenator and a paragraph setter.
#include "galley/font_styles.hpp"
#include "galley/measures.hpp"
#include "galley/paragraph_items.hpp"
#include "galley/paragraph_runs.hpp"
#include "galley/paragraph_setter.hpp"

#include "font/family_table.hpp"
#include "font/font_registry.hpp"
#include "input/issue_reader.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quire::galley::testing {

struct Engine {
    DiagnosticSink sink;
    model::Issue issue;
    std::unique_ptr<style::StyleSheet> styles;
    font::FontRegistry registry;
    std::unique_ptr<font::FamilyTable> families;
    std::unique_ptr<galley::FontStyles> fonts;
    std::unique_ptr<shape::Shaper> shaper;
    shape::BreakFinder breaks;
    hyph::Hyphenator hyphenator{hyph::pattern_search_path()};
    std::unique_ptr<galley::ParagraphSetter> setter;
    Length column;

    Engine() {
        auto read = input::read_issue("issues/2025-spring/issue.xml", {}, sink);
        REQUIRE(read);
        issue = std::move(*read);
        styles = std::make_unique<style::StyleSheet>(issue.layout);
        families = std::make_unique<font::FamilyTable>(registry, issue.layout.families);
        fonts = std::make_unique<galley::FontStyles>(*families, issue.layout.fallback, sink);
        shaper = std::make_unique<shape::Shaper>(registry);
        setter = std::make_unique<galley::ParagraphSetter>(*styles, *fonts, *shaper, breaks, hyphenator, sink);
        column = galley::measures_of(issue.layout).column;
    }
};

inline Engine& engine() {
    static Engine e;
    return e;
}

// A paragraph through the first two stages (collect, prepare), as the setter runs them.
struct Prepared {
    galley::CollectedRuns runs;
    galley::ParagraphItems items;
};

inline Prepared prepare(const model::InlineText& text, const style::ParagraphStyle& style,
                        const std::string& language = "en-GB") {
    Engine& e = engine();
    std::optional<galley::CollectedRuns> runs = galley::collect_runs(text, style, language, {}, *e.styles, *e.fonts);
    REQUIRE(runs);
    const std::vector<shape::Segment> segments = shape::shape_paragraph(*e.shaper, e.breaks, runs->styled, e.sink);
    galley::PrepareTools tools{galley::CutTools{*e.shaper, e.hyphenator, e.sink, nullptr}, e.fonts->families()};
    galley::ParagraphItems items = galley::prepare_items(segments, *runs, style, style.indent, language, tools);
    return Prepared{std::move(*runs), std::move(items)};
}

inline model::InlineText plain_text(const std::string& text) { return {model::InlineRun{text, {}, "", {}}}; }

// Where the line's last glyph ends (its advance, not its ink).
inline Length ink_end(const galley::Line& line) {
    Length end;
    for (const render::DrawOp& op : line.ops) {
        if (const auto* g = std::get_if<render::DrawGlyphs>(&op)) {
            Length x = g->x;
            for (const shape::Glyph& glyph : g->glyphs) x += glyph.advance;
            end = std::max(end, x);
        }
    }
    return end;
}

}  // namespace quire::galley::testing
