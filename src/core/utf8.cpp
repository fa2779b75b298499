#include "core/utf8.hpp"

namespace quire {

std::vector<CodePoint> decode_utf8(std::string_view text) {
    std::vector<CodePoint> out;
    out.reserve(text.size());
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const std::size_t start = i;
        const unsigned char lead = s[i];
        int trail = 0;
        char32_t c = 0;
        char32_t minimum = 0;
        if (lead < 0x80) { c = lead; }
        else if ((lead & 0xE0) == 0xC0) { c = lead & 0x1F; trail = 1; minimum = 0x80; }
        else if ((lead & 0xF0) == 0xE0) { c = lead & 0x0F; trail = 2; minimum = 0x800; }
        else if ((lead & 0xF8) == 0xF0) { c = lead & 0x07; trail = 3; minimum = 0x10000; }
        else { out.push_back({replacement_character, start, start + 1}); ++i; continue; }
        bool ok = true;
        for (int k = 1; ok && k <= trail; ++k) {
            if (i + static_cast<std::size_t>(k) >= n || (s[i + k] & 0xC0) != 0x80) ok = false;
            else c = (c << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are malformed too.
        if (!ok || c < minimum || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
            out.push_back({replacement_character, start, start + 1});
            ++i;
            continue;
        }
        i += static_cast<std::size_t>(trail) + 1;
        out.push_back({c, start, i});
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = replacement_character;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace quire
