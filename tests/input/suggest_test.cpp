// Suggestions for a wrong name: by meaning first (an element of HTML or a word
// processor's export), where the article format allows the meant element; else by spelling.
#include "input/suggest.hpp"

#include <catch2/catch.hpp>

using namespace quire::input;

namespace {
const std::vector<std::string> inline_elements{"a", "br", "em", "span", "strong"};
const std::vector<std::string> body_today{"figure", "h2", "h3", "p", "pullquote"};
const std::vector<std::string> body_with_blocks{"figure", "h2", "h3", "list", "p", "pullquote", "quote", "table"};
}  // namespace

TEST_CASE("elements are suggested by meaning", "[suggest]") {
    CHECK(suggest_element("i", inline_elements) == "; did you mean <em>?");
    CHECK(suggest_element("I", inline_elements) == "; did you mean <em>?");
    CHECK(suggest_element("b", inline_elements) == "; did you mean <strong>?");
    CHECK(suggest_element("ul", body_with_blocks) == "; did you mean <list>?");
    CHECK(suggest_element("ol", body_with_blocks) == "; did you mean <list>?");
    CHECK(suggest_element("li", {"item", "list"}) == "; did you mean <item>?");
    CHECK(suggest_element("li", body_with_blocks) == "; did you mean <list>?");
    CHECK(suggest_element("blockquote", body_with_blocks) == "; did you mean <quote>?");
    CHECK(suggest_element("aside", body_with_blocks) == "; did you mean <pullquote>?");
    CHECK(suggest_element("h1", body_today) == "; did you mean <h2>?");
    CHECK(suggest_element("h4", body_today) == "; did you mean <h3>?");
    for (const char* note : {"footnote", "endnote", "fn"}) {
        CHECK(suggest_element(note, {"a", "em", "note"}) == "; did you mean <note>?");
    }
    CHECK(suggest_element("lang", inline_elements) == "; did you mean <span>?");
    CHECK(suggest_element("acronym", {"abbr", "em"}) == "; did you mean <abbr>?");
    CHECK(suggest_element("tr", {"caption", "column", "row"}) == "; did you mean <row>?");
    CHECK(suggest_element("thead", {"caption", "column", "row"}) == "; did you mean <row>?");
    CHECK(suggest_element("td", {"cell"}) == "; did you mean <cell>?");
    CHECK(suggest_element("th", {"cell"}) == "; did you mean <cell>?");
}

TEST_CASE("a meaning not allowed here falls back to spelling", "[suggest]") {
    // Before the format had lists, and where a note may not stand.
    CHECK(suggest_element("ul", body_today) == "; expected <figure>, <h2>, <h3>, <p>, <pullquote>");
    CHECK(suggest_element("footnote", inline_elements) == "; expected <a>, <br>, <em>, <span>, <strong>");
    CHECK(suggest_element("i", body_today) == "; expected <figure>, <h2>, <h3>, <p>, <pullquote>");
    CHECK(suggest_element("strnog", inline_elements) == "; did you mean <strong>?");
    CHECK(suggest_element("subtitel", {"byline", "subtitle", "title"}) == "; did you mean <subtitle>?");
}

TEST_CASE("a name with every letter replaced is no typo", "[suggest]") {
    CHECK_FALSE(close_in_spelling("i", "a"));
    CHECK_FALSE(close_in_spelling("ul", "h2"));
    CHECK_FALSE(close_in_spelling("ul", "p"));
    CHECK(close_in_spelling("h4", "h3"));
    CHECK(close_in_spelling("strog", "strong"));
    CHECK(did_you_mean("x", {"a", "b"}, "known:") == "; known: 'a', 'b'");
}
