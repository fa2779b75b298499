#pragma once
// UTF-8 text as code points with their byte ranges: what input, shaping, font
// fallback, hyphenation and the PDF writer all need to walk. The project's one UTF-8
// decoder and encoder, over ICU's macros (unicode/utf8.h). Malformed bytes (a stray
// trail byte, a cut-off sequence, an overlong form, a surrogate, past U+10FFFF) come
// out as U+FFFD, one per byte, so a walk never stops or loops on bad input and every
// bad byte shows.
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

// The code point starting at byte `at` (< text.size()), moving `at` past it.
char32_t next_code_point(std::string_view text, std::size_t& at);

// The code point ending at byte `at` (> 0), moving `at` back to its start.
char32_t previous_code_point(std::string_view text, std::size_t& at);

std::vector<CodePoint> decode_utf8(std::string_view text);

std::size_t count_code_points(std::string_view text);

// Byte `at` moved back to the start of the character it falls inside, or forward to
// its end: where to cut text without splitting a character. A boundary (or the text's
// end) stays where it is.
std::size_t character_start(std::string_view text, std::size_t at);
std::size_t character_end(std::string_view text, std::size_t at);

// Appends `c` to `out` in UTF-8; a value that is no Unicode scalar (a surrogate, past
// U+10FFFF) appends U+FFFD, so what is written always decodes.
void append_utf8(std::string& out, char32_t c);

}  // namespace quire
