#pragma once
// A test issue built by the real binary in a given layout, once per test run: the
// golden tests ask many questions of one build.
#include "tool_run.hpp"

#include <map>
#include <string>
#include <utility>

namespace quire::test {

struct BuiltIssue {
    ScratchDir dir;
    std::string pdf;
    ToolResult run;
};

// `manifest` built with `--layout layout` into a scratch directory (SOURCE_DATE_EPOCH=0).
inline const BuiltIssue& built_issue(const std::string& manifest, const std::string& layout) {
    static std::map<std::pair<std::string, std::string>, BuiltIssue> cache;
    BuiltIssue& b = cache[{manifest, layout}];
    if (b.pdf.empty()) {
        b.pdf = b.dir.file("issue.pdf");
        b.run = run_tool("env SOURCE_DATE_EPOCH=0 " + quire::test::quoted(QUIRE_BINARY) + " build " + quire::test::quoted(manifest) + " --layout " +
                         quire::test::quoted(layout) + " -o " + quire::test::quoted(b.pdf));
    }
    return b;
}

}  // namespace quire::test
