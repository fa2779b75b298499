#pragma once
// Hand-built paragraphs for the line breaker tests, in whole points.
#include "para/break_lines.hpp"
#include "para/item.hpp"
#include "para/item_builders.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace quire::para::test {

inline Length pt(std::int64_t points) { return Length::from_sp(points * Length::sp_per_pt); }

// Justified words separated by glue(space, stretch, shrink); a word given as several
// fragments has a hyphenation point (hyphen `hyphen` pt wide, penalty 50) between
// them. Ends with finish_paragraph. Item k of the result is laid out as the
// comments in the tests show: fragments and spaces alternate from index 0.
inline std::vector<Item> words(const std::vector<std::vector<int>>& fragments, int space = 6, int stretch = 3,
                               int shrink = 2, int hyphen = 4) {
    std::vector<Item> items;
    for (std::size_t w = 0; w < fragments.size(); ++w) {
        if (w > 0) add_space(items, pt(space), pt(stretch), pt(shrink));
        for (std::size_t f = 0; f < fragments[w].size(); ++f) {
            if (f > 0) add_hyphenation_point(items, pt(hyphen));
            add_box(items, pt(fragments[w][f]), static_cast<std::uint32_t>(w));
        }
    }
    finish_paragraph(items);
    return items;
}

inline std::vector<std::size_t> break_items(const BreakResult& r) {
    std::vector<std::size_t> out;
    for (const Break& b : r.breaks) out.push_back(b.item);
    return out;
}

inline BreakParams tex_params() { return BreakParams{}; }

}  // namespace quire::para::test
