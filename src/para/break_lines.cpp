#include "para/break_lines.hpp"

#include "para/line_fit.hpp"
#include "para/line_range.hpp"
#include "para/trace.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdlib>
#include <limits>
#include <optional>

namespace quire::para {

namespace {

// Larger than any real total; TeX's awful_bad (§833) with room to add to it.
constexpr std::int64_t awful_bad = std::numeric_limits<std::int64_t>::max() / 4;

struct Sums {
    std::int64_t width = 0, stretch = 0, shrink = 0, fil = 0, letter_stretch = 0, letter_shrink = 0;
    std::int64_t scale_stretch = 0, scale_shrink = 0;
};

// The paragraph, read once: prefix sums make the width of any line two subtractions
// (the role of TeX's delta nodes, §819, which we do not need with random access).
struct Paragraph {
    const std::vector<Item>& items;
    std::vector<Sums> prefix;         // prefix[i]: totals over items [0, i)
    std::vector<std::size_t> starts;  // starts[i]: first box at or after i (or n)
    std::vector<std::size_t> box_before;  // box_before[i]: last box before i (n: none)
    std::size_t end = 0;              // the final break: last item if forced, else n

    explicit Paragraph(const std::vector<Item>& list) : items(list) {
        const std::size_t n = items.size();
        prefix.resize(n + 1);
        for (std::size_t i = 0; i < n; ++i) {
            Sums s = prefix[i];
            if (const auto* box = std::get_if<Box>(&items[i])) {
                s.width += box->width.sp;
                s.letter_stretch += box->stretch.sp;
                s.letter_shrink += box->shrink.sp;
                s.scale_stretch += box->scale_stretch.sp;
                s.scale_shrink += box->scale_shrink.sp;
            } else if (const auto* glue = std::get_if<Glue>(&items[i])) {
                s.width += glue->width.sp;
                s.stretch += glue->stretch.sp;
                s.shrink += glue->shrink.sp;
                s.fil += glue->stretch_fil.sp;
            }
            prefix[i + 1] = s;
        }
        starts.assign(n + 1, n);
        for (std::size_t i = n; i-- > 0;) {
            starts[i] = std::holds_alternative<Box>(items[i]) ? i : starts[i + 1];
        }
        box_before.assign(n + 1, n);
        for (std::size_t i = 1; i <= n; ++i) {
            box_before[i] = std::holds_alternative<Box>(items[i - 1]) ? i - 1 : box_before[i - 1];
        }
        end = n;
        if (n > 0) {
            const auto* last = std::get_if<Penalty>(&items[n - 1]);
            if (last != nullptr && last->penalty <= eject_penalty) end = n - 1;
        }
    }

    const Penalty* penalty_at(std::size_t b) const {
        return b < items.size() ? std::get_if<Penalty>(&items[b]) : nullptr;
    }

    // TeX §866, §869: glue breaks only right after a box (in our lists the only
    // non-discardable item); a penalty breaks unless it is infinite; hyphenation
    // breaks wait for the second pass, last-resort ones for theirs.
    bool legal_break(std::size_t b, bool hyphenate, bool last_resort) const {
        if (b == end) return true;
        if (b >= items.size()) return false;
        if (std::holds_alternative<Glue>(items[b])) {
            return b > 0 && std::holds_alternative<Box>(items[b - 1]);
        }
        if (const auto* p = std::get_if<Penalty>(&items[b])) {
            if (p->penalty >= inf_penalty) return false;
            if (p->last_resort && !last_resort) return false;
            return hyphenate || !p->hyphenation;
        }
        return false;
    }

    // How far the line [start, b) hangs into the margins (Box::hang_left, hang_right):
    // its first box on the left; on the right the hyphen broken at, or the last box.
    std::int64_t hangs(std::size_t start, std::size_t b) const {
        const std::size_t first = starts[std::min(start, items.size())];
        if (first >= b || first >= items.size()) return 0;
        std::int64_t h = std::get<Box>(items[first]).hang_left.sp;
        const Penalty* pen = penalty_at(b);
        if (pen != nullptr && pen->width.sp > 0) return h + pen->hang_right.sp;
        const std::size_t last = box_before[std::min(b, items.size())];
        if (last < items.size() && last >= first) h += std::get<Box>(items[last]).hang_right.sp;
        return h;
    }

    // TeX §837, §879: the next line starts at the first box after the break.
    std::size_t start_after(std::size_t b) const { return starts[std::min(b + 1, items.size())]; }
};

struct PassSpec {
    BreakPass pass;
    int threshold;
    bool hyphenate;
    bool last_resort;
    bool final;
    std::int64_t extra_stretch;
};

// A break kept for good (TeX's passive node, §821).
struct Passive {
    std::size_t item;
    int prev;  // index into passives, -1: the paragraph start
    int line;  // 0-based line that ends here
    Fitness fitness;
    std::int64_t demerits;  // of the line ending here
    bool artificial;
};

// A break from which the next line may still start (TeX's active node, §819).
struct Active {
    int passive;        // -1: the paragraph start
    std::size_t start;  // first item of the line that starts here
    int line;           // 0-based line that starts here
    Fitness fitness;    // of the line that ends here
    bool flagged;       // the line that ends here counts as hyphenated
    std::int64_t total;
    int hyphen_run = 0; // consecutive lines ending hyphenated, up to and including this one
};

struct Candidate {
    std::int64_t total = awful_bad;
    int prev_passive = -1;
    int line = 0;  // line that ends at the new break
    std::int64_t demerits = 0;
    bool artificial = false;
    int hyphen_run = 0;
};

// The candidates at one breakpoint, by (line group, hyphen run): a handful at most, so
// a flat list searched in order, sorted before use so new breaks are made in the order
// a std::map gave (line group, then run), which the output depends on.
struct CandidateGroups {
    using Key = std::pair<int, int>;
    std::vector<std::pair<Key, std::array<Candidate, 4>>> groups;

    void clear() { groups.clear(); }
    std::array<Candidate, 4>& at(int line_group, int run) {
        const Key key{line_group, run};
        for (auto& [k, by_fitness] : groups) {
            if (k == key) return by_fitness;
        }
        return groups.emplace_back(key, std::array<Candidate, 4>{}).second;
    }
    void sort() {
        std::sort(groups.begin(), groups.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    }
};

int serial_of(int passive) { return passive + 1; }

std::int64_t clamp_penalty(int pi) {
    return std::clamp(pi, eject_penalty, inf_penalty);
}

struct PassOutcome {
    std::vector<Passive> passives;
    int best_passive = -1;
    std::int64_t total = 0;
    int looseness = 0;
};

// One pass of the algorithm (TeX §863-873). Returns nothing if the pass found no way
// through (only possible before the final pass) or missed the requested looseness.
std::optional<PassOutcome> run_pass(const Paragraph& par, const BreakParams& params,
                                    const LineWidths& widths, const PassSpec& spec,
                                    BreakTrace* trace) {
    const int threshold = std::min(spec.threshold, inf_bad);
    // Lines numbered >= group_limit have the same width, so for the optimum it does not
    // matter which of them a break starts (TeX's easy_line, §848). With looseness the
    // line count matters, so nothing is merged.
    const int group_limit = params.looseness != 0 ? LineWidths::unbounded : widths.constant_from();
    const std::int64_t adj = std::llabs(static_cast<std::int64_t>(params.adj_demerits));

    std::vector<Passive> passives;
    std::vector<Active> active{Active{-1, 0, 0, Fitness::decent, false, 0, 0}};
    std::vector<Active> staying;
    CandidateGroups candidates;
    if (trace != nullptr) trace->begin_pass(spec.pass);

    for (std::size_t b = 0; b <= par.end; ++b) {
        if (!par.legal_break(b, spec.hyphenate, spec.last_resort)) continue;

        const bool at_end = b == par.end;
        const Penalty* pen = par.penalty_at(b);
        const int pi = at_end ? eject_penalty : pen != nullptr ? static_cast<int>(clamp_penalty(pen->penalty)) : 0;
        const bool forced = pi <= eject_penalty;
        // The end of the paragraph counts as hyphenated so that a hyphen on the line
        // before it costs final_hyphen_demerits (TeX §873 calls try_break(eject, hyphenated)).
        const bool flagged = at_end || (pen != nullptr && pen->flagged);
        const std::int64_t penalty_width = pen != nullptr ? pen->width.sp : 0;

        // A line ending here ends in a hyphen (the paragraph's end does not, though it
        // counts as flagged for final_hyphen_demerits).
        const bool ends_in_hyphen = !at_end && pen != nullptr && pen->flagged;

        // Best new break per line group, hyphen run and fitness class (TeX's
        // minimal_demerits, §833). With a hyphen limit, breaks with different runs
        // behind them are not comparable: the longer run restricts what may follow.
        // (Buffers kept across breakpoints: this loop runs at every legal break.)
        candidates.clear();
        bool any_candidate = false;
        staying.clear();

        for (std::size_t i = 0; i < active.size(); ++i) {
            const Active& a = active[i];
            const std::size_t lo = std::min(a.start, b);
            std::int64_t natural = par.prefix[b].width - par.prefix[lo].width - par.hangs(a.start, b);
            Length scale_stretch = Length::from_sp(par.prefix[b].scale_stretch - par.prefix[lo].scale_stretch);
            Length scale_shrink = Length::from_sp(par.prefix[b].scale_shrink - par.prefix[lo].scale_shrink);
            if (pen != nullptr && a.start <= b) {
                natural += penalty_width;
                scale_stretch += pen->scale_stretch;
                scale_shrink += pen->scale_shrink;
            }
            const std::int64_t stretch = par.prefix[b].stretch - par.prefix[lo].stretch + spec.extra_stretch;
            const std::int64_t shrink = par.prefix[b].shrink - par.prefix[lo].shrink;
            const std::int64_t fil = par.prefix[b].fil - par.prefix[lo].fil;
            // Letter spacing waits for the second pass, as hyphenation does: a paragraph
            // the word spaces alone cannot set is better hyphenated than letterspaced.
            const bool letters = spec.pass != BreakPass::first;
            const std::int64_t letter_stretch = letters ? par.prefix[b].letter_stretch - par.prefix[lo].letter_stretch : 0;
            const std::int64_t letter_shrink = letters ? par.prefix[b].letter_shrink - par.prefix[lo].letter_shrink : 0;
            // Glyph scaling first (line_fit.hpp); the glue's badness is for what is left.
            const std::int64_t shortfall =
                fit_line(widths(a.line).sp - natural, fil, scale_stretch, scale_shrink, params.scaling_steps).shortfall;

            // TeX §851-853: badness and fitness class of the line a..b (letter spacing,
            // if any, after the glue: two_level_badness).
            int bad;
            Fitness fit;
            if (shortfall > 0) {
                if (fil > 0) {
                    bad = 0;
                    fit = Fitness::decent;
                } else {
                    bad = two_level_badness(shortfall, stretch, letter_stretch);
                    fit = fitness_of(true, bad);
                }
            } else if (-shortfall > shrink + letter_shrink) {
                bad = inf_bad + 1;  // overfull: the line cannot shrink enough
                fit = Fitness::tight;
            } else {
                bad = two_level_badness(-shortfall, shrink, letter_shrink);
                fit = fitness_of(false, bad);
            }

            // TeX §851, §854: an overfull line only gets worse as b moves on, and no line
            // may run past a forced break, so either retires a. But in the final pass,
            // when a is the last way left and nothing feasible reached b, keep the
            // paragraph settable by breaking here anyway ("artificial demerits").
            // Unlike TeX, a line that is feasible is never made artificial, so totals
            // stay the true demerits.
            const bool retire = bad > inf_bad || forced;
            bool artificial = false;
            if (retire) {
                const bool last_way = spec.final && !any_candidate && staying.empty() && i + 1 == active.size();
                if (bad > threshold) {
                    if (!last_way) continue;
                    artificial = true;
                }
            } else {
                staying.push_back(a);
                if (bad > threshold) continue;
            }

            std::int64_t d = 0;
            if (!artificial) {
                d = line_demerits(params.line_penalty, bad, pi);  // TeX §859
                if (flagged && a.flagged) d += at_end ? params.final_hyphen_demerits : params.double_hyphen_demerits;
                if (std::abs(static_cast<int>(fit) - static_cast<int>(a.fitness)) > 1) d += params.adj_demerits;
            }
            int run = ends_in_hyphen ? a.hyphen_run + 1 : 0;
            if (params.max_hyphen_run > 0) {
                if (run > params.max_hyphen_run) {
                    // Before the final pass, breaking the limit fails the line, so the
                    // next pass (with hyphens, or with emergency stretch) gets its turn.
                    if (!spec.final) continue;
                    d += params.hyphen_limit_demerits;
                    run = params.max_hyphen_run;  // one state for "at the limit or past it"
                }
            } else {
                run = 0;  // no limit: one state, as TeX
            }
            if (trace != nullptr) trace->feasible_break(b, serial_of(a.passive), bad, pi, d, artificial);

            const std::int64_t total = a.total + d;
            Candidate& c = candidates.at(std::min(a.line, group_limit), run)[static_cast<std::size_t>(fit)];
            // "<=" as TeX §855: among equals the later active node wins.
            if (total <= c.total) c = Candidate{total, a.passive, a.line, d, artificial, run};
            any_candidate = true;
        }

        // TeX §836, §845: keep each fitness class's best break unless it is so much worse
        // than the group's best that adj_demerits could never make up the difference.
        candidates.sort();
        for (const auto& [group, by_fitness] : candidates.groups) {
            std::int64_t best = awful_bad;
            for (const Candidate& c : by_fitness) best = std::min(best, c.total);
            if (best >= awful_bad) continue;
            const std::int64_t limit = best + adj;
            for (int f = 0; f < 4; ++f) {
                const Candidate& c = by_fitness[static_cast<std::size_t>(f)];
                if (c.total >= awful_bad || c.total > limit) continue;
                const Fitness fit = static_cast<Fitness>(f);
                passives.push_back(Passive{b, c.prev_passive, c.line, fit, c.demerits, c.artificial});
                const int p = static_cast<int>(passives.size()) - 1;
                staying.push_back(Active{p, par.start_after(b), c.line + 1, fit, flagged, c.total, c.hyphen_run});
                if (trace != nullptr) {
                    trace->new_candidate(serial_of(p), c.line + 1, fit, pen != nullptr && pen->flagged && !at_end,
                                         c.total, serial_of(c.prev_passive));
                }
            }
        }
        std::swap(active, staying);
        if (active.empty()) return std::nullopt;  // TeX §873: this pass failed
    }

    // Every active node now ends at the final break (it was forced). TeX §874-875:
    // take the fewest demerits, then, for looseness, the line count nearest the goal.
    PassOutcome out;
    const Active* best = nullptr;
    for (const Active& a : active) {
        if (best == nullptr || a.total < best->total) best = &a;
    }
    assert(best != nullptr);
    const int best_lines = best->line;
    int actual = 0;
    if (params.looseness != 0) {
        for (const Active& a : active) {
            const int diff = a.line - best_lines;
            if ((diff < actual && params.looseness <= diff) || (diff > actual && params.looseness >= diff)) {
                best = &a;
                actual = diff;
            } else if (diff == actual && a.total < best->total) {
                best = &a;
            }
        }
        if (actual != params.looseness && !spec.final) return std::nullopt;
    }
    out.best_passive = best->passive;
    out.total = best->total;
    out.looseness = actual;
    out.passives = std::move(passives);
    return out;
}

// How far the interword glue moves (set_lines shares a line's change this way): up to
// its own limit first (ratio 1), letter spacing next, and past both limits everything
// in proportion, so the glue's ratio is the change over all the line's stretch.
double adjustment_ratio(const LineTotals& t, std::int64_t shortfall) {
    if (shortfall > 0) {
        if (t.stretch_fil.sp > 0) return static_cast<double>(shortfall) / static_cast<double>(t.stretch_fil.sp);
        const std::int64_t all = t.stretch.sp + t.letter_stretch.sp;
        if (t.stretch.sp > 0 && shortfall <= t.stretch.sp) return static_cast<double>(shortfall) / static_cast<double>(t.stretch.sp);
        if (t.stretch.sp > 0 && shortfall <= all) return 1.0;
        if (all > 0) return t.stretch.sp > 0 ? static_cast<double>(shortfall) / static_cast<double>(all) : 0.0;
        return std::numeric_limits<double>::infinity();
    }
    if (shortfall < 0 && t.shrink.sp > 0) {
        return std::max(-1.0, static_cast<double>(shortfall) / static_cast<double>(t.shrink.sp));
    }
    return 0.0;
}

int real_badness(const LineTotals& t, std::int64_t shortfall) {
    if (shortfall > 0) return t.stretch_fil.sp > 0 ? 0 : two_level_badness(shortfall, t.stretch.sp, t.letter_stretch.sp);
    if (-shortfall > t.shrink.sp + t.letter_shrink.sp) return inf_bad + 1;
    return two_level_badness(-shortfall, t.shrink.sp, t.letter_shrink.sp);
}

}  // namespace

bool BreakResult::feasible() const {
    return std::none_of(breaks.begin(), breaks.end(), [](const Break& b) { return b.artificial; });
}

BreakResult break_lines(const std::vector<Item>& items, const BreakParams& params, const LineWidths& widths,
                        BreakTrace* trace) {
    BreakResult result;
    if (items.empty()) return result;  // nothing to set, no lines
    const Paragraph par(items);

    // TeX §863: the passes and their thresholds; the last one always sets the paragraph.
    std::vector<PassSpec> passes;
    if (params.pretolerance >= 0) passes.push_back({BreakPass::first, params.pretolerance, false, false, false, 0});
    passes.push_back({BreakPass::second, params.tolerance, true, false, false, 0});
    const bool has_last_resort = std::any_of(items.begin(), items.end(), [](const Item& item) {
        const auto* p = std::get_if<Penalty>(&item);
        return p != nullptr && p->last_resort;
    });
    if (has_last_resort) passes.push_back({BreakPass::last_resort, params.tolerance, true, true, false, 0});
    if (params.emergency_stretch.sp > 0) {
        passes.push_back({BreakPass::emergency, params.tolerance, true, true, false, params.emergency_stretch.sp});
    }
    passes.back().final = true;

    std::optional<PassOutcome> outcome;
    for (const PassSpec& spec : passes) {
        outcome = run_pass(par, params, widths, spec, trace);
        if (outcome) {
            result.pass = spec.pass;
            break;
        }
    }
    assert(outcome && "the final pass always finds breaks");
    if (!outcome) return result;

    result.total_demerits = outcome->total;
    result.looseness = outcome->looseness;
    std::vector<int> chain;
    for (int p = outcome->best_passive; p >= 0; p = outcome->passives[static_cast<std::size_t>(p)].prev) chain.push_back(p);
    std::reverse(chain.begin(), chain.end());

    std::size_t start = 0;
    for (int p : chain) {
        const Passive& passive = outcome->passives[static_cast<std::size_t>(p)];
        const LineRange range = line_range(items, start, passive.item);
        const LineTotals totals = line_totals(items, range, passive.item);
        const Length target = widths(passive.line);
        const Penalty* pen = par.penalty_at(passive.item);
        const LineFit fit = fit_line(totals, target, params.scaling_steps);

        Break br;
        br.item = passive.item;
        br.line = passive.line;
        br.badness = real_badness(totals, fit.shortfall);
        br.fitness = passive.fitness;
        br.demerits = passive.demerits;
        br.ratio = adjustment_ratio(totals, fit.shortfall);
        br.hyphenated = pen != nullptr && pen->flagged;
        br.scale_step = fit.step;
        br.artificial = passive.artificial;
        const std::int64_t over = -fit.shortfall - totals.shrink.sp - totals.letter_shrink.sp;
        br.overfull = Length::from_sp(over > 0 ? over : 0);
        if (over > 0) result.overfull_lines.push_back(br.line);
        if (over <= 0 && br.badness > params.tolerance) result.underfull_lines.push_back(br.line);
        result.breaks.push_back(br);
        start = line_start_after(items, passive.item);
    }
    if (trace != nullptr) trace->chosen(result);
    return result;
}

BreakResult break_lines_stepped(const std::vector<Item>& items, BreakParams params, const LineWidths& widths,
                                const std::vector<Length>& wider, BreakTrace* trace) {
    BreakResult result = break_lines(items, params, widths, trace);
    for (const Length stretch : wider) {
        if (result.pass != BreakPass::emergency || result.overfull_lines.empty()) break;
        params.emergency_stretch = stretch;
        BreakResult next = break_lines(items, params, widths, trace);
        if (next.overfull_lines.size() < result.overfull_lines.size()) result = std::move(next);
    }
    return result;
}

}  // namespace quire::para
