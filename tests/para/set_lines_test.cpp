#include "para/set_lines.hpp"

#include "para_test_items.hpp"

#include <catch2/catch.hpp>

using namespace quire::para;
using namespace quire::para::test;
using quire::Length;

namespace {

// What a line measures when drawn: boxes, set glue, and the hyphen it ends with.
Length drawn_width(const std::vector<Item>& items, const Line& line) {
    Length w;
    std::size_t g = 0;
    for (std::size_t i = line.first; i < line.last; ++i) {
        if (const auto* box = std::get_if<Box>(&items[i])) {
            w += box->width;
        } else if (std::holds_alternative<Glue>(items[i])) {
            REQUIRE(g < line.glue.size());
            CHECK(line.glue[g].item == i);
            w += line.glue[g++].width;
        } else if (i + 1 == line.last) {
            w += std::get<Penalty>(items[i]).width;
        }
    }
    CHECK(g == line.glue.size());
    return w;
}

}  // namespace

TEST_CASE("set_lines makes every justified line exactly its width", "[para][set]") {
    // Odd sizes in scaled points so that sharing the space cannot come out even.
    std::vector<Item> items;
    const Length widths[] = {Length::from_sp(1234567), Length::from_sp(987654), Length::from_sp(2345678),
                             Length::from_sp(765432), Length::from_sp(1111111), Length::from_sp(3333333)};
    for (int w = 0; w < 18; ++w) {
        if (w > 0) add_space(items, Length::from_sp(218453), Length::from_sp(393216 + w), Length::from_sp(131073));
        add_box(items, widths[w % 6]);
        if (w % 5 == 2) {
            add_hyphenation_point(items, Length::from_sp(222222));
            add_box(items, widths[(w + 3) % 6]);
        }
    }
    finish_paragraph(items);
    const LineWidths measure({Length::from_sp(11777777), Length::from_sp(13999991)});
    BreakParams params;
    params.tolerance = 400;
    const BreakResult r = break_lines(items, params, measure);
    REQUIRE(r.feasible());
    REQUIRE(r.breaks.size() >= 3);

    const std::vector<Line> lines = set_lines(items, r, measure);
    REQUIRE(lines.size() == r.breaks.size());
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
        INFO("line " << k);
        CHECK(lines[k].target == measure(static_cast<int>(k)));
        CHECK(lines[k].width == lines[k].target);
        CHECK(drawn_width(items, lines[k]) == lines[k].target);
        CHECK(lines[k].hyphenated == r.breaks[k].hyphenated);
        // A line never begins with discardable glue or penalty (TeX §879).
        CHECK(std::holds_alternative<Box>(items[lines[k + 1].first]));
    }
    // The last line is filled by the fil glue, so it too is exactly the width.
    CHECK(drawn_width(items, lines.back()) == lines.back().target);
}

TEST_CASE("set_lines shares the space by stretch and shrink, remainders deterministically", "[para][set]") {
    // "10 10 10" with spaces of stretch 1sp and 2sp on a line 10sp wider than natural:
    // cumulative floors give floor(10*1/3)=3 and 10-3=7.
    std::vector<Item> items;
    add_box(items, Length::from_sp(10));
    add_space(items, Length::from_sp(5), Length::from_sp(1), Length{});
    add_box(items, Length::from_sp(10));
    add_space(items, Length::from_sp(5), Length::from_sp(2), Length{});
    add_box(items, Length::from_sp(10));
    BreakParams params;
    params.tolerance = 10000;
    params.pretolerance = 10000;
    const LineWidths measure(Length::from_sp(50));
    const BreakResult r = break_lines(items, params, measure);  // implicit end at item 5
    REQUIRE(r.breaks.size() == 1);
    CHECK(r.breaks[0].item == 5);
    const std::vector<Line> lines = set_lines(items, r, measure);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].glue.size() == 2);
    CHECK(lines[0].glue[0].width == Length::from_sp(8));
    CHECK(lines[0].glue[1].width == Length::from_sp(12));
    CHECK(lines[0].width == Length::from_sp(50));
    CHECK(lines[0].ratio == Approx(10.0 / 3.0));

    // Shrinking 7sp from shrinks 2sp and 5sp: floor(7*2/7)=2, then 5.
    std::get<Glue>(items[1]).shrink = Length::from_sp(2);
    std::get<Glue>(items[3]).shrink = Length::from_sp(5);
    const LineWidths narrow(Length::from_sp(33));
    const std::vector<Line> shrunk = set_lines(items, break_lines(items, params, narrow), narrow);
    REQUIRE(shrunk.size() == 1);
    CHECK(shrunk[0].glue[0].width == Length::from_sp(3));
    CHECK(shrunk[0].glue[1].width == Length::from_sp(0));
    CHECK(shrunk[0].width == Length::from_sp(33));
    CHECK(shrunk[0].ratio == Approx(-1.0));
}

TEST_CASE("set_lines keeps an overfull line overfull and says so", "[para][set]") {
    const auto items = words({{50}, {150}, {30}});
    const BreakResult r = break_lines(items, BreakParams{}, pt(100));
    const std::vector<Line> lines = set_lines(items, r, pt(100));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].first == 0);
    CHECK(lines[0].last == 3);
    CHECK(lines[0].width == pt(204));  // 206 natural, all 2pt of shrink used
    CHECK(lines[1].first == 4);
    CHECK(lines[1].width == pt(100));
}

TEST_CASE("a line ending at a hyphen includes the hyphen penalty", "[para][set]") {
    // From the final_hyphen test with final_hyphen_demerits 0: line 2 is "24-18 30 12-"
    // = items 10..17, ending with the hyphen penalty 17 (4pt), exactly 100pt.
    const auto items = words({{24}, {12}, {12}, {24, 12}, {24, 18}, {30}, {12, 18}});
    BreakParams params;
    params.final_hyphen_demerits = 0;
    const BreakResult r = break_lines(items, params, pt(100));
    const std::vector<Line> lines = set_lines(items, r, pt(100));
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].first == 10);
    CHECK(lines[1].last == 18);
    CHECK(lines[1].hyphenated);
    CHECK(lines[1].width == pt(100));
    CHECK(lines[1].glue.size() == 2);
    CHECK(lines[1].glue[0].width == pt(6));  // b=0: nothing to stretch
}

TEST_CASE("letter spacing: the glue stretches to its limit first, the boxes take the rest", "[para][set][letterspacing]") {
    // box(100, letters +4/-2) glue(10, 6, 3) box(100, letters +4/-2): natural 210, one
    // line whatever the measure (a tie before the glue).
    std::vector<Item> items;
    add_spaced_box(items, pt(100), pt(4), pt(2), 1);
    items.emplace_back(Penalty{Length{}, inf_penalty});
    add_space(items, pt(10), pt(6), pt(3));
    add_spaced_box(items, pt(100), pt(4), pt(2), 2);
    BreakParams params;
    params.pretolerance = 10000;
    params.tolerance = 10000;
    auto set_at = [&](int width, bool exact = true) {
        const LineWidths measure(pt(width));
        const BreakResult r = break_lines(items, params, measure);
        REQUIRE(r.breaks.size() == 1);
        std::vector<Line> lines = set_lines(items, r, measure);
        REQUIRE(lines.size() == 1);
        Length extra;
        for (const BoxSetting& b : lines[0].boxes) extra += b.extra;
        CHECK(drawn_width(items, lines[0]) + extra == lines[0].width);
        if (exact) CHECK(lines[0].width == pt(width));
        return std::pair{lines[0], r.breaks[0]};
    };
    {   // 4pt short: the glue alone moves, and the badness is the glue's.
        auto [line, br] = set_at(214);
        CHECK(line.glue[0].width == pt(14));
        CHECK(line.boxes.empty());
        CHECK(br.badness == badness(4 * 65536, 6 * 65536));
    }
    {   // 10pt short: glue +6 (its limit), each box +2.
        auto [line, br] = set_at(220);
        CHECK(line.glue[0].width == pt(16));
        REQUIRE(line.boxes.size() == 2);
        CHECK(line.boxes[0].item == 0);
        CHECK(line.boxes[0].extra == pt(2));
        CHECK(line.boxes[1].item == 3);
        CHECK(line.boxes[1].extra == pt(2));
        CHECK(br.ratio == Approx(1.0));
        CHECK(br.badness == 100 + badness(4 * 65536, 8 * 65536));  // the glue at its limit, the letters half way
    }
    {   // 28pt short, past both limits (6 + 8): the letters stop at their limit (+4
        // each), the word space takes the other 20pt (issue 15: limits are limits).
        auto [line, br] = set_at(238);
        CHECK(line.glue[0].width == pt(30));
        CHECK(line.boxes[0].extra == pt(4));
        CHECK(line.boxes[1].extra == pt(4));
        CHECK(br.ratio == Approx(2.0));
    }
    {   // 5pt too wide: glue -3 (its limit), the boxes -1 each.
        auto [line, br] = set_at(205);
        CHECK(line.glue[0].width == pt(7));
        REQUIRE(line.boxes.size() == 2);
        CHECK(line.boxes[0].extra == pt(-1));
        CHECK(line.boxes[1].extra == pt(-1));
        CHECK(br.ratio == Approx(-1.0));
        CHECK(br.overfull.sp == 0);
    }
    {   // 8pt too wide: 7pt is all the shrink there is: overfull by 1pt.
        auto [line, br] = set_at(202, false);
        CHECK(line.width == pt(203));
        CHECK(br.overfull == pt(1));
    }
}

TEST_CASE("letter spacing never passes its limit: a line of one word stays short", "[para][set][letterspacing]") {
    std::vector<Item> items;
    add_spaced_box(items, pt(100), pt(4), pt(2), 1);
    finish_paragraph(items);
    // Justified to the measure: the paragraph's last line has fil glue, so force a
    // justified last line by taking the fil away (a one-word line in mid-paragraph).
    for (Item& item : items) {
        if (auto* g = std::get_if<Glue>(&item)) g->stretch_fil = Length{};
    }
    BreakParams params;
    params.pretolerance = 10000;
    params.tolerance = 10000;
    const LineWidths measure(pt(110));
    const BreakResult r = break_lines(items, params, measure);
    REQUIRE(r.breaks.size() == 1);
    const std::vector<Line> lines = set_lines(items, r, measure);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].boxes.size() == 1);
    CHECK(lines[0].boxes[0].extra == pt(4));
    CHECK(lines[0].width == pt(104));
}

TEST_CASE("emergency stretch in steps: the wider step only where the first leaves a line overfull", "[para][emergency]") {
    // box(50) glue(5, 2, 1) box(60) at a measure of 100: "50 60" is 14pt too wide for
    // its shrink, so the first line is "50" alone, 50pt short with no stretch of its
    // own: only emergency stretch can make it feasible (badness <= 200 needs about
    // 40pt of it).
    std::vector<Item> items;
    add_box(items, pt(50), 1);
    add_space(items, pt(5), pt(2), pt(1));
    add_box(items, pt(60), 2);
    finish_paragraph(items);
    BreakParams params;
    params.pretolerance = 100;
    params.tolerance = 200;
    params.emergency_stretch = pt(10);
    const LineWidths measure(pt(100));
    const BreakResult small = break_lines(items, params, measure);
    REQUIRE(small.pass == BreakPass::emergency);
    REQUIRE_FALSE(small.overfull_lines.empty());  // the premise: 10pt is not enough
    const BreakResult stepped = break_lines_stepped(items, params, measure, {pt(45)});
    CHECK(stepped.pass == BreakPass::emergency);
    CHECK(stepped.overfull_lines.empty());
    CHECK(stepped.breaks.size() == 2);
    // A paragraph the first step sets is left as it set it.
    params.emergency_stretch = pt(45);
    const BreakResult enough = break_lines_stepped(items, params, measure, {pt(90)});
    CHECK(enough.overfull_lines.empty());
    CHECK(enough.total_demerits == break_lines(items, params, measure).total_demerits);
}
