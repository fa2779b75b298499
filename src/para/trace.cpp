#include "para/trace.hpp"

#include <cmath>
#include <locale>
#include <sstream>
#include <utility>

namespace quire::para {

namespace {

// Numbers in traces read the same on every machine, whatever the locale.
std::ostringstream classic_stream() {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    return out;
}

std::string points(Length l) {
    std::ostringstream out = classic_stream();
    out.setf(std::ios::fixed);
    out.precision(2);
    out << l.pt() << "pt";
    return out.str();
}

}  // namespace

BreakTrace::BreakTrace(const std::vector<Item>& items, ItemText item_text)
    : items_(items), item_text_(std::move(item_text)) {}

void BreakTrace::begin_pass(BreakPass pass) {
    switch (pass) {
        case BreakPass::first: text_ += "@firstpass\n"; break;
        case BreakPass::second: text_ += "@secondpass\n"; break;
        case BreakPass::last_resort: text_ += "@lastresortpass\n"; break;
        case BreakPass::emergency: text_ += "@emergencypass\n"; break;
    }
    echoed_ = 0;
}

void BreakTrace::echo_text_up_to(std::size_t item) {
    if (!item_text_) return;
    std::string words;
    for (; echoed_ < item && echoed_ < items_.size(); ++echoed_) words += item_text_(echoed_);
    if (!words.empty()) text_ += words + "\n";
}

std::string BreakTrace::item_kind(std::size_t item) const {
    if (item >= items_.size()) return "end";
    if (std::holds_alternative<Glue>(items_[item])) return "glue";
    if (const auto* p = std::get_if<Penalty>(&items_[item])) {
        if (p->hyphenation) return "hyphenation";
        if (p->flagged) return "hyphen";
        return "penalty";
    }
    return "box";
}

void BreakTrace::feasible_break(std::size_t item, int via_serial, int badness, int penalty,
                                std::int64_t demerits, bool artificial) {
    echo_text_up_to(item);
    std::ostringstream out = classic_stream();
    out << "@ item " << item << ' ' << item_kind(item) << " via @@" << via_serial << " b=";
    if (badness > inf_bad) {
        out << '*';
    } else {
        out << badness;
    }
    out << " p=" << penalty << " d=";
    if (artificial) {
        out << '*';
    } else {
        out << demerits;
    }
    text_ += out.str() + "\n";
}

void BreakTrace::new_candidate(int serial, int line, Fitness fitness, bool hyphenated, std::int64_t total,
                               int prev_serial) {
    std::ostringstream out = classic_stream();
    out << "@@" << serial << ": line " << line << '.' << static_cast<int>(fitness) << (hyphenated ? "-" : "")
        << " t=" << total << " -> @@" << prev_serial;
    text_ += out.str() + "\n";
}

void BreakTrace::chosen(const BreakResult& result) {
    std::ostringstream out = classic_stream();
    out << "@chosen pass " << static_cast<int>(result.pass) << ", " << result.breaks.size()
        << " lines, total demerits " << result.total_demerits;
    if (result.looseness != 0) out << ", looseness " << result.looseness;
    out << '\n';
    for (const Break& b : result.breaks) {
        out << "line " << b.line + 1 << ": break at item " << b.item << ' ' << item_kind(b.item) << " r=";
        if (std::isinf(b.ratio)) {
            out << "inf";
        } else {
            out.setf(std::ios::fixed);
            out.precision(3);
            out << b.ratio;
            out.unsetf(std::ios::fixed);
        }
        out << " b=";
        if (b.badness > inf_bad) {
            out << '*';
        } else {
            out << b.badness;
        }
        out << ' ' << fitness_name(b.fitness) << " d=" << b.demerits;
        if (b.hyphenated) out << " hyphenated";
        if (b.artificial) out << " (no acceptable break)";
        if (b.overfull.sp > 0) out << " OVERFULL by " << points(b.overfull);
        out << '\n';
    }
    text_ += out.str();
}

std::string trace_breaks(const std::vector<Item>& items, const BreakParams& params, const LineWidths& widths,
                         ItemText item_text) {
    BreakTrace trace(items, std::move(item_text));
    break_lines(items, params, widths, &trace);
    return trace.text();
}

}  // namespace quire::para
