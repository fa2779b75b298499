// Paragraphs narrower than the column and list markers hung in their indent (issue 16).
#include "galley/block_indents.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::galley;

namespace {

galley::Line line_with_run(Length x, Length natural) {
    galley::Line line;
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
    std::vector<galley::Line> lines{line_with_run(Length::from_pt(0), Length::from_pt(50))};
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
    galley::Line nine = line_with_run(text_left, Length::from_pt(100));
    galley::Line ten = line_with_run(text_left, Length::from_pt(100));
    const galley::Line nine_mark = line_with_run(Length{}, Length::from_pt(6));
    const galley::Line ten_mark = line_with_run(Length{}, Length::from_pt(10));
    hang_marker(nine, nine_mark, marker_x(nine_mark, text_left, gap, false));
    hang_marker(ten, ten_mark, marker_x(ten_mark, text_left, gap, false));
    // The marker comes first in the drawing (reading order), its right edge gap left of the text.
    REQUIRE(nine.ops.size() == 2);
    CHECK(x_of(nine.ops[0]) + Length::from_pt(6) == text_left - gap);
    CHECK(x_of(ten.ops[0]) + Length::from_pt(10) == text_left - gap);
    CHECK(x_of(nine.ops[1]) == text_left);
}

TEST_CASE("in right-to-left items markers begin at the same place, after the text's start on the right",
          "[galley][list]") {
    // The item's text ends (starts, reading right to left) 16 pt from the column's right edge.
    const Length text_right = Length::from_pt(184), gap = Length::from_pt(5);
    galley::Line nine = line_with_run(Length::from_pt(84), Length::from_pt(100));
    const galley::Line nine_mark = line_with_run(Length{}, Length::from_pt(6));
    const galley::Line ten_mark = line_with_run(Length{}, Length::from_pt(10));
    hang_marker(nine, nine_mark, marker_x(nine_mark, text_right, gap, true));
    REQUIRE(nine.ops.size() == 2);
    CHECK(x_of(nine.ops[0]) == text_right + gap);
    CHECK(marker_x(ten_mark, text_right, gap, true) == text_right + gap);
    CHECK(x_of(nine.ops[1]) == Length::from_pt(84));
}

// Tables (galley/table_layout.hpp).
#include "galley/table_layout.hpp"

TEST_CASE("table columns: percentages of the width first, then shares of the rest", "[galley][table]") {
    const Length width = Length::from_pt(200), gap = Length::from_pt(10);
    const std::vector<model::TableColumn> columns{{25, true}, {1, false}, {2, false}};
    const std::vector<Length> w = column_widths(columns, width, gap);
    REQUIRE(w.size() == 3);
    CHECK(w[0] == Length::from_pt(50));
    // 200 - 2 gaps - 50 = 130, in shares 1:2.
    CHECK(std::abs(w[1].pt() - 130.0 / 3) < 0.01);
    CHECK(std::abs(w[2].pt() - 260.0 / 3) < 0.01);
    // Percentages past the room leave the shares nothing, never less.
    const std::vector<Length> over = column_widths({{96, true}, {1, false}}, width, gap);
    CHECK(over[1] == Length{});
}

TEST_CASE("a row's lines: as many as its tallest cell's, every cell drawn cell by cell with the first", "[galley][table]") {
    const Length leading = Length::from_pt(10);
    std::vector<galley::Line> one{line_with_run(Length{}, Length::from_pt(20))};
    std::vector<galley::Line> three{line_with_run(Length{}, Length::from_pt(20)), line_with_run(Length{}, Length::from_pt(20)),
                                  line_with_run(Length{}, Length::from_pt(20))};
    three[2].notes = {4};
    const std::vector<galley::Line> row = row_lines({one, three}, {Length{}, Length::from_pt(60)}, Length::from_pt(100), leading);
    REQUIRE(row.size() == 3);
    REQUIRE(row[0].ops.size() == 4);
    CHECK(row[1].ops.empty());
    // Cell 1, then cell 2's three lines, each a leading lower, at the cell's x.
    CHECK(x_of(row[0].ops[0]) == Length{});
    CHECK(x_of(row[0].ops[1]) == Length::from_pt(60));
    CHECK(std::get<render::DrawGlyphs>(row[0].ops[3]).y == Length::from_pt(20));
    CHECK(row[2].notes == std::vector<int>{4});
}
