// Break: a style's settings for the breaker, the trace, and the looser and tighter
// settings of a paragraph.
#include "galley/paragraph_breaking.hpp"

#include "text_engine.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace quire;
using namespace quire::galley::testing;

TEST_CASE("break settings follow the style's alignment", "[galley][break]") {
    Engine& e = engine();
    style::ParagraphStyle style = e.styles->paragraph("body");
    const Length em = style.text.size;
    const galley::BreakSettings justified = galley::break_settings(style, Length::from_pt(150));
    CHECK(justified.params.tolerance == style.tolerance);
    CHECK(justified.params.emergency_stretch == em * 3 / 2);
    CHECK(justified.wider == std::vector<Length>{em * 3});
    CHECK(justified.params.max_hyphen_run == style.hyphenate_limit);
    style.align = model::Align::left;
    // Ragged: the last resort may leave a line short by up to the measure.
    CHECK(galley::break_settings(style, Length::from_pt(150)).params.emergency_stretch == Length::from_pt(150));
    CHECK(galley::break_settings(style, Length::from_pt(150)).params.scaling_steps == 0);
}

TEST_CASE("a traced paragraph is headed by its place, style and measure", "[galley][break]") {
    Engine& e = engine();
    const style::ParagraphStyle& body = e.styles->paragraph("body");
    const Prepared p = prepare(plain_text("one two three"), body);
    const galley::BreakSettings settings = galley::break_settings(body, Length::from_pt(100));
    std::ostringstream trace;
    const para::BreakResult traced = galley::break_paragraph(p.items, settings, para::LineWidths(Length::from_pt(100)),
                                                             galley::BreakTracing{&trace, {"a.xml", 3, 4}, "body", Length::from_pt(100)});
    CHECK(trace.str().starts_with("% paragraph a.xml:3:4 style 'body' at 100.00pt\n"));
    const para::BreakResult quiet =
        galley::break_paragraph(p.items, settings, para::LineWidths(Length::from_pt(100)), galley::BreakTracing{});
    CHECK(traced.breaks.size() == quiet.breaks.size());
    CHECK(traced.breaks.size() == 1);
}

TEST_CASE("a looser or tighter setting has one line more or fewer, or is not offered", "[galley][break][run-long]") {
    Engine& e = engine();
    const para::LineWidths widths(e.column);
    int longer = 0, shorter = 0;
    for (const model::Block& block : e.issue.articles.at(1).body) {
        const auto* paragraph = std::get_if<model::Paragraph>(&block);
        if (!paragraph) continue;
        const style::ParagraphStyle& style = e.styles->paragraph(paragraph->style);
        const Prepared p = prepare(paragraph->text, style);
        const galley::BreakSettings settings = galley::break_settings(style, e.column);
        const para::BreakResult base = galley::break_paragraph(p.items, settings, widths, {});
        for (int looseness : {1, -1}) {
            const auto other = galley::break_with_looseness(p.items, settings, widths, base.pass, looseness);
            if (!other) continue;
            (looseness > 0 ? longer : shorter) += 1;
            CHECK(static_cast<int>(other->breaks.size()) == static_cast<int>(base.breaks.size()) + looseness);
            CHECK(other->overfull_lines.empty());
            CHECK(other->underfull_lines.empty());
        }
        // Ten lines more is beyond any tolerance.
        CHECK_FALSE(galley::break_with_looseness(p.items, settings, widths, base.pass, 10));
    }
    CHECK(longer >= 2);
    CHECK(shorter >= 1);
}
