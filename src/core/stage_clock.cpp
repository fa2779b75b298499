#include "core/stage_clock.hpp"

#include <cassert>
#include <cstdio>
#include <ostream>

namespace quire {

const char* stage_name(Stage stage) {
    switch (stage) {
        case Stage::reading: return "reading";
        case Stage::shaping: return "shaping";
        case Stage::hyphenation: return "hyphenation";
        case Stage::paragraph_setting: return "paragraph setting";
        case Stage::line_breaking: return "line breaking";
        case Stage::page_building: return "page building";
        case Stage::font_subsetting: return "font subsetting";
        case Stage::pdf_writing: return "PDF writing";
    }
    return "?";
}

void StageClock::charge() {
    const auto now = std::chrono::steady_clock::now();
    if (!running_.empty()) spent_[static_cast<std::size_t>(running_.back())] += now - since_;
    since_ = now;
}

void StageClock::enter(Stage stage) {
    charge();
    running_.push_back(stage);
}

void StageClock::leave() {
    assert(!running_.empty());
    charge();
    running_.pop_back();
}

void StageClock::print(std::ostream& out) const {
    Duration total{};
    auto line = [&out](const char* name, Duration d) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.3f", std::chrono::duration<double>(d).count());
        out << "quire: timings: " << name << ' ' << seconds << " s\n";
    };
    for (std::size_t s = 0; s < stage_count; ++s) {
        line(stage_name(static_cast<Stage>(s)), spent_[s]);
        total += spent_[s];
    }
    line("total", total);
}

}  // namespace quire
