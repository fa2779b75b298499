// <flow article-start="column">: the long test issue in a scratch project whose layout
// starts each article in the next free column (with the disclaimers at the articles'
// ends, so neighbours share a footer). Read back with pdftotext's word boxes: where each
// title stands, that nothing overlaps it, that the contents points at it.
#include "input/issue_reader.hpp"
#include "column_rules.hpp"
#include "flow_project.hpp"
#include "issue_words.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <cmath>

#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>

using namespace quire;
using namespace quire::test;
namespace fs = std::filesystem;

namespace {

using Word = WordBox;

struct ColumnBuilt {
    ScratchDir dir;
    std::string manifest, pdf;
    ToolResult run;
    std::vector<Word> words;   // every word of every page, with its box (points)
    double page_width = 0;

    std::optional<Word> find(const std::string& text, int page = 0) const {
        for (const Word& w : words) {
            if (w.text == text && (page == 0 || w.page == page)) return w;
        }
        return std::nullopt;
    }
};

const ColumnBuilt& built() {
    static ColumnBuilt b;
    static bool done = false;
    if (done) return b;
    done = true;
    b.manifest = long_issue_with_flow(b.dir, "<flow article-start=\"column\" disclaimer=\"end\"/>");
    b.pdf = b.dir.file("column.pdf");
    b.run = run_tool("env SOURCE_DATE_EPOCH=0 " + quire::test::quoted(QUIRE_BINARY) + " build " + quire::test::quoted(b.manifest) + " -o " +
                     quire::test::quoted(b.pdf));
    REQUIRE(b.run.exit_code == 0);
    WordBoxes boxes = word_boxes(b.pdf);
    b.words = std::move(boxes.words);
    b.page_width = boxes.page_width;
    return b;
}

int contents_number(const std::string& title_end) {
    const ToolResult r = run_tool("pdftotext -f 1 -l 1 -enc UTF-8 " + quire::test::quoted(built().pdf) + " -");
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex(title_end + "\\s+(\\d+)")));
    return std::stoi(m[1]);
}

}  // namespace

TEST_CASE("article-start=column: each article opens in the next free column, not on a new page",
          "[golden][long-issue][flow]") {
    const ColumnBuilt& b = built();
    INFO(b.run.err);
    CHECK(b.run.err.empty());
    // Munich opens beside the welcome note on its page, Canada beside Munich's end.
    const int munich = contents_number("Munich Security Conference as a Turning Point");
    const int canada = contents_number("Canada Trade Dispute");
    CHECK(munich == 2);
    CHECK(canada == 4);
    const auto welcome = b.find("Welcome", 2);
    const auto munich_title = b.find("Europe-America", munich);
    const auto canada_title = b.find("Future", canada);
    REQUIRE(welcome);
    REQUIRE(munich_title);
    REQUIRE(canada_title);
    // In the right-hand column, at the column's width (the title breaks within it).
    CHECK(welcome->x0 < b.page_width / 2);
    CHECK(munich_title->x0 > b.page_width / 2);
    CHECK(canada_title->x0 > b.page_width / 2);
    // On Canada's page the left column is Munich's end, its disclaimer included.
    bool munich_end = false;
    for (const Word& w : b.words) munich_end |= w.page == canada && w.x1 < b.page_width / 2 && w.text == "disclaimer,";
    CHECK(munich_end);
}

TEST_CASE("article-start=column: nothing stands over a title that opens mid-page", "[golden][long-issue][flow]") {
    const ColumnBuilt& b = built();
    // No word of the page overlaps the title's words.
    for (const auto& [title_word, page] : {std::pair{"Europe-America", 2}, std::pair{"Future", 4}}) {
        const auto t = b.find(title_word, page);
        REQUIRE(t);
        for (const Word& w : b.words) {
            if (w.page != t->page || (w.x0 == t->x0 && w.y0 == t->y0)) continue;
            // The title's own lines are set at its leading (28 pt for 24 pt type),
            // closer than pdftotext's word boxes are tall: they may touch each other.
            if (std::abs((w.y1 - w.y0) - (t->y1 - t->y0)) < 0.5) continue;
            const bool overlaps = w.x0 < t->x1 && t->x0 < w.x1 && w.y0 < t->y1 && t->y0 < w.y1;
            INFO(title_word << " overlapped by " << w.text);
            CHECK_FALSE(overlaps);
        }
    }
    // Munich's chart across the top of its last page stays above Canada's title, which
    // opens in that page's free column: the title starts under the chart's caption.
    const int canada_page = contents_number("Canada Trade Dispute");
    const auto chart_caption = b.find("bars", canada_page);  // "... in bars that mean nothing"
    const auto canada = b.find("Future", canada_page);
    REQUIRE(chart_caption);
    REQUIRE(canada);
    CHECK(canada->y0 > chart_caption->y1);
    // A figure never stands above its article's title: Munich's first figure, placed at
    // a column top, waits for the column after the one its title opens.
    const auto caption = b.find("dusk");
    const auto title = b.find("Europe-America", 2);
    REQUIRE(caption);
    REQUIRE(title);
    CHECK((caption->page > title->page || caption->y0 > title->y1));
}

TEST_CASE("article-start=column: every word of the articles comes back in reading order", "[golden][long-issue][flow]") {
    DiagnosticSink sink;
    auto issue = input::read_issue(built().manifest, {}, sink);
    REQUIRE(issue);
    const std::vector<std::string> expected = article_words(*issue);
    // In drawing order: on Munich's second page a figure heads the left column, and
    // pdftotext's guess then reads the right column first.
    const std::size_t next =
        words_in_order(expected, words_of(extracted_text(built().pdf, TextOrder::content_stream)));
    INFO("first word not found in order: " << (next < expected.size() ? expected[next] : "(none)"));
    CHECK(next == expected.size());
}

TEST_CASE("article-start=column: no widow, orphan or stranded heading in any column", "[golden][long-issue][flow]") {
    const auto breaks = column_rule_breaks_of_pdf(built().pdf, review_grid());
    INFO(describe(breaks));
    CHECK(breaks.body_lines > 200);
    CHECK(breaks.breaks.empty());
}

TEST_CASE("article-start=column: an article's own PDF leaves out the running lines of the page it shares",
          "[golden][long-issue][flow][archive]") {
    const ColumnBuilt& b = built();
    const std::string dir = b.dir.file("articles");
    REQUIRE(run_tool("env SOURCE_DATE_EPOCH=0 " + quire::test::quoted(QUIRE_BINARY) + " build " +
                     quire::test::quoted(b.manifest) + " -o " + quire::test::quoted(b.dir.file("again.pdf")) +
                     " --articles " + quire::test::quoted(dir))
                .exit_code == 0);
    // Canada starts in a free column of Munich's last page, whose running lines are Munich's.
    const std::optional<Word> title = b.find("51st");
    REQUIRE(title);
    const ToolResult issue_page = run_tool("pdftotext -f " + std::to_string(title->page) + " -l " +
                                           std::to_string(title->page) + " -enc UTF-8 " + quire::test::quoted(b.pdf) + " -");
    std::string copy;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().filename().string().find("canada.pdf") != std::string::npos) copy = entry.path().string();
    }
    REQUIRE(!copy.empty());
    const ToolResult first = run_tool("pdftotext -f 1 -l 1 -enc UTF-8 " + quire::test::quoted(copy) + " -");
    CHECK(first.out.find("51st") != std::string::npos);
    CHECK(first.out.find("ST ANDREWS FOREIGN AFFAIRS REVIEW") == std::string::npos);
    CHECK(issue_page.out.find("ST ANDREWS FOREIGN AFFAIRS REVIEW") != std::string::npos);  // the premise
}
