#include "para/trace.hpp"

#include "para_test_items.hpp"

#include <catch2/catch.hpp>

using namespace quire::para;
using namespace quire::para::test;
using Catch::Matchers::Contains;

TEST_CASE("trace_breaks shows the feasible breaks and the chosen lines", "[para][trace]") {
    // The paragraph of "total fit beats first fit" (break_lines_test.cpp).
    const auto items = words({{12}, {36}, {12}, {12}, {12}, {36}, {36}, {24}});
    const std::string trace = trace_breaks(items, BreakParams{}, pt(100), [&](std::size_t i) -> std::string {
        return std::holds_alternative<Box>(items[i]) ? "w" + std::to_string(i) + " " : "";
    });
    // Pass 1 finds nothing within pretolerance 100; pass 2 does.
    CHECK_THAT(trace, Contains("@firstpass\n"));
    CHECK_THAT(trace, Contains("@secondpass\n"));
    CHECK_THAT(trace, Contains("@ item 7 glue via @@0 b=137 p=0 d=31609\n"));
    CHECK_THAT(trace, Contains("@ item 17 penalty via @@3 b=0 p=-10000 d=100\n@@4: line 3.2 t=33309 -> @@3\n"));
    CHECK_THAT(trace, Contains("@chosen pass 2, 3 lines, total demerits 33309\n"));
    CHECK_THAT(trace, Contains("line 2: break at item 13 glue r=0.667 b=30 loose d=1600\n"));
    CHECK_THAT(trace, Contains("w0 w2 w4 w6 \n"));  // the paragraph text echoed between breaks
}

TEST_CASE("trace marks overfull lines and last-resort breaks", "[para][trace]") {
    const auto items = words({{50}, {150}, {30}});
    const std::string trace = trace_breaks(items, BreakParams{}, pt(100));
    CHECK_THAT(trace, Contains("@ item 3 glue via @@0 b=* p=0 d=*\n"));
    CHECK_THAT(trace, Contains("(no acceptable break) OVERFULL by 104.00pt"));
}
