// `quire build` on the sample issue, checked with the readers a printer and a library
// use: qpdf, pdffonts, pdftotext, Ghostscript. Runs the real binary.
#include "input/issue_reader.hpp"
#include "column_rules.hpp"
#include "issue_words.hpp"
#include "pdf_text.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace quire;
using namespace quire::test;
namespace fs = std::filesystem;

namespace {

const std::string sample = "issues/2025-spring/issue.xml";

ToolResult quire_build(const std::string& manifest, const std::string& output, const std::string& env = "") {
    return run_tool(env + " " + quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " -o " + quoted(output));
}

// The sample issue built once for the tests that only read it.
const std::string& sample_pdf() {
    static ScratchDir dir;
    static const std::string path = [] {
        std::string out = dir.file("issue.pdf");
        ToolResult r = quire_build(sample, out, "env -u SOURCE_DATE_EPOCH");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return out;
    }();
    return path;
}


}  // namespace

TEST_CASE("the sample issue builds with no diagnostics", "[pipeline][sample]") {
    ScratchDir dir;
    ToolResult r = quire_build(sample, dir.file("issue.pdf"));
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.empty());
    CHECK(fs::file_size(dir.file("issue.pdf")) > 10000);
}

TEST_CASE("qpdf finds the sample issue's PDF sound", "[pipeline][sample]") {
    ToolResult r = run_tool("qpdf --check " + quoted(sample_pdf()));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("every font is embedded, subset and mapped to Unicode", "[pipeline][sample]") {
    ToolResult r = run_tool("pdffonts " + quoted(sample_pdf()));
    REQUIRE(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::string line;
    std::getline(lines, line);  // header
    std::getline(lines, line);  // rule
    int fonts = 0;
    while (std::getline(lines, line)) {
        INFO(line);
        ++fonts;
        CHECK(line.find("+") == 6);  // ABCDEF+Name
        CHECK(line.find(" yes yes yes ") != std::string::npos);
    }
    CHECK(fonts >= 3);  // the body, its italic, and the sans for titles and furniture
}

TEST_CASE("pdftotext gives back every word of the article in order", "[pipeline][sample]") {
    DiagnosticSink sink;
    auto issue = input::read_issue(sample, {}, sink);
    REQUIRE(issue);
    const std::vector<std::string> expected = article_words(*issue);
    REQUIRE(expected.size() > 1500);
    // The article's words are a subsequence of the page text (running heads, folios and
    // disclaimers stand between them).
    const std::size_t next = words_in_order(expected, words_of(extracted_text(sample_pdf())));
    INFO("first word not found in order: " << (next < expected.size() ? expected[next] : "(none)") << " (word "
                                            << next << " of " << expected.size() << ")");
    CHECK(next == expected.size());
    // Typographic characters come back as themselves.
    const std::string text = extracted_text(sample_pdf());
    CHECK(text.find("“No More Bets”") != std::string::npos);
    CHECK(text.find("Myanmar’s") != std::string::npos);
    CHECK(text.find("©2025") != std::string::npos);
    // The figure's credit stands on the page of the figure (page 3, the article's opener).
    ToolResult page3 = run_tool("pdftotext -f 3 -l 3 -enc UTF-8 " + quoted(sample_pdf()) + " -");
    CHECK(page3.out.find("Image courtesy of Reuters, ©2025. Some rights reserved.") != std::string::npos);
}

TEST_CASE("the sample opens with its cover, then the contents page with the welcome and masthead", "[pipeline][sample]") {
    auto page_text = [](int page) {
        const std::string n = std::to_string(page);
        ToolResult r = run_tool("pdftotext -layout -f " + n + " -l " + n + " -enc UTF-8 " + quoted(sample_pdf()) + " -");
        REQUIRE(r.exit_code == 0);
        return r.out;
    };
    // The cover: nameplate, issue, the feature's title as a cover line, the picture's
    // credit; no folio, no running head.
    const std::string cover = page_text(1);
    INFO(cover);
    CHECK(cover.find("St Andrews Foreign") != std::string::npos);
    CHECK(cover.find("SPRING 2025") != std::string::npos);
    CHECK(cover.find("How Does Poor Cybersecurity Lead to Human Trafficking?") != std::string::npos);
    CHECK(cover.find("Illustration drawn for the sample issue.") != std::string::npos);
    CHECK(cover.find_first_of("0123456789") == cover.find("2025"));  // the only figures: the issue's year
    ToolResult images = run_tool("pdfimages -list " + quoted(sample_pdf()));
    REQUIRE(images.exit_code == 0);
    CHECK(images.out.find("\n   1     0 image") != std::string::npos);
    // The contents page: the article listed with its page, the welcome under the list
    // (not listed), the masthead and the credits with "Cover" for the cover's.
    const std::string contents = page_text(2);
    INFO(contents);
    const std::size_t entry = contents.find("How Does Poor Cybersecurity Lead to Human Trafficking?");
    const std::size_t welcome = contents.find("Welcome to the official publication");
    REQUIRE(entry != std::string::npos);
    REQUIRE(welcome != std::string::npos);
    CHECK(entry < welcome);
    CHECK(contents.find("Welcome   ") == std::string::npos);  // no contents entry for it
    CHECK(contents.find("Contact the editors: fareview@st-andrews.ac.uk") != std::string::npos);
    CHECK(contents.find("Cover Illustration drawn for the sample issue.") != std::string::npos);
    CHECK(contents.find("p. 3 Image courtesy of Reuters") != std::string::npos);
}

TEST_CASE("no widow, orphan or stranded heading in any column of the sample", "[pipeline][sample]") {
    const auto breaks = column_rule_breaks_of_pdf(sample_pdf(), review_grid());
    INFO(describe(breaks));
    CHECK(breaks.body_lines > 150);
    CHECK(breaks.breaks.empty());
}

TEST_CASE("Ghostscript renders the issue without a word", "[pipeline][sample]") {
    ToolResult r = run_tool("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage " + quoted(sample_pdf()));
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
}

TEST_CASE("the same issue gives the same bytes, and SOURCE_DATE_EPOCH sets the date", "[pipeline][sample]") {
    ScratchDir dir;
    REQUIRE(quire_build(sample, dir.file("a.pdf"), "SOURCE_DATE_EPOCH=1700000000").exit_code == 0);
    REQUIRE(quire_build(sample, dir.file("b.pdf"), "SOURCE_DATE_EPOCH=1700000000").exit_code == 0);
    CHECK(read_bytes(dir.file("a.pdf")) == read_bytes(dir.file("b.pdf")));
    ToolResult info = run_tool("pdfinfo -isodates " + quoted(dir.file("a.pdf")));
    CHECK(info.out.find("CreationDate:    2023-11-14T22:13:20Z") != std::string::npos);
    // Without it, the issue's own date.
    ToolResult sample_info = run_tool("pdfinfo -isodates " + quoted(sample_pdf()));
    CHECK(sample_info.out.find("CreationDate:    2025-04-01T00:00:00Z") != std::string::npos);
}

TEST_CASE("a plain build streams its pages to the PDF and gives the same bytes as a whole-issue build",
          "[pipeline][sample]") {
    // --debug=display-list takes the issue whole (as proof, print and archive builds
    // do); a plain build hands each page to the writer as it is made.
    ScratchDir dir;
    const ToolResult streamed = quire_build(sample, dir.file("streamed.pdf"), "env SOURCE_DATE_EPOCH=0");
    const ToolResult whole = run_tool("env SOURCE_DATE_EPOCH=0 " + quoted(QUIRE_BINARY) + " build " + quoted(sample) +
                                      " -o " + quoted(dir.file("whole.pdf")) + " --debug=display-list");
    REQUIRE(streamed.exit_code == 0);
    REQUIRE(whole.exit_code == 0);
    CHECK(whole.err.find("page 3 label=\"4\"") != std::string::npos);
    const std::string a = read_bytes(dir.file("streamed.pdf")), b = read_bytes(dir.file("whole.pdf"));
    CHECK(a.size() > 10000);
    CHECK(a == b);
}

TEST_CASE("a failed build leaves the previous PDF as it was", "[pipeline][safety]") {
    ScratchDir dir;
    copy_project(dir, {"issues"});
    const std::string manifest = dir.file("issues/2025-spring/issue.xml");
    const std::string pdf = dir.file("issues/2025-spring/issue.pdf");
    REQUIRE(run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest)).exit_code == 0);  // default output name
    REQUIRE(fs::exists(pdf));
    const std::string before = read_bytes(pdf);

    std::ofstream(dir.file("issues/2025-spring/articles/welcome.xml"), std::ios::trunc) << "<article><title>";
    ToolResult broken = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest));
    CHECK(broken.exit_code == 1);
    CHECK(broken.err.find("welcome.xml:1:") != std::string::npos);
    CHECK(read_bytes(pdf) == before);
    for (const auto& entry : fs::directory_iterator(dir.path() / "issues/2025-spring")) {
        CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
    }
}

TEST_CASE("an unwritable output is exit code 3 with a message", "[pipeline][safety]") {
    ToolResult r = quire_build(sample, "/nonexistent-dir/issue.pdf");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("error:") != std::string::npos);
}
