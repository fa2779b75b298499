// Chinese, Japanese and Korean end to end (issue 20): a justified two-column issue
// with a paragraph of each and an English one quoting a Chinese name, typeset by the
// real binary with Noto Serif CJK as the layout's last fallback family, and read back
// by real readers: the text whole and in order, lines flush at the column's right
// edge, kinsoku at every line's ends, the CFF collection's face embedded and rendered,
// and no warning about glyphs or hyphenation.
#include "cjk_texts.hpp"
#include "pdf_text.hpp"
#include "punctuation_project.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <fstream>

using namespace quire;
using namespace quire::test;

namespace {

const std::string english =
    "At the summit in Jakarta the Chinese foreign minister, <span xml:lang=\"zh\">王毅</span> (Wang Yi), met his "
    "counterparts from the region and spoke at length about trade, the security of shipping lanes and the "
    "disputes that still divide the neighbours; his hosts answered in kind.";
const std::string& chinese = quire::test::chinese_paragraph;
const std::string& japanese = quire::test::japanese_paragraph;
const std::string korean =
    "외교부 대변인은 서울에서 열린 기자회견에서 「대화와 협력만이 지역의 평화와 안정을 위한 유일한 길」이라고 말했다. "
    "그는 한반도의 비핵화가 가장 중요한 과제라고 강조했다.";
constexpr int rounds = 5;  // enough text to fill the first column and run into the second

std::string body() {
    std::string out;
    for (int i = 0; i < rounds; ++i) {
        out += "    <p>" + english + "</p>\n";
        out += "    <p xml:lang=\"zh\">" + chinese + "</p>\n";
        out += "    <p xml:lang=\"ja\">" + japanese + "</p>\n";
        out += "    <p xml:lang=\"ko\">" + korean + "</p>\n";
    }
    return out;
}

// The project with Noto Serif CJK copied into its fonts/ (layouts may not name a font
// outside the project) and made the Review layout's last fallback family.
std::string write_cjk_issue(const ScratchDir& dir) {
    const std::string manifest = write_punctuation_issue(dir, {"", "", "East Asian voices", body()});
    std::filesystem::copy_file("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
                               dir.file("fonts/NotoSerifCJK-Regular.ttc"));
    const std::string layout = dir.file("layouts/review.xml");
    std::string text = read_bytes(layout);
    const std::string fonts = "<fonts fallback=\"Serif Sans\">";
    REQUIRE(text.find(fonts) != std::string::npos);
    text.replace(text.find(fonts), fonts.size(),
                 "<fonts fallback=\"Serif Sans CJK\">\n    <family name=\"CJK\" regular=\"../fonts/NotoSerifCJK-Regular.ttc\"/>");
    std::ofstream(layout, std::ios::binary | std::ios::trunc) << text;
    return manifest;
}

std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\f' && c != '\t') out += c;
    return out;
}

// Ideographs, kana, Hangul, CJK punctuation and fullwidth forms (U+3000-U+D7FF, U+FF00-U+FFEF).
bool has_cjk(const std::string& s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b >= 0xE3 && b <= 0xED) || (b == 0xEF && static_cast<unsigned char>(s[i + 1]) >= 0xBC)) return true;
    }
    return false;
}

// A line of a column as pdftotext places its words.
struct PageLine {
    double x0 = 1e9, x1 = -1e9;
    std::vector<WordBox> words;
    std::string text() const {
        std::vector<WordBox> sorted = words;
        std::sort(sorted.begin(), sorted.end(), [](const WordBox& a, const WordBox& b) { return a.x0 < b.x0; });
        std::string out;
        for (const WordBox& w : sorted) out += w.text;
        return out;
    }
};

}  // namespace

TEST_CASE("Chinese, Japanese and Korean paragraphs are set justified, whole and with kinsoku", "[pipeline][cjk]") {
    ScratchDir dir;
    const std::string manifest = write_cjk_issue(dir);
    const std::string pdf = dir.file("out.pdf");
    const ToolResult built = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " -o " + quoted(pdf));
    INFO(built.err);
    REQUIRE(built.exit_code == 0);
    CHECK(built.err.find("glyph") == std::string::npos);
    CHECK(built.err.find("hyphenation patterns") == std::string::npos);
    CHECK(built.err.find("overfull") == std::string::npos);

    // Real readers: the collection's CFF face is embedded, the file is sound, it renders.
    const ToolResult fonts = run_tool("pdffonts " + quoted(pdf));
    INFO(fonts.out);
    CHECK(fonts.out.find("NotoSerifCJK") != std::string::npos);
    CHECK(fonts.out.find("CID Type 0C") != std::string::npos);
    CHECK(fonts.out.find(" no  ") == std::string::npos);  // every font embedded
    CHECK(run_tool("qpdf --check " + quoted(pdf)).exit_code == 0);
    const ToolResult gs = run_tool("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage " + quoted(pdf));
    CHECK(gs.exit_code == 0);
    CHECK(gs.out.find("Error") == std::string::npos);
    CHECK(gs.err.find("Error") == std::string::npos);

    // The text comes back whole and in order.
    const std::string text = without_spaces(extracted_text(pdf));
    std::size_t at = 0;
    for (int i = 0; i < rounds; ++i) {
        for (const std::string& paragraph : {std::string("王毅(WangYi),methiscounterparts"), chinese, japanese, without_spaces(korean)}) {
            const std::size_t found = text.find(without_spaces(paragraph), at);
            INFO("round " << i << ": " << paragraph);
            REQUIRE(found != std::string::npos);
            at = found + 1;
        }
    }

    // Lines by page, column and baseline; the column's edges from all its lines.
    const WordBoxes boxes = word_boxes(pdf);
    std::map<std::tuple<int, int, long>, PageLine> lines;
    for (const WordBox& w : boxes.words) {
        const int column = (w.x0 + w.x1) / 2 < boxes.page_width / 2 ? 0 : 1;
        PageLine& line = lines[{w.page, column, std::lround(w.y1 * 2)}];
        line.x0 = std::min(line.x0, w.x0);
        line.x1 = std::max(line.x1, w.x1);
        line.words.push_back(w);
    }
    // The column's right edge from its CJK lines: English lines hang their hyphens and
    // punctuation past it (margin kerning).
    std::map<std::pair<int, int>, double> right_edge;
    for (const auto& [key, line] : lines) {
        if (!has_cjk(line.text())) continue;
        double& edge = right_edge[{std::get<0>(key), std::get<1>(key)}];
        edge = std::max(edge, line.x1);
    }
    int cjk_lines = 0, short_lines = 0;
    std::set<int> columns_with_cjk;
    for (const auto& [key, line] : lines) {
        const std::string t = line.text();
        if (!has_cjk(t)) continue;
        ++cjk_lines;
        columns_with_cjk.insert(std::get<0>(key) * 2 + std::get<1>(key));
        INFO("page " << std::get<0>(key) << " column " << std::get<1>(key) << ": " << t);
        for (const char* s : {"、", "。", "，", "」", "）", "》", "：", "ー", "ょ", "っ"}) CHECK_FALSE(t.starts_with(s));
        for (const char* s : {"「", "（", "《"}) CHECK_FALSE(t.ends_with(s));
        if (line.x1 < right_edge[{std::get<0>(key), std::get<1>(key)}] - 0.3) ++short_lines;
    }
    // Every line flush at the right but a paragraph's last (three CJK paragraphs a
    // round; an English one may end on its name's line only if short, which it is not).
    CHECK(cjk_lines > 4 * 3 * rounds);
    CHECK(short_lines <= 3 * rounds);
    CHECK(columns_with_cjk.size() >= 2);  // the text runs on into the second column
}
