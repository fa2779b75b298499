#include "core/utf8.hpp"

#include <unicode/utf8.h>

#include <cassert>
#include <cstdint>

namespace quire {

namespace {

const std::uint8_t* bytes(std::string_view text) { return reinterpret_cast<const std::uint8_t*>(text.data()); }

// ICU's offsets are int32_t: texts past 2 GB are refused long before they get here
// (input/file_limits.hpp).
std::int32_t offset(std::size_t at) { return static_cast<std::int32_t>(at); }

}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& at) {
    assert(at < text.size());
    const std::size_t start = at;
    UChar32 c = 0;
    U8_NEXT(bytes(text), at, text.size(), c);
    if (c >= 0) return static_cast<char32_t>(c);
    // ICU skips an ill-formed sequence's maximal part at once; one U+FFFD a byte keeps
    // each bad byte visible and the byte ranges simple.
    at = start + 1;
    return replacement_character;
}

char32_t previous_code_point(std::string_view text, std::size_t& at) {
    assert(at > 0 && at <= text.size());
    const std::size_t end = at;
    std::int32_t i = offset(at);
    UChar32 c = 0;
    U8_PREV(bytes(text), 0, i, c);
    if (c >= 0) {
        at = static_cast<std::size_t>(i);
        return static_cast<char32_t>(c);
    }
    at = end - 1;
    return replacement_character;
}

std::vector<CodePoint> decode_utf8(std::string_view text) {
    std::vector<CodePoint> out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t begin = at;
        const char32_t c = next_code_point(text, at);
        out.push_back({c, begin, at});
    }
    return out;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t at = 0; at < text.size(); ++n) next_code_point(text, at);
    return n;
}

std::size_t character_start(std::string_view text, std::size_t at) {
    if (at >= text.size()) return at;
    std::int32_t i = offset(at);
    U8_SET_CP_START(bytes(text), 0, i);
    return static_cast<std::size_t>(i);
}

std::size_t character_end(std::string_view text, std::size_t at) {
    if (at >= text.size()) return at;
    std::int32_t i = offset(at);
    U8_SET_CP_LIMIT(bytes(text), 0, i, offset(text.size()));
    return static_cast<std::size_t>(i);
}

void append_utf8(std::string& out, char32_t c) {
    if (U8_LENGTH(c) == 0) c = replacement_character;  // a surrogate or past U+10FFFF
    char buffer[U8_MAX_LENGTH];
    std::size_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, c);
    out.append(buffer, n);
}

}  // namespace quire
