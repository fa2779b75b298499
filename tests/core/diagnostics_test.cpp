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
    std::ostringstream out;
    print_diagnostics(out, sink);
    CHECK(out.str() == "f:1:1: warning: w\nf:2:1: error: e1\nf:1:1: error: e2\n");
}
