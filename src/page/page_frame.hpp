#pragma once
// The geometry of one page from the layout's page setup and a master: trimmed size,
// margins mirrored on facing pages, the text area, its columns and the baseline grid.
// Takes: model::PageSetup, the master's column override, the page's number.
// Returns: PageFrame, plain lengths from the top-left of the trimmed page (y down).
#include "core/length.hpp"
#include "model/layout.hpp"

#include <vector>

namespace quire::page {

// The baseline grid: lines at origin + k * step. Body text sits on it in every column
// of every page, so lines align across columns and show through thin paper in register.
struct Grid {
    Length origin;
    Length step;

    // The first grid line at or below y (below = larger y).
    Length snap(Length y) const;
    bool on_grid(Length y) const { return step.sp <= 0 || (y - origin).sp % step.sp == 0; }
};

struct PageFrame {
    int number = 1;                    // printed folio; recto when odd
    bool recto = true;
    Length width, height, bleed;
    Length text_left, text_top, text_width, text_bottom;
    int columns = 1;
    Length gutter, column_width;
    bool columns_from_right = false;   // a right-to-left article's: its first column is the rightmost
    Grid grid;

    Length text_right() const { return text_left + text_width; }
    // Column `column` in reading order.
    Length column_x(int column) const {
        return text_left + (column_width + gutter) * (columns_from_right ? columns - 1 - column : column);
    }
    // The spine side: on a recto the inside margin is on the left (design §1, InDesign's
    // facing pages); without facing pages "inside" simply means left.
    bool inside_is_left() const { return recto; }
};

// `columns_override` is the master's `columns`, when it has one.
PageFrame make_page_frame(const model::PageSetup& setup, int page_number, std::optional<int> columns_override);

}  // namespace quire::page
