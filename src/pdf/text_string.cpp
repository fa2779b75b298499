#include "pdf/text_string.hpp"

#include "core/utf8.hpp"

#include <unicode/utf16.h>

namespace quire::pdf {

std::string utf16be(std::string_view utf8) {
    std::string out;
    auto put = [&out](unsigned unit) {
        out.push_back(static_cast<char>(unit >> 8));
        out.push_back(static_cast<char>(unit & 0xFF));
    };
    for (const CodePoint& cp : decode_utf8(utf8)) {
        const auto c = static_cast<UChar32>(cp.value);
        if (U_IS_BMP(c)) {
            put(static_cast<unsigned>(c));
        } else {
            put(U16_LEAD(c));
            put(U16_TRAIL(c));
        }
    }
    return out;
}

std::string hex(std::string_view bytes) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out;
}

PoDoFo::PdfString text_string(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b > 0x7E) { ascii = false; break; }
    }
    if (ascii) return PoDoFo::PdfString(std::string(utf8));
    // PoDoFo treats bytes starting with FE FF as UTF-16BE and writes them unchanged.
    std::string bytes = "\xFE\xFF" + utf16be(utf8);
    return PoDoFo::PdfString(bytes.data(), static_cast<PoDoFo::pdf_long>(bytes.size()), true);
}

}  // namespace quire::pdf
