#include "para/line_range.hpp"

#include <algorithm>

namespace quire::para {

std::size_t line_start_after(const std::vector<Item>& items, std::size_t break_item) {
    std::size_t i = break_item + 1;
    while (i < items.size() && !std::holds_alternative<Box>(items[i])) ++i;
    return std::min(i, items.size());
}

LineRange line_range(const std::vector<Item>& items, std::size_t start, std::size_t break_item) {
    std::size_t last = break_item;
    if (break_item < items.size() && std::holds_alternative<Penalty>(items[break_item])) last = break_item + 1;
    last = std::min(last, items.size());
    return LineRange{std::min(start, last), last};
}

LineTotals line_totals(const std::vector<Item>& items, LineRange range, std::size_t break_item) {
    LineTotals t;
    const Box* first_box = nullptr;
    const Box* last_box = nullptr;
    const Penalty* hyphen = nullptr;
    for (std::size_t i = range.first; i < range.last; ++i) {
        if (const auto* box = std::get_if<Box>(&items[i])) {
            t.natural += box->width;
            t.letter_stretch += box->stretch;
            t.letter_shrink += box->shrink;
            t.scale_stretch += box->scale_stretch;
            t.scale_shrink += box->scale_shrink;
            if (first_box == nullptr) first_box = box;
            last_box = box;
        } else if (const auto* glue = std::get_if<Glue>(&items[i])) {
            t.natural += glue->width;
            t.stretch += glue->stretch;
            t.shrink += glue->shrink;
            t.stretch_fil += glue->stretch_fil;
        } else if (i == break_item) {
            const Penalty& p = std::get<Penalty>(items[i]);
            t.natural += p.width;
            t.scale_stretch += p.scale_stretch;
            t.scale_shrink += p.scale_shrink;
            if (p.width.sp > 0) hyphen = &p;
        }
    }
    if (first_box != nullptr) t.hang_left = first_box->hang_left;
    if (hyphen != nullptr) t.hang_right = hyphen->hang_right;
    else if (last_box != nullptr) t.hang_right = last_box->hang_right;
    return t;
}

}  // namespace quire::para
