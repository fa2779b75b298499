#pragma once
// What the line breaker considered and why it chose what it chose, for designers, in
// the spirit of TeX's \tracingparagraphs (TeX §846, §856):
//
//   @secondpass
//   @ item 12 glue via @@0 b=34 p=0 d=1936
//   @@1: line 1.1 t=1936 -> @@0
//
// "@ ... via @@n" is a feasible break: the line from break @@n to here, its badness b
// ("*" if overfull), the penalty p and the demerits d ("*" when the break was
// forced on a paragraph with no acceptable choice). "@@k: line l.f t=T -> @@n" is a
// candidate break kept for later: line l (1-based, as TeX prints it) ends here, its
// fitness class f (0 very loose, 1 loose, 2 decent, 3 tight), "-" if hyphenated,
// and T the total demerits of the best paragraph so far ending here. After the passes
// come the chosen lines with their ratio, badness and demerits.
// Wired to `--debug=linebreak` by the CLI; off unless asked for.
#include "para/break_lines.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace quire::para {

// Optional: text of the item (a box's word), to echo the paragraph between breaks as
// TeX does. Return "" for items with nothing to show.
using ItemText = std::function<std::string(std::size_t item)>;

class BreakTrace {
public:
    explicit BreakTrace(const std::vector<Item>& items, ItemText item_text = {});

    // Called by break_lines.
    void begin_pass(BreakPass pass);
    void feasible_break(std::size_t item, int via_serial, int badness, int penalty,
                        std::int64_t demerits, bool artificial);
    void new_candidate(int serial, int line, Fitness fitness, bool hyphenated,
                       std::int64_t total, int prev_serial);

    // The chosen lines, once breaking is done.
    void chosen(const BreakResult& result);

    const std::string& text() const { return text_; }

private:
    void echo_text_up_to(std::size_t item);
    std::string item_kind(std::size_t item) const;

    const std::vector<Item>& items_;
    ItemText item_text_;
    std::size_t echoed_ = 0;
    std::string text_;
};

// Breaks the paragraph as break_lines does and returns the trace.
std::string trace_breaks(const std::vector<Item>& items, const BreakParams& params,
                         const LineWidths& widths, ItemText item_text = {});

}  // namespace quire::para
