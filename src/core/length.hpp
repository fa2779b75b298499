#pragma once
// Lengths for layout arithmetic: integer scaled points (1/65536 pt, as TeX), so that
// the same input always gives the same positions. Only pdf/ turns them into decimals.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quire {

struct Length {
    std::int64_t sp = 0;  // scaled points: 65536 sp = 1 pt (1/72 in)

    static constexpr std::int64_t sp_per_pt = 65536;
    static constexpr Length from_sp(std::int64_t v) { return Length{v}; }
    static Length from_pt(double pt);
    double pt() const { return static_cast<double>(sp) / sp_per_pt; }

    friend constexpr Length operator+(Length a, Length b) { return {a.sp + b.sp}; }
    friend constexpr Length operator-(Length a, Length b) { return {a.sp - b.sp}; }
    friend constexpr Length operator-(Length a) { return {-a.sp}; }
    friend constexpr Length operator*(Length a, std::int64_t k) { return {a.sp * k}; }
    friend constexpr Length operator*(std::int64_t k, Length a) { return {a.sp * k}; }
    friend constexpr Length operator/(Length a, std::int64_t k) { return {a.sp / k}; }
    Length& operator+=(Length o) { sp += o.sp; return *this; }
    Length& operator-=(Length o) { sp -= o.sp; return *this; }
    friend constexpr auto operator<=>(Length, Length) = default;
};

// a * b / c, truncated toward zero, with the product in 128 bits where 64 would
// overflow: the 64-bit path for every real length, as this runs per glyph and per line
// tried and a 128-bit division is a library call. c != 0.
inline std::int64_t mul_div(std::int64_t a, std::int64_t b, std::int64_t c) {
    if (std::int64_t product = 0; !__builtin_mul_overflow(a, b, &product)) return product / c;
    __extension__ using Wide = __int128;
    return static_cast<std::int64_t>(static_cast<Wide>(a) * b / c);
}

// A length as a designer writes it: absolute ("10.5pt", "3mm") or relative to the
// font size ("1em"); em lengths are resolved once the size is known.
struct Dimension {
    Length absolute;      // used when !relative and !in_lines
    double em = 0.0;      // used when relative
    bool relative = false;
    double lines = 0.0;   // used when in_lines: lines of the baseline grid
    bool in_lines = false;

    // `grid` is the baseline grid's step, for lengths in lines.
    Length resolve(Length font_size, Length grid = {}) const;
};

// Parses "<number><unit>" with unit pt, mm, cm, in, pc (and em when allow_em; line or
// lines, of the baseline grid, when allow_lines: "1line", "0.5line", "1.5lines").
// Numbers are read locale-independently. Returns nullopt on anything else.
std::optional<Dimension> parse_dimension(std::string_view text, bool allow_em = true, bool allow_lines = false);

// What parse_dimension accepts, for error messages.
std::string dimension_syntax_hint(bool allow_em = true, bool allow_lines = false);

}  // namespace quire
