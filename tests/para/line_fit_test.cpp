// Glyph scaling (pdfTeX's font expansion) and margin kerning (character protrusion)
// in the breaker and in set_lines: the line the breaker judges is the line drawn.
#include "para/line_fit.hpp"
#include "para/set_lines.hpp"

#include "para_test_items.hpp"

#include <catch2/catch.hpp>

using namespace quire::para;
using namespace quire::para::test;
using quire::Length;

namespace {

// Words of `width` pt whose glyphs may gain or lose `scale` pt each at the limit, as
// one justified line: no \parfillskip, the list ends with an implicit break.
std::vector<Item> scalable_words(int count, int width, int scale, int space = 6, int stretch = 3, int shrink = 2) {
    std::vector<Item> items;
    for (int w = 0; w < count; ++w) {
        if (w > 0) add_space(items, pt(space), pt(stretch), pt(shrink));
        Box box{pt(width), static_cast<std::uint32_t>(w + 1)};
        box.scale_stretch = pt(scale);
        box.scale_shrink = pt(scale);
        items.emplace_back(box);
    }
    return items;
}

// What a set line measures when drawn: scaled boxes, set glue, the hyphen.
Length drawn_width(const std::vector<Item>& items, const Line& line) {
    Length w;
    std::size_t g = 0;
    for (std::size_t i = line.first; i < line.last; ++i) {
        if (const auto* box = std::get_if<Box>(&items[i])) {
            w += box->width + Length::from_sp(scaled_by(box->scale_stretch, box->scale_shrink, line.scale_step, line.scaling_steps));
        } else if (std::holds_alternative<Glue>(items[i])) {
            w += line.glue[g++].width;
        } else if (i + 1 == line.last) {
            const auto& p = std::get<Penalty>(items[i]);
            w += p.width + Length::from_sp(scaled_by(p.scale_stretch, p.scale_shrink, line.scale_step, line.scaling_steps));
        }
    }
    return w;
}

}  // namespace

TEST_CASE("the scaling step is the nearest to the whole difference, within the limit", "[para][fit]") {
    // 10 pt of stretch in 5 steps: 2 pt a step.
    CHECK(scale_step(0, 10, 10, 5) == 0);
    CHECK(scale_step(2 * 65536, 10 * 65536, 10 * 65536, 5) == 1);
    CHECK(scale_step(5 * 65536 - 1, 10 * 65536, 10 * 65536, 5) == 2);  // 2.49 steps
    CHECK(scale_step(5 * 65536, 10 * 65536, 10 * 65536, 5) == 3);      // halves go up
    CHECK(scale_step(40 * 65536, 10 * 65536, 10 * 65536, 5) == 5);     // past the limit: the limit
    CHECK(scale_step(-40 * 65536, 10 * 65536, 4 * 65536, 5) == -5);
    CHECK(scale_step(-65536, 10 * 65536, 5 * 65536, 5) == -1);
    CHECK(scale_step(3 * 65536, 0, 10 * 65536, 5) == 0);  // nothing to stretch
    CHECK(scale_step(3 * 65536, 10 * 65536, 10 * 65536, 0) == 0);  // scaling off

    CHECK(scaled_by(pt(10), pt(6), 2, 5) == pt(4).sp);
    CHECK(scaled_by(pt(10), pt(6), -5, 5) == -pt(6).sp);
    CHECK(scaled_by(Length::from_sp(7), Length::from_sp(7), 1, 5) == 1);  // floor

    // A paragraph's short last line keeps its glyphs as they are.
    const LineFit last = fit_line(pt(30).sp, 1, pt(10), pt(10), 5);
    CHECK(last.step == 0);
    CHECK(last.shortfall == pt(30).sp);
    const LineFit tight = fit_line(-pt(3).sp, 0, pt(10), pt(10), 5);
    CHECK(tight.step == -2);                      // 1.5 steps, rounded up
    CHECK(tight.shortfall == pt(1).sp);           // scaled 4 pt narrower: the glue gives back 1
}

TEST_CASE("glyph scaling takes a line's difference before the glue", "[para][fit]") {
    // Ten words of 20 pt that may each gain or lose 0.4 pt (2 %), at a measure where
    // the words and natural spaces come to 4 pt short: scaling takes it all (two
    // steps of 2 pt) and the spaces stay 6 pt; without scaling the spaces stretch.
    const std::vector<Item> items = scalable_words(10, 20, 1);
    const LineWidths widths(pt(10 * 20 + 9 * 6 + 4));
    BreakParams params = tex_params();
    const BreakResult plain = break_lines(items, params, widths);
    params.scaling_steps = 5;
    const BreakResult scaled = break_lines(items, params, widths);
    REQUIRE(plain.breaks.size() == 1);
    REQUIRE(scaled.breaks.size() == 1);

    const std::vector<Line> plain_lines = set_lines(items, plain, widths);
    const std::vector<Line> lines = set_lines(items, scaled, widths, params.scaling_steps);
    const Line& first = lines.front();
    CHECK(first.scale_step == 2);
    CHECK(drawn_width(items, first) == widths(0));
    CHECK(first.width == widths(0));
    for (const GlueSetting& g : first.glue) {
        CHECK(std::llabs(g.width.sp - pt(6).sp) <= 1);  // the boxes' floors leave 4 sp to share
    }
    for (const GlueSetting& g : plain_lines.front().glue) CHECK(g.width.pt() > 6.4);
    CHECK(scaled.breaks.front().ratio == 0.0);
}

TEST_CASE("glyph scaling lets the breaker set a line its glue alone could not", "[para][fit]") {
    // Eleven words of 20 pt with 2 pt of shrink per space would overflow a measure
    // 25 pt narrower than their natural width; with glyphs that may lose 1 pt each
    // (11 pt in all) the line fits, and set_lines draws it exactly.
    const std::vector<Item> items = scalable_words(11, 20, 1);
    const Length natural = pt(11 * 20 + 10 * 6);
    const LineWidths widths(natural - pt(25));
    BreakParams params = tex_params();
    params.scaling_steps = 5;
    const BreakResult r = break_lines(items, params, widths);
    REQUIRE(r.overfull_lines.empty());
    REQUIRE(r.breaks.size() == 1);
    const std::vector<Line> lines = set_lines(items, r, widths, params.scaling_steps);
    CHECK(lines[0].scale_step == -5);
    CHECK(drawn_width(items, lines[0]) == widths(0));
}

TEST_CASE("margin kerning: a hanging last glyph lets the line reach past the measure", "[para][fit][hang]") {
    // Three 30 pt words; the last ends in a full stop that may hang 2 pt. At a measure
    // 2 pt narrower than the natural line, only the hang lets the line fit without
    // shrinking; set_lines draws it 2 pt wider than the measure, the hang outside.
    std::vector<Item> items;
    for (int w = 0; w < 3; ++w) {
        if (w > 0) add_space(items, pt(6), pt(3), pt(2));
        Box box{pt(30), static_cast<std::uint32_t>(w + 1)};
        if (w == 0) box.hang_left = pt(1);
        if (w == 2) box.hang_right = pt(2);
        items.emplace_back(box);
    }
    finish_paragraph(items);
    // One line at 99 pt: 90 pt of words + 12 pt of spaces - 3 pt of hangs.
    const LineWidths widths(pt(99));
    BreakParams params = tex_params();
    params.pretolerance = -1;
    // Force a single justified line: no fil on it, so break before the end by hand.
    items.erase(items.end() - 3, items.end());
    const BreakResult r = break_lines(items, params, widths);
    REQUIRE(r.breaks.size() == 1);
    CHECK(r.breaks[0].badness == 0);
    const std::vector<Line> lines = set_lines(items, r, widths);
    CHECK(lines[0].hang_left == pt(1));
    CHECK(lines[0].hang_right == pt(2));
    CHECK(lines[0].width == pt(102));
    for (const GlueSetting& g : lines[0].glue) CHECK(g.width == pt(6));

    // A hyphen broken at hangs in place of the box before it.
    std::vector<Item> hyphenated;
    Box a{pt(40), 1};
    a.hang_right = pt(5);
    hyphenated.emplace_back(a);
    add_hyphenation_point(hyphenated, pt(4));
    std::get<Penalty>(hyphenated.back()).hang_right = pt(3);
    hyphenated.emplace_back(Box{pt(40), 2});
    const BreakResult hr = break_lines(hyphenated, params, LineWidths(pt(41)));
    const std::vector<Line> hl = set_lines(hyphenated, hr, LineWidths(pt(41)));
    REQUIRE(hl.size() >= 1);
    CHECK(hl[0].hang_right == pt(3));
}
