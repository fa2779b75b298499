#include "page/cover.hpp"

#include "page/figure_layout.hpp"
#include "page/running_lines.hpp"

namespace quire::page {

namespace {

// Lines with their baselines relative to the first, so a block can be measured before
// it is placed (the cover lines stand on the foot of the text area).
struct Stack {
    std::vector<std::pair<galley::Line, Length>> lines;
    Length next_gap;  // added before the next line pushed

    void push(std::vector<galley::Line> set, Length leading) {
        for (galley::Line& ln : set) {
            Length y = lines.empty() ? Length{} : lines.back().second + leading + next_gap;
            next_gap = Length{};
            lines.push_back({std::move(ln), y});
        }
    }
    Length depth() const { return lines.empty() ? Length{} : lines.back().second + lines.back().first.descent; }
    void draw(Length x, Length first_baseline, std::vector<render::DrawOp>& out) const {
        for (const auto& [ln, dy] : lines) draw_line(ln, x - ink_left(ln), first_baseline + dy, out);
    }
};

}  // namespace

ComposedPage compose_cover(const CoverSpec& cover, const model::IssueMeta& meta, PageStart start,
                           const galley::LineSetter& setter, const style::StyleSheet& styles, CoverTags tags) {
    // Each piece of text a paragraph of the cover; the picture a figure, its credit with it.
    auto node = [&](render::StructureKind kind) {
        return tags.tree == nullptr ? -1 : tags.tree->add(kind, tags.parent);
    };
    ComposedPage page;
    page.kind = PageKind::cover;
    page.frame = start.frame;
    page.ops = std::move(start.running);
    const PageFrame& f = page.frame;
    const Length grid = f.grid.step;

    // The head: the nameplate from the first grid line its ascent allows, a hairline
    // a grid line under it, the issue's number on the next grid line.
    const char* plate_style = first_style(styles, {"cover-title", "title", "body"});
    std::vector<galley::Line> plate = setter(meta.title, plate_style, f.text_width);
    galley::tag_lines(plate, node(render::StructureKind::kicker));
    Length plate_leading = style_leading(styles, plate_style, plate);
    Length baseline;
    for (std::size_t i = 0; i < plate.size(); ++i) {
        baseline = i == 0 ? f.grid.snap(f.text_top + plate[i].ascent) : baseline + plate_leading;
        draw_line(plate[i], f.text_left - ink_left(plate[i]), baseline, page.ops);
    }
    page.title_y = f.text_top;
    Length head_bottom = plate.empty() ? f.text_top : baseline + plate.back().descent;
    std::string issue_line = meta.number;
    if (issue_line.empty()) issue_line = meta.date;
    if (!issue_line.empty()) {
        const char* issue_style = first_style(styles, {"cover-issue", "section", "byline", "body"});
        std::vector<galley::Line> issue = setter(issue_line, issue_style, f.text_width);
        galley::tag_lines(issue, node(render::StructureKind::paragraph));
        Length rule_y = head_bottom + grid / 2;
        page.ops.push_back(render::DrawRule{f.text_left, rule_y, f.text_right(), rule_y, Length::from_pt(0.5), {}});
        if (!issue.empty()) {
            baseline = f.grid.snap(rule_y + issue.front().ascent + grid / 4);
            draw_line(issue.front(), f.text_left - ink_left(issue.front()), baseline, page.ops);
            head_bottom = baseline + issue.front().descent;
        }
    }

    // The foot: each feature's title and byline, the block's last line on the text foot.
    Stack foot;
    const char* line_style = first_style(styles, {"cover-line", "subtitle", "title"});
    const char* section_style = first_style(styles, {"section", "byline", line_style});
    const char* subtitle_style = first_style(styles, {"cover-subtitle", "standfirst", line_style});
    const char* byline_style = first_style(styles, {"byline", line_style});
    auto push = [&](const std::string& text, const char* style) {
        if (text.empty()) return;
        std::vector<galley::Line> set = setter(text, style, f.text_width);
        galley::tag_lines(set, node(render::StructureKind::paragraph));
        const Length leading = style_leading(styles, style, set);
        foot.push(std::move(set), leading);
    };
    for (const CoverLine& cl : cover.lines) {
        if (!foot.lines.empty()) foot.next_gap = grid;
        push(cl.section, section_style);
        push(cl.title, line_style);
        push(cl.subtitle, subtitle_style);
        push(cl.byline, byline_style);
    }
    Length foot_top = f.text_bottom;
    Length foot_first;  // the cover lines' first baseline
    if (!foot.lines.empty()) {
        Length first = f.text_bottom - foot.depth();
        // Keep the first cover line on the grid: move the block up to the grid line at or above.
        Length snapped = f.grid.snap(first);
        if (snapped > first) snapped = snapped - grid;
        foot_first = snapped;
        foot_top = snapped - foot.lines.front().first.ascent;
    }

    // The picture between head and foot, a grid line clear of each, at the text width
    // (smaller, keeping its aspect, if the space is short), its credit under it.
    if (!cover.image_path.empty()) {
        galley::FigureBlock picture;
        picture.image_path = cover.image_path;
        picture.aspect = cover.aspect;
        picture.credit_text = cover.credit;
        picture.alt = cover.alt;
        if (tags.tree != nullptr && !cover.alt.empty()) {  // without alt, decoration
            render::StructureNode image;
            image.kind = render::StructureKind::figure;
            image.alt = cover.alt;
            picture.image_node = tags.tree->add(std::move(image), tags.parent);
        }
        const char* credit_style = first_style(styles, {"credit", "caption", "body"});
        if (!cover.credit.empty()) {
            picture.credit = setter(cover.credit, credit_style, f.text_width);
            galley::tag_lines(picture.credit, node(render::StructureKind::credit));
            picture.credit_leading = style_leading(styles, credit_style, picture.credit);
            picture.gap = styles.has_paragraph(credit_style) ? styles.paragraph(credit_style).space_before : Length{};
        }
        Length top = head_bottom + grid;
        Length room = foot_top - grid - top;
        if (room > Length{}) {
            FigureBox box = layout_figure(picture, f.text_width, room);
            draw_figure(picture, box, f.text_left, top, page.ops);
            page.credits.push_back(cover.credit);
        }
    }
    // Drawn last, so that the page reads (and extracts) top to bottom.
    foot.draw(f.text_left, foot_first, page.ops);
    return page;
}

}  // namespace quire::page
