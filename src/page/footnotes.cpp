#include "page/footnotes.hpp"

#include "page/figure_layout.hpp"

#include <algorithm>

namespace quire::page {
namespace {

// Between the text and the notes: a grid line's height (else 12 pt), the rule in it.
Length separation(const Grid& grid) { return grid.step.sp > 0 ? grid.step : Length::from_pt(12); }

// A note's line in the stack at a column's foot: its baseline below the top of the
// notes (under the separation), the first line at its ascent, the rest a leading apart.
struct StackedLine {
    int number;
    bool first_of_note;
    const galley::Line* line;
    Length baseline;
};

std::vector<StackedLine> stack(const Flow& flow, const std::vector<NotePart>& notes) {
    std::vector<StackedLine> out;
    for (const NotePart& part : notes) {
        const galley::TextBlock* note = flow.footnote(part.number);
        if (note == nullptr) continue;
        const int to = std::min(part.to, static_cast<int>(note->lines.size()));
        for (int k = part.from; k < to; ++k) {
            const galley::Line& line = note->lines[static_cast<std::size_t>(k)];
            const Length baseline = out.empty() ? line.ascent : out.back().baseline + note->leading;
            out.push_back(StackedLine{part.number, k == 0, &line, baseline});
        }
    }
    return out;
}

Length height_of(const std::vector<StackedLine>& lines, const Grid& grid) {
    if (lines.empty()) return Length{};
    return separation(grid) + lines.back().baseline + lines.back().line->descent;
}

}  // namespace

std::vector<NotePart> with_line_notes(const Flow& flow, std::vector<NotePart> notes, const galley::Line& line) {
    for (int number : line.notes) {
        const galley::TextBlock* note = flow.footnote(number);
        const bool present = std::any_of(notes.begin(), notes.end(), [&](const NotePart& p) { return p.number == number; });
        if (note != nullptr && !present) notes.push_back(NotePart{number, 0, static_cast<int>(note->lines.size())});
    }
    return notes;
}

Length footnotes_height(const Flow& flow, const std::vector<NotePart>& notes, const Grid& grid) {
    return height_of(stack(flow, notes), grid);
}

int split_last_note(const Flow& flow, const std::vector<NotePart>& notes, Length room, const Grid& grid,
                    int min_lines) {
    if (notes.empty()) return 0;
    std::vector<NotePart> trial = notes;
    const NotePart last = notes.back();
    for (int k = last.to - min_lines; k >= last.from + min_lines; --k) {
        trial.back().to = k;
        if (footnotes_height(flow, trial, grid) <= room) return k;
    }
    return 0;
}

void draw_footnotes(const Flow& flow, const std::vector<NotePart>& notes, const ColumnSpace& space, const Grid& grid,
                    std::vector<render::DrawOp>& out, std::vector<std::pair<std::string, Length>>& anchors) {
    const std::vector<StackedLine> lines = stack(flow, notes);
    if (lines.empty()) return;
    const Length top = space.bottom - height_of(lines, grid);
    // The rule: the layout's share of the column, half a separation above the notes.
    if (flow.footnotes->rule_thickness.sp > 0 && flow.footnotes->rule_length > 0) {
        render::DrawRule rule;
        const Length length = space.width * flow.footnotes->rule_length / 100;
        rule.x1 = flow.footnotes->rule_from_right ? space.x + space.width - length : space.x;
        rule.x2 = rule.x1 + length;
        rule.y1 = rule.y2 = top + separation(grid) / 2;
        rule.thickness = flow.footnotes->rule_thickness;
        out.push_back(rule);
    }
    for (const StackedLine& l : lines) {
        const Length baseline = top + separation(grid) + l.baseline;
        if (l.first_of_note) anchors.emplace_back(galley::note_anchor(l.number), baseline - l.line->ascent);
        draw_line(*l.line, space.x, baseline, out);
    }
}

}  // namespace quire::page
