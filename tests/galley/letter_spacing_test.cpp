// Tracking and letter spacing on hand-made glyph runs.
#include "galley/letter_spacing.hpp"

#include <catch2/catch.hpp>

using namespace quire;

namespace {

// Glyphs of 1 pt each, one a cluster, except that `joined` glyphs share the one
// before (a base and its mark).
shape::GlyphRun run_of(std::vector<std::uint32_t> clusters) {
    shape::GlyphRun run;
    run.size = Length::from_pt(10);
    for (std::uint32_t c : clusters) run.glyphs.push_back(shape::Glyph{1, c, Length::from_pt(1), {}, {}});
    return run;
}

}  // namespace

TEST_CASE("letter gaps follow clusters and skip a word's end", "[galley][letterspacing]") {
    const shape::GlyphRun run = run_of({0, 1, 1, 2});  // the second cluster is a base and its mark
    CHECK(galley::letter_gaps(run, true) == std::vector<std::size_t>{0, 2});
    CHECK(galley::letter_gaps(run, false) == std::vector<std::size_t>{0, 2, 3});  // a piece the word goes on after
}

TEST_CASE("letter spacing is spread so that the shares add up exactly", "[galley][letterspacing]") {
    for (std::int64_t extra : {7, -7, 0, 3, -1}) {
        shape::GlyphRun run = run_of({0, 1, 2, 3});
        const Length before = run.width();
        galley::spread_letter_spacing(run, {0, 1, 2}, Length::from_sp(extra));
        CHECK(run.width() - before == Length::from_sp(extra));
        CHECK(run.glyphs[3].advance == Length::from_pt(1));  // not a gap
    }
}

TEST_CASE("tracking adds thousandths of the size to every glyph", "[galley][letterspacing]") {
    shape::GlyphRun run = run_of({0, 1});
    galley::apply_tracking(run, 50);  // 50/1000 of 10 pt
    CHECK(run.glyphs[0].advance == Length::from_pt(1.5));
    CHECK(run.width() == Length::from_pt(3));
    CHECK(galley::percent_of(Length::from_pt(4), 25) == Length::from_pt(1));
}
