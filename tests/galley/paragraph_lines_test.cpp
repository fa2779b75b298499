// Finalize: broken lines -> drawn lines, and the judgement of each.
#include "galley/paragraph_lines.hpp"

#include "galley/paragraph_breaking.hpp"
#include "text_engine.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::galley::testing;

namespace {

struct Drawn {
    Prepared prepared;
    para::BreakResult breaks;
    std::vector<para::Line> set;
    std::vector<galley::Line> lines;
};

Drawn draw(const std::string& text, const style::ParagraphStyle& style, Length width,
           const galley::ParShape* shape = nullptr) {
    Engine& e = engine();
    Drawn d{prepare(plain_text(text), style), {}, {}, {}};
    const galley::BreakSettings settings = galley::break_settings(style, width);
    const galley::LineFrame frame{width, galley::line_widths(shape, width), shape, &style};
    d.breaks = galley::break_paragraph(d.prepared.items, settings, frame.widths, {});
    d.set = para::set_lines(d.prepared.items.items, d.breaks, frame.widths, settings.params.scaling_steps);
    d.lines = galley::draw_lines(d.set, d.prepared.items, d.prepared.runs.looks, frame, e.registry);
    return d;
}

std::string text_of(const galley::Line& line) {
    std::string text;
    for (const render::DrawOp& op : line.ops) {
        if (const auto* g = std::get_if<render::DrawGlyphs>(&op)) text += g->text;
    }
    return text;
}

}  // namespace

TEST_CASE("word spaces are drawn as space glyphs, in one run", "[galley][finalize]") {
    Engine& e = engine();
    style::ParagraphStyle style = e.styles->paragraph("body");
    style.align = model::Align::left;
    const Drawn d = draw("one two three", style, Length::from_pt(200));
    REQUIRE(d.lines.size() == 1);
    REQUIRE(d.lines[0].ops.size() == 1);
    CHECK(text_of(d.lines[0]) == "one two three");
    CHECK(d.lines[0].width == Length::from_pt(200));
    CHECK(d.lines[0].natural_width < Length::from_pt(200));
    CHECK(d.lines[0].ascent > Length{});
    CHECK(d.lines[0].ink_ascent > Length{});
}

TEST_CASE("right-aligned lines end at the measure, a shape indents them", "[galley][finalize]") {
    Engine& e = engine();
    style::ParagraphStyle style = e.styles->paragraph("body");
    style.align = model::Align::right;
    style.protrusion = false;
    const Drawn right = draw("one two", style, Length::from_pt(200));
    REQUIRE(right.lines.size() == 1);
    const auto& run = std::get<render::DrawGlyphs>(right.lines[0].ops.at(0));
    Length end = run.x;
    for (const shape::Glyph& g : run.glyphs) end += g.advance;
    CHECK(end == Length::from_pt(200));

    style.align = model::Align::left;
    style.indent = Length{};
    galley::ParShape shape{{Length::from_pt(20)}, {Length::from_pt(180)}};
    const Drawn indented = draw("one two", style, Length::from_pt(200), &shape);
    CHECK(std::get<render::DrawGlyphs>(indented.lines[0].ops.at(0)).x == Length::from_pt(20));
}

TEST_CASE("links and note references are drawn with the line", "[galley][finalize]") {
    Engine& e = engine();
    const style::ParagraphStyle& body = e.styles->paragraph("body");
    model::InlineText text{model::InlineRun{"see ", {}, "", {}}, model::InlineRun{"this", {}, "https://example.org/", {}}};
    model::InlineRun mark{"2", {"note-reference"}, "", {}};
    mark.note = 2;
    text.push_back(mark);
    text.push_back(model::InlineRun{" page", {}, "", {}});
    const Prepared p = prepare(text, body);
    const galley::BreakSettings settings = galley::break_settings(body, Length::from_pt(200));
    const galley::LineFrame frame{Length::from_pt(200), para::LineWidths(Length::from_pt(200)), nullptr, &body};
    const para::BreakResult breaks = galley::break_paragraph(p.items, settings, frame.widths, {});
    const std::vector<galley::Line> lines =
        galley::draw_lines(para::set_lines(p.items.items, breaks, frame.widths), p.items, p.runs.looks, frame, e.registry);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].notes == std::vector<int>{2});
    std::vector<std::string> targets;
    for (const render::DrawOp& op : lines[0].ops) {
        if (const auto* link = std::get_if<render::LinkArea>(&op)) {
            targets.push_back(link->uri);
            CHECK(link->height == lines[0].ascent + lines[0].descent);
        }
    }
    CHECK(targets == std::vector<std::string>{"https://example.org/", "#" + galley::note_anchor(2)});
}

TEST_CASE("an overfull line is marked and warned of at its first word", "[galley][finalize]") {
    Engine& e = engine();
    const style::ParagraphStyle& body = e.styles->paragraph("body");
    model::InlineText text{model::InlineRun{"incomprehensibilities", {}, "", {"w.xml", 7, 2}}};
    const Prepared p = prepare(text, body);
    const galley::BreakSettings settings = galley::break_settings(body, Length::from_pt(20));
    const galley::LineFrame frame{Length::from_pt(20), para::LineWidths(Length::from_pt(20)), nullptr, &body};
    const para::BreakResult breaks = galley::break_paragraph(p.items, settings, frame.widths, {});
    const std::vector<para::Line> set = para::set_lines(p.items.items, breaks, frame.widths);
    std::vector<galley::Line> lines = galley::draw_lines(set, p.items, p.runs.looks, frame, e.registry);
    DiagnosticSink sink;
    CHECK(galley::judge_lines(lines, breaks, set, p.items, frame, {"p.xml", 1, 1}, sink) == 1);
    CHECK(lines[0].overfull);
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].loc.file == "w.xml");
    CHECK(sink.all()[0].message.starts_with("overfull line 1 of a paragraph in style 'body'"));
}
