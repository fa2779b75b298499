#include "page/page_frame.hpp"

#include <algorithm>

namespace quire::page {

Length Grid::snap(Length y) const {
    if (step.sp <= 0) return y;
    std::int64_t d = (y - origin).sp;
    // Ceiling division that is also right for points above the origin (d < 0).
    std::int64_t k = d >= 0 ? (d + step.sp - 1) / step.sp : -((-d) / step.sp);
    return origin + step * k;
}

PageFrame make_page_frame(const model::PageSetup& setup, int page_number, std::optional<int> columns_override) {
    PageFrame f;
    f.number = page_number;
    f.recto = !setup.facing || page_number % 2 != 0;
    f.width = setup.width;
    f.height = setup.height;
    f.bleed = setup.bleed;
    // Recto: inside (spine) margin on the left; verso: on the right.
    f.text_left = f.recto ? setup.margin_inside : setup.margin_outside;
    f.text_top = setup.margin_top;
    f.text_width = setup.width - setup.margin_inside - setup.margin_outside;
    f.text_bottom = setup.height - setup.margin_bottom;
    f.columns = std::max(1, columns_override.value_or(setup.columns));
    f.gutter = setup.gutter;
    f.column_width = (f.text_width - setup.gutter * (f.columns - 1)) / f.columns;
    // The grid hangs from the top margin, like InDesign's "relative to top margin".
    f.grid = Grid{setup.margin_top, setup.baseline_grid};
    return f;
}

}  // namespace quire::page
