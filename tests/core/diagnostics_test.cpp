#include "core/diagnostics.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace quire;

TEST_CASE("diagnostics print GCC style", "[diagnostics]") {
    CHECK(format_diagnostic({Severity::error, {"a/b.xml", 3, 7}, "bad"}) == "a/b.xml:3:7: error: bad");
    CHECK(format_diagnostic({Severity::warning, {"a.xml", 3, 0}, "w"}) == "a.xml:3: warning: w");
    CHECK(format_diagnostic({Severity::note, {"a.xml", 0, 0}, "n"}) == "a.xml: note: n");
    CHECK(format_diagnostic({Severity::error, {"", 0, 0}, "usage"}) == "quire: error: usage");
}

TEST_CASE("the sink counts errors, keeps order and drops exact repeats", "[diagnostics]") {
    DiagnosticSink sink;
    sink.warning({"f", 1, 1}, "w");
    sink.error({"f", 2, 1}, "e1");
    sink.error({"f", 2, 1}, "e1");
    sink.error({"f", 1, 1}, "e2");
    CHECK(sink.error_count() == 2);
    REQUIRE(sink.all().size() == 3);
    CHECK(sink.all()[1].message == "e1");
    CHECK(sink.all()[2].message == "e2");
}

TEST_CASE("diagnostics print in reading order: files as first met, then line and column", "[diagnostics]") {
    DiagnosticSink sink;
    sink.error({"issue.xml", 9, 3}, "late in the manifest");
    sink.error({"b.xml", 8, 40}, "schema error");
    sink.error({"b.xml", 2, 5}, "style error, found after the schema's");
    sink.error({"issue.xml", 4, 1}, "early in the manifest");
    sink.note({"issue.xml", 1, 1}, "note of the one before");
    sink.error({"b.xml", 8, 12}, "same line, earlier column");
    sink.warning({"b.xml", 2, 5}, "same place: kept in the order reported");
    std::ostringstream out;
    print_diagnostics(out, sink);
    CHECK(out.str() ==
          "issue.xml:4:1: error: early in the manifest\n"
          "issue.xml:1:1: note: note of the one before\n"
          "issue.xml:9:3: error: late in the manifest\n"
          "b.xml:2:5: error: style error, found after the schema's\n"
          "b.xml:2:5: warning: same place: kept in the order reported\n"
          "b.xml:8:12: error: same line, earlier column\n"
          "b.xml:8:40: error: schema error\n");
}
