// The long test issue (tests/golden/long-issue: three articles, three figures, headings,
// pull quotes in a column and across the page, the issue's disclaimer and an article's
// own) built by the real binary and read back with pdftotext, page by page: running
// heads, disclaimers, credits, contents and its page numbers; plus the whole text as a
// golden file.
#include "column_rules.hpp"
#include "flow_project.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

using namespace quire::test;

namespace {

const std::string manifest = "tests/golden/long-issue/issue.xml";
const std::string golden = "tests/golden/long-issue/expected.txt";

struct Built {
    ScratchDir dir;
    std::string pdf;
    ToolResult run;
};

const Built& built() {
    static Built b;
    static bool done = false;
    if (!done) {
        done = true;
        b.pdf = b.dir.file("long.pdf");
        b.run = run_tool("env SOURCE_DATE_EPOCH=0 " + quire::test::quoted(QUIRE_BINARY) + " build " +
                         quire::test::quoted(manifest) + " -o " + quire::test::quoted(b.pdf));
    }
    return b;
}

std::string page_text(int page) {
    ToolResult r = run_tool("pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                            quire::test::quoted(built().pdf) + " -");
    REQUIRE(r.exit_code == 0);
    return r.out;
}

int page_count() {
    ToolResult r = run_tool("pdfinfo " + quire::test::quoted(built().pdf));
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1]);
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

const std::string default_disclaimer = "The issue's default disclaimer";
const std::string own_disclaimer = "Test disclaimer for this article only";

}  // namespace

TEST_CASE("the long test issue builds without a warning", "[golden][long-issue]") {
    INFO(built().run.err);
    REQUIRE(built().run.exit_code == 0);
    // No overfull line, no stranded material, no uncredited figure, no low-resolution image.
    CHECK(built().run.err.empty());
    CHECK(page_count() == 7);
}

TEST_CASE("no widow, orphan or stranded heading in any column of the long issue", "[golden][long-issue]") {
    REQUIRE(built().run.exit_code == 0);
    const auto breaks = column_rule_breaks_of_pdf(built().pdf, review_grid());
    INFO(describe(breaks));
    CHECK(breaks.body_lines > 200);
    CHECK(breaks.breaks.empty());
}

TEST_CASE("full pages end flush: both columns of the long issue's full pages reach the foot", "[golden][long-issue]") {
    // Pages 3 and 4 are full two-column pages of running text. On page 4 the heading
    // "What the money buys" moves to the next column with its first lines; the column
    // it leaves must still reach the foot (a paragraph runs long), not end three lines
    // short as it did. Page 6 (Canada's opener) still ends one line short on the left:
    // none of that column's paragraphs can be set a line longer within the body's
    // tolerance (issue 15, left open); it must not get worse.
    REQUIRE(built().run.exit_code == 0);
    const auto ends = column_ends_of_pdf(built().pdf);
    double foot = 0;
    for (const auto& [page, columns] : ends)
        for (double end : columns) foot = std::max(foot, end);
    for (const int page : {3, 4, 6}) {
        REQUIRE(page <= static_cast<int>(ends.size()));
        const std::vector<double>& columns = ends[static_cast<std::size_t>(page - 1)].second;
        INFO("page " << page << " of a foot at " << foot);
        REQUIRE(columns.size() == 2);
        CHECK(columns[0] == Approx(page == 6 ? foot - 13 : foot).margin(0.1));
        CHECK(columns[1] == Approx(foot).margin(0.1));
    }
}

TEST_CASE("the contents names each article with the page its title stands on", "[golden][long-issue]") {
    const std::string contents = page_text(1);
    CHECK(has(contents, "Contents"));
    std::smatch m;
    REQUIRE(std::regex_search(contents, m, std::regex("Munich Security Conference as a Turning Point\\s+(\\d+)")));
    const int munich = std::stoi(m[1]);
    REQUIRE(std::regex_search(contents, m, std::regex("Canada Trade Dispute\\s+(\\d+)")));
    const int canada = std::stoi(m[1]);
    CHECK(munich == 3);
    CHECK(canada == 6);
    CHECK(has(page_text(munich), "Europe-America Split Widening"));
    CHECK(has(page_text(canada), "The Future 51st State?"));
    CHECK(has(contents, "TEST AUTHOR ONE"));
    // The masthead at the contents' foot.
    CHECK(has(contents, "Contact the editors: editors@example.org"));
    CHECK(has(contents, "Editors: Test Editor."));
}

TEST_CASE("every image credit is listed with the page it stands on, and stands there", "[golden][long-issue]") {
    const std::string contents = page_text(1);
    CHECK(has(contents, "IMAGE CREDITS"));
    std::regex entry("p\\. (\\d+)\\s+(Test image \\w+)");
    int entries = 0;
    for (std::sregex_iterator it(contents.begin(), contents.end(), entry), end; it != end; ++it) {
        ++entries;
        const int page = std::stoi((*it)[1]);
        INFO((*it)[2].str() << " listed on page " << page);
        CHECK(has(page_text(page), (*it)[2].str()));
    }
    CHECK(entries == 3);
}

TEST_CASE("running heads name the issue on versos and the article's short title on rectos", "[golden][long-issue]") {
    CHECK(has(page_text(4), "ST ANDREWS FOREIGN AFFAIRS REVIEW"));
    CHECK(has(page_text(5), "EUROPE AND AMERICA, AFTER MUNICH"));
    CHECK(has(page_text(7), "THE 51ST STATE?"));
    // Openers carry no running head.
    CHECK_FALSE(has(page_text(3), "ST ANDREWS FOREIGN AFFAIRS REVIEW"));
    CHECK_FALSE(has(page_text(6), "THE 51ST STATE?"));
}

TEST_CASE("every page of an article carries its disclaimer, and only its own", "[golden][long-issue]") {
    for (int p : {3, 4, 5}) {
        INFO("page " << p);
        CHECK(has(page_text(p), default_disclaimer));
        CHECK_FALSE(has(page_text(p), own_disclaimer));
    }
    for (int p : {6, 7}) {
        INFO("page " << p);
        CHECK(has(page_text(p), own_disclaimer));
        CHECK_FALSE(has(page_text(p), default_disclaimer));
    }
    for (int p : {1, 2}) {
        INFO("page " << p);
        CHECK_FALSE(has(page_text(p), default_disclaimer));
        CHECK_FALSE(has(page_text(p), own_disclaimer));
    }
}

TEST_CASE("the pull quote across the page stands on the Canada opener", "[golden][long-issue]") {
    CHECK(has(page_text(6), "A tariff on a component that crosses the border six times is paid six times."));
}

TEST_CASE("the long issue's text matches the golden file", "[golden][long-issue]") {
    ToolResult r = run_tool("pdftotext -enc UTF-8 -layout " + quire::test::quoted(built().pdf) + " -");
    REQUIRE(r.exit_code == 0);
    if (std::getenv("UPDATE_GOLDEN")) {
        std::ofstream(golden, std::ios::binary) << r.out;
        WARN("rewrote " << golden << ": review the diff and the pages");
    }
    const std::string expected = read_bytes(golden);
    CHECK(r.out == expected);
}

// The composition itself, one draw operation a line (`--debug=display-list`): every
// glyph run, rule, image and link with its position, so that a change anywhere in
// line breaking or page building shows here as a reviewable diff.
TEST_CASE("the long issue's display list matches the golden file", "[golden][long-issue]") {
    const std::string display_golden = "tests/golden/long-issue/expected-display-list.txt";
    ScratchDir dir;
    ToolResult r = run_tool("env SOURCE_DATE_EPOCH=0 " + quire::test::quoted(QUIRE_BINARY) + " build " +
                            quire::test::quoted(manifest) + " -o " + quire::test::quoted(dir.file("long.pdf")) +
                            " --debug=display-list");
    REQUIRE(r.exit_code == 0);
    if (std::getenv("UPDATE_GOLDEN")) {
        std::ofstream(display_golden, std::ios::binary) << r.err;
        WARN("rewrote " << display_golden << ": review the diff and the pages");
    }
    const std::string expected = read_bytes(display_golden);
    CHECK(r.err.find("page 6 label=\"7\"") != std::string::npos);
    CHECK(r.err == expected);
}

namespace {

// The long issue in a scratch project whose layout asks for `flow` (recto openers,
// the disclaimer once at the article's end, the image credits after the last article).
struct FlowBuilt {
    ScratchDir dir;
    std::string pdf;
    ToolResult run;
    std::string page(int n) const {
        ToolResult r = run_tool("pdftotext -enc UTF-8 -f " + std::to_string(n) + " -l " + std::to_string(n) + " " +
                                quire::test::quoted(pdf) + " -");
        REQUIRE(r.exit_code == 0);
        return r.out;
    }
};

const FlowBuilt& flow_built() {
    static FlowBuilt b;
    static bool done = false;
    if (!done) {
        done = true;
        const std::string manifest =
            long_issue_with_flow(b.dir, "<flow article-start=\"recto\" disclaimer=\"end\" image-credits=\"end\"/>");
        b.pdf = b.dir.file("flow.pdf");
        b.run = run_tool("env SOURCE_DATE_EPOCH=0 " + quire::test::quoted(QUIRE_BINARY) + " build " +
                         quire::test::quoted(manifest) + " -o " +
                         quire::test::quoted(b.pdf));
    }
    return b;
}

}  // namespace

TEST_CASE("flow article-start=recto opens every feature on a right-hand page", "[golden][long-issue][flow]") {
    const FlowBuilt& b = flow_built();
    INFO(b.run.err);
    REQUIRE(b.run.exit_code == 0);
    std::smatch m;
    const std::string contents = b.page(1);
    REQUIRE(std::regex_search(contents, m, std::regex("Munich Security Conference as a Turning Point\\s+(\\d+)")));
    const int munich = std::stoi(m[1]);
    REQUIRE(std::regex_search(contents, m, std::regex("Canada Trade Dispute\\s+(\\d+)")));
    const int canada = std::stoi(m[1]);
    CHECK(munich % 2 == 1);
    CHECK(canada % 2 == 1);
    CHECK(canada == 7);  // on 6 without the rule: a blank verso now stands before it
    CHECK(has(b.page(canada), "The Future 51st State?"));
    std::string blank = b.page(canada - 1);
    blank.erase(std::remove_if(blank.begin(), blank.end(), [](unsigned char c) { return std::isspace(c) || c == '\f'; }),
                blank.end());
    CHECK(blank.empty());
}

TEST_CASE("flow: no widow, orphan or stranded heading with recto openers and end disclaimers", "[golden][long-issue][flow]") {
    REQUIRE(flow_built().run.exit_code == 0);
    const auto breaks = column_rule_breaks_of_pdf(flow_built().pdf, review_grid());
    INFO(describe(breaks));
    CHECK(breaks.body_lines > 200);
    CHECK(breaks.breaks.empty());
}

TEST_CASE("flow disclaimer=end sets each disclaimer once, after its article", "[golden][long-issue][flow]") {
    const FlowBuilt& b = flow_built();
    REQUIRE(b.run.exit_code == 0);
    ToolResult pages = run_tool("pdfinfo " + quire::test::quoted(b.pdf));
    std::smatch m;
    REQUIRE(std::regex_search(pages.out, m, std::regex("Pages:\\s+(\\d+)")));
    int defaults = 0, owns = 0, last_default_page = 0, first_own_page = 0;
    for (int p = 1; p <= std::stoi(m[1]); ++p) {
        const std::string text = b.page(p);
        for (std::size_t at = text.find(default_disclaimer); at != std::string::npos; at = text.find(default_disclaimer, at + 1)) {
            ++defaults;
            last_default_page = p;
        }
        for (std::size_t at = text.find(own_disclaimer); at != std::string::npos; at = text.find(own_disclaimer, at + 1)) {
            ++owns;
            if (!first_own_page) first_own_page = p;
        }
    }
    CHECK(defaults == 1);
    CHECK(owns == 1);
    // Munich's (the default) ends Munich, before Canada's opener; Canada's stands after its text.
    CHECK(last_default_page < 7);
    CHECK(first_own_page >= 7);
}

TEST_CASE("flow image-credits=end: the credits list follows the last article, not the contents", "[golden][long-issue][flow]") {
    const FlowBuilt& b = flow_built();
    REQUIRE(b.run.exit_code == 0);
    ToolResult info = run_tool("pdfinfo " + quire::test::quoted(b.pdf));
    std::smatch m;
    REQUIRE(std::regex_search(info.out, m, std::regex("Pages:\\s+(\\d+)")));
    const int pages = std::stoi(m[1]);
    CHECK_FALSE(has(b.page(1), "Test image one"));
    const std::string last = b.page(pages);
    CHECK(has(last, "Image credits"));
    CHECK(std::regex_search(last, std::regex("Page 3: Test image one")));
    CHECK(has(last, "Test image three"));
}
