#include "page/contents.hpp"

#include "page/figure_layout.hpp"
#include "page/running_lines.hpp"

#include <algorithm>

namespace quire::page {

namespace {

// Marks the ops from `begin` on as the note `article`'s (the archive copies of notes on
// the contents page take only their own ops, render::Page::parts).
void claim(ComposedPage& page, int article, std::size_t begin) {
    if (!page.parts.empty() && page.parts.back().article == article && page.parts.back().end == begin) {
        page.parts.back().end = page.ops.size();
    } else if (page.ops.size() > begin) {
        page.parts.push_back({article, begin, page.ops.size()});
    }
}

// The contents' structure: the nameplate, the heading, the list (an item per entry,
// holding its link) and the masthead, under the node for the contents.
class ContentsTags {
public:
    explicit ContentsTags(const ContentsExtras& extras) : tree_(extras.structure), parent_(extras.parent) {}
    int add(render::StructureKind kind, int parent, int level = 0) {
        if (tree_ == nullptr) return -1;
        render::StructureNode node;
        node.kind = kind;
        node.level = level;
        return tree_->add(std::move(node), parent);
    }
    int under_contents(render::StructureKind kind, int level = 0) { return add(kind, parent_, level); }
    int list() {
        if (list_ < 0) list_ = under_contents(render::StructureKind::contents);
        return list_;
    }

private:
    render::StructureTree* tree_;
    int parent_;
    int list_ = -1;
};

// A note's title as its galley's structure names it: the article's heading (the local
// id, which the composer moves into the tree with the note's other ops).
int title_node(const galley::ArticleGalley& note) {
    for (std::size_t k = 0; k < note.structure.nodes.size(); ++k) {
        if (note.structure.nodes[k].kind == render::StructureKind::heading) return static_cast<int>(k);
    }
    return -1;
}

}  // namespace

std::vector<ComposedPage> compose_contents(const std::string& heading, const std::vector<ContentsEntry>& entries,
                                           int first_page_index, const StartPage& start_page,
                                           const galley::LineSetter& setter, const style::StyleSheet& styles,
                                           const ContentsExtras& extras) {
    const char* title_style = first_style(styles, {"contents-title", "title", "body"});
    const char* entry_style = first_style(styles, {"contents-entry", "body"});
    const char* byline_style = first_style(styles, {"contents-byline", "byline", entry_style});
    ContentsTags tags(extras);

    std::vector<ComposedPage> pages;
    Length baseline;      // last baseline drawn on the current page
    bool empty = true;
    auto new_page = [&] {
        PageStart ps = start_page(PageKind::contents, first_page_index + static_cast<int>(pages.size()));
        ComposedPage p;
        p.kind = PageKind::contents;
        p.frame = ps.frame;
        p.ops = std::move(ps.running);
        p.running_ops = p.ops.size();
        pages.push_back(std::move(p));
        empty = true;
    };
    new_page();
    const PageFrame* f = &pages.back().frame;
    const Length grid = f->grid.step;

    // The nameplate, then the heading, each on the first grid line its ascent allows.
    if (!extras.nameplate.empty()) {
        const char* plate_style = first_style(styles, {"section", "byline", entry_style});
        std::vector<galley::Line> plate = setter(extras.nameplate, plate_style, f->text_width);
        galley::tag_lines(plate, tags.under_contents(render::StructureKind::kicker));
        Length pl = style_leading(styles, plate_style, plate);
        for (const galley::Line& ln : plate) {
            baseline = empty ? f->grid.snap(f->text_top + ln.ascent) : baseline + pl;
            draw_line(ln, f->text_left - ink_left(ln), baseline, pages.back().ops);
            empty = false;
        }
        baseline += grid;
    }
    std::vector<galley::Line> head = setter(heading, title_style, f->text_width);
    galley::tag_lines(head, tags.under_contents(render::StructureKind::heading, 1));
    Length head_leading = style_leading(styles, title_style, head);
    for (std::size_t i = 0; i < head.size(); ++i) {
        const galley::Line& ln = head[i];
        baseline = empty ? f->grid.snap(f->text_top + ln.ascent)
                 : i == 0 ? f->grid.snap(baseline + ln.ascent)
                          : baseline + head_leading;
        draw_line(ln, f->text_left - ink_left(ln), baseline, pages.back().ops);
        empty = false;
    }
    pages.back().title_y = f->text_top;
    Length head_after = styles.has_paragraph(title_style) ? styles.paragraph(title_style).space_after : Length{};
    Length gap_after_heading = head_after + grid;

    // Room for the page numbers: three figures' worth and a space, whatever the style.
    const Length number_width = std::min(Length::from_pt(36), f->text_width / 4);
    bool first_entry = true;
    for (const ContentsEntry& e : entries) {
        std::vector<galley::Line> title = setter(e.title, entry_style, f->text_width - number_width);
        std::vector<galley::Line> byline = e.byline.empty() ? std::vector<galley::Line>{} : setter(e.byline, byline_style, f->text_width - number_width);
        std::vector<galley::Line> number = setter(e.folio, entry_style, number_width);
        if (title.empty()) continue;
        // An entry reads as its title, byline and page, the whole of it a link.
        const int item = tags.add(render::StructureKind::contents_entry, tags.list());
        const int link = tags.add(render::StructureKind::link, item);
        galley::tag_lines(title, link);
        galley::tag_lines(byline, link);
        galley::tag_lines(number, link);
        Length tl = style_leading(styles, entry_style, title);
        Length bl = style_leading(styles, byline_style, byline);

        // Lay the entry out relative to its first baseline, then see if it fits.
        std::vector<std::pair<const galley::Line*, Length>> rel;
        Length y;
        for (std::size_t i = 0; i < title.size(); ++i) { rel.push_back({&title[i], y}); y += tl; }
        y = y - tl;
        for (const galley::Line& ln : byline) { y += bl; rel.push_back({&ln, y}); }
        Length depth = y + rel.back().first->descent;

        Length gap = first_entry ? gap_after_heading : grid / 2;
        Length first = empty ? f->grid.snap(f->text_top + title.front().ascent)
                             : f->grid.snap(baseline + gap + title.front().ascent);
        if (!empty && first + depth > f->text_bottom) {
            new_page();
            f = &pages.back().frame;
            first = f->grid.snap(f->text_top + title.front().ascent);
        }
        ComposedPage& page = pages.back();
        for (const auto& [ln, dy] : rel) draw_line(*ln, f->text_left - ink_left(*ln), first + dy, page.ops);
        if (!number.empty()) {
            const galley::Line& num = number.front();
            draw_line(num, f->text_right() - num.natural_width - ink_left(num), first, page.ops);
        }
        Length top = first - title.front().ascent;
        page.ops.push_back(render::LinkArea{f->text_left, top, f->text_width, first + depth - top, "",
                                            e.target_page, e.target_y, link});
        baseline = first + y;
        empty = false;
        first_entry = false;
    }

    // The notes, each two grid lines under what precedes it, its text on the grid.
    for (const ContentsExtras::Note& placed : extras.notes) {
        // Named copies, not structured bindings: lambdas below capture them (C++20
        // allows that; clang 14, which builds the fuzzers, does not).
        const int note_index = placed.index;
        const galley::ArticleGalley* note = placed.galley;
        const char* note_title_style = first_style(styles, {"contents-note-title", "heading", entry_style});
        std::vector<galley::Line> title = setter(note->plan.title, note_title_style, f->text_width);
        if (extras.structure != nullptr) galley::tag_lines(title, title_node(*note));
        const Length title_leading = style_leading(styles, note_title_style, title);
        bool first_line = true;
        // Places one line (a new page when it would not fit), `gap` under the last.
        auto place = [&](const galley::Line& ln, Length gap, Length leading, bool snap) {
            Length b = empty ? f->grid.snap(f->text_top + ln.ascent)
                     : first_line ? f->grid.snap(baseline + gap + ln.ascent)
                                  : baseline + gap + leading;
            if (snap) b = f->grid.snap(b);
            if (!empty && b + ln.descent > f->text_bottom) {
                new_page();
                f = &pages.back().frame;
                b = f->grid.snap(f->text_top + ln.ascent);
            }
            const std::size_t begin = pages.back().ops.size();
            draw_line(ln, f->text_left - ink_left(ln), b, pages.back().ops);
            claim(pages.back(), note_index, begin);
            std::vector<int>& notes = pages.back().notes;
            if (notes.empty() || notes.back() != note_index) notes.push_back(note_index);
            baseline = b;
            empty = false;
            first_line = false;
        };
        for (const galley::Line& ln : title) {
            const bool opening = first_line;
            place(ln, opening ? grid * 2 : Length{}, title_leading, false);
            if (opening) pages.back().headings.push_back({note->plan.title, baseline - ln.ascent, note_index});
        }
        for (const galley::Block& block : note->body) {
            if (const auto* text = std::get_if<galley::TextBlock>(&block)) {
                Length gap = text->space_before;
                for (const galley::Line& ln : text->lines) {
                    place(ln, gap, text->leading, text->snap_to_grid);
                    gap = Length{};
                }
            } else if (const auto* fig = std::get_if<galley::FigureBlock>(&block)) {
                const Length width = fig->credit.empty() ? f->column_width : fig->credit.front().width;
                FigureBox box = layout_figure(*fig, width, f->text_bottom - f->text_top);
                Length top = baseline + grid;
                if (top + box.height > f->text_bottom) {
                    new_page();
                    f = &pages.back().frame;
                    top = f->text_top;
                }
                const std::size_t begin = pages.back().ops.size();
                draw_figure(*fig, box, f->text_left, top, pages.back().ops);
                claim(pages.back(), note_index, begin);
                if (pages.back().notes.empty() || pages.back().notes.back() != note_index) pages.back().notes.push_back(note_index);
                pages.back().credits.push_back(fig->credit_text);
                baseline = f->grid.snap(top + box.height);
                empty = false;
            }
        }
    }

    // The masthead and the credits, bottom-aligned above the foot of the last page
    // under a hairline; on a page of their own when the entries leave no room.
    if (!extras.masthead.empty() || !extras.credits.empty()) {
        const char* small = first_style(styles, {"masthead", "credit", "caption", entry_style});
        const char* small_head = first_style(styles, {"masthead-heading", "byline", small});
        std::vector<std::pair<galley::Line, Length>> block;   // line, its baseline from the block's first
        Length y;
        bool any = false;
        const int masthead = tags.under_contents(render::StructureKind::division);
        auto add = [&](const std::string& text, const char* st, Length gap_before) {
            std::vector<galley::Line> lines = setter(text, st, f->text_width);
            galley::tag_lines(lines, tags.add(render::StructureKind::paragraph, masthead));
            Length l = style_leading(styles, st, lines);
            for (galley::Line& ln : lines) {
                if (any) y += l + gap_before;
                gap_before = Length{};
                block.push_back({std::move(ln), y});
                any = true;
            }
        };
        for (const std::string& m : extras.masthead) add(m, small, Length{});
        if (!extras.credits.empty()) {
            add(extras.credits_title, small_head, any ? grid / 2 : Length{});
            for (const CreditEntry& c : extras.credits) {
                add((c.folio.empty() ? std::string("Cover") : "p. " + c.folio) + "\u2002" + (c.text.empty() ? std::string("uncredited image") : c.text), small, Length{});
            }
        }
        if (!block.empty()) {
            Length depth = y + block.back().first.descent;
            Length height = depth + block.front().first.ascent;
            Length rule_gap = grid / 2;
            Length needed = height + rule_gap;
            Length top_free = empty ? f->text_top : baseline + grid;
            if (top_free + needed > f->text_bottom) {
                new_page();
                f = &pages.back().frame;
            }
            Length first = f->text_bottom - depth;
            Length rule_y = first - block.front().first.ascent - rule_gap;
            ComposedPage& page = pages.back();
            page.ops.push_back(render::DrawRule{f->text_left, rule_y, f->text_right(), rule_y, Length::from_pt(0.25), {}});
            for (const auto& [ln, dy] : block) draw_line(ln, f->text_left - ink_left(ln), first + dy, page.ops);
        }
    }
    return pages;
}

}  // namespace quire::page
