#pragma once
// Where a build's time goes (`quire build --timings`), so that a regression shows in
// which stage it is. Every moment between the first enter() and the last leave() is
// charged to exactly one stage, the innermost one running: a paragraph set while a
// page is being built charges its shaping to shaping, not to page building, and the
// stages add up to the whole.
#include <array>
#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <vector>

namespace quire {

// paragraph_setting is everything of setting an article's paragraphs but shaping,
// hyphenation and line_breaking (the Knuth-Plass breaker alone): collecting runs,
// building items and word cuts, drawing the lines, the galley around them.
enum class Stage {
    reading, shaping, hyphenation, paragraph_setting, line_breaking, page_building, font_subsetting, pdf_writing
};
inline constexpr std::size_t stage_count = 8;

// "reading", "shaping", "hyphenation", "paragraph setting", "line breaking", "page
// building", "font subsetting", "PDF writing".
const char* stage_name(Stage stage);

class StageClock {
public:
    using Duration = std::chrono::steady_clock::duration;

    // Charges the time since the last switch to the stage running, then runs `stage`.
    void enter(Stage stage);
    // Charges the time to the stage running, then goes back to the one before it.
    void leave();

    Duration spent(Stage stage) const { return spent_[static_cast<std::size_t>(stage)]; }

    // One line a stage, in pipeline order, then the total:
    //   quire: timings: shaping 0.081 s
    void print(std::ostream& out) const;

private:
    void charge();

    std::array<Duration, stage_count> spent_{};
    std::vector<Stage> running_;
    std::chrono::steady_clock::time_point since_;
};

// Runs `stage` on `clock` for as long as it lives; nothing at all when the clock is
// null (timings not asked for), so the stages pay no clock reads by default.
class StageScope {
public:
    StageScope(StageClock* clock, Stage stage) : clock_(clock) {
        if (clock_) clock_->enter(stage);
    }
    ~StageScope() {
        if (clock_) clock_->leave();
    }
    // Leaves the stage running and runs `stage` instead, as a new scope in this one's
    // place would.
    void next(Stage stage) {
        if (clock_) {
            clock_->leave();
            clock_->enter(stage);
        }
    }
    StageScope(const StageScope&) = delete;
    StageScope& operator=(const StageScope&) = delete;

private:
    StageClock* clock_;
};

}  // namespace quire
