#include "fake_issue.hpp"
#include "page/column_filler.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::page;
using namespace quire::page::testing;

namespace {
const Grid grid{pt(36), pt(12)};

TextBlock para(int n, const std::string& name, BlockRole role = BlockRole::body) {
    TextBlock b;
    b.role = role;
    b.leading = pt(12);
    b.snap_to_grid = role == BlockRole::body;
    for (int j = 0; j < n; ++j) b.lines.push_back(fake_line(name + " l" + std::to_string(j), pt(120)));
    return b;
}

TextBlock heading(const std::string& name, double before = 12) {
    TextBlock b = para(1, name, BlockRole::heading);
    b.space_before = pt(before);
    b.keep_with_next = true;
    return b;
}

// A column with room for exactly n body lines (baselines 48, 60, ...; descent 3).
ColumnSpace column_of(int n) { return ColumnSpace{pt(30), pt(120), pt(36), pt(36 + 12 * n + 3)}; }

ColumnFill fill(const Flow& f, int start, int lines, bool force = false) {
    return fill_column(f, start, column_of(lines), grid, FillOptions{pt(6), force, {}});
}
}  // namespace

TEST_CASE("a column that cannot end legally is left short: no orphan at the foot", "[page][flow]") {
    std::vector<Block> blocks{para(4, "p0"), para(5, "p1")};
    Flow f = make_flow(blocks);
    ColumnFill r = fill(f, 0, 5);
    CHECK(r.end == 4);          // p1's first line alone would be an orphan
    CHECK_FALSE(r.forced);
    REQUIRE(r.placed.size() == 4);
    CHECK(r.placed.back().y == pt(84));
    CHECK(fill(f, 0, 6).end == 6);  // two lines of p1 may stand at the foot
}

TEST_CASE("no widow: a line is carried with its neighbour to the next column", "[page][flow]") {
    std::vector<Block> blocks{para(1, "p0"), para(5, "p1")};
    Flow f = make_flow(blocks);
    // Room for 4 of p1's 5 lines would leave one at the next head: take 3.
    CHECK(fill(f, 0, 5).end == 1 + 3);
    CHECK(fill(f, 0, 6).end == 6);
}

TEST_CASE("a 2- or 3-line paragraph that cannot split moves whole", "[page][flow]") {
    std::vector<Block> blocks{para(2, "p0"), para(3, "p1")};
    Flow f = make_flow(blocks);
    CHECK(fill(f, 0, 3).end == 2);
    CHECK(fill(f, 0, 4).end == 2);
    CHECK(fill(f, 0, 5).end == 5);
    std::vector<Block> two{para(2, "p0"), para(2, "p1")};
    CHECK(fill(make_flow(two), 0, 3).end == 2);
}

TEST_CASE("a heading never ends a column", "[page][flow]") {
    std::vector<Block> blocks{para(4, "p0"), heading("h0"), para(4, "p1")};
    Flow f = make_flow(blocks);
    // heading at 108 fits, and one line of p1 at 120, but that line alone would be an
    // orphan; so the column ends after p0 and the heading goes over.
    ColumnFill r = fill(f, 0, 7);
    CHECK(r.end == 4);
    // With room for two lines of p1 the heading stays, with them.
    CHECK(fill(f, 0, 8).end == 7);
}

TEST_CASE("after a heading with other spacing the body snaps back to the grid", "[page][flow]") {
    std::vector<Block> blocks{para(2, "p0"), heading("h0", 5), para(2, "p1")};
    Flow f = make_flow(blocks);
    ColumnFill r = fill(f, 0, 20);
    REQUIRE(r.placed.size() == 5);
    CHECK(r.placed[1].y == pt(60));
    CHECK(r.placed[2].y == pt(60 + 5 + 12));   // the heading off the grid
    CHECK(r.placed[3].y == pt(96));            // 77 + 12 = 89 snaps up to 96
    CHECK(r.placed[4].y == pt(108));
    for (int i : {0, 1, 3, 4}) CHECK(grid.on_grid(r.placed[static_cast<std::size_t>(i)].y));
}

TEST_CASE("space-before is discarded at a column's head and the first line is on the grid", "[page][flow]") {
    std::vector<Block> blocks{heading("h0", 30), para(3, "p0")};
    ColumnFill r = fill(make_flow(blocks), 0, 20);
    REQUIRE(r.placed.size() == 4);
    CHECK(r.placed[0].y == pt(48));
    CHECK(r.placed[1].y == pt(60));
}

TEST_CASE("column full is a value; material taller than a column is broken with a flag", "[page][flow]") {
    std::vector<Block> blocks{para(10, "q0", BlockRole::pullquote)};
    Flow f = make_flow(blocks);
    ColumnFill gentle = fill(f, 0, 5);
    CHECK(gentle.end == 0);                   // nothing legal: the caller decides
    ColumnFill forced = fill(f, 0, 5, /*force=*/true);
    CHECK(forced.forced);
    CHECK(forced.end == 5);
}
