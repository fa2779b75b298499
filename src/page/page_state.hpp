#pragma once
// A page while its galley is being poured in: what the composer and the balancer
// share. Internal to page/.
#include "page/column_filler.hpp"
#include "page/composed_page.hpp"
#include "page/figure_layout.hpp"

#include <vector>

namespace quire::page {

struct PlacedFloat {
    int block = 0;
    FigureBox box;
    bool at_bottom = false;   // placement="bottom": stands at the column's foot
};

struct ColumnState {
    std::vector<PlacedFloat> floats;   // in the order they arrived
    ColumnFill fill;                   // the text committed to this column
    bool committed = false;
};

struct SpanFigure {
    int block = 0;
    FigureBox box;
    Length y;
};

struct PageState {
    PageKind kind = PageKind::body;
    int index = 0;                     // 0-based page index in the document
    PageStart start;
    ColumnFill furniture;              // opener furniture across the text area
    bool has_furniture = false;
    std::vector<SpanFigure> span_figures;
    Length region_top;                 // where the columns begin
    std::vector<ColumnState> columns;
    int first_unit = 0;                // first body unit on this page
    std::vector<NotePart> carry_in;    // footnotes continued from the page before

    const PageFrame& frame() const { return start.frame; }
    bool nothing_in_columns() const;
};

// Figures are kept this far from text (half a grid line: the snap to the grid adds
// the rest, so text under a figure starts on the next grid line).
inline Length float_separation(const PageFrame& f) { return f.grid.step / 2; }

// The free text area of column c: below its top floats, above its bottom floats.
ColumnSpace column_space(const PageState& page, int column);

// y of each float in column c, in the order of ColumnState::floats.
std::vector<Length> float_positions(const PageState& page, int column);

}  // namespace quire::page
