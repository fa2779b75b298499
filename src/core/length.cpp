#include "core/length.hpp"

#include <charconv>
#include <cmath>

namespace quire {

Length Length::from_pt(double pt) {
    return Length{static_cast<std::int64_t>(std::llround(pt * sp_per_pt))};
}

Length Dimension::resolve(Length font_size, Length grid) const {
    if (in_lines) return Length{static_cast<std::int64_t>(std::llround(lines * static_cast<double>(grid.sp)))};
    if (!relative) return absolute;
    return Length{static_cast<std::int64_t>(std::llround(em * static_cast<double>(font_size.sp)))};
}

std::optional<Dimension> parse_dimension(std::string_view text, bool allow_em, bool allow_lines) {
    // Trim surrounding blanks: attribute values are often written with them.
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;

    double value = 0.0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (*first == '+') return std::nullopt;
    auto [end, ec] = std::from_chars(first, last, value, std::chars_format::fixed);
    if (ec != std::errc() || end == first || !std::isfinite(value)) return std::nullopt;
    std::string_view unit(end, static_cast<std::size_t>(last - end));

    double points_per_unit = 0.0;
    if (unit == "pt") points_per_unit = 1.0;
    else if (unit == "mm") points_per_unit = 72.0 / 25.4;
    else if (unit == "cm") points_per_unit = 72.0 / 2.54;
    else if (unit == "in") points_per_unit = 72.0;
    else if (unit == "pc") points_per_unit = 12.0;
    else if (unit == "em" && allow_em) {
        if (std::fabs(value) > 1000.0) return std::nullopt;
        Dimension d;
        d.relative = true;
        d.em = value;
        return d;
    } else if ((unit == "line" || unit == "lines") && allow_lines) {
        if (std::fabs(value) > 1000.0) return std::nullopt;
        Dimension d;
        d.in_lines = true;
        d.lines = value;
        return d;
    } else {
        return std::nullopt;
    }
    double pt = value * points_per_unit;
    // 16384 pt is TeX's \maxdimen, far beyond any page; refuse rather than overflow.
    if (std::fabs(pt) >= 16384.0) return std::nullopt;
    Dimension d;
    d.absolute = Length::from_pt(pt);
    return d;
}

std::string dimension_syntax_hint(bool allow_em, bool allow_lines) {
    if (allow_lines) {
        return "a number with a unit: pt, mm, cm, in, pc, em, or line(s) of the baseline grid (e.g. 6pt, 1em, 0.5line)";
    }
    return allow_em ? "a number with a unit: pt, mm, cm, in, pc or em (e.g. 10.5pt, 3mm, 1em)"
                    : "a number with a unit: pt, mm, cm, in or pc (e.g. 10.5pt, 3mm)";
}

}  // namespace quire
