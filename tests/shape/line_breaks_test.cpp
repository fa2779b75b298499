#include "shape/line_breaks.hpp"

#include <catch2/catch.hpp>

using namespace quire::shape;

namespace {

// The text cut at its break opportunities; a mandatory one is marked with "!".
std::vector<std::string> pieces(BreakFinder& finder, const std::string& text, const char* language = "en-GB") {
    std::vector<std::string> out;
    std::size_t prev = 0;
    for (const BreakOpportunity& b : finder.find(text, language)) {
        out.push_back(text.substr(prev, b.offset - prev) + (b.kind == BreakKind::mandatory ? "!" : ""));
        prev = b.offset;
    }
    return out;
}

}  // namespace

TEST_CASE("line breaks follow UAX #14 around dashes, hyphens and URLs", "[shape][linebreak]") {
    BreakFinder finder;
    // UAX 14 would also break before the em dash; a dash set close stays with its word.
    CHECK(pieces(finder, "A dash\u2014then a well-known URL https://www.example.com/a/b here.") ==
          std::vector<std::string>{"A ", "dash\u2014", "then ", "a ", "well-", "known ", "URL ", "https://",
                                   "www.example.com/", "a/", "b ", "here."});
    // At a paragraph's end too ("as if to myself\u2014"), and a spaced dash still breaks.
    CHECK(pieces(finder, "to myself\u2014") == std::vector<std::string>{"to ", "myself\u2014"});
    CHECK(pieces(finder, "one \u2014 two") == std::vector<std::string>{"one ", "\u2014 ", "two"});
}

TEST_CASE("spaces stay with the word before them and some breaks are forbidden", "[shape][linebreak]") {
    BreakFinder finder;
    // No break before "!" nor inside "(see", nor at a no-break space.
    CHECK(pieces(finder, "word ! (see p.\u00A012)") == std::vector<std::string>{"word ! ", "(see ", "p.\u00A012)"});
}

TEST_CASE("a newline is a mandatory break; the text end is always reported", "[shape][linebreak]") {
    BreakFinder finder;
    CHECK(pieces(finder, "one\ntwo") == std::vector<std::string>{"one\n!", "two"});
    const auto breaks = finder.find("abc", "en-US");
    REQUIRE(breaks.size() == 1);
    CHECK(breaks[0].offset == 3);
    CHECK(finder.find("", "en").empty());
    // Offsets are bytes into the UTF-8 text.
    CHECK(finder.find("\u00E9t\u00E9 ici", "fr")[0].offset == 6);
}
