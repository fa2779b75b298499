#include "para/line_widths.hpp"

#include <cassert>
#include <utility>

namespace quire::para {

LineWidths::LineWidths(Length every_line) : per_line_{every_line}, constant_from_(0) {}

LineWidths::LineWidths(std::vector<Length> per_line) : per_line_(std::move(per_line)) {
    assert(!per_line_.empty() && "LineWidths needs at least one width");
    if (per_line_.empty()) per_line_.push_back(Length{});
    // The smallest k after which the list only repeats its last entry.
    std::size_t k = per_line_.size() - 1;
    while (k > 0 && per_line_[k - 1] == per_line_.back()) --k;
    constant_from_ = static_cast<int>(k);
}

LineWidths LineWidths::from_function(std::function<Length(int)> width_of_line, int constant_from) {
    assert(width_of_line);
    LineWidths widths;
    widths.function_ = std::move(width_of_line);
    widths.constant_from_ = constant_from < 0 ? 0 : constant_from;
    return widths;
}

Length LineWidths::operator()(int line) const {
    if (line < 0) line = 0;
    if (function_) return function_(line);
    std::size_t k = static_cast<std::size_t>(line);
    return per_line_[k < per_line_.size() ? k : per_line_.size() - 1];
}

}  // namespace quire::para
