#pragma once
// The long test issue in a scratch project of its own (layouts/, fonts/ and the issue
// copied in) whose Review layout gains a <flow> element: for the tests of the flow
// options, which must not edit the project's own layout.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace quire::test {

// Copies the project and inserts `flow` (e.g. `<flow article-start="column"/>`) before
// the layout's <fonts>. Returns the copied manifest's path.
inline std::string long_issue_with_flow(const ScratchDir& dir, const std::string& flow) {
    namespace fs = std::filesystem;
    copy_project(dir, {"tests/golden/long-issue"});
    const std::string layout = dir.file("layouts/review.xml");
    std::string text = read_bytes(layout);
    const std::string fonts = "<fonts fallback";
    REQUIRE(text.find(fonts) != std::string::npos);
    text.replace(text.find(fonts), fonts.size(), flow + "\n  " + fonts);
    std::ofstream(layout, std::ios::binary | std::ios::trunc) << text;
    return dir.file("tests/golden/long-issue/issue.xml");
}

}  // namespace quire::test
