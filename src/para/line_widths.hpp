#pragma once
// The measure of each line of a paragraph, so a drop cap, a hanging indent or a
// runaround can narrow some lines (TeX's \parshape, §847-848).
// Lines are numbered from 0 (the paragraph's first line).
#include "core/length.hpp"

#include <climits>
#include <functional>
#include <vector>

namespace quire::para {

class LineWidths {
public:
    // No line number after which widths are known to be constant.
    static constexpr int unbounded = INT_MAX;

    // Every line the same width.
    LineWidths(Length every_line);  // NOLINT: implicit on purpose, the common case

    // Line k has width per_line[min(k, size-1)]: the last entry repeats.
    // Must not be empty.
    explicit LineWidths(std::vector<Length> per_line);

    // Line k has width width_of_line(k). `constant_from`, if known, is a line number
    // from which every line has the same width; it lets the breaker merge otherwise
    // equal choices (TeX's easy_line, §848). Leave it unbounded when unsure: the
    // result is the same, only slower.
    static LineWidths from_function(std::function<Length(int)> width_of_line,
                                    int constant_from = unbounded);

    Length operator()(int line) const;

    // Every line numbered >= constant_from() has the width of line constant_from().
    int constant_from() const { return constant_from_; }

private:
    LineWidths() = default;
    std::vector<Length> per_line_;
    std::function<Length(int)> function_;
    int constant_from_ = 0;
};

}  // namespace quire::para
