#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace quire;

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

TEST_CASE("append_utf8 writes what decode_utf8 reads", "[utf8]") {
    std::string out;
    for (char32_t c : std::u32string(U"a\u00E9\u202F\U0001F600")) append_utf8(out, c);
    CHECK(out == "a\u00E9\u202F\U0001F600");
    std::string bad;
    append_utf8(bad, 0xD800);
    append_utf8(bad, 0x110000);
    CHECK(bad == "\uFFFD\uFFFD");
}
