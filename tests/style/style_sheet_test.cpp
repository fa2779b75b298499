#include "style/style_sheet.hpp"

#include "input/issue_reader.hpp"

#include <catch2/catch.hpp>

using namespace quire;

namespace {
model::Layout small_layout() {
    model::Layout layout;
    layout.families.push_back({"Serif", "a.otf", "", "", "", {}});
    model::ParagraphStyle body;
    body.name = "body";
    body.text.size = Length::from_pt(10);
    body.leading = Length::from_pt(12);
    body.align = model::Align::justify;
    body.indent = parse_dimension("1.5em");
    body.hyphenate = true;
    layout.paragraph_styles.push_back(body);
    model::ParagraphStyle big;
    big.name = "big";
    big.based_on = "body";
    big.text.size = Length::from_pt(20);  // indent 1.5em must follow the new size
    big.text.color = "#FF8000";
    layout.paragraph_styles.push_back(big);
    model::ParagraphStyle bigger;
    bigger.name = "bigger";
    bigger.based_on = "big";
    bigger.hyphenate = false;
    layout.paragraph_styles.push_back(bigger);
    model::CharacterStyle em;
    em.name = "em";
    em.text.slant = model::Slant::italic;
    layout.character_styles.push_back(em);
    model::CharacterStyle loud;
    loud.name = "loud";
    loud.based_on = "em";
    loud.text.weight = model::Weight::bold;
    layout.character_styles.push_back(loud);
    return layout;
}
}  // namespace

TEST_CASE("paragraph styles inherit through based-on, nearest wins", "[style]") {
    model::Layout layout = small_layout();
    style::StyleSheet sheet(layout);
    const style::ParagraphStyle& bigger = sheet.paragraph("bigger");
    CHECK(bigger.text.family == "Serif");                 // the first family by default
    CHECK(bigger.text.size == Length::from_pt(20));       // from big
    CHECK(bigger.leading == Length::from_pt(12));         // from body
    CHECK(bigger.align == model::Align::justify);         // from body
    CHECK(bigger.hyphenate == false);                     // its own
    CHECK(bigger.indent == Length::from_pt(30));          // 1.5em of 20pt, not of 10pt
    CHECK(bigger.text.color == style::TextColor{style::Rgb{1.0, 128 / 255.0, 0.0}});
    CHECK(sheet.paragraph("body").indent == Length::from_pt(15));
    CHECK(sheet.paragraph("body").tolerance == 200);      // TeX's default when unset
    CHECK(sheet.paragraph("body").hyphenate_limit == 2);  // a magazine default: at most two hyphens in a row
}

TEST_CASE("character styles apply in order and inherit", "[style]") {
    model::Layout layout = small_layout();
    style::StyleSheet sheet(layout);
    style::TextStyle base = sheet.paragraph("body").text;
    style::TextStyle loud = sheet.apply_character_styles(base, {"loud"});
    CHECK(loud.slant == model::Slant::italic);
    CHECK(loud.weight == model::Weight::bold);
    CHECK(loud.size == base.size);
    CHECK(sheet.apply_character_styles(base, {}) == base);
}

TEST_CASE("the Review's styles resolve", "[style][sample]") {
    DiagnosticSink sink;
    auto issue = input::read_issue("issues/2025-spring/issue.xml", {}, sink);
    REQUIRE(issue);
    style::StyleSheet sheet(issue->layout);
    const style::ParagraphStyle& first = sheet.paragraph("body-first");
    CHECK(first.indent == Length{});
    CHECK(first.text.size == Length::from_pt(10.5));
    CHECK(first.align == model::Align::justify);
    CHECK(sheet.paragraph("body").indent == Length::from_pt(10.5));
    CHECK(sheet.paragraph("credit").text.family == "Sans");
    CHECK(sheet.paragraph("subheading").text.slant == model::Slant::italic);
    CHECK(sheet.paragraph("subheading").text.weight == model::Weight::regular);
}
