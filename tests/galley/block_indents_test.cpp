// Paragraphs narrower than the column and list markers hung in their indent (issue 16).
#include "galley/block_indents.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::galley;

namespace {

page::Line line_with_run(Length x, Length natural) {
    page::Line line;
    line.natural_width = natural;
    render::DrawGlyphs g;
    g.x = x;
    g.text = "word";
    line.ops.push_back(g);
    return line;
}

Length x_of(const render::DrawOp& op) { return std::get<render::DrawGlyphs>(op).x; }

}  // namespace

TEST_CASE("list markers: bullets and numbers by level", "[galley][list]") {
    CHECK(list_marker(model::ListKind::bullet, 1, 1) == "\u2022");
    CHECK(list_marker(model::ListKind::bullet, 2, 7) == "\u2013");
    CHECK(list_marker(model::ListKind::number, 1, 1) == "1.");
    CHECK(list_marker(model::ListKind::number, 1, 12) == "12.");
    CHECK(list_marker(model::ListKind::number, 2, 1) == "a.");
    CHECK(list_marker(model::ListKind::number, 2, 26) == "z.");
    CHECK(list_marker(model::ListKind::number, 2, 27) == "aa.");
    CHECK(list_marker(model::ListKind::number, 1, 0) == "0.");
}

TEST_CASE("shifted lines move every drawing, rules too", "[galley][list]") {
    std::vector<page::Line> lines{line_with_run(Length::from_pt(0), Length::from_pt(50))};
    render::DrawRule rule;
    rule.x1 = Length::from_pt(1);
    rule.x2 = Length::from_pt(9);
    lines[0].ops.push_back(rule);
    shift_lines(lines, Length::from_pt(12));
    CHECK(x_of(lines[0].ops[0]) == Length::from_pt(12));
    CHECK(std::get<render::DrawRule>(lines[0].ops[1]).x1 == Length::from_pt(13));
    CHECK(std::get<render::DrawRule>(lines[0].ops[1]).x2 == Length::from_pt(21));
}

TEST_CASE("markers of different widths end at the same place, before the text", "[galley][list]") {
    const Length text_left = Length::from_pt(16), gap = Length::from_pt(5);
    page::Line nine = line_with_run(text_left, Length::from_pt(100));
    page::Line ten = line_with_run(text_left, Length::from_pt(100));
    hang_marker(nine, line_with_run(Length{}, Length::from_pt(6)), text_left, gap);
    hang_marker(ten, line_with_run(Length{}, Length::from_pt(10)), text_left, gap);
    // The marker comes first in the drawing (reading order), its right edge gap left of the text.
    REQUIRE(nine.ops.size() == 2);
    CHECK(x_of(nine.ops[0]) + Length::from_pt(6) == text_left - gap);
    CHECK(x_of(ten.ops[0]) + Length::from_pt(10) == text_left - gap);
    CHECK(x_of(nine.ops[1]) == text_left);
}
