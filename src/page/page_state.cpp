#include "page/page_state.hpp"

namespace quire::page {

bool PageState::nothing_in_columns() const {
    for (const ColumnState& c : columns) {
        if (!c.floats.empty() || !c.fill.placed.empty()) return false;
    }
    return true;
}

ColumnSpace column_space(const PageState& page, int column) {
    const PageFrame& f = page.frame();
    Length sep = float_separation(f);
    ColumnSpace s{f.column_x(column), f.column_width, page.region_top, f.text_bottom};
    for (const PlacedFloat& pf : page.columns[column].floats) {
        if (pf.at_bottom) s.bottom -= pf.box.height + sep;
        else s.top += pf.box.height + sep;
    }
    return s;
}

std::vector<Length> float_positions(const PageState& page, int column) {
    const PageFrame& f = page.frame();
    Length sep = float_separation(f);
    Length top = page.region_top, bottom = f.text_bottom;
    std::vector<Length> ys;
    for (const PlacedFloat& pf : page.columns[column].floats) {
        if (pf.at_bottom) {
            bottom -= pf.box.height;
            ys.push_back(bottom);
            bottom -= sep;
        } else {
            ys.push_back(top);
            top += pf.box.height + sep;
        }
    }
    return ys;
}

}  // namespace quire::page
