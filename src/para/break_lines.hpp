#pragma once
// Knuth-Plass total-fit line breaking (Knuth & Plass 1981, "Breaking Paragraphs into
// Lines"; TeX §813-890): choose the breaks that minimise the paragraph's total
// demerits, not line by line.
//
// Takes the paragraph as items (item.hpp), the parameters and the width of each line.
// The list should end as TeX ends a paragraph, penalty(inf) glue(0, fil) penalty(-inf)
// (see item_builders.hpp, finish_paragraph); if it does not end with a forced break, an
// implicit forced break is assumed after the last item (Break::item == items.size()).
// Returns the chosen breaks. It always returns a way to set the paragraph: if no
// choice makes every line acceptable, the least-bad one is kept (TeX's final pass)
// and the lines that stick out are listed in BreakResult::overfull_lines.
#include "core/length.hpp"
#include "para/badness.hpp"
#include "para/item.hpp"
#include "para/line_widths.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace quire::para {

class BreakTrace;

// Defaults are plain TeX's (\pretolerance=100, \tolerance=200, \linepenalty=10,
// \adjdemerits=10000, \doublehyphendemerits=10000, \finalhyphendemerits=5000).
// Hyphen penalties (\hyphenpenalty, \exhyphenpenalty) live on the Penalty items.
struct BreakParams {
    int pretolerance = 100;  // first pass threshold; -1 skips the first pass
    int tolerance = 200;     // second (and emergency) pass threshold
    int line_penalty = 10;
    int adj_demerits = 10000;            // adjacent lines' fitness classes differ by > 1
    int double_hyphen_demerits = 10000;  // two consecutive lines end hyphenated
    int final_hyphen_demerits = 5000;    // the next-to-last line ends hyphenated
    int looseness = 0;                   // try for this many more (or fewer) lines
    // InDesign's "hyphen limit": at most this many consecutive lines may end at a
    // hyphenation or explicit hyphen (0: no limit). Before the final pass a line past
    // the limit is not feasible, so emergency stretch is tried before giving in; in
    // the final pass each such line costs hyphen_limit_demerits, far above anything
    // else a line can cost, so the limit is kept whenever any setting within the
    // tolerance keeps it, and a paragraph that cannot keep it still sets.
    int max_hyphen_run = 0;
    std::int64_t hyphen_limit_demerits = 100000000;
    Length emergency_stretch;            // > 0: third pass with this much extra stretch per line
    // Glyph scaling (Box::scale_stretch) comes in this many steps on either side of
    // 100 % (pdfTeX's \pdffontexpand step: 5 steps of 0.4 % for a 2 % limit); 0: none.
    int scaling_steps = 0;
};

// TeX §863: which pass found the breaks.
enum class BreakPass : int {
    first = 1,        // pretolerance, no hyphenation breaks
    second = 2,       // tolerance, hyphenation breaks allowed (not the last-resort ones)
    last_resort = 3,  // as second, with the last-resort points (Penalty::last_resort),
                      // run only when the paragraph has some
    emergency = 4,    // as last_resort, with emergency_stretch added to every line
};

struct Break {
    std::size_t item = 0;  // the glue or penalty broken at (items.size(): implicit end)
    int line = 0;          // 0-based number of the line that ends here
    int badness = 0;       // as set with its real glue (no emergency stretch); inf_bad+1 if overfull
    Fitness fitness = Fitness::decent;  // as the breaker classed the line
    std::int64_t demerits = 0;          // this line's demerits, hyphen and fitness terms included
    double ratio = 0.0;    // adjustment ratio of the interword glue as set: > 0 stretch (relative
                           // to fil stretch if the line has any; +inf if there is nothing to
                           // stretch), < 0 shrink, never below -1; 1 while letter spacing
                           // (Box::stretch) takes the rest, as set_lines shares it
    bool hyphenated = false;  // ends at a flagged penalty
    int scale_step = 0;       // glyph scaling, -scaling_steps..scaling_steps (line_fit.hpp)
    bool artificial = false;  // taken although infeasible, because nothing better existed
    Length overfull;          // natural width - shrink - line width, when positive
};

struct BreakResult {
    std::vector<Break> breaks;  // one per line, in order
    std::int64_t total_demerits = 0;
    BreakPass pass = BreakPass::second;
    int looseness = 0;  // how many lines more (or fewer) than the optimum were achieved
    std::vector<int> overfull_lines;  // lines with overfull > 0
    std::vector<int> underfull_lines; // lines whose real badness exceeds the tolerance

    // Every line was within the pass's threshold.
    bool feasible() const;
};

// Breaks a paragraph into lines. `trace`, if given, receives \tracingparagraphs-style
// notes (trace.hpp).
BreakResult break_lines(const std::vector<Item>& items, const BreakParams& params,
                        const LineWidths& widths, BreakTrace* trace = nullptr);

// As break_lines, with emergency stretch in steps: params.emergency_stretch first, and
// each of `wider` in turn only while the emergency pass still leaves a line overfull.
// A small first step keeps emergency lines close to the font's space; the wider ones
// are for the paragraphs it cannot set at all (issue 15).
BreakResult break_lines_stepped(const std::vector<Item>& items, BreakParams params, const LineWidths& widths,
                                const std::vector<Length>& wider, BreakTrace* trace = nullptr);

}  // namespace quire::para
