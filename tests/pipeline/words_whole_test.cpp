// Words come back whole (issue 15): a reader's text of quire's PDF -- plain pdftotext,
// as search and copy-paste get it, with nothing of the tests' own joining -- holds
// every word of the articles in order. A word hyphenated at a line's end comes back
// joined (its break hyphen is U+002D, which readers take out), and the word spaces of
// tight lines come back as spaces. On the sample in both layouts (A5 sets tighter
// lines) and on the long test issue's other text.
#include "issue_words.hpp"
#include "tool_run.hpp"

#include "input/issue_reader.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::test;

namespace {

// Plain pdftotext's words; the only help: a hyphen of the text at a line's end
// (U+2010, which readers keep) joins its word again, as a reader sees "burden-" /
// "sharing" as one word.
std::vector<std::string> reader_words(const std::string& pdf) {
    const ToolResult r = run_tool("pdftotext -enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> words;
    bool join = false;
    for (const std::string& w : words_of(r.out)) {
        if (join) words.back() += w;
        else words.push_back(w);
        join = words.back().size() >= 3 && words.back().compare(words.back().size() - 3, 3, "\u2010") == 0;
        if (join) words.back().replace(words.back().size() - 3, 3, "-");
    }
    return words;
}

void check_words_whole(const std::string& manifest, const std::string& layout) {
    DiagnosticSink sink;
    auto issue = input::read_issue(manifest, {}, sink);
    REQUIRE(issue);
    const std::vector<std::string> expected = article_words(*issue);
    ScratchDir dir;
    const std::string pdf = dir.file("out.pdf");
    const ToolResult built = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " --layout " + quoted(layout) +
                                      " -o " + quoted(pdf));
    INFO(built.err);
    REQUIRE(built.exit_code == 0);
    const std::vector<std::string> found = reader_words(pdf);
    const std::size_t next = words_in_order(expected, found);
    INFO(manifest << " in " << layout << ": first word not found in order: "
                  << (next < expected.size() ? expected[next] : "(none)") << " (word " << next << " of " << expected.size() << ")");
    CHECK(next == expected.size());
    // And the PDF does hyphenate (else this proves nothing about hyphens).
    const ToolResult raw = run_tool("pdftotext -raw -enc UTF-8 " + quoted(pdf) + " -");
    CHECK(raw.out.find("-\n") != std::string::npos);
}

}  // namespace

TEST_CASE("plain pdftotext gives back every word whole: the sample, both layouts", "[pipeline][sample]") {
    check_words_whole("issues/2025-spring/issue.xml", "layouts/review.xml");
    check_words_whole("issues/2025-spring/issue.xml", "layouts/a5-single.xml");
}

TEST_CASE("plain pdftotext gives back every word whole: other text in A5", "[pipeline]") {
    check_words_whole("tests/golden/long-issue/issue.xml", "layouts/a5-single.xml");
}
