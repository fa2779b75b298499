#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace quire;

namespace {

std::u32string values_of(std::string_view text) {
    std::u32string values;
    for (const CodePoint& cp : decode_utf8(text)) values += cp.value;
    return values;
}

}  // namespace

TEST_CASE("UTF-8 decodes to code points with byte ranges", "[utf8]") {
    auto cps = decode_utf8("a’é😀");
    REQUIRE(cps.size() == 4);
    CHECK(cps[0].value == U'a');
    CHECK(cps[1].value == U'’');
    CHECK(cps[1].begin == 1);
    CHECK(cps[1].end == 4);
    CHECK(cps[2].value == U'é');
    CHECK(cps[3].value == U'😀');
    CHECK(cps[3].end == 10);
    // The edges of each length, and the last scalar.
    CHECK(values_of("\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF") ==
          U"\u007F\u0080\u07FF\u0800\uFFFF\U00010000\U0010FFFF");
}

TEST_CASE("malformed UTF-8 becomes U+FFFD a byte at a time", "[utf8]") {
    // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
    auto cps = decode_utf8(std::string_view("\x80x\xE2\x80\xC0\xAF\xED\xA0\x80", 9));
    std::u32string values;
    for (const CodePoint& cp : cps) values += cp.value;
    CHECK(values == U"\uFFFDx\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
    CHECK(cps.back().end == 9);
    CHECK(decode_utf8("").empty());
}

TEST_CASE("overlong forms, surrogates and values past U+10FFFF are refused", "[utf8]") {
    CHECK(values_of("\xC1\xBF") == U"\uFFFD\uFFFD");                  // overlong U+007F
    CHECK(values_of("\xE0\x9F\xBF") == U"\uFFFD\uFFFD\uFFFD");        // overlong U+07FF
    CHECK(values_of("\xF0\x8F\xBF\xBF") == U"\uFFFD\uFFFD\uFFFD\uFFFD");  // overlong U+FFFF
    CHECK(values_of("\xED\xBF\xBF") == U"\uFFFD\uFFFD\uFFFD");        // surrogate U+DFFF
    CHECK(values_of("\xED\x9F\xBF") == U"\uD7FF");                    // ...but the scalar before them decodes
    CHECK(values_of("\xF4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD");  // U+110000
    CHECK(values_of("\xF5\xFE\xFF") == U"\uFFFD\uFFFD\uFFFD");         // bytes UTF-8 never uses
    // A sequence cut off by the text's end, and one cut off by an ASCII byte.
    CHECK(values_of("a\xF0\x9F\x98") == U"a\uFFFD\uFFFD\uFFFD");
    CHECK(values_of("\xE2\x80" "b") == U"\uFFFD\uFFFDb");
}

TEST_CASE("a walk forward and back finds the same code points", "[utf8]") {
    const std::string_view text = "a\xC3\xA9\x80\xF0\x9F\x98\x80";  // a, é, a stray byte, 😀
    std::size_t at = 0;
    CHECK(next_code_point(text, at) == U'a');
    CHECK(next_code_point(text, at) == U'é');
    CHECK(at == 3);
    CHECK(next_code_point(text, at) == replacement_character);
    CHECK(at == 4);
    CHECK(next_code_point(text, at) == U'😀');
    CHECK(at == text.size());
    CHECK(previous_code_point(text, at) == U'😀');
    CHECK(at == 4);
    CHECK(previous_code_point(text, at) == replacement_character);
    CHECK(at == 3);
    CHECK(previous_code_point(text, at) == U'é');
    CHECK(at == 1);
    CHECK(count_code_points(text) == 4);
    CHECK(count_code_points("") == 0);
}

TEST_CASE("cuts move to character boundaries", "[utf8]") {
    const std::string_view text = "x\xE2\x80\x94y";  // x, em dash, y
    CHECK(character_start(text, 2) == 1);
    CHECK(character_start(text, 3) == 1);
    CHECK(character_start(text, 4) == 4);
    CHECK(character_end(text, 2) == 4);
    CHECK(character_end(text, 3) == 4);
    CHECK(character_end(text, 1) == 1);
    CHECK(character_end(text, 5) == 5);
}

TEST_CASE("append_utf8 writes what decode_utf8 reads", "[utf8]") {
    std::string out;
    for (char32_t c : std::u32string(U"a\u00E9\u202F\U0001F600\U0010FFFF")) append_utf8(out, c);
    CHECK(out == "a\u00E9\u202F\U0001F600\U0010FFFF");
    CHECK(values_of(out) == U"a\u00E9\u202F\U0001F600\U0010FFFF");
    std::string bad;
    append_utf8(bad, 0xD800);
    append_utf8(bad, 0x110000);
    CHECK(bad == "\uFFFD\uFFFD");
}
