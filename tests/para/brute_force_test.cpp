// Cross-check: on small random paragraphs, the total-fit breaker's total demerits
// must equal the minimum over every possible sequence of breaks, found by brute
// force from the same cost model (TeX §851-859) but none of the breaker's machinery
// (active list, pruning, fitness-class bookkeeping, line-number merging).
#include "para/badness.hpp"
#include "para/break_lines.hpp"
#include "para/line_range.hpp"

#include "para_test_items.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <random>

using namespace quire::para;
using namespace quire::para::test;

namespace {

struct Rng {
    std::mt19937 engine;
    // Not std::uniform_int_distribution: its output differs between libraries.
    int below(int n) { return static_cast<int>(engine() % static_cast<std::uint32_t>(n)); }
};

std::vector<Item> random_paragraph(Rng& rng) {
    std::vector<Item> items;
    const int word_count = 4 + rng.below(6);
    const bool letter_spaced = rng.below(2) == 0;
    for (int w = 0; w < word_count; ++w) {
        if (w > 0) {
            add_space(items, pt(6), pt(3 + rng.below(6)), pt(1 + rng.below(3)));
            if (rng.below(30) == 0) add_forced_break(items);
        }
        const int fragments = rng.below(3) == 0 ? 2 : 1;
        for (int f = 0; f < fragments; ++f) {
            // A hyphen is never wider than the fragment after it, so a line only
            // grows as its end moves right (the breaker relies on it, as TeX does).
            if (f > 0) add_hyphenation_point(items, pt(4), rng.below(2) == 0 ? 50 : -30);
            const quire::Length width = pt(6 + 6 * rng.below(6));
            // Some paragraphs have letter spacing: boxes that give a little, after the glue.
            if (letter_spaced && rng.below(3) != 0) add_spaced_box(items, width, pt(rng.below(3)), pt(rng.below(2)));
            else add_box(items, width);
        }
        if (rng.below(10) == 0) add_explicit_hyphen_break(items, 50);
    }
    finish_paragraph(items);
    return items;
}

struct Brute {
    const std::vector<Item>& items;
    const BreakParams& params;
    const LineWidths& widths;
    std::vector<std::size_t> legal;  // breakpoints before the final one
    std::vector<bool> forced;
    std::size_t end;

    Brute(const std::vector<Item>& list, const BreakParams& p, const LineWidths& w)
        : items(list), params(p), widths(w), end(list.size() - 1) {
        for (std::size_t i = 0; i < end; ++i) {
            bool ok = false;
            bool must = false;
            if (std::holds_alternative<Glue>(items[i])) {
                ok = i > 0 && std::holds_alternative<Box>(items[i - 1]);
            } else if (const auto* pen = std::get_if<Penalty>(&items[i])) {
                ok = pen->penalty < inf_penalty;
                must = pen->penalty <= eject_penalty;
            }
            if (ok) {
                legal.push_back(i);
                forced.push_back(must);
            }
        }
    }

    // Total demerits of one sequence of breaks, or nothing if a line is infeasible.
    std::optional<std::int64_t> cost(const std::vector<std::size_t>& breaks) const {
        std::size_t start = 0;
        Fitness prev_fit = Fitness::decent;
        bool prev_flag = false;
        int run = 0;
        std::int64_t total = 0;
        for (std::size_t k = 0; k < breaks.size(); ++k) {
            const std::size_t b = breaks[k];
            const LineTotals t = line_totals(items, line_range(items, start, b), b);
            const std::int64_t shortfall = widths(static_cast<int>(k)).sp - t.natural.sp;
            int bad;
            Fitness fit;
            if (shortfall > 0) {
                bad = t.stretch_fil.sp > 0 ? 0 : two_level_badness(shortfall, t.stretch.sp, t.letter_stretch.sp);
                fit = t.stretch_fil.sp > 0 ? Fitness::decent : fitness_of(true, bad);
            } else if (-shortfall > t.shrink.sp + t.letter_shrink.sp) {
                return std::nullopt;
            } else {
                bad = two_level_badness(-shortfall, t.shrink.sp, t.letter_shrink.sp);
                fit = fitness_of(false, bad);
            }
            if (bad > params.tolerance) return std::nullopt;
            Penalty pen;
            if (const auto* p = std::get_if<Penalty>(&items[b])) pen = *p;
            const bool is_end = b == end;
            const int pi = is_end ? eject_penalty : pen.penalty;
            std::int64_t d = line_demerits(params.line_penalty, bad, pi);
            const bool flag = is_end || pen.flagged;
            if (flag && prev_flag) d += is_end ? params.final_hyphen_demerits : params.double_hyphen_demerits;
            if (std::abs(static_cast<int>(fit) - static_cast<int>(prev_fit)) > 1) d += params.adj_demerits;
            run = !is_end && pen.flagged ? run + 1 : 0;
            if (params.max_hyphen_run > 0 && run > params.max_hyphen_run) d += params.hyphen_limit_demerits;
            total += d;
            start = line_start_after(items, b);
            prev_fit = fit;
            prev_flag = flag;
        }
        return total;
    }

    std::optional<std::int64_t> minimum() const {
        std::optional<std::int64_t> best;
        const std::size_t n = legal.size();
        for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << n); ++mask) {
            std::vector<std::size_t> breaks;
            bool skip = false;
            for (std::size_t i = 0; i < n; ++i) {
                if ((mask >> i) & 1U) {
                    breaks.push_back(legal[i]);
                } else if (forced[i]) {
                    skip = true;
                }
            }
            if (skip) continue;
            breaks.push_back(end);
            const auto c = cost(breaks);
            if (c && (!best || *c < *best)) best = c;
        }
        return best;
    }
};

}  // namespace

TEST_CASE("total fit finds the brute-force minimum of total demerits", "[para][break][brute]") {
    Rng rng{std::mt19937(20250611u)};
    int feasible = 0;
    int infeasible = 0;
    for (int trial = 0; trial < 1500; ++trial) {
        const std::vector<Item> items = random_paragraph(rng);
        std::vector<quire::Length> w;
        const int entries = 1 + rng.below(3);
        for (int i = 0; i < entries; ++i) w.push_back(pt(60 + 10 * rng.below(5)));
        const LineWidths widths(w);

        BreakParams params;
        params.pretolerance = -1;  // compare one pass with the same threshold
        params.tolerance = 100 + 100 * rng.below(5);
        params.adj_demerits = rng.below(2) == 0 ? 10000 : 3000 * rng.below(3);
        params.double_hyphen_demerits = 5000 * rng.below(3);
        params.final_hyphen_demerits = 5000 * rng.below(3);
        params.line_penalty = rng.below(2) == 0 ? 10 : 100;
        params.max_hyphen_run = trial % 3;  // none, 1, 2: the hyphen limit's bookkeeping too

        const Brute brute(items, params, widths);
        REQUIRE(brute.legal.size() <= 20);
        const auto expected = brute.minimum();
        const BreakResult r = break_lines(items, params, widths);
        INFO("trial " << trial << ", " << items.size() << " items");
        if (expected) {
            ++feasible;
            CHECK(r.feasible());
            CHECK(r.total_demerits == *expected);
            // The breaker's own account of its lines adds up to its total.
            std::int64_t sum = 0;
            for (const Break& b : r.breaks) sum += b.demerits;
            CHECK(sum == r.total_demerits);
        } else {
            ++infeasible;
            CHECK_FALSE(r.feasible());
            CHECK_FALSE(r.breaks.empty());
        }
    }
    // The random paragraphs must exercise both outcomes, or the test proves little.
    INFO(feasible << " feasible, " << infeasible << " not");
    CHECK(feasible > 300);
    CHECK(infeasible > 50);
}
