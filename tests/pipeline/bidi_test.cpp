// Right-to-left text end to end (issue 20): an issue with an Arabic paragraph, a
// Hebrew one and English with an Arabic name in brackets and a Hebrew quotation with
// a number, built by the real binary with Noto fonts as fallback families, read back
// by poppler: its text (pdftotext) and where it drew each word (pdftotext -bbox).
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

using namespace quire::test;

namespace {

const std::string arabic_paragraph = "تأسست (جامعة الدول العربية) عام 1945 في القاهرة.";
const std::string hebrew_paragraph = "המדינה הוכרזה בשנת 1948 (בתל אביב).";
// Enough Hebrew after them that the page's balanced columns keep the three paragraphs
// above in the first column, where the tests look for their lines, and that the page
// stays mostly right to left (poppler orders a line's runs by the page's majority).
const std::string closing_paragraph =
    "הכנסת היא בית המחוקקים של ישראל, והיא מונה מאה ועשרים חברים. הבחירות לכנסת נערכות אחת לארבע שנים "
    "לכל המאוחר, בשיטה של ייצוג יחסי ארצי, ורוב הממשלות בישראל היו ממשלות קואליציה של כמה מפלגות. "
    "ועדות הכנסת דנות בהצעות החוק לפני שהן עולות להצבעה במליאה, ופרוטוקולים של דיוניהן מתפרסמים לציבור.";

// The project with the two Noto faces copied in (paths in a layout stay inside the
// project) and named as fallback families; returns the PDF built.
std::string build_bidi_issue(const ScratchDir& dir) {
    copy_project(dir);
    namespace fs = std::filesystem;
    fs::create_directories(dir.path() / "fonts/noto");
    fs::create_directories(dir.path() / "issues/b/articles");
    for (const char* face : {"NotoNaskhArabic-Regular.ttf", "NotoSerifHebrew-Regular.ttf"})
        fs::copy_file(std::string("/usr/share/fonts/truetype/noto/") + face, dir.path() / "fonts/noto" / face);
    std::string layout = read_bytes(dir.file("layouts/review.xml"));
    const std::string fonts = "<fonts fallback=\"Serif Sans\">";
    REQUIRE(layout.find(fonts) != std::string::npos);
    layout.replace(layout.find(fonts), fonts.size(),
                   "<fonts fallback=\"Serif Sans Arabic Hebrew\">\n"
                   "<family name=\"Arabic\" regular=\"../fonts/noto/NotoNaskhArabic-Regular.ttf\"/>\n"
                   "<family name=\"Hebrew\" regular=\"../fonts/noto/NotoSerifHebrew-Regular.ttf\"/>");
    std::ofstream(dir.file("layouts/review.xml"), std::ios::binary) << layout;
    std::ofstream(dir.file("issues/b/issue.xml"), std::ios::binary)
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<issue version=\"1\" layout=\"../../layouts/review.xml\" xml:lang=\"en-GB\">\n"
        << "  <meta><title>Bidi</title><date>2025-04-01</date>"
        << "<publisher>St Andrews Foreign Affairs Society</publisher></meta>\n"
        << "  <article href=\"articles/a.xml\"/>\n"
        << "</issue>\n";
    std::ofstream(dir.file("issues/b/articles/a.xml"), std::ios::binary)
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<article version=\"1\" id=\"a\" xml:lang=\"en-GB\">\n  <title>Both ways</title>\n  <body>\n"
        << "<p>The Arab League (<span xml:lang=\"ar\">جامعة الدول العربية</span>) met in Cairo, and a Hebrew "
        << "daily wrote <span xml:lang=\"he\">\"שלום 2025\"</span> on its front page.</p>\n"
        << "<p xml:lang=\"ar\">" << arabic_paragraph << "</p>\n"
        << "<p dir=\"rtl\" xml:lang=\"he\">" << hebrew_paragraph << "</p>\n"
        << "<p xml:lang=\"he\">" << closing_paragraph << "</p>\n"
        << "  </body>\n</article>\n";
    const std::string pdf = dir.file("b.pdf");
    const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(dir.file("issues/b/issue.xml")) + " -o " + quoted(pdf));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("no glyph") == std::string::npos);
    return pdf;
}

// Without poppler's bidi marks (U+202A-U+202E) around the runs it reordered.
std::string without_marks(std::string text) {
    for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"}) {
        for (std::size_t at; (at = text.find(mark)) != std::string::npos;) text.erase(at, 3);
    }
    return text;
}

// A word's characters back to front: poppler gives right-to-left words in the order
// their glyphs stand, left to right.
std::string reversed(const std::string& word) {
    std::vector<std::string> chars;
    for (unsigned char c : word) {
        if ((c & 0xC0) != 0x80) chars.emplace_back();
        chars.back() += static_cast<char>(c);
    }
    std::string out;
    for (auto it = chars.rbegin(); it != chars.rend(); ++it) out += *it;
    return out;
}

// The words poppler found on the page, in its order, with their left and right edges.
// It takes a right-to-left word written in logical order (leftwards) as one word a
// letter, left to right as they stand; left_of joins them again.
struct PageWord {
    std::string text;
    double left = 0, right = 0, top = 0;
};

// A word without the brackets, quotes and stops poppler leaves on it.
std::string trimmed(std::string word) {
    const std::string around = "()[]\".,;:";
    while (!word.empty() && around.find(word.front()) != std::string::npos) word.erase(0, 1);
    while (!word.empty() && around.find(word.back()) != std::string::npos) word.pop_back();
    return word;
}

std::vector<PageWord> page_words(const std::string& pdf) {
    const ToolResult r = run_tool("pdftotext -bbox -enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(r.exit_code == 0);
    std::vector<PageWord> out;
    const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)"[^>]*>([^<]*)</word>)re");
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), word); it != std::sregex_iterator(); ++it)
        out.push_back({trimmed((*it)[4].str()), std::stod((*it)[1].str()), std::stod((*it)[3].str()), std::stod((*it)[2].str())});
    return out;
}

// Where `word` stands: the first run of poppler's words that spells it as it stands on
// the page (a right-to-left word back to front), each touching the next.
// `near`: only on the line whose top is there (0: any line).
PageWord find_word(const std::vector<PageWord>& words, const std::string& word, double near = 0) {
    INFO(word);
    for (const std::string& spelt : {word, reversed(word)}) {
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (near != 0 && std::abs(words[i].top - near) > 4.0) continue;
            std::string joined;
            for (std::size_t j = i; j < words.size() && joined.size() < spelt.size(); ++j) {
                if (j > i && std::abs(words[j].left - words[j - 1].right) > 0.5) break;
                joined += words[j].text;
                if (joined == spelt) return {spelt, words[i].left, words[j].right};
            }
        }
    }
    FAIL("not on the page");
    return {};
}

double left_of(const std::vector<PageWord>& words, const std::string& word, double near = 0) {
    return find_word(words, word, near).left;
}

}  // namespace

TEST_CASE("right-to-left text reads back in logical order with its brackets right", "[pipeline][bidi]") {
    ScratchDir dir;
    const std::string pdf = build_bidi_issue(dir);
    const ToolResult r = run_tool("pdftotext -enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(r.exit_code == 0);
    const std::string text = without_marks(r.out);
    INFO(text);
    // The bug of issue 20 was "(جامعة الدول العربية(".
    // Poppler rebuilds logical order by its own rules: runs of right-to-left words
    // come back whole, brackets right; where a bracket meets a number it guesses
    // ("( 1948בתל"), which no drawing order changes.
    CHECK(text.find("تأسست (جامعة الدول العربية) عام") != std::string::npos);
    CHECK(text.find("בתל אביב).") != std::string::npos);
    CHECK(text.find("המדינה הוכרזה בשנת") != std::string::npos);
    CHECK(text.find("جامعة الدول العربية") != std::string::npos);
    CHECK(text.find("שלום") != std::string::npos);
    CHECK(text.find("1948") != std::string::npos);
}

TEST_CASE("right-to-left words are drawn right to left, numbers left to right", "[pipeline][bidi]") {
    ScratchDir dir;
    const auto words = page_words(build_bidi_issue(dir));
    // The Arabic paragraph: its first word rightmost, its last leftmost; the year in
    // between, and the bracketed name between the first word and the year.
    CHECK(left_of(words, "تأسست") > left_of(words, "عام"));
    CHECK(left_of(words, "عام") > left_of(words, "1945"));
    CHECK(left_of(words, "1945") > left_of(words, "في"));
    CHECK(left_of(words, "في") > left_of(words, "القاهرة"));
    // The Hebrew one likewise.
    CHECK(left_of(words, "המדינה") > left_of(words, "בשנת"));
    CHECK(left_of(words, "בשנת") > left_of(words, "1948"));
    CHECK(left_of(words, "1948") > left_of(words, "אביב"));
    // In the English paragraph the name runs right to left between its brackets.
    const double line = find_word(words, "League").top;
    CHECK(left_of(words, "League") < left_of(words, "العربية", line));
    CHECK(left_of(words, "العربية", line) < left_of(words, "الدول", line));
    CHECK(left_of(words, "الدول", line) < left_of(words, "جامعة", line));
    CHECK(left_of(words, "جامعة", line) < left_of(words, "met", line));
}

TEST_CASE("a right-to-left paragraph stands flush right, indented from the right", "[pipeline][bidi]") {
    ScratchDir dir;
    const std::string pdf = build_bidi_issue(dir);
    const auto words = page_words(pdf);
    auto right_of = [&](const std::string& word) { return find_word(words, word).right; };
    auto left_edge = [&](const std::string& word) { return find_word(words, word).left; };
    // The English first line starts at the column's left edge (no indent in the
    // first paragraph); the Arabic paragraph, one line, ends 1em (10.5pt) short of
    // the column's right edge, where the English line (justified) ends.
    const double column_left = left_edge("The");
    const double column_right = right_of("a");
    const double arabic_right = right_of("تأسست");
    CHECK(arabic_right < column_right - 8);
    CHECK(arabic_right > column_right - 13);
    CHECK(left_edge("القاهرة") > column_left + 20);  // its last line is not flush left
}

// A right-to-left run's words are one run of glyphs with their spaces drawn, so
// that readers that take words by the glyphs between spaces (poppler's -bbox, search)
// find each word whole, not a letter at a time.
TEST_CASE("right-to-left words come back whole, with their spaces", "[pipeline][bidi]") {
    ScratchDir dir;
    const auto words = page_words(build_bidi_issue(dir));
    for (const std::string word : {"جامعة", "الدول", "العربية", "القاهرة", "המדינה", "הוכרזה"}) {
        INFO(word);
        CHECK(std::any_of(words.begin(), words.end(), [&](const PageWord& w) { return w.text == reversed(word); }));
    }
}
