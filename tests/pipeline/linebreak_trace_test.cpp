// `quire build --debug=linebreak`: a \tracingparagraphs-style trace on stderr for every
// paragraph of every article, so a designer can see why each one broke as it did.
// Runs the real binary on the sample issue.
#include "input/issue_reader.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace quire;
using namespace quire::test;

namespace {

const std::string sample = "issues/2025-spring/issue.xml";

// The trace's header for each paragraph, per the article's own source locations.
std::vector<std::string> expected_headers() {
    DiagnosticSink sink;
    auto issue = input::read_issue(sample, {}, sink);
    REQUIRE(issue);
    std::vector<std::string> headers;
    for (const model::Article& article : issue->articles) {
        for (const model::Block& block : article.body) {
            const model::TextBlock* text = nullptr;
            if (const auto* p = std::get_if<model::Paragraph>(&block)) text = p;
            if (const auto* h = std::get_if<model::Heading>(&block)) text = h;
            if (text == nullptr) continue;
            headers.push_back("% paragraph " + text->loc.file.str() + ":" + std::to_string(text->loc.line) + ":" +
                              std::to_string(text->loc.column) + " style '" + text->style + "'");
        }
    }
    return headers;
}

// The trace split at its paragraph headers: each block from "% paragraph" to the next.
std::vector<std::string> trace_blocks(const std::string& err) {
    std::vector<std::string> blocks;
    std::size_t at = err.find("% paragraph ");
    while (at != std::string::npos) {
        const std::size_t next = err.find("% paragraph ", at + 1);
        blocks.push_back(err.substr(at, next == std::string::npos ? std::string::npos : next - at));
        at = next;
    }
    return blocks;
}

}  // namespace

TEST_CASE("the line-break trace (quire build --debug=linebreak) covers every paragraph of the issue", "[pipeline][trace]") {
    ScratchDir dir;
    const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(sample) + " -o " +
                                  quoted(dir.file("issue.pdf")) + " --debug=linebreak");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("% paragraph") == std::string::npos);  // the trace is not on stdout

    const std::vector<std::string> blocks = trace_blocks(r.err);
    const std::vector<std::string> headers = expected_headers();
    REQUIRE(headers.size() > 10);  // the sample issue has that many paragraphs and headings at least
    for (const std::string& header : headers) {
        INFO(header);
        const std::string* found = nullptr;
        for (const std::string& b : blocks) {
            if (b.compare(0, header.size(), header) == 0) found = &b;
        }
        REQUIRE(found != nullptr);
        // Each trace tells the passes tried and the lines chosen, as \tracingparagraphs.
        CHECK(found->find("@firstpass") != std::string::npos);
        CHECK(found->find("@chosen pass ") != std::string::npos);
        CHECK(found->find(" lines, total demerits ") != std::string::npos);
    }
}

TEST_CASE("without --debug, quire build prints no line-break trace", "[pipeline][trace]") {
    ScratchDir dir;
    const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(sample) + " -o " + quoted(dir.file("issue.pdf")));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("% paragraph") == std::string::npos);
    CHECK(r.err.find("@chosen") == std::string::npos);
}
