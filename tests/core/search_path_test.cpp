// Issue 21: a search path is the variable's entries, then the standard places.
#include "core/search_path.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace quire;

TEST_CASE("a search path puts the variable's colon-separated entries before the standard places", "[core]") {
    ::setenv("QUIRE_TEST_SEARCH_PATH", ":/one::/two:", 1);
    const SearchPath path = search_path("QUIRE_TEST_SEARCH_PATH", {"/std/a", "/std/b"});
    ::unsetenv("QUIRE_TEST_SEARCH_PATH");
    CHECK(path.variable == "QUIRE_TEST_SEARCH_PATH");
    CHECK(path.places == std::vector<std::string>{"/one", "/two", "/std/a", "/std/b"});
    CHECK(path.listed() == "/one, /two, /std/a, /std/b");
    CHECK(search_path("QUIRE_TEST_SEARCH_PATH", {"/std/a"}).places == std::vector<std::string>{"/std/a"});
}

TEST_CASE("first_file takes the first place that is a regular file", "[core]") {
    CHECK(first_file({{"/nonexistent/file", "/", QUIRE_SOURCE_DIR "/LICENSE", "/etc/hostname"}, "X"}) ==
          QUIRE_SOURCE_DIR "/LICENSE");
    CHECK(first_file({{"/nonexistent/file", "/"}, "X"}).empty());
}
