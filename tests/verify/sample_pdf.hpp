#pragma once
// Issues as quire writes them for the archive (PDF/A-2a and PDF/UA-1, tagged), each
// built once per test program, for the tests that check them or break a copy of them.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

namespace quire::test {

// The PDF quire builds from the issue `manifest` (a path from the project root).
inline const std::string& issue_pdf(const std::string& manifest) {
    static ScratchDir dir;
    static std::map<std::string, std::string> built;
    if (const auto at = built.find(manifest); at != built.end()) return at->second;
    const std::string out = dir.file("issue-" + std::to_string(built.size()) + ".pdf");
    const ToolResult r = run_tool("env SOURCE_DATE_EPOCH=0 " + quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " -o " + quoted(out));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return built.emplace(manifest, out).first->second;
}

// The sample issue: a cover, contents, figures with credits, headings, links.
inline const std::string& sample_pdf() { return issue_pdf("issues/2025-spring/issue.xml"); }

// The features test issue: notes, lists of two levels, quotations, a table, links.
inline const std::string& features_pdf() { return issue_pdf("tests/golden/features-issue/issue.xml"); }

// The notes test issue: long notes split across columns and pages.
inline const std::string& notes_pdf() { return issue_pdf("tests/golden/notes-issue/issue.xml"); }

}  // namespace quire::test
