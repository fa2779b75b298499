#include "para/item_builders.hpp"
#include "para/set_lines.hpp"

#include "para_test_items.hpp"

#include <catch2/catch.hpp>

using namespace quire::para;
using namespace quire::para::test;
using quire::Length;

namespace {

// Sum of the set glue between box `a` and box `b` of a line.
Length glue_between(const Line& line, std::size_t a, std::size_t b) {
    Length w;
    for (const GlueSetting& g : line.glue) {
        if (g.item > a && g.item < b) w += g.width;
    }
    return w;
}

std::vector<std::size_t> boxes_of(const std::vector<Item>& items, const Line& line) {
    std::vector<std::size_t> out;
    for (std::size_t i = line.first; i < line.last; ++i) {
        if (std::holds_alternative<Box>(items[i]) && std::get<Box>(items[i]).width.sp > 0) out.push_back(i);
    }
    return out;
}

const int word_widths[] = {30, 12, 24, 18, 36, 12, 30, 24, 18, 12, 30, 36, 12, 24};

}  // namespace

TEST_CASE("finish_paragraph ends as TeX does", "[para][builders]") {
    std::vector<Item> items;
    add_box(items, pt(10));
    add_space(items, pt(6), pt(3), pt(2));  // a trailing space is dropped (TeX §816)
    finish_paragraph(items);
    REQUIRE(items.size() == 4);
    CHECK(std::get<Penalty>(items[1]).penalty == inf_penalty);
    CHECK(std::get<Glue>(items[2]).stretch_fil.sp > 0);
    CHECK(std::get<Penalty>(items[3]).penalty == eject_penalty);
}

TEST_CASE("ragged right keeps interword spaces fixed and the right edge free", "[para][builders]") {
    std::vector<Item> items;
    for (std::size_t w = 0; w < std::size(word_widths); ++w) {
        if (w > 0) add_ragged_right_space(items, pt(6), pt(18));
        add_box(items, pt(word_widths[w]));
    }
    finish_paragraph(items);
    const BreakResult r = break_lines(items, BreakParams{}, pt(100));
    REQUIRE(r.feasible());
    REQUIRE(r.breaks.size() >= 3);
    const std::vector<Line> lines = set_lines(items, r, pt(100));
    for (std::size_t k = 0; k < lines.size(); ++k) {
        INFO("line " << k);
        // Breaks are taken at the penalties of the idiom, never at its glue.
        if (k + 1 < lines.size()) CHECK(std::holds_alternative<Penalty>(items[r.breaks[k].item]));
        const auto boxes = boxes_of(items, lines[k]);
        for (std::size_t i = 0; i + 1 < boxes.size(); ++i) CHECK(glue_between(lines[k], boxes[i], boxes[i + 1]) == pt(6));
        CHECK(lines[k].width == pt(100));  // the free space sits after the last word
    }
}

TEST_CASE("centred lines get the same space on both sides", "[para][builders]") {
    std::vector<Item> items;
    begin_centred(items, pt(18));
    for (std::size_t w = 0; w < std::size(word_widths); ++w) {
        if (w > 0) add_centred_space(items, pt(6), pt(18));
        add_box(items, pt(word_widths[w]));
    }
    finish_centred(items, pt(18));
    const BreakResult r = break_lines(items, BreakParams{}, pt(100));
    REQUIRE(r.feasible());
    REQUIRE(r.breaks.size() >= 3);
    const std::vector<Line> lines = set_lines(items, r, pt(100));
    for (std::size_t k = 0; k < lines.size(); ++k) {
        INFO("line " << k);
        const auto boxes = boxes_of(items, lines[k]);
        REQUIRE(!boxes.empty());
        Length left_all;
        for (const GlueSetting& g : lines[k].glue) {
            if (g.item < boxes.front()) left_all += g.width;
        }
        Length right;
        for (const GlueSetting& g : lines[k].glue) {
            if (g.item > boxes.back()) right += g.width;
        }
        CHECK(std::llabs(left_all.sp - right.sp) <= 1);  // rounding goes to one side
        CHECK(left_all.sp > 0);
        for (std::size_t i = 0; i + 1 < boxes.size(); ++i) CHECK(glue_between(lines[k], boxes[i], boxes[i + 1]) == pt(6));
        CHECK(lines[k].width == pt(100));
    }
}

TEST_CASE("the space builders name the glue that stands for the space", "[para][builders]") {
    const Length r = pt(30);
    std::vector<Item> items;
    add_box(items, pt(10), 1);
    const std::size_t justified = add_space(items, pt(4), pt(2), pt(1));
    CHECK(justified == 1);
    CHECK(std::get<Glue>(items[justified]).width == pt(4));

    items.clear();
    add_box(items, pt(10), 1);
    // glue(0, r, 0) penalty glue(w, -r, 0): the glue of the space's width, the last.
    const std::size_t ragged = add_ragged_right_space(items, pt(4), r);
    CHECK(ragged == 3);
    CHECK(ragged == items.size() - 1);
    CHECK(std::get<Glue>(items[ragged]).width == pt(4));

    items.clear();
    add_box(items, pt(10), 1);
    // Centred: its first glue, glue(0, r, 0).
    const std::size_t centred = add_centred_space(items, pt(4), r);
    CHECK(centred == 1);
    CHECK(std::get<Glue>(items[centred]).stretch == r);
}
