#pragma once
// The sample issue as quire writes it for the archive (PDF/A-2u), built once per test
// program, for the tests that break a copy of it.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace quire::test {

inline const std::string& sample_pdf() {
    static ScratchDir dir;
    static const std::string pdf = [] {
        const std::string out = dir.file("sample.pdf");
        const ToolResult r = run_tool("env SOURCE_DATE_EPOCH=0 " + quoted(QUIRE_BINARY) +
                                      " build issues/2025-spring/issue.xml -o " + quoted(out));
        REQUIRE(r.exit_code == 0);
        return out;
    }();
    return pdf;
}

}  // namespace quire::test
