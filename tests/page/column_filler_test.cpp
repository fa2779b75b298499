#include "fake_issue.hpp"
#include "page/column_filler.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::page;
using namespace quire::page::testing;

namespace {
const Grid grid{pt(36), pt(12)};

galley::TextBlock para(int n, const std::string& name, galley::BlockRole role = galley::BlockRole::body) {
    galley::TextBlock b;
    b.role = role;
    b.leading = pt(12);
    b.snap_to_grid = role == galley::BlockRole::body;
    for (int j = 0; j < n; ++j) b.lines.push_back(fake_line(name + " l" + std::to_string(j), pt(120)));
    return b;
}

galley::TextBlock heading(const std::string& name, double before = 12) {
    galley::TextBlock b = para(1, name, galley::BlockRole::heading);
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
    std::vector<galley::Block> blocks{para(4, "p0"), para(5, "p1")};
    Flow f = make_flow(blocks);
    ColumnFill r = fill(f, 0, 5);
    CHECK(r.end == 4);          // p1's first line alone would be an orphan
    CHECK_FALSE(r.forced);
    REQUIRE(r.placed.size() == 4);
    CHECK(r.placed.back().y == pt(84));
    CHECK(fill(f, 0, 6).end == 6);  // two lines of p1 may stand at the foot
}

TEST_CASE("no widow: a line is carried with its neighbour to the next column", "[page][flow]") {
    std::vector<galley::Block> blocks{para(1, "p0"), para(5, "p1")};
    Flow f = make_flow(blocks);
    // Room for 4 of p1's 5 lines would leave one at the next head: take 3.
    CHECK(fill(f, 0, 5).end == 1 + 3);
    CHECK(fill(f, 0, 6).end == 6);
}

TEST_CASE("a 2- or 3-line paragraph that cannot split moves whole", "[page][flow]") {
    std::vector<galley::Block> blocks{para(2, "p0"), para(3, "p1")};
    Flow f = make_flow(blocks);
    CHECK(fill(f, 0, 3).end == 2);
    CHECK(fill(f, 0, 4).end == 2);
    CHECK(fill(f, 0, 5).end == 5);
    std::vector<galley::Block> two{para(2, "p0"), para(2, "p1")};
    CHECK(fill(make_flow(two), 0, 3).end == 2);
}

TEST_CASE("a heading never ends a column", "[page][flow]") {
    std::vector<galley::Block> blocks{para(4, "p0"), heading("h0"), para(4, "p1")};
    Flow f = make_flow(blocks);
    // heading at 108 fits, and one line of p1 at 120, but that line alone would be an
    // orphan; so the column ends after p0 and the heading goes over.
    ColumnFill r = fill(f, 0, 7);
    CHECK(r.end == 4);
    // With room for two lines of p1 the heading stays, with them.
    CHECK(fill(f, 0, 8).end == 7);
}

TEST_CASE("after a heading with other spacing the body snaps back to the grid", "[page][flow]") {
    std::vector<galley::Block> blocks{para(2, "p0"), heading("h0", 5), para(2, "p1")};
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
    std::vector<galley::Block> blocks{heading("h0", 30), para(3, "p0")};
    ColumnFill r = fill(make_flow(blocks), 0, 20);
    REQUIRE(r.placed.size() == 4);
    CHECK(r.placed[0].y == pt(48));
    CHECK(r.placed[1].y == pt(60));
}

TEST_CASE("column full is a value, material taller than a column is broken with a flag", "[page][flow]") {
    std::vector<galley::Block> blocks{para(10, "q0", galley::BlockRole::pullquote)};
    Flow f = make_flow(blocks);
    ColumnFill gentle = fill(f, 0, 5);
    CHECK(gentle.end == 0);                   // nothing legal: the caller decides
    ColumnFill forced = fill(f, 0, 5, /*force=*/true);
    CHECK(forced.forced);
    CHECK(forced.end == 5);
}

namespace {

// Footnotes of `sizes[k]` lines (note k + 1), 12 pt apart: with the 12 pt separation a
// note of n lines takes 12 n + 11 pt at the foot (ascent 8, descent 3).
galley::Footnotes notes_of(const std::vector<int>& sizes) {
    galley::Footnotes notes;
    for (std::size_t k = 0; k < sizes.size(); ++k) notes.notes.push_back(para(sizes[k], "n" + std::to_string(k + 1)));
    return notes;
}

ColumnFill fill_with(const Flow& f, int start, int lines, std::vector<NotePart> carry = {}) {
    return fill_column(f, start, column_of(lines), grid, FillOptions{pt(6), false, {}, std::move(carry)});
}

}  // namespace

TEST_CASE("a footnote that does not fit whole splits: its first lines stay with the reference", "[page][flow][notes]") {
    const galley::Footnotes notes = notes_of({8});
    std::vector<galley::Block> blocks{para(12, "p")};
    std::get<galley::TextBlock>(blocks[0]).lines[2].notes = {1};
    const Flow f = make_flow(blocks, false, &notes);
    // Line 2 ends at 75 pt, 84 pt above the foot (159): 6 of the note's 8 lines (83 pt).
    const ColumnFill first = fill_with(f, 0, 10);
    CHECK(first.end == 3);
    CHECK(first.notes == std::vector<NotePart>{{1, 0, 6}});
    CHECK(first.carried == std::vector<NotePart>{{1, 6, 8}});
    // The next column starts with the rest at its foot (35 pt): 7 lines of text above it.
    const ColumnFill second = fill_with(f, first.end, 10, first.carried);
    CHECK(second.notes == std::vector<NotePart>{{1, 6, 8}});
    CHECK(second.carried.empty());
    CHECK(second.end == 10);
}

TEST_CASE("a footnote split keeps two lines on either side, and later notes follow it over", "[page][flow][notes]") {
    // Note 1 (5 lines) on line 0 of a 6-line column: 4 lines would fit but leave one
    // alone, so 3 stay; line 1 then fits, and its note 2 waits for the next column.
    const galley::Footnotes notes = notes_of({5, 1});
    std::vector<galley::Block> blocks{para(6, "p")};
    std::get<galley::TextBlock>(blocks[0]).lines[0].notes = {1};
    std::get<galley::TextBlock>(blocks[0]).lines[1].notes = {2};
    const Flow f = make_flow(blocks, false, &notes);
    const ColumnFill r = fill_with(f, 0, 6);
    CHECK(r.end == 2);
    CHECK(r.notes == std::vector<NotePart>{{1, 0, 3}});
    CHECK(r.carried == (std::vector<NotePart>{{1, 3, 5}, {2, 0, 1}}));
    // A three-line note cannot split two and two: its line goes to the next column.
    const galley::Footnotes short_notes = notes_of({3});
    std::vector<galley::Block> late{para(9, "p")};
    std::get<galley::TextBlock>(late[0]).lines[7].notes = {1};
    const ColumnFill moved = fill_with(make_flow(late, false, &short_notes), 0, 9);
    CHECK(moved.end == 7);  // lines 7 and 8 go over, the note with its reference
    CHECK(moved.notes.empty());
    CHECK(moved.carried.empty());
}

TEST_CASE("notes carried in that are taller than the column are split again", "[page][flow][notes]") {
    const galley::Footnotes notes = notes_of({20});
    std::vector<galley::Block> blocks{para(2, "p")};
    const Flow f = make_flow(blocks, false, &notes);
    // No text left: the column holds 9 lines of the note (119 pt of 123), the rest goes on.
    const ColumnFill r = fill_with(f, 2, 10, {{1, 0, 20}});
    CHECK(r.notes == std::vector<NotePart>{{1, 0, 9}});
    CHECK(r.carried == std::vector<NotePart>{{1, 9, 20}});
}
