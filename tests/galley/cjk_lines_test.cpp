// Chinese, Japanese and Korean paragraphs, justified (issue 20): kinsoku at every line
// start and end, inter-character glue that makes the lines flush, no overfull line in a
// narrow column, and an English line with a Chinese name still spaced at its words.
#include "../support/cjk_texts.hpp"
#include "galley/paragraph_breaking.hpp"
#include "galley/paragraph_lines.hpp"
#include "para/item_builders.hpp"
#include "text_engine.hpp"
#include "../font/test_fonts.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace quire;
using namespace quire::galley::testing;

namespace {

const std::string& chinese = quire::test::chinese_paragraph;
const std::string& japanese = quire::test::japanese_paragraph;

struct Drawn {
    Prepared prepared;
    para::BreakResult breaks;
    std::vector<galley::Line> lines;
};

// The paragraph in the body style, its runs falling back to Noto Serif CJK.
Drawn draw(const model::InlineText& text, const std::string& language, Length width,
           model::Align align = model::Align::justify) {
    Engine& e = engine();
    const font::FontId cjk = *e.registry.load(test::noto_serif_cjk, {}, e.sink);
    style::ParagraphStyle style = e.styles->paragraph("body");
    style.align = align;
    style.indent = Length{};
    std::optional<galley::CollectedRuns> runs = galley::collect_runs(text, style, language, {}, *e.styles, *e.fonts);
    REQUIRE(runs);
    for (shape::StyledText& run : runs->styled) run.style.fallback.push_back(cjk);
    const std::vector<shape::Segment> segments = shape::shape_paragraph(*e.shaper, e.breaks, runs->styled, e.sink);
    galley::PrepareTools tools{galley::CutTools{*e.shaper, e.hyphenator, e.sink, nullptr}, e.fonts->families()};
    galley::ParagraphItems items = galley::prepare_items(segments, *runs, style, Length{}, language, tools);
    Drawn d{Prepared{std::move(*runs), std::move(items)}, {}, {}};
    const galley::BreakSettings settings = galley::break_settings(style, width);
    const galley::LineFrame frame{width, para::LineWidths(width), nullptr, &style};
    d.breaks = galley::break_paragraph(d.prepared.items, settings, frame.widths, {});
    const std::vector<para::Line> set = para::set_lines(d.prepared.items.items, d.breaks, frame.widths, settings.params.scaling_steps);
    d.lines = galley::draw_lines(set, d.prepared.items, d.prepared.runs.looks, frame, e.registry);
    return d;
}

std::string text_of(const galley::Line& line) {
    std::string text;
    for (const render::DrawOp& op : line.ops)
        if (const auto* g = std::get_if<render::DrawGlyphs>(&op)) text += g->text;
    return text;
}


// The line's text without the space a line broken at a word space ends in.
std::string trimmed(std::string text) {
    while (text.ends_with(' ')) text.pop_back();
    return text;
}

void check_lines(const Drawn& d, Length width) {
    const std::vector<std::string> no_start = {"、", "。", "，", "」", "）", "》", "：", "ー", "ょ", "っ"};
    const std::vector<std::string> no_end = {"「", "（", "《"};
    CHECK(d.breaks.overfull_lines.empty());
    REQUIRE(d.lines.size() > 3);
    for (std::size_t n = 0; n < d.lines.size(); ++n) {
        const std::string text = trimmed(text_of(d.lines[n]));
        INFO("line " << n + 1 << ": " << text);
        for (const std::string& s : no_start) CHECK_FALSE(text.starts_with(s));
        for (const std::string& s : no_end) CHECK_FALSE(text.ends_with(s));
        // Flush at both edges, but for the last line (to within rounding, 1/1000 pt).
        CHECK(ink_end(d.lines[n]) <= width + Length::from_pt(0.001));
        if (n + 1 < d.lines.size()) CHECK(ink_end(d.lines[n]) >= width - Length::from_pt(0.001));
    }
}

}  // namespace

TEST_CASE("a justified Chinese paragraph: kinsoku holds and every line is flush", "[galley][cjk]") {
    const std::size_t warnings = engine().sink.all().size();
    // 10.5 characters' worth: no line fits its characters exactly, so each one stretches.
    const Length width = Length::from_pt(10.5 * 10.5);
    const Drawn d = draw(plain_text(chinese), "zh", width);
    check_lines(d, width);
    std::string all;
    for (const galley::Line& line : d.lines) all += trimmed(text_of(line));
    CHECK(all == chinese);
    CHECK(engine().sink.all().size() == warnings);  // no missing glyph, no missing patterns
}

TEST_CASE("a justified Japanese paragraph in a narrow column: kinsoku, flush, nothing overfull", "[galley][cjk]") {
    for (double chars : {6.3, 8.0, 13.7}) {
        INFO(chars << " characters wide");
        const Length width = Length::from_pt(10.5 * chars);
        check_lines(draw(plain_text(japanese), "ja", width), width);
    }
}

TEST_CASE("a break between Chinese characters is glue: no width, stretches, never shrinks", "[galley][cjk]") {
    const Drawn d = draw(plain_text("外交部表示"), "zh", Length::from_pt(200));
    const Length em = engine().styles->paragraph("body").text.size;
    int glue = 0;
    for (const para::Item& item : d.prepared.items.items) {
        if (const auto* g = std::get_if<para::Glue>(&item); g && g->stretch_fil.sp == 0) {
            ++glue;
            CHECK(g->width == Length{});
            CHECK(g->stretch == em / 8);
            CHECK(g->shrink == Length{});
        }
    }
    CHECK(glue == 4);  // between five characters
    CHECK(std::none_of(d.prepared.items.items.begin(), d.prepared.items.items.end() - 3, [](const para::Item& i) {
        return std::holds_alternative<para::Penalty>(i);  // the glue is the break, free
    }));
    // In an English paragraph, breaking a quoted phrase costs what a hyphen does; a
    // name of up to four characters is not broken at all.
    const Drawn en = draw(plain_text("外交部表示"), "en-GB", Length::from_pt(200));
    const auto& items = en.prepared.items.items;
    REQUIRE(items.size() > 3);
    REQUIRE(std::holds_alternative<para::Penalty>(items[1]));
    CHECK(std::get<para::Penalty>(items[1]).penalty == para::default_hyphen_penalty);
    CHECK(std::get<para::Glue>(items[2]).stretch == em / 8);
    const Drawn name = draw(plain_text("安倍晋三"), "en-GB", Length::from_pt(200));
    CHECK(std::count_if(name.prepared.items.items.begin(), name.prepared.items.items.end(),
                        [](const para::Item& i) { return std::holds_alternative<para::Box>(i); }) == 1);
    // Ragged, a break between characters gets the ragged idiom's stretch, as a space does.
    const Drawn ragged = draw(plain_text("外交部表示"), "zh", Length::from_pt(200), model::Align::left);
    CHECK(std::count_if(ragged.prepared.items.items.begin(), ragged.prepared.items.items.end(),
                        [](const para::Item& i) { return std::holds_alternative<para::Penalty>(i); }) >= 4);
}

TEST_CASE("a justified Korean paragraph breaks at its spaces", "[galley][cjk]") {
    const std::string korean = "외교부 대변인은 서울에서 열린 기자회견에서 「대화와 협력만이 지역의 평화와 안정을 위한 "
                               "유일한 길」이라고 말했다. 그는 한반도의 비핵화가 가장 중요한 과제라고 강조했다.";
    const Length width = Length::from_pt(150);
    const Drawn d = draw(plain_text(korean), "ko", width);
    check_lines(d, width);
    for (std::size_t n = 0; n + 1 < d.lines.size(); ++n) {
        INFO("line " << n + 1 << ": " << text_of(d.lines[n]));
        CHECK(text_of(d.lines[n]).ends_with(' '));  // a Korean word never splits
    }
}

TEST_CASE("an English line with a Chinese name stretches at its word spaces, not inside the name", "[galley][cjk]") {
    model::InlineText text = plain_text("At the summit the minister ");
    text.push_back(model::InlineRun{"王毅", {}, "", {}});
    text.back().language = "zh";
    text.push_back(model::InlineRun{" met his counterparts from the region and spoke at length about trade and "
                                    "the security of shipping lanes.",
                                    {}, "", {}});
    const Length em = engine().styles->paragraph("body").text.size;
    for (double width : {150.0, 200.0, 240.0}) {
        const Drawn d = draw(text, "en-GB", Length::from_pt(width));
        std::string all;
        for (const galley::Line& line : d.lines) {
            UNSCOPED_INFO(text_of(line));
            all += text_of(line);
        }
        INFO(width << "pt");
        CHECK(d.breaks.overfull_lines.empty());
        // The name is whole on a line, and a space glyph keeps it apart from "met".
        CHECK(all.find("王毅 met") != std::string::npos);
        for (const galley::Line& line : d.lines) {
            const render::DrawGlyphs* wang = nullptr;
            const render::DrawGlyphs* yi = nullptr;
            for (const render::DrawOp& op : line.ops) {
                if (const auto* g = std::get_if<render::DrawGlyphs>(&op)) {
                    if (g->text.find("王") != std::string::npos) wang = g;
                    if (g->text.find("毅") != std::string::npos) yi = g;
                }
            }
            if (!wang || !yi || wang == yi) continue;
            // Stretched, the two characters open by no more than an eighth of an em.
            const Length gap = yi->x - (wang->x + Length(wang->glyphs.at(0).advance));
            CHECK(gap >= Length{});
            CHECK(gap <= em / 8);
        }
    }
}
