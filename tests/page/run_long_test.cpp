// Full columns end flush (issue 15): a column that would end short because a heading
// moves on with its first lines takes paragraphs set one line longer instead.
#include "fake_issue.hpp"
#include "page/run_long.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::page;
using namespace quire::page::testing;

namespace {
const Grid grid{pt(36), pt(12)};

galley::TextBlock para(int n, const std::string& name, bool can_run_long = false, bool can_run_short = false) {
    galley::TextBlock b;
    b.leading = pt(12);
    b.snap_to_grid = true;
    for (int j = 0; j < n; ++j) b.lines.push_back(fake_line(name + " l" + std::to_string(j), pt(120)));
    if (can_run_long) {
        for (int j = 0; j <= n; ++j) b.longer.push_back(fake_line(name + " long l" + std::to_string(j), pt(120)));
    }
    if (can_run_short) {
        for (int j = 0; j + 1 < n; ++j) b.shorter.push_back(fake_line(name + " short l" + std::to_string(j), pt(120)));
    }
    return b;
}

galley::TextBlock heading(const std::string& name) {
    galley::TextBlock b;
    b.role = galley::BlockRole::heading;
    b.leading = pt(12);
    b.snap_to_grid = true;
    b.space_before = pt(12);
    b.keep_with_next = true;
    b.lines.push_back(fake_line(name, pt(120)));
    return b;
}

// Room for exactly n body lines (baselines 48, 60, ...; descent 3).
ColumnSpace column_of(int n) { return ColumnSpace{pt(30), pt(120), pt(36), pt(36 + 12 * n + 3)}; }
const FillOptions options{pt(6), false, {}};
}  // namespace

TEST_CASE("a column left short by a heading that moves on takes paragraphs run long", "[page][flow][run-long]") {
    // 12 lines of room: 5 + 4 lines of text, then a heading (a blank line and itself)
    // with a 4-line paragraph it keeps its first two lines with: 13 lines, so the heading
    // moves on and 3 lines are left. Two paragraphs can run long: the column gains 2.
    std::vector<galley::Block> blocks{para(5, "a", true), para(4, "b", true), heading("h"), para(4, "c", true)};
    Flow flow = make_flow(blocks);
    const ColumnSpace space = column_of(12);
    const ColumnFill plain = fill_column(flow, 0, space, grid, options);
    CHECK(plain.end == 9);
    CHECK(lines_left(flow, plain, space, grid) == 3);

    const ColumnFill filled = run_long(blocks, flow, 0, plain, space, grid, options);
    CHECK(filled.end == 11);  // a and b, each one line longer; the heading still moves on
    CHECK(lines_left(flow, filled, space, grid) == 1);
    CHECK(std::get<galley::TextBlock>(blocks[0]).lines.size() == 6);
    CHECK(std::get<galley::TextBlock>(blocks[1]).lines.size() == 5);
    CHECK(std::get<galley::TextBlock>(blocks[0]).longer.empty());  // run long once, not offered again
    CHECK(std::get<galley::TextBlock>(blocks[3]).lines.size() == 4);  // c is in the next column: untouched
}

TEST_CASE("run long takes the fewest paragraphs, the last first, and none that would not help", "[page][flow][run-long]") {
    // One line short: only b (the last) runs long.
    std::vector<galley::Block> blocks{para(5, "a", true), para(4, "b", true), heading("h"), para(4, "c", true)};
    Flow flow = make_flow(blocks);
    const ColumnFill filled = run_long(blocks, flow, 0, fill_column(flow, 0, column_of(10), grid, options),
                                       column_of(10), grid, options);
    CHECK(lines_left(flow, filled, column_of(10), grid) == 0);
    CHECK(std::get<galley::TextBlock>(blocks[0]).lines.size() == 5);
    CHECK(std::get<galley::TextBlock>(blocks[1]).lines.size() == 5);

    // Nothing can run long: the column stays as it was.
    std::vector<galley::Block> fixed{para(5, "a"), para(4, "b"), heading("h"), para(4, "c")};
    Flow fixed_flow = make_flow(fixed);
    const ColumnFill plain = fill_column(fixed_flow, 0, column_of(12), grid, options);
    const ColumnFill same = run_long(fixed, fixed_flow, 0, plain, column_of(12), grid, options);
    CHECK(same.end == plain.end);
    CHECK(lines_left(fixed_flow, same, column_of(12), grid) == 3);
}

TEST_CASE("the flow's last column is left as it is: the article ends there", "[page][flow][run-long]") {
    std::vector<galley::Block> blocks{para(5, "a", true), para(4, "b", true)};
    Flow flow = make_flow(blocks);
    const ColumnFill plain = fill_column(flow, 0, column_of(12), grid, options);
    CHECK(plain.end == 9);
    const ColumnFill after = run_long(blocks, flow, 0, plain, column_of(12), grid, options);
    CHECK(after.end == 9);
    CHECK(std::get<galley::TextBlock>(blocks[0]).lines.size() == 5);
}

TEST_CASE("where no paragraph can run long, paragraphs run short so that the heading comes in",
          "[page][flow][run-long]") {
    // 12 lines of room: 5 + 5 lines of text leave 2, too few for the heading group (a
    // blank line, the heading, two lines). Set a line shorter each, a and b leave 4: the
    // heading and c's first two lines come in and the column ends flush.
    std::vector<galley::Block> blocks{para(5, "a", false, true), para(5, "b", false, true), heading("h"), para(4, "c")};
    Flow flow = make_flow(blocks);
    const ColumnSpace space = column_of(12);
    const ColumnFill plain = fill_column(flow, 0, space, grid, options);
    CHECK(plain.end == 10);
    CHECK(lines_left(flow, plain, space, grid) == 2);

    const ColumnFill filled = run_long(blocks, flow, 0, plain, space, grid, options);
    CHECK(lines_left(flow, filled, space, grid) == 0);
    CHECK(filled.end == 4 + 4 + 1 + 2);  // a, b, the heading, c's first two lines
    CHECK(std::get<galley::TextBlock>(blocks[0]).lines.size() == 4);
    CHECK(std::get<galley::TextBlock>(blocks[1]).lines.size() == 4);

    // One paragraph short is not enough (3 lines left, worse than 2): none is changed.
    std::vector<galley::Block> one{para(5, "a"), para(5, "b", false, true), heading("h"), para(4, "c")};
    Flow one_flow = make_flow(one);
    const ColumnFill same = run_long(one, one_flow, 0, fill_column(one_flow, 0, space, grid, options), space, grid, options);
    CHECK(same.end == 10);
    CHECK(std::get<galley::TextBlock>(one[1]).lines.size() == 5);
}
