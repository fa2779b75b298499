#include "para/break_lines.hpp"

#include "para_test_items.hpp"

#include <catch2/catch.hpp>

using namespace quire::para;
using namespace quire::para::test;
using quire::Length;
using Breaks = std::vector<std::size_t>;

// All paragraphs here: line width 100pt unless said, spaces glue(6pt, +3pt, -2pt),
// hyphens 4pt with penalty 50, plain TeX's demerit parameters. Badnesses below are
// TeX §108's: b(t, s) = (r^3 + 2^17) / 2^18 with r = 297 t / s.

TEST_CASE("total fit beats first fit", "[para][break]") {
    // Words 12 36 12 12 12 36 36 24; items: word k at 2k, space k at 2k+1; the end
    // is penalty(inf) 15, fil glue 16, penalty(-inf) 17.
    //
    // First fit fills line 1 with five words: 84 + 4*6 = 108pt, shrunk by all its
    // 8pt to 100 (b=100), which leaves "36 36" on line 2: 78pt, short by 22pt with
    // 3pt of stretch (b=10000, infeasible).
    //
    // Total fit: line 1 "12 36 12 12" = 90pt, short 10 with stretch 9: r=330,
    // b=137 very loose, d=(10+137)^2 + adj 10000 (very loose after the start's decent)
    // = 31609. Line 2 "12 36 36" = 96pt, short 4 with stretch 6: r=198, b=30 loose,
    // d=40^2=1600. Line 3 "24" on fil glue: b=0, d=100. Total 33309.
    const auto items = words({{12}, {36}, {12}, {12}, {12}, {36}, {36}, {24}});
    const BreakResult r = break_lines(items, tex_params(), pt(100));

    CHECK(break_items(r) == Breaks{7, 13, 17});
    CHECK(r.total_demerits == 33309);
    CHECK(r.pass == BreakPass::second);  // b=137 > pretolerance 100
    REQUIRE(r.breaks.size() == 3);
    CHECK(r.breaks[0].badness == 137);
    CHECK(r.breaks[0].fitness == Fitness::very_loose);
    CHECK(r.breaks[0].demerits == 31609);
    CHECK(r.breaks[1].badness == 30);
    CHECK(r.breaks[1].fitness == Fitness::loose);
    CHECK(r.breaks[1].ratio == Approx(4.0 / 6.0));
    CHECK(r.breaks[2].demerits == 100);
    CHECK(r.feasible());
    CHECK(r.overfull_lines.empty());
}

TEST_CASE("adj_demerits keeps a loose line away from a tight one", "[para][break]") {
    // Words 42 24 18 24 12 18 6 6 12 18 (word k at item 2k, end at 21).
    // Line 1 "42 24 18" = 96pt: b=30 loose, d=1600 in both candidates.
    // A: line 2 "24 12 18 6 6" = 90pt, short 10 of stretch 12: r=247, b=57 loose,
    //    d=67^2=4489; line 3 "12 18": d=100. Total 6189.
    // B: line 2 "24 12 18 6 6 12" = 108pt, shrink 8 of 10: r=237, b=51 tight,
    //    d=61^2=3721; line 3 "18": d=100. 5421, plus adj_demerits for loose->tight.
    const auto items = words({{42}, {24}, {18}, {24}, {12}, {18}, {6}, {6}, {12}, {18}});

    BreakParams params = tex_params();
    const BreakResult with_adj = break_lines(items, params, pt(100));
    CHECK(break_items(with_adj) == Breaks{5, 15, 21});
    CHECK(with_adj.total_demerits == 6189);

    params.adj_demerits = 0;
    const BreakResult without = break_lines(items, params, pt(100));
    CHECK(break_items(without) == Breaks{5, 17, 21});
    CHECK(without.total_demerits == 5421);
    REQUIRE(without.breaks.size() == 3);
    CHECK(without.breaks[0].fitness == Fitness::loose);
    CHECK(without.breaks[1].fitness == Fitness::tight);
}

TEST_CASE("double_hyphen_demerits avoid two hyphenated lines in a row", "[para][break][hyphen]") {
    // Words 24-6 30 18-6 24-12 18 12-12 24. Items: 0 box24, 1 hyphen, 2 box6, 3 space,
    // 4 box30, 5 space, 6 box18, 7 hyphen, 8 box6, 9 space, 10 box24, 11 hyphen,
    // 12 box12, 13 space, 14 box18, 15 space, 16 box12, 17 hyphen, 18 box12,
    // 19 space, 20 box24, 21..23 the end.
    // Line 1 always ends at hyphen 7: 94pt, b=100 very loose, d=110^2+50^2+adj=24600.
    // A: line 2 to space 19: 102pt shrunk 2 of 6: b=4 decent, d=14^2+adj(very
    //    loose->decent)=10196; line 3 "24": 100. Total 34896.
    // B: line 2 to hyphen 17: 94pt, short 6 of 9: b=30 loose, d=40^2+50^2=4100;
    //    line 3 "12 24": 100 + final_hyphen 5000. 33800 + double_hyphen_demerits.
    const auto items = words({{24, 6}, {30}, {18, 6}, {24, 12}, {18}, {12, 12}, {24}});

    BreakParams params = tex_params();
    const BreakResult avoided = break_lines(items, params, pt(100));
    CHECK(break_items(avoided) == Breaks{7, 19, 23});
    CHECK(avoided.total_demerits == 34896);
    REQUIRE(avoided.breaks.size() == 3);
    CHECK(avoided.breaks[0].hyphenated);
    CHECK_FALSE(avoided.breaks[1].hyphenated);

    params.double_hyphen_demerits = 0;
    const BreakResult allowed = break_lines(items, params, pt(100));
    CHECK(break_items(allowed) == Breaks{7, 17, 23});
    CHECK(allowed.total_demerits == 33800);
    CHECK(allowed.breaks[1].hyphenated);
}

TEST_CASE("a hyphen limit keeps runs of hyphenated lines short whatever the demerits", "[para][break][hyphen]") {
    // The paragraph of the test above: without double_hyphen_demerits the optimum (B)
    // ends lines 1 and 2 at hyphens. A limit of one hyphenated line in a row must give
    // A instead, with A's own demerits (the limit adds nothing to a setting that keeps it).
    const auto items = words({{24, 6}, {30}, {18, 6}, {24, 12}, {18}, {12, 12}, {24}});
    BreakParams params = tex_params();
    params.double_hyphen_demerits = 0;
    params.max_hyphen_run = 1;
    const BreakResult limited = break_lines(items, params, pt(100));
    CHECK(break_items(limited) == Breaks{7, 19, 23});
    CHECK(limited.total_demerits == 34896);

    // A limit of two allows B again.
    params.max_hyphen_run = 2;
    CHECK(break_items(break_lines(items, params, pt(100))) == Breaks{7, 17, 23});
}

TEST_CASE("a pass that can only break the hyphen limit gives way to emergency stretch", "[para][break][hyphen]") {
    // The paragraph above. Its first line always has badness 100, so with tolerance 99
    // the first two passes find nothing, and without emergency stretch the final
    // (second) pass sets it anyway. With emergency stretch the third pass must find a
    // setting that keeps the limit of one hyphenated line in a row.
    const auto items = words({{24, 6}, {30}, {18, 6}, {24, 12}, {18}, {12, 12}, {24}});
    BreakParams params = tex_params();
    params.pretolerance = -1;
    params.double_hyphen_demerits = 0;
    params.max_hyphen_run = 1;
    params.tolerance = 99;
    const BreakResult without = break_lines(items, params, pt(100));
    params.emergency_stretch = pt(6);
    const BreakResult with = break_lines(items, params, pt(100));
    CHECK(with.pass == BreakPass::emergency);
    int run = 0, longest = 0;
    for (const Break& b : with.breaks) {
        run = b.hyphenated ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    CHECK(longest <= 1);
    CHECK(with.feasible());
    CHECK(without.pass == BreakPass::second);
    CHECK_FALSE(without.feasible());
}

namespace {

// The hyphenation point after fragment `item` made a name's: tried only as a last resort.
void make_last_resort(std::vector<Item>& items, std::size_t item) {
    auto& point = std::get<Penalty>(items.at(item));
    point.last_resort = true;
    point.penalty = last_resort_hyphen_penalty;
}

}  // namespace

TEST_CASE("a name's hyphenation point waits for the pass after the second", "[para][break][hyphen]") {
    // "50 40-30" (items: 0 box, 1 glue, 2 box, 3 penalty, 4 box): 50 + 6 + 40 + the
    // 4pt hyphen fills the 100pt line exactly; unbroken, "50 70" cannot shrink to it,
    // and "50" alone has no glue to stretch. Only the point at item 3 sets it.
    auto items = words({{50}, {40, 30}});
    const BreakResult ordinary = break_lines(items, tex_params(), pt(100));
    CHECK(ordinary.pass == BreakPass::second);
    CHECK(break_items(ordinary) == Breaks{3, 7});

    make_last_resort(items, 3);
    BreakParams params = tex_params();
    params.emergency_stretch = pt(20);  // offered, but the name comes first
    const BreakResult name = break_lines(items, params, pt(100));
    CHECK(name.pass == BreakPass::last_resort);
    CHECK(break_items(name) == Breaks{3, 7});
    CHECK(name.feasible());
    CHECK(name.breaks[0].demerits == 10 * 10 + 500 * 500);
}

TEST_CASE("a name is not broken where the paragraph sets without it", "[para][break][hyphen]") {
    // "50 44" fills the line exactly in the first pass; "20-20" (items 4-6) would fit
    // too but is never tried.
    auto items = words({{50}, {44}, {20, 20}});
    make_last_resort(items, 5);
    const BreakResult r = break_lines(items, tex_params(), pt(100));
    CHECK(r.pass == BreakPass::first);
    CHECK(break_items(r) == Breaks{3, 9});
    // "96-10 40-30": the ordinary point (item 1) fills the first line exactly, so the
    // second pass sets the paragraph and the name's point (item 5) is left alone.
    auto both = words({{96, 10}, {40, 30}});
    make_last_resort(both, 5);
    const BreakResult second = break_lines(both, tex_params(), pt(100));
    CHECK(second.pass == BreakPass::second);
    CHECK(break_items(second) == Breaks{1, 9});
}

TEST_CASE("a paragraph that cannot keep the hyphen limit still sets", "[para][break][hyphen]") {
    // Three words each wider than half the line, each with one hyphenation point: every
    // line must end at a hyphen, so the limit of one is broken rather than the paragraph.
    const auto items = words({{60, 36}, {60, 36}, {60, 36}, {10}}, 6, 3, 2, 4);
    BreakParams params = tex_params();
    params.tolerance = 10000;
    params.max_hyphen_run = 1;
    const BreakResult r = break_lines(items, params, pt(100));
    CHECK(r.overfull_lines.empty());
    CHECK_FALSE(r.breaks.empty());
}

TEST_CASE("final_hyphen_demerits keep the next-to-last line unhyphenated", "[para][break][hyphen]") {
    // Words 24 12 12 24-12 24-18 30 12-18. Items: 0 box24, 1 sp, 2 box12, 3 sp,
    // 4 box12, 5 sp, 6 box24, 7 hyphen, 8 box12, 9 sp, 10 box24, 11 hyphen,
    // 12 box18, 13 sp, 14 box30, 15 sp, 16 box12, 17 hyphen, 18 box18, 19..21 end.
    // A: 94pt to hyphen 7: b=30 loose, d=40^2+50^2=4100; "12 24-18 30" 96pt: b=30,
    //    d=1600; "12-18": 100. Total 5800.
    // B: 102pt to space 9: b=4, d=196; "24-18 30 12-" exactly 100pt: b=0,
    //    d=10^2+50^2=2600; "18": 100 + final_hyphen_demerits. 2896 + 5000.
    const auto items = words({{24}, {12}, {12}, {24, 12}, {24, 18}, {30}, {12, 18}});

    BreakParams params = tex_params();
    const BreakResult avoided = break_lines(items, params, pt(100));
    CHECK(break_items(avoided) == Breaks{7, 15, 21});
    CHECK(avoided.total_demerits == 5800);

    params.final_hyphen_demerits = 0;
    const BreakResult allowed = break_lines(items, params, pt(100));
    CHECK(break_items(allowed) == Breaks{9, 17, 21});
    CHECK(allowed.total_demerits == 2896);
    REQUIRE(allowed.breaks.size() == 3);
    CHECK(allowed.breaks[1].hyphenated);
    CHECK(allowed.breaks[1].badness == 0);
}

TEST_CASE("the first pass sets without hyphenation when within pretolerance", "[para][break][pass]") {
    // Words 12 18 12 24 12-6. Items: boxes at 0 2 4 6 8, spaces 1 3 5 7, hyphen 9,
    // box6 10, end 11..13.
    // Pass 1 (no hyphenation): one line of 108pt shrunk by all 8pt: b=100 tight,
    // d=110^2=12100; 100 <= pretolerance 100, so pass 1 succeeds.
    // Pass 2 would prefer hyphen 9: 106pt shrunk 6 of 8: r=222, b=42, d=52^2+50^2=5204;
    // "6" then costs 100 + final_hyphen 5000; total 10304.
    const auto items = words({{12}, {18}, {12}, {24}, {12, 6}});

    BreakParams params = tex_params();
    const BreakResult first = break_lines(items, params, pt(100));
    CHECK(first.pass == BreakPass::first);
    CHECK(break_items(first) == Breaks{13});
    CHECK(first.total_demerits == 12100);

    params.pretolerance = 99;  // now b=100 is too much for pass 1
    const BreakResult second = break_lines(items, params, pt(100));
    CHECK(second.pass == BreakPass::second);
    CHECK(break_items(second) == Breaks{9, 13});
    CHECK(second.total_demerits == 10304);
    REQUIRE(second.breaks.size() == 2);
    CHECK(second.breaks[0].hyphenated);
    CHECK(second.breaks[0].badness == 42);

    params.pretolerance = -1;  // skip pass 1 altogether
    const BreakResult skipped = break_lines(items, params, pt(100));
    CHECK(skipped.pass == BreakPass::second);
    CHECK(break_items(skipped) == Breaks{9, 13});
}

TEST_CASE("hyphenation points are not breaks in the first pass, explicit hyphens are", "[para][break][pass]") {
    // "60-30": a 60pt box, a break, a 30pt box, then the end; line width 64pt,
    // spaces nowhere. Breaking after 60pt + hyphen 4pt fills the line exactly (b=0).
    std::vector<Item> items;
    add_box(items, pt(60));
    add_hyphenation_point(items, pt(4));
    add_box(items, pt(30));
    finish_paragraph(items);
    BreakParams params = tex_params();
    params.pretolerance = 10000;  // pass 1 would accept anything it can reach
    const BreakResult automatic = break_lines(items, params, pt(64));
    // Pass 1 cannot use the hyphenation point: one line of 90pt, overfull, so it
    // fails and pass 2 breaks at item 1.
    CHECK(automatic.pass == BreakPass::second);
    CHECK(break_items(automatic) == Breaks{1, 5});

    std::get<Penalty>(items[1]).hyphenation = false;  // as if the hyphen were typed
    const BreakResult explicit_hyphen = break_lines(items, params, pt(64));
    CHECK(explicit_hyphen.pass == BreakPass::first);
    CHECK(break_items(explicit_hyphen) == Breaks{1, 5});
}

TEST_CASE("emergency stretch rescues a paragraph with no feasible breaks", "[para][break][pass]") {
    // Words 40 40 40 (items 0 2 4, spaces 1 3, end 5..7). "40 40" is short 14pt with
    // 3pt stretch (b=10000), "40" alone worse, all three overfull (132-4 > 100).
    const auto items = words({{40}, {40}, {40}});
    BreakParams params = tex_params();

    // Without emergency stretch the final pass keeps TeX's last resort: the one
    // active break is carried until its line is overfull, then taken anyway.
    const BreakResult stuck = break_lines(items, params, pt(100));
    CHECK_FALSE(stuck.feasible());
    CHECK(break_items(stuck) == Breaks{7});
    CHECK(stuck.overfull_lines == std::vector<int>{0});
    REQUIRE(stuck.breaks.size() == 1);
    CHECK(stuck.breaks[0].overfull == pt(28));

    // 20pt more stretch per line: "40 40" short 14 of 23: r=180, b=22 loose,
    // d=32^2=1024; "40": 100. Set with its real glue, line 1 is underfull.
    params.emergency_stretch = pt(20);
    const BreakResult rescued = break_lines(items, params, pt(100));
    CHECK(rescued.pass == BreakPass::emergency);
    CHECK(rescued.feasible());
    CHECK(break_items(rescued) == Breaks{3, 7});
    CHECK(rescued.total_demerits == 1124);
    CHECK(rescued.overfull_lines.empty());
    CHECK(rescued.underfull_lines == std::vector<int>{0});
    REQUIRE(rescued.breaks.size() == 2);
    CHECK(rescued.breaks[0].badness == inf_bad);        // real glue: 14pt on 3pt
    CHECK(rescued.breaks[0].fitness == Fitness::loose);  // as the breaker saw it
    CHECK(rescued.breaks[0].ratio == Approx(14.0 / 3.0));
}

TEST_CASE("a box wider than the line still sets, and the overfull line is reported", "[para][break]") {
    // 50, a 150pt box, 30 on a 100pt line (items 0 2 4, spaces 1 3, end 5..7).
    // Nothing is feasible. The only active break (the start) survives until the line
    // "50 150" is overfull at space 3, where it is taken as a last resort; "30" then
    // sets on the fil glue (d=100).
    const auto items = words({{50}, {150}, {30}});
    const BreakResult r = break_lines(items, tex_params(), pt(100));
    CHECK(break_items(r) == Breaks{3, 7});
    CHECK_FALSE(r.feasible());
    CHECK(r.overfull_lines == std::vector<int>{0});
    REQUIRE(r.breaks.size() == 2);
    CHECK(r.breaks[0].artificial);
    CHECK(r.breaks[0].overfull == pt(104));  // 50+6+150 = 206, shrink 2, line 100
    CHECK(r.breaks[0].badness == inf_bad + 1);
    CHECK_FALSE(r.breaks[1].artificial);
    CHECK(r.breaks[1].overfull == pt(0));
    CHECK(r.total_demerits == 100);
}

TEST_CASE("line widths may vary line by line", "[para][break][widths]") {
    // Words 12 30 12 12 18 18 (items 0..10 even, spaces odd, end 11..13).
    // At 100pt: line 1 must take five words, 108pt shrunk 8 (b=100, d=110^2),
    // "18" on the last line: total 12200 (four words would be 16pt short of 9).
    // With the first line 70pt (a drop cap): "12 30 12" = 66pt, short 4 of 6:
    // b=30, d=1600; "12 18 18" on the fil line: 100. Total 1700.
    const auto items = words({{12}, {30}, {12}, {12}, {18}, {18}});

    const BreakResult uniform = break_lines(items, tex_params(), pt(100));
    CHECK(break_items(uniform) == Breaks{9, 13});
    CHECK(uniform.total_demerits == 12200);

    const BreakResult capped = break_lines(items, tex_params(), LineWidths({pt(70), pt(100)}));
    CHECK(break_items(capped) == Breaks{5, 13});
    CHECK(capped.total_demerits == 1700);

    const auto width_fn = [](int line) { return line == 0 ? pt(70) : pt(100); };
    const BreakResult by_function = break_lines(items, tex_params(), LineWidths::from_function(width_fn));
    CHECK(break_items(by_function) == Breaks{5, 13});
    CHECK(by_function.total_demerits == 1700);
    const BreakResult hinted = break_lines(items, tex_params(), LineWidths::from_function(width_fn, 1));
    CHECK(break_items(hinted) == Breaks{5, 13});
}

TEST_CASE("LineWidths repeats its last entry", "[para][widths]") {
    const LineWidths w({pt(70), pt(80), pt(100), pt(100)});
    CHECK(w(0) == pt(70));
    CHECK(w(1) == pt(80));
    CHECK(w(7) == pt(100));
    CHECK(w.constant_from() == 2);
    CHECK(LineWidths(pt(5)).constant_from() == 0);
}

TEST_CASE("looseness asks for more or fewer lines when it can", "[para][break][looseness]") {
    // Words: one of 12pt, then 10pt ones; spaces glue(5, +5, -3). On 100pt, k words of
    // 10pt make 15k-5: 7 words fit exactly (b=0, d=100); 6 are short 15 of 25
    // (b=22 loose, d=1024); 8 need 15 of 21 shrink (b=36, d=2116). The 12pt word
    // adds 2pt to its line: with 6 others b=53 (d=3969), with 5 others b=14.
    auto make = [](int count) {
        std::vector<std::vector<int>> w{{12}};
        for (int i = 1; i < count; ++i) w.push_back({10});
        return words(w, 5, 5, 3);
    };
    BreakParams params = tex_params();

    // 15 words: best is 7+7+1 (d=300). With looseness -1: 7+8 (100 + 2116; 8+7
    // would cost 3969 + 100).
    const auto fifteen = make(15);
    const BreakResult best = break_lines(fifteen, params, pt(100));
    CHECK(best.breaks.size() == 3);
    CHECK(best.total_demerits == 300);
    params.looseness = -1;
    const BreakResult tighter = break_lines(fifteen, params, pt(100));
    CHECK(break_items(tighter) == Breaks{13, 31});
    CHECK(tighter.total_demerits == 2216);
    CHECK(tighter.looseness == -1);
    // +1 is impossible: four lines need three of at least six words before the last.
    params.looseness = 1;
    const BreakResult cannot = break_lines(fifteen, params, pt(100));
    CHECK(cannot.breaks.size() == 3);
    CHECK(cannot.looseness == 0);
    CHECK(cannot.total_demerits == 300);

    // 20 words: best 7+7+6 (d=300); looseness +1 gives four lines, best 6+6+7+1 or
    // 6+7+6+1: 576 + 1024 + 100 + 100 = 1800.
    const auto twenty = make(20);
    params.looseness = 0;
    CHECK(break_lines(twenty, params, pt(100)).breaks.size() == 3);
    params.looseness = 1;
    const BreakResult looser = break_lines(twenty, params, pt(100));
    CHECK(looser.breaks.size() == 4);
    CHECK(looser.looseness == 1);
    CHECK(looser.total_demerits == 1800);
}

TEST_CASE("forced breaks are taken and forbidden ones are not", "[para][break]") {
    SECTION("penalty -10000 forces a break") {
        // Words 12 36 12 12 12 36 36 24 (see "total fit beats first fit") with a forced
        // break after "12 36" (new item 3). Line 1 "12 36" = 54pt with 3pt stretch is
        // infeasible (b=10000) but forced, so the final pass takes it as a last resort
        // (d=0, very loose). Then "12 12 12 36" (90pt: b=137 very loose, d=147^2=21609)
        // and "36 24" on fil (d=100 + adj 10000 for very loose -> decent). Total 31709.
        auto items = words({{12}, {36}, {12}, {12}, {12}, {36}, {36}, {24}});
        items.insert(items.begin() + 3, Penalty{Length{}, eject_penalty, false, false, 0});
        const BreakResult r = break_lines(items, tex_params(), pt(100));
        CHECK(break_items(r) == Breaks{3, 12, 18});
        CHECK(r.total_demerits == 31709);
        REQUIRE(r.breaks.size() == 3);
        CHECK(r.breaks[0].artificial);
        CHECK(r.underfull_lines == std::vector<int>{0});
        CHECK(r.overfull_lines.empty());
    }
    SECTION("a forced break at a feasible place costs nothing extra") {
        // Force the total-fit break at space 7: same breaks (shifted by the new item)
        // and demerits as without.
        auto items = words({{12}, {36}, {12}, {12}, {12}, {36}, {36}, {24}});
        items.insert(items.begin() + 7, Penalty{Length{}, eject_penalty, false, false, 0});
        const BreakResult r = break_lines(items, tex_params(), pt(100));
        CHECK(break_items(r) == Breaks{7, 14, 18});
        CHECK(r.total_demerits == 33309);
        CHECK(r.feasible());
    }
    SECTION("penalty 10000 before a space forbids breaking there") {
        // Words 42 24 18 24 12 18 6 6 12 18 (see the adj_demerits test): best breaks 5,
        // 15, 21. A penalty(10000) inserted before space 15 forbids both (glue after a
        // penalty is no breakpoint, TeX §866): the next best is the loose->tight
        // choice, 1600 + 3721 + adj 10000 + 100 = 15421, at 5, 18 (old 17), 22.
        auto items = words({{42}, {24}, {18}, {24}, {12}, {18}, {6}, {6}, {12}, {18}});
        items.insert(items.begin() + 15, Penalty{Length{}, inf_penalty, false, false, 0});
        const BreakResult r = break_lines(items, tex_params(), pt(100));
        CHECK(break_items(r) == Breaks{5, 18, 22});
        CHECK(r.total_demerits == 15421);
    }
}
