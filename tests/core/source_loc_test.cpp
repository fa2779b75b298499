// Interned paths (issue 19): one copy of each path's text, compared by identity.
#include "core/source_loc.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace quire;

TEST_CASE("a path interned twice is the same path, whatever it was made from", "[core]") {
    const std::string text = "issues/x/articles/a.xml";
    const SourcePath a(text);
    const SourcePath b("issues/x/articles/a.xml");
    const SourcePath c(std::string_view(text).substr(0, 8));  // "issues/x"
    CHECK(a == b);
    CHECK(&a.str() == &b.str());  // one copy of the text
    CHECK(!(a == c));
    CHECK(c.str() == "issues/x");
    CHECK(a.str() == text);
    CHECK(a.size() == text.size());
}

TEST_CASE("an empty path is empty, and a SourceLoc copies its path as a pointer", "[core]") {
    const SourceLoc none;
    CHECK(none.file.empty());
    CHECK(none.file == SourcePath(""));
    const SourceLoc loc{"layouts/review.xml", 3, 7};
    const SourceLoc copy = loc;
    CHECK(&copy.file.str() == &loc.file.str());
    std::ostringstream out;
    out << loc.file << ':' << loc.line;
    CHECK(out.str() == "layouts/review.xml:3");
    static_assert(sizeof(SourceLoc) <= 16, "a location is a pointer and two ints");
}
