#include "page/ink_clearance.hpp"

#include <algorithm>

namespace quire::page {

namespace {

// A slice's ink, or the line's own reach where it has no profile.
Length top_at(const galley::Line& line, std::size_t bin) {
    const auto& top = line.ink_profile.top;
    return top.empty() ? line.ink_ascent : bin < top.size() ? top[bin] : Length{};
}

Length bottom_at(const galley::Line& line, std::size_t bin) {
    const auto& bottom = line.ink_profile.bottom;
    return bottom.empty() ? line.ink_descent : bin < bottom.size() ? bottom[bin] : Length{};
}

}  // namespace

Length ink_clearance(const galley::Line& above, const galley::Line& below) {
    if (above.ink_profile.top.empty() && below.ink_profile.top.empty()) return above.ink_descent + below.ink_ascent;
    const std::size_t bins = std::max(above.ink_profile.top.size(), below.ink_profile.top.size());
    Length clearance;
    for (std::size_t b = 0; b < bins; ++b) clearance = std::max(clearance, bottom_at(above, b) + top_at(below, b));
    return clearance;
}

}  // namespace quire::page
