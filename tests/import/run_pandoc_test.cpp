// Which pandoc reader a file gets, by its extension.
#include "import/run_pandoc.hpp"

#include <catch2/catch.hpp>

using quire::import::pandoc_format;

TEST_CASE("file extensions choose pandoc's reader, and Markdown is read with smart punctuation", "[import]") {
    CHECK(pandoc_format("a/b.docx") == "docx");
    CHECK(pandoc_format("B.ODT") == "odt");
    CHECK(pandoc_format("x.md") == "markdown+smart");
    CHECK(pandoc_format("x.markdown") == "markdown+smart");
    CHECK(pandoc_format("x.html") == "html");
    CHECK(pandoc_format("x.htm") == "html");
    CHECK(pandoc_format("x.rtf").empty());
    CHECK(pandoc_format("md").empty());
}
