#include "pdf/number_format.hpp"

#include <charconv>
#include <cmath>

namespace quire::pdf {

double round_to_decimals(double value, int decimals) {
    // Powers of ten up to 10^6 are exact doubles, as pow's are: the same scale, without
    // a pow call for every number of every content stream.
    static constexpr double exact[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    const double scale = decimals >= 0 && decimals <= 6 ? exact[decimals] : std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

std::string format_number(double value, int max_decimals) {
    value = round_to_decimals(value, max_decimals);
    char buffer[64];
    // std::to_chars ignores the locale, unlike printf and iostreams.
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, max_decimals);
    if (ec != std::errc()) return "0";
    std::string text(buffer, end);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return text;
}

}  // namespace quire::pdf
