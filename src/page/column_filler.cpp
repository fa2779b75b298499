#include "page/column_filler.hpp"
#include "page/ink_clearance.hpp"

#include "page/figure_layout.hpp"
#include "page/footnotes.hpp"

#include <algorithm>
#include <optional>

namespace quire::page {

Flow make_flow(const std::vector<galley::Block>& blocks, bool keep_all, const galley::Footnotes* footnotes) {
    Flow flow;
    flow.blocks = &blocks;
    flow.footnotes = footnotes;
    int header_from = -1, header_to = -1;  // the current table's header rows, as units
    bool in_header = false;
    for (int b = 0; b < static_cast<int>(blocks.size()); ++b) {
        const auto* row = std::get_if<galley::TextBlock>(&blocks[b]);
        const galley::TextBlock::TableRow kind = row ? row->table_row : galley::TextBlock::TableRow::none;
        if (kind == galley::TextBlock::TableRow::header) {
            if (!in_header) header_from = static_cast<int>(flow.units.size());
            header_to = static_cast<int>(flow.units.size() + row->lines.size());
        } else if (kind == galley::TextBlock::TableRow::none) {
            header_from = header_to = -1;
        }
        in_header = kind == galley::TextBlock::TableRow::header;
        if (const auto* tb = std::get_if<galley::TextBlock>(&blocks[b])) {
            int k = static_cast<int>(tb->lines.size());
            // Only running text may split; headings, furniture and pull quotes are
            // set as units (a two-line heading split over columns reads as two).
            bool splittable = tb->role == galley::BlockRole::body || tb->role == galley::BlockRole::disclaimer;
            for (int j = 0; j < k; ++j) {
                FlowUnit u{FlowUnit::Kind::line, b, j, false};
                if (j + 1 < k) {
                    // Orphan: fewer than orphan_lines left at the foot; widow: fewer
                    // than widow_lines carried to the head. A 2- or 3-line paragraph
                    // under the 2/2 rule has no legal break and moves whole.
                    u.break_after = splittable && j + 1 >= tb->orphan_lines && k - (j + 1) >= tb->widow_lines &&
                                    !tb->lines[static_cast<std::size_t>(j)].hyphenated;
                } else {
                    u.break_after = !tb->keep_with_next;
                }
                if (j == 0 && kind == galley::TextBlock::TableRow::body) {
                    u.header_from = header_from;
                    u.header_to = header_to;
                }
                flow.units.push_back(u);
            }
        } else {
            const auto& fig = std::get<galley::FigureBlock>(blocks[b]);
            bool inline_box = fig.span == galley::Span::column && fig.placement == galley::FigureBlock::Placement::here;
            FlowUnit u{inline_box ? FlowUnit::Kind::figure : FlowUnit::Kind::marker, b, 0, true};
            // A marker is invisible to keep-with-next: a heading before it stays with
            // the text after it.
            if (!inline_box && !flow.units.empty()) u.break_after = flow.units.back().break_after;
            flow.units.push_back(u);
        }
    }
    if (keep_all) {
        for (FlowUnit& u : flow.units) u.break_after = false;
    }
    if (!flow.units.empty()) flow.units.back().break_after = true;
    return flow;
}

namespace {

struct Cursor {
    enum class State { empty, text, figure } state = State::empty;
    Length baseline, descent, ink_descent, bottom, space_after;
    const galley::Line* line = nullptr;  // the last line placed (State::text)
};

// The column's foot: the notes it holds, their height, and what goes on to the next.
struct Foot {
    std::vector<NotePart> notes, carried;
    Length room;
};

// The notes carried in, at the foot of a column `height` tall: whole if they fit, else
// the parts that fit and the first lines of the next (at least one, so that a note
// taller than every column still moves on), the rest carried again.
Foot carried_in(const Flow& flow, std::vector<NotePart> carry, Length height, const Grid& grid) {
    Foot foot;
    foot.notes = std::move(carry);
    while (footnotes_height(flow, foot.notes, grid) > height && foot.notes.size() > 1) {
        foot.carried.insert(foot.carried.begin(), foot.notes.back());
        foot.notes.pop_back();
    }
    if (!foot.notes.empty() && footnotes_height(flow, foot.notes, grid) > height) {
        NotePart& last = foot.notes.back();
        const int k = std::max(split_last_note(flow, foot.notes, height, grid, 1), last.from + 1);
        if (k < last.to) {
            foot.carried.insert(foot.carried.begin(), NotePart{last.number, k, last.to});
            last.to = k;
        }
    }
    foot.room = footnotes_height(flow, foot.notes, grid);
    return foot;
}

// The foot once `line`, whose baseline is at `base`, is placed in `space`: its notes
// added whole when they fit; else the last of them split, if it is new and it may be;
// held over (carried whole) once an earlier note of the column was. nullopt when the
// line cannot stand in the column with its notes.
std::optional<Foot> foot_with(const Flow& flow, const Foot& foot, const galley::Line& line, Length base, const ColumnSpace& space,
                              const Grid& grid) {
    const Length text_foot = base + line.descent;
    if (line.notes.empty() || !foot.carried.empty()) {
        // The foot stays as it is: the line has no notes, or they wait behind one
        // already held over (carried whole, in order).
        if (text_foot > space.bottom - foot.room) return std::nullopt;
        Foot next = foot;
        if (!line.notes.empty()) next.carried = with_line_notes(flow, foot.carried, line);
        return next;
    }
    Foot next = foot;
    next.notes = with_line_notes(flow, foot.notes, line);
    next.room = footnotes_height(flow, next.notes, grid);
    if (text_foot <= space.bottom - next.room) return next;
    if (next.notes.size() == foot.notes.size()) return std::nullopt;  // the last note is not this line's
    constexpr int min_note_lines = 2;  // a note's first lines and its rest: no widows, no orphans
    const int k = split_last_note(flow, next.notes, space.bottom - text_foot, grid, min_note_lines);
    if (k == 0) return std::nullopt;
    NotePart& last = next.notes.back();
    next.carried.push_back(NotePart{last.number, k, last.to});
    last.to = k;
    next.room = footnotes_height(flow, next.notes, grid);
    return next;
}

}  // namespace

ColumnFill fill_column(const Flow& flow, int start, const ColumnSpace& space, const Grid& grid,
                       const FillOptions& options) {
    ColumnFill out;
    Cursor c;
    const int n = static_cast<int>(flow.units.size());
    int last_legal = -1;                 // unit index after which the column may end
    Cursor at_legal;                     // cursor state there, for next_top
    std::size_t placed_at_legal = 0;
    const Foot at_start = carried_in(flow, options.carry, space.bottom - space.top, grid);
    Foot foot = at_start, foot_at_legal = at_start;  // footnotes.hpp
    auto finish_notes = [&](const Foot& f) {
        out.notes = f.notes;
        out.carried = f.carried;
    };

    auto finish_next_top = [&](const Cursor& k) {
        switch (k.state) {
        case Cursor::State::empty: return space.top;
        case Cursor::State::text: return k.baseline + k.descent + k.space_after;
        case Cursor::State::figure: return k.bottom + options.float_sep;
        }
        return space.top;
    };

    // Where a line goes after what the cursor has placed.
    auto line_baseline = [&](const Cursor& at, const FlowUnit& u) {
        const galley::TextBlock& tb = flow.text(u);
        const galley::Line& ln = tb.lines[u.line];
        if (at.state == Cursor::State::empty) return grid.snap(space.top + ln.ascent);
        Length base;
        if (u.line == 0 && at.state == Cursor::State::figure) {
            base = at.bottom + options.float_sep + tb.space_before + ln.ascent;
        } else {
            // Space after one block and before the next is the larger of the two,
            // not their sum: a pull quote's space below and a heading's space above
            // would otherwise leave a hole of both (issue 15).
            Length gap = u.line == 0 ? std::max(at.space_after, tb.space_before) : Length{};
            base = at.baseline + gap + tb.leading;
            // TeX's \lineskip rule with \lineskiplimit 0: never let the ink of two
            // lines overlap when the leading is too small for the type. As TeX, by
            // what the lines hold (their glyphs' ink), not the fonts' ascenders,
            // which would push a sans heading after a serif line off the grid.
            const Length clearance = at.line ? ink_clearance(*at.line, ln) : at.ink_descent + ln.ink_ascent;
            base = std::max(base, at.baseline + gap + clearance);
        }
        return tb.snap_to_grid ? grid.snap(base) : base;
    };
    // The cursor after a line placed at `base`.
    auto after_line = [&](Cursor at, const FlowUnit& u, Length base) {
        const galley::TextBlock& tb = flow.text(u);
        const galley::Line& ln = tb.lines[u.line];
        at.state = Cursor::State::text;
        at.baseline = base;
        at.descent = ln.descent;
        at.ink_descent = ln.ink_descent;
        at.line = &ln;
        at.space_after = u.line + 1 == static_cast<int>(tb.lines.size()) ? tb.space_after : Length{};
        return at;
    };

    // A table split between rows: its header rows again at the column's head.
    if (start < n && flow.units[start].header_from >= 0) {
        const FlowUnit& opener = flow.units[start];
        for (int h = opener.header_from; h < opener.header_to; ++h) {
            const Length base = line_baseline(c, flow.units[h]);
            out.placed.push_back({h, base});
            c = after_line(c, flow.units[h], base);
        }
    }

    for (int i = start; i < n; ++i) {
        const FlowUnit& u = flow.units[i];
        Cursor next = c;
        Length y;
        bool fits = true;
        Foot next_foot = foot;
        if (u.kind == FlowUnit::Kind::marker) {
            // zero height: placed wherever the text around it lands
        } else if (u.kind == FlowUnit::Kind::line) {
            const galley::Line& ln = flow.text(u).lines[u.line];
            const Length base = line_baseline(c, u);
            y = base;
            std::optional<Foot> with = foot_with(flow, foot, ln, base, space, grid);
            fits = with.has_value();
            // Placed anyway (forced), the line takes its notes whole.
            if (with) next_foot = std::move(*with);
            else next_foot.notes = with_line_notes(flow, foot.notes, ln);
            next = after_line(c, u, base);
        } else {
            const galley::FigureBlock& fig = flow.figure(u);
            Length room = options.figure_room.sp > 0 ? options.figure_room : space.bottom - space.top;
            FigureBox box = layout_figure(fig, space.width, room);
            Length top = c.state == Cursor::State::empty ? space.top : finish_next_top(c);
            if (c.state == Cursor::State::text) top = c.baseline + c.descent + std::max(c.space_after, options.float_sep);
            y = top;
            fits = top + box.height <= space.bottom - foot.room;
            next.state = Cursor::State::figure;
            next.bottom = top + box.height;
        }

        if (!fits) {
            if (i == start && options.force_first) {
                // An empty column that cannot hold the unit: place it anyway (it will
                // overflow the foot) rather than loop for ever; reported by the caller.
                out.placed.push_back({i, y});
                out.end = i + 1;
                out.forced = true;
                out.forced_unit = i;
                out.next_top = finish_next_top(next);
                finish_notes(next_foot);
                return out;
            }
            if (last_legal >= start) {
                out.placed.resize(placed_at_legal);
                out.end = last_legal + 1;
                out.next_top = finish_next_top(at_legal);
                finish_notes(foot_at_legal);
                return out;
            }
            if (i == start || !options.force_first) {
                // Nothing legal fits here: leave the column to the caller's judgement.
                out.placed.clear();
                out.end = start;
                out.next_top = space.top;
                finish_notes(at_start);
                return out;
            }
            // A run of material with no legal break longer than a column: break where
            // it overflows, as TeX does with an awful_bad page (§1005), and say so.
            out.end = i;
            out.forced = true;
            out.forced_unit = i;
            out.next_top = finish_next_top(c);
            finish_notes(foot);
            return out;
        }
        if (u.kind != FlowUnit::Kind::marker) out.placed.push_back({i, y});
        c = next;
        foot = std::move(next_foot);
        if (u.break_after) {
            last_legal = i;
            at_legal = c;
            placed_at_legal = out.placed.size();
            foot_at_legal = foot;
        }
    }
    out.end = n;
    out.next_top = finish_next_top(c);
    finish_notes(foot);
    return out;
}

}  // namespace quire::page
