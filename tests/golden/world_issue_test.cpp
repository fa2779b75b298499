// The world test issue (tests/golden/world-issue, issue 20): paragraphs and names in
// Arabic, Hebrew, Chinese, Japanese, Korean, Vietnamese, Greek and Russian inside
// English articles, built by the real binary in both shipped layouts with the fonts
// fontconfig finds (Debian's Noto, from .ci/setup), and read back: no missing glyph and
// no warning; every face embedded; each script's text whole and in the order it was
// written, by the page's layout (pdftotext; left-to-right scripts also by the order
// they are drawn in, MuPDF, and tagged, pdfinfo -struct-text); right-to-left
// paragraphs set from the right; lines kept on their leading where tall Arabic letters
// do not meet the line above.
#include "issue_words.hpp"
#include "built_issue.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>
#include <regex>

using namespace quire::test;

namespace {

const std::string manifest = "tests/golden/world-issue/issue.xml";

const BuiltIssue& built(const std::string& layout) { return built_issue(manifest, layout); }

const char* const layouts[] = {"layouts/review.xml", "layouts/a5-single.xml"};

// Text a reader gets, with poppler's bidi marks (U+202A-U+202E) taken out and every
// run of white space made one space (lines end where the layout ends them).
std::string flattened(std::string text) {
    for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"})
        for (std::size_t at; (at = text.find(mark)) != std::string::npos;) text.erase(at, 3);
    return std::regex_replace(text, std::regex("\\s+"), " ");
}

// Words set in the world's scripts, as written; each must come back whole.
const char* const phrases[] = {
    "جامعة الدول العربية", "الدول الأعضاء", "הכנסת הגדולה", "בית המחוקקים", "外交部", "王毅", "外務省", "외교부",
    "중앙행정기관이다", "Bộ Ngoại giao", "Υπουργείο Εξωτερικών", "МИД России", "федеральный орган"};

}  // namespace

TEST_CASE("the world issue builds with every character in a font, and no warning", "[golden][world]") {
    for (const char* layout : layouts) {
        const BuiltIssue& b = built(layout);
        INFO(layout << "\n" << b.run.err);
        REQUIRE(b.run.exit_code == 0);
        CHECK(b.run.err.empty());
        const ToolResult fonts = run_tool("pdffonts " + quire::test::quoted(b.pdf));
        INFO(fonts.out);
        REQUIRE(fonts.exit_code == 0);
        for (const char* face : {"NotoNaskhArabic", "NotoSerifHebrew", "NotoSerifCJKsc", "NotoSerifCJKjp", "NotoSerifCJKkr"})
            CHECK(fonts.out.find(face) != std::string::npos);
        CHECK(fonts.out.find(" no  ") == std::string::npos);  // all embedded, all subset
        CHECK(run_tool("qpdf --check " + quire::test::quoted(b.pdf)).exit_code == 0);
        CHECK(run_tool("gs -q -dNOPAUSE -dBATCH -sDEVICE=nullpage " + quire::test::quoted(b.pdf)).exit_code == 0);
        CHECK(run_tool(quire::test::quoted(QUIRE_BINARY) + " verify " + quire::test::quoted(b.pdf)).exit_code == 0);
    }
}

TEST_CASE("every script reads back whole and in the order it was written", "[golden][world]") {
    for (const char* layout : layouts) {
        const BuiltIssue& b = built(layout);
        REQUIRE(b.run.exit_code == 0);
        const ToolResult poppler = run_tool("pdftotext -enc UTF-8 " + quire::test::quoted(b.pdf) + " -");
        const ToolResult mupdf = run_tool("mutool draw -F txt -o - " + quire::test::quoted(b.pdf));
        const ToolResult tagged = run_tool("pdfinfo -struct-text " + quire::test::quoted(b.pdf));
        REQUIRE((poppler.exit_code == 0 && mupdf.exit_code == 0 && tagged.exit_code == 0));
        const std::string by_layout = flattened(poppler.out), drawn = flattened(mupdf.out), by_tags = flattened(tagged.out);
        // MuPDF and the structure take glyphs in drawing order, which for right-to-left
        // text is the page's (visual) order: only the left-to-right scripts are asked of them.
        for (const char* phrase : phrases) {
            INFO(layout << ": " << phrase);
            const bool right_to_left = static_cast<unsigned char>(phrase[0]) == 0xD7 || static_cast<unsigned char>(phrase[0]) == 0xD8 ||
                                       static_cast<unsigned char>(phrase[0]) == 0xD9;
            if (right_to_left) continue;
            CHECK(drawn.find(phrase) != std::string::npos);
            CHECK(by_tags.find(phrase) != std::string::npos);
        }
        // Poppler orders a line by its own reading of the page: the words of every script
        // come back as written. (Brackets in a right-to-left line on a page that is
        // mostly English it places by its own guess; tests/pipeline/bidi_test.cpp checks
        // them on a page that is mostly right to left.)
        INFO(layout << "\n" << by_layout);
        for (const char* phrase : {"外交部", "外務省", "외교부", "Bộ Ngoại giao", "Υπουργείο Εξωτερικών", "МИД России",
                                   "جامعة الدول العربية", "الدول الأعضاء", "בית המחוקקים", "מדינת ישראל"})
            CHECK(by_layout.find(phrase) != std::string::npos);
    }
}

TEST_CASE("right-to-left paragraphs are set from the right, on their leading", "[golden][world]") {
    const BuiltIssue& b = built("layouts/review.xml");
    REQUIRE(b.run.exit_code == 0);
    const std::vector<WordBox> words = word_boxes(b.pdf).words;
    // The Arabic paragraph's lines in the second column of page 1: its words in Arabic
    // letters, grouped by where they stand (all in Noto Naskh, so their boxes' bottoms
    // are their baselines plus one descent); lines with Latin words are the English
    // ones that quote Arabic names.
    struct Extent {
        double y, left, right;
        bool latin = false;
    };
    std::vector<Extent> lines;
    const auto line_at = [&](double y) -> Extent* {
        for (Extent& l : lines)
            if (std::abs(l.y - y) < 4.0) return &l;
        return nullptr;
    };
    for (const WordBox& w : words) {
        if (w.page != 1 || w.text.empty() || w.x0 < 300) continue;
        const auto c = static_cast<unsigned char>(w.text[0]);
        const bool arabic = c == 0xD8 || c == 0xD9;
        Extent* l = line_at(w.y1);
        if (!l && !arabic) continue;
        if (!l) l = &lines.emplace_back(Extent{w.y1, w.x0, w.x1});
        if (std::isalpha(c)) l->latin = true;
        if (arabic) l->y = std::max(l->y, w.y1);
        l->left = std::min(l->left, w.x0);
        l->right = std::max(l->right, w.x1);
    }
    std::erase_if(lines, [](const Extent& l) { return l.latin; });
    std::sort(lines.begin(), lines.end(), [](const Extent& a, const Extent& b) { return a.y < b.y; });
    REQUIRE(lines.size() >= 3);
    // Consecutive lines stand one leading apart (13pt), though tall letters of one line
    // stand under the line above's descenders elsewhere along it.
    for (std::size_t i = 1; i < lines.size(); ++i) CHECK(std::abs(lines[i].y - lines[i - 1].y - 13.0) < 0.5);
    // Its last line, short, stands flush right with the others, its left end open.
    const Extent& last = lines.back();
    const Extent& full = lines[lines.size() - 2];
    CHECK(std::abs(last.right - full.right) < 3.0);
    CHECK(last.left > full.left + 20.0);
}
