// A right-to-left article end to end (issue 20): an Arabic article with a bulleted and
// a numbered list and a footnote, long enough to fill both columns of a page, built
// by the real binary (Arabic from the installed Noto fonts) and read back from its
// display list (--debug=display-list: every run of glyphs with its place and its text
// in reading order). The article mirrors what a left-to-right one does: its columns
// follow one another from the right, list markers and note numbers hang in the right
// indent, and the footnote rule starts at the column's right edge.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

using namespace quire::test;

namespace {

struct Run {
    int page = 0;
    double x = 0, y = 0;
    std::string text;
};

struct Rule {
    int page = 0;
    double x1 = 0, x2 = 0, y = 0;
};

struct Drawing {
    std::vector<Run> runs;
    std::vector<Rule> rules;
};

// Paragraphs of Arabic prose, two lists and a table (written for the tests) and markers of where they stand:
// "افتتاح" only in the first, "ختام" only in the last.
std::string arabic_body() {
    const std::vector<std::string> sentences = {
        "تأسست جامعة الدول العربية في القاهرة عام 1945، وتضم اليوم 22 دولة عضوا.",
        "ومقرها الدائم في القاهرة (مصر)، ويرأسها أمين عام تنتخبه الدول الأعضاء لمدة خمس سنوات.",
        "وتعقد الجامعة مؤتمرات القمة مرة كل عام، وتصدر عنها قرارات في الشؤون السياسية والاقتصادية.",
        "ويعمل مجلس الجامعة على التنسيق بين سياسات الدول الأعضاء في المحافل الدولية.",
    };
    std::string body = "<p>في افتتاح الدورة الأولى قال الأمين العام إن " + sentences[0] + "<note>بموجب ميثاق جامعة الدول "
                       "العربية الموقع في 22 مارس 1945.</note> " + sentences[1] + "</p>\n";
    body += "<list><item>التنسيق السياسي بين الدول الأعضاء؛</item><item>التعاون الاقتصادي والمالي.</item></list>\n";
    body += "<table><column width=\"3*\"/><column width=\"1*\"/>"
            "<row header=\"yes\"><cell>الدولة</cell><cell>سنة الانضمام</cell></row>"
            "<row><cell>مصر</cell><cell>1945</cell></row><row><cell>الجزائر</cell><cell>1962</cell></row></table>\n";
    body += "<list type=\"number\"><item>اجتماع القاهرة الأول؛</item><item>اجتماع بيروت الثاني.</item></list>\n";
    for (int k = 0; k < 16; ++k) {
        body += "<p>" + sentences[k % 4] + " " + sentences[(k + 1) % 4] + " " + sentences[(k + 2) % 4] + "</p>\n";
    }
    body += "<p>وفي ختام الدورة " + sentences[3] + "</p>\n";
    return body;
}

// Builds a one-article issue of the article `body` in language `lang` and returns its
// display list.
Drawing build_article(const ScratchDir& dir, const std::string& lang, const std::string& body) {
    copy_project(dir);
    namespace fs = std::filesystem;
    fs::create_directories(dir.path() / "issues/r/articles");
    std::ofstream(dir.file("issues/r/issue.xml"), std::ios::binary)
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<issue version=\"1\" layout=\"../../layouts/review.xml\" xml:lang=\"en-GB\">\n"
        << "  <meta><title>Both ways</title><date>2025-04-01</date>"
        << "<publisher>St Andrews Foreign Affairs Society</publisher></meta>\n"
        << "  <article href=\"articles/a.xml\"/>\n</issue>\n";
    std::ofstream(dir.file("issues/r/articles/a.xml"), std::ios::binary)
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<article version=\"1\" id=\"a\" xml:lang=\"" << lang << "\">\n"
        << "<title>" << (lang == "ar" ? "جامعة الدول العربية" : "The Arab League") << "</title>\n<body>\n"
        << body << "</body>\n</article>\n";
    const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(dir.file("issues/r/issue.xml")) + " -o " +
                                  quoted(dir.file("r.pdf")) + " --debug=display-list");
    INFO(r.err.substr(0, 2000));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("no glyph") == std::string::npos);
    Drawing out;
    const std::regex page(R"(^page (\d+) )");
    const std::regex glyphs(R"re(^  glyphs x=([-0-9.]+) y=([-0-9.]+) .* n=\d+ "(.*)"( @\d+)?$)re");
    const std::regex rule(R"(^  rule ([-0-9.]+),([-0-9.]+) ([-0-9.]+),([-0-9.]+) )");
    int current = -1;
    std::size_t from = 0;
    while (from < r.err.size()) {
        std::size_t to = r.err.find('\n', from);
        if (to == std::string::npos) to = r.err.size();
        const std::string line = r.err.substr(from, to - from);
        from = to + 1;
        std::smatch m;
        if (std::regex_search(line, m, page)) current = std::stoi(m[1]);
        else if (std::regex_search(line, m, glyphs)) out.runs.push_back({current, std::stod(m[1]), std::stod(m[2]), m[3]});
        else if (std::regex_search(line, m, rule)) out.rules.push_back({current, std::stod(m[1]), std::stod(m[3]), std::stod(m[2])});
    }
    return out;
}

const Run& run_with(const Drawing& d, const std::string& text) {
    INFO(text);
    auto it = std::find_if(d.runs.begin(), d.runs.end(), [&](const Run& r) { return r.text.find(text) != std::string::npos; });
    REQUIRE(it != d.runs.end());
    return *it;
}

constexpr double page_middle = 595.2756 / 2;

// The Arabic article, built once for all the tests that read it (the build takes
// most of their time): its display list and the directory holding its PDF (r.pdf).
struct BuiltArticle {
    ScratchDir dir;
    Drawing drawing;
};

const BuiltArticle& arabic_article() {
    static const std::unique_ptr<BuiltArticle> built = [] {
        auto b = std::make_unique<BuiltArticle>();
        b->drawing = build_article(b->dir, "ar", arabic_body());
        return b;
    }();
    return *built;
}

// The runs on the line of `run`: on its page, at its height, in its column.
std::vector<Run> line_of(const Drawing& d, const Run& run) {
    std::vector<Run> out;
    for (const Run& r : d.runs) {
        if (r.page == run.page && r.y == run.y && (r.x > page_middle) == (run.x > page_middle)) out.push_back(r);
    }
    return out;
}

}  // namespace

TEST_CASE("a right-to-left article's columns follow one another from the right", "[pipeline][bidi]") {
    const Drawing& d = arabic_article().drawing;
    const Run& first = run_with(d, "افتتاح");
    const Run& last = run_with(d, "ختام");
    REQUIRE(first.page == last.page);  // the article fills the two columns of its page
    CHECK(first.x > page_middle);
    CHECK(last.x < page_middle);
}

TEST_CASE("list markers and note numbers hang on the right of right-to-left items", "[pipeline][bidi]") {
    const Drawing& d = arabic_article().drawing;
    for (const std::string& item : {std::string("التنسيق"), std::string("التعاون الاقتصادي")}) {
        const Run& text = run_with(d, item);
        const std::vector<Run> line = line_of(d, text);
        const auto bullet = std::find_if(line.begin(), line.end(), [](const Run& r) { return r.text == "\u2022"; });
        REQUIRE(bullet != line.end());
        for (const Run& r : line) {
            if (r.text != "\u2022") CHECK(bullet->x > r.x);
        }
    }
    // The numbered items: "1." set right to left, rightmost on the line.
    const std::vector<Run> numbered = line_of(d, run_with(d, "اجتماع القاهرة"));
    const auto one = std::find_if(numbered.begin(), numbered.end(), [](const Run& r) { return r.text.find('1') != std::string::npos; });
    REQUIRE(one != numbered.end());
    for (const Run& r : numbered) {
        if (r.text.find_first_of("1.") == std::string::npos) CHECK(one->x > r.x);
    }
    // The footnote's number stands right of its text, at the foot.
    const Run& note = run_with(d, "بموجب");
    const std::vector<Run> note_line = line_of(d, note);
    const auto number = std::find_if(note_line.begin(), note_line.end(), [](const Run& r) { return r.text == "1"; });
    REQUIRE(number != note_line.end());
    CHECK(number->x > note.x);
}

TEST_CASE("a right-to-left footnote rule starts at the column's right edge", "[pipeline][bidi]") {
    ScratchDir ltr_dir;
    const Drawing& rtl = arabic_article().drawing;
    const Drawing ltr = build_article(ltr_dir, "en-GB",
                                      "<p>The League was founded in Cairo.<note>By its Pact of 22 March 1945.</note> "
                                      "It has twenty-two members.</p>\n");
    // The footnote rule: the one rule on the note's page above the note.
    auto rule_over = [](const Drawing& d, const Run& note) {
        std::optional<Rule> found;
        for (const Rule& r : d.rules) {
            if (r.page == note.page && r.y < note.y && r.y > note.y - 30) found = r;
        }
        REQUIRE(found);
        return *found;
    };
    const Rule left = rule_over(ltr, run_with(ltr, "By its Pact"));
    const Rule right = rule_over(rtl, run_with(rtl, "بموجب"));
    const double length = left.x2 - left.x1;
    CHECK(right.x2 - right.x1 == Approx(length));
    // Left to right, the rule starts at the first column's left edge, the text area's:
    // the inside margin of the first page, a recto (review.xml: 20 mm). Right to left,
    // it ends at the first column's right edge, the text area's: the outside margin (16 mm).
    const double mm = 72 / 25.4;
    CHECK(left.x1 == Approx(20 * mm).margin(0.01));
    CHECK(right.x2 == Approx(595.2756 - 16 * mm).margin(0.01));
}

// Arabic's tall and deep letters come close to the leading: lines stand on the grid,
// a leading apart, and are pushed apart only where the ink of one meets the next's.
// Neither happens in this text, whose paragraphs were once pushed a grid line apart.
TEST_CASE("paragraphs of Arabic follow one another a leading apart", "[pipeline][bidi]") {
    const Drawing& d = arabic_article().drawing;
    const Run& last = run_with(d, "ختام");  // the second column holds only paragraphs
    std::vector<double> baselines;
    for (const Run& r : d.runs) {
        if (r.page == last.page && r.x < page_middle && r.y > 100 && r.y < 780) baselines.push_back(r.y);
    }
    std::sort(baselines.begin(), baselines.end());
    baselines.erase(std::unique(baselines.begin(), baselines.end()), baselines.end());
    REQUIRE(baselines.size() > 10);
    for (std::size_t k = 1; k < baselines.size(); ++k) {
        INFO(baselines[k]);
        CHECK(baselines[k] - baselines[k - 1] == Approx(13.0).margin(0.01));  // review.xml: body leading 13pt
    }
}

TEST_CASE("a right-to-left table's first column is on the right", "[pipeline][bidi]") {
    const Drawing& d = arabic_article().drawing;
    const Run& state = run_with(d, "الدولة");
    const Run& year = run_with(d, "سنة");
    CHECK(state.y == year.y);
    CHECK(state.x > year.x);
    CHECK(run_with(d, "الجزائر").x > run_with(d, "1962").x);
}

// Margin kerning in right-to-left lines: the full stop or comma that ends a line
// (on its left) hangs past the column's left edge, not its right one. Words read
// back with their boxes (pdftotext -bbox); Arabic letters themselves never hang.
TEST_CASE("right-to-left lines hang their last stop past the left edge, not the right one", "[pipeline][bidi]") {
    const ToolResult r =
        run_tool("pdftotext -f 1 -l 1 -bbox -enc UTF-8 " + quoted(arabic_article().dir.file("r.pdf")) + " -");
    REQUIRE(r.exit_code == 0);
    const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)")re");
    const double mm = 72 / 25.4;
    const double right_edge = 595.2756 - 16 * mm;  // the first column's, the text area's (recto)
    double rightmost = 0;
    int words_in_column = 0;
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), word); it != std::sregex_iterator(); ++it) {
        const double x_min = std::stod((*it)[1].str()), y = std::stod((*it)[2].str()), x_max = std::stod((*it)[3].str());
        if (x_min < page_middle || y > 700) continue;  // the first column's text, not the folio or the note
        rightmost = std::max(rightmost, x_max);
        ++words_in_column;
    }
    REQUIRE(words_in_column > 100);
    CHECK(rightmost <= right_edge + 0.05);
    CHECK(rightmost >= right_edge - 0.05);  // justified lines reach it
}
