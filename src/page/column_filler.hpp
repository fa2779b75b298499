#pragma once
// Filling one column (or the spanning top of an opener) from a galley: TeX's page
// builder (§980-1028) cut down to what a baseline grid allows. The galley becomes a
// vertical list of units (a line, a figure box, a zero-height float marker); between
// units a column may or may not end (widows, orphans, keep-with-next are forbidden
// breaks, the analogue of TeX's \penalty10000 from \clubpenalty/\widowpenalty).
// Because the grid cannot stretch, every legal column end leaves the column short by
// whole lines, so the best break is simply the last legal one that fits (TeX §1005
// picks least cost; here cost falls monotonically with fill).
#include "core/length.hpp"
#include "galley/galley.hpp"
#include "page/page_frame.hpp"

#include <vector>

namespace quire::page {

struct FlowUnit {
    enum class Kind { line, figure, marker } kind = Kind::line;
    int block = 0;
    int line = 0;              // for Kind::line: index in the block's lines
    bool break_after = true;   // may a column end after this unit?
    // A table's first body line after a split: the units of its header rows, set again
    // above it when it opens a column ([header_from, header_to); -1: none).
    int header_from = -1, header_to = -1;
};

// The vertical list of a sequence of blocks. Figures placed `here` are boxes in the
// flow; `top`/`bottom` and spanning figures are zero-height markers that the page
// loop turns into floats when the text reaching them lands in a column (TeX's
// \topinsert is triggered the same way, where it stands in the text).
struct Flow {
    const std::vector<galley::Block>* blocks = nullptr;
    const galley::Footnotes* footnotes = nullptr;  // ArticleGalley::footnotes
    std::vector<FlowUnit> units;

    // The footnote of this number, if it is one and has lines.
    const galley::TextBlock* footnote(int number) const {
        if (footnotes == nullptr || number < 1 || number > static_cast<int>(footnotes->notes.size())) return nullptr;
        const galley::TextBlock& note = footnotes->notes[static_cast<std::size_t>(number - 1)];
        return note.lines.empty() ? nullptr : &note;
    }

    const galley::TextBlock& text(const FlowUnit& u) const { return std::get<galley::TextBlock>((*blocks)[u.block]); }
    const galley::FigureBlock& figure(const FlowUnit& u) const { return std::get<galley::FigureBlock>((*blocks)[u.block]); }
};

// `keep_all`: no legal break anywhere but after the last unit (opener furniture).
Flow make_flow(const std::vector<galley::Block>& blocks, bool keep_all = false,
               const galley::Footnotes* footnotes = nullptr);

// The space text may use in a column: its left edge and measure, the top of the free
// area (below any floats) and its foot.
struct ColumnSpace {
    Length x, width, top, bottom;
};

struct UnitPos {
    int unit;
    Length y;  // a line's baseline, a figure's top edge
};

// A footnote, or the part of one a column holds: lines [from, to) of note `number`
// (TeX splits an insertion that does not fit, \vsplit, and carries the rest over).
struct NotePart {
    int number = 0;
    int from = 0, to = 0;
    friend bool operator==(const NotePart&, const NotePart&) = default;
};

// "Column full" as a value (design §3): where the column ended and why.
struct ColumnFill {
    int end = 0;                   // first unit not placed
    std::vector<UnitPos> placed;   // units [start, end), markers excluded
    bool forced = false;           // ended at an illegal break: nothing legal fitted
    int forced_unit = -1;          // the unit after the illegal break (for the diagnostic)
    Length next_top;               // where following material may start (after space-after)
    std::vector<NotePart> notes;   // footnotes at the column's foot, in order
    std::vector<NotePart> carried; // footnotes, or their rests, for the next column's foot
};

struct FillOptions {
    Length float_sep;              // between a figure box and text
    bool force_first = false;      // place the first unit even if it does not fit
    Length figure_room{};          // most height an inline figure may take (0: the space's)
    std::vector<NotePart> carry{}; // the previous column's ColumnFill::carried: first at the foot
};

// Places units from `start` greedily, then backs up to the last legal break. Footnotes:
// a line takes its notes to the column's foot; where the last of them does not fit
// whole, its first lines do (two at least, two at least carried) and the rest goes
// to the next column, as do, whole, the notes of the lines after it in this column
// (TeX's held-over insertions). The notes carried in come first, split again if even
// they are taller than the column. The first
// line of any block at a column's head sits on the first grid line its ascent allows
// (space-before is discarded there, as TeX discards glue at a page top, §1000); body
// lines (snap_to_grid) snap up to the grid, so text after a heading or figure with
// other spacing returns to the grid.
ColumnFill fill_column(const Flow& flow, int start, const ColumnSpace& space, const Grid& grid,
                       const FillOptions& options);

}  // namespace quire::page
