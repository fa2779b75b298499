#pragma once
// UTF-8 text as code points with their byte ranges: what shaping, font fallback and
// hyphenation all need to walk. Malformed bytes come out as U+FFFD, one per byte, so
// a walk never stops or loops on bad input.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct CodePoint {
    char32_t value;
    std::size_t begin, end;  // bytes [begin, end) in the text
};

inline constexpr char32_t replacement_character = 0xFFFD;

std::vector<CodePoint> decode_utf8(std::string_view text);

// Appends `c` to `out` in UTF-8; a value that is no Unicode scalar (a surrogate, past
// U+10FFFF) appends U+FFFD, so what is written always decodes.
void append_utf8(std::string& out, char32_t c);

}  // namespace quire
