#include "pdf/number_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace quire::pdf {

namespace {

// Powers of ten up to 10^6 are exact doubles, as pow's are: the same scale, without
// a pow call for every number of every content stream.
constexpr double exact[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

double scale_of(int decimals) {
    return decimals >= 0 && decimals <= 6 ? exact[decimals] : std::pow(10.0, decimals);
}

// The general path: std::to_chars ignores the locale, unlike printf and iostreams.
void append_by_to_chars(std::string& out, double rounded, int max_decimals) {
    char buffer[400];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, max_decimals);
    if (ec != std::errc()) {
        out += '0';
        return;
    }
    char* last = end;
    for (const char* p = buffer; p != end; ++p) {
        if (*p != '.') continue;
        while (last[-1] == '0') --last;
        if (last[-1] == '.') --last;
        break;
    }
    if (last - buffer == 2 && buffer[0] == '-' && buffer[1] == '0') {
        out += '0';
        return;
    }
    out.append(buffer, last);
}

}  // namespace

double round_to_decimals(double value, int decimals) {
    const double scale = scale_of(decimals);
    return std::round(value * scale) / scale;
}

void append_number(std::string& out, double value, int max_decimals) {
    // The written number is round(value * 10^d) / 10^d: for the integer n =
    // round(value * 10^d) well inside a double's exact integers, the double nearest n /
    // 10^d prints (correctly rounded to d decimals, as to_chars does) as n's digits
    // with a point put in, so integer arithmetic writes the same bytes, faster.
    const double scaled = std::round(value * scale_of(max_decimals));
    if (max_decimals < 0 || max_decimals > 6 || !(std::fabs(scaled) < 1e15)) {
        append_by_to_chars(out, round_to_decimals(value, max_decimals), max_decimals);
        return;
    }
    std::int64_t n = static_cast<std::int64_t>(scaled);
    if (n == 0) {
        out += '0';  // never "-0"
        return;
    }
    char buffer[32];
    char* end = buffer + sizeof buffer;
    char* p = end;
    const bool negative = n < 0;
    std::uint64_t u = negative ? static_cast<std::uint64_t>(-n) : static_cast<std::uint64_t>(n);
    int decimals = max_decimals;
    while (decimals > 0 && u % 10 == 0) {  // trailing zeros of the fraction are left out
        u /= 10;
        --decimals;
    }
    for (int k = 0; k < decimals; ++k) {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
    }
    if (decimals > 0) *--p = '.';
    do {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (negative) *--p = '-';
    out.append(p, end);
}

std::string format_number(double value, int max_decimals) {
    std::string text;
    append_number(text, value, max_decimals);
    return text;
}

}  // namespace quire::pdf
