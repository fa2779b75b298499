// The two ordinary issues that crashed quire (issue 14), as the report gave them. Both
// stopped in the PDF writer, reading a font that had moved when the writer's font
// table grew in the middle of a page. Each must now build, pass qpdf and quire verify,
// and give back its articles' words in order.
#include "input/issue_reader.hpp"
#include "issue_words.hpp"
#include "pdf_text.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

using namespace quire;
using namespace quire::test;
namespace fs = std::filesystem;

namespace {

// The sample project (layouts, fonts, the 2025-spring issue) copied into `dir`.
fs::path copy_sample(const ScratchDir& dir) {
    copy_project(dir, {"issues/2025-spring"});
    return dir.path() / "issues/2025-spring";
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Builds `manifest` with `options`, then checks the PDF as the report's "done when" says.
void check_builds(const std::string& manifest, const std::string& options) {
    const std::string pdf = (fs::path(manifest).parent_path() / "out.pdf").string();
    const ToolResult run = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " -o " + quoted(pdf) + options);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run_tool("qpdf --check " + quoted(pdf)).exit_code == 0);
    if (options.find("--draft") == std::string::npos && options.find("--print") == std::string::npos) {  // PDF/A
        const ToolResult verify = run_tool(quoted(QUIRE_BINARY) + " verify " + quoted(pdf));
        INFO(verify.out << verify.err);
        CHECK(verify.exit_code == 0);
    }
    DiagnosticSink sink;
    input::ReadOptions read;
    if (options.find("--layout") != std::string::npos) read.layout_override = (fs::path(manifest).parent_path() / "../../layouts/a5-single.xml").string();
    const auto issue = input::read_issue(manifest, read, sink);
    REQUIRE(issue);
    const std::vector<std::string> expected = article_words(*issue);
    CHECK(words_in_order(expected, words_of(extracted_text(pdf, TextOrder::content_stream))) == expected.size());
}

}  // namespace

TEST_CASE("the sample issue with its cover and nine numbered copies of the article builds", "[pipeline][issue14]") {
    ScratchDir dir;
    const fs::path issue = copy_sample(dir);
    const std::string article = read_bytes((issue / "articles/scam-compounds.xml").string());
    std::string entries;
    for (int n = 1; n <= 9; ++n) {
        const std::string id = "copy-" + std::to_string(n);
        write(issue / ("articles/" + id + ".xml"),
              std::regex_replace(article, std::regex("id=\"scam-compounds\""), "id=\"" + id + "\""));
        entries += "  <article href=\"articles/" + id + ".xml\"/>\n";
    }
    std::string manifest = read_bytes((issue / "issue.xml").string());
    const std::string feature = "  <article href=\"articles/scam-compounds.xml\"/>\n";
    REQUIRE(manifest.find(feature) != std::string::npos);
    REQUIRE(manifest.find("<cover ") != std::string::npos);
    manifest.replace(manifest.find(feature), feature.size(), entries);
    write(issue / "issue.xml", manifest);
    for (const char* options : {"", " --draft"}) {
        INFO("options:" << options);
        check_builds((issue / "issue.xml").string(), options);
    }
}

TEST_CASE("a5-single.xml with an article whose body ends in a pull quote builds", "[pipeline][issue14]") {
    ScratchDir dir;
    const fs::path issue = copy_sample(dir);
    std::string article = read_bytes((issue / "articles/scam-compounds.xml").string());
    // A few paragraphs and both headings, then the pull quote last.
    const std::size_t cut = article.find("<h2>What is effective?</h2>");
    REQUIRE(cut != std::string::npos);
    const std::size_t next_p = article.find("</p>", cut);
    REQUIRE(next_p != std::string::npos);
    article = article.substr(0, next_p + 4) +
              "\n    <pullquote>It is not the lack of capacity, but the lack of incentive.</pullquote>\n  </body>\n</article>\n";
    write(issue / "articles/scam-compounds.xml", article);
    for (const char* options : {"", " --draft", " --proof", " --print"}) {
        INFO("options:" << options);
        check_builds((issue / "issue.xml").string(), std::string(" --layout ") +
                                                         quoted((dir.path() / "layouts/a5-single.xml").string()) + options);
    }
}
