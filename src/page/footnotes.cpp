#include "page/footnotes.hpp"

#include "page/figure_layout.hpp"

#include <algorithm>

namespace quire::page {
namespace {

// Between the text and the notes: a grid line's height (else 12 pt), the rule in it.
Length separation(const Grid& grid) { return grid.step.sp > 0 ? grid.step : Length::from_pt(12); }

// Every line of the notes in order, with the leading that brings it after the one before.
template <class Visit>
void each_note_line(const Flow& flow, const std::vector<int>& notes, const Visit& visit) {
    for (int number : notes) {
        const TextBlock* note = flow.footnote(number);
        if (note == nullptr) continue;
        for (const Line& line : note->lines) visit(line, note->leading);
    }
}

}  // namespace

std::vector<int> with_line_notes(const Flow& flow, std::vector<int> notes, const Line& line) {
    for (int number : line.notes) {
        if (flow.footnote(number) != nullptr && std::find(notes.begin(), notes.end(), number) == notes.end()) {
            notes.push_back(number);
        }
    }
    return notes;
}

Length footnotes_height(const Flow& flow, const std::vector<int>& notes, const Grid& grid) {
    Length height;
    bool first = true;
    Length last_descent;
    each_note_line(flow, notes, [&](const Line& line, Length leading) {
        height += first ? line.ascent : leading;
        last_descent = line.descent;
        first = false;
    });
    if (first) return Length{};
    return separation(grid) + height + last_descent;
}

void draw_footnotes(const Flow& flow, const std::vector<int>& notes, const ColumnSpace& space, const Grid& grid,
                    std::vector<render::DrawOp>& out, std::vector<std::pair<std::string, Length>>& anchors) {
    const Length height = footnotes_height(flow, notes, grid);
    if (height.sp == 0) return;
    const Length top = space.bottom - height;
    // The rule: a third of the column, half a separation above the notes.
    render::DrawRule rule;
    rule.x1 = space.x;
    rule.x2 = space.x + space.width / 3;
    rule.y1 = rule.y2 = top + separation(grid) / 2;
    rule.thickness = Length::from_pt(0.4);
    out.push_back(rule);
    Length baseline = top + separation(grid);
    bool first = true;
    for (int number : notes) {
        const TextBlock* note = flow.footnote(number);
        if (note == nullptr) continue;
        for (std::size_t k = 0; k < note->lines.size(); ++k) {
            const Line& line = note->lines[k];
            baseline += first ? line.ascent : note->leading;
            first = false;
            if (k == 0) anchors.emplace_back("note:" + std::to_string(number), baseline - line.ascent);
            draw_line(line, space.x, baseline, out);
        }
    }
}

}  // namespace quire::page
