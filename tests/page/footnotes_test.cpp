#include "page/footnotes.hpp"

#include "fake_issue.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::page;
using namespace quire::page::testing;

namespace {

std::vector<render::DrawRule> rules_drawn(const galley::Footnotes& notes) {
    std::vector<galley::Block> blocks;
    const Flow flow = make_flow(blocks, false, &notes);
    std::vector<render::DrawOp> ops;
    std::vector<std::pair<std::string, Length>> anchors;
    const ColumnSpace space{pt(30), pt(120), pt(36), pt(400)};
    draw_footnotes(flow, {{1, 0, 2}}, space, Grid{pt(36), pt(12)}, ops, anchors);
    std::vector<render::DrawRule> rules;
    for (const render::DrawOp& op : ops) {
        if (const auto* r = std::get_if<render::DrawRule>(&op)) rules.push_back(*r);
    }
    CHECK(anchors.size() == 1);  // the note's first line, for the link from its reference
    return rules;
}

}  // namespace

TEST_CASE("the rule over footnotes is as long and thick as the layout says, or absent", "[page][notes]") {
    galley::Footnotes notes;
    galley::TextBlock note;
    note.leading = pt(10);
    note.lines = {fake_line("a note", pt(120)), fake_line("its second line", pt(120))};
    notes.notes.push_back(note);
    notes.rule_thickness = pt(1);
    notes.rule_length = 50;
    const auto half = rules_drawn(notes);
    REQUIRE(half.size() == 1);
    CHECK(half[0].x1 == pt(30));
    CHECK(half[0].x2 == pt(90));
    CHECK(half[0].thickness == pt(1));
    notes.rule_thickness = Length{};
    CHECK(rules_drawn(notes).empty());
}
