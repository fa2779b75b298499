// Limits are limits (issue 15): review.xml lets justified lines space their letters by
// at most 5 % of the font's space (letter-spacing="-5% 0% 5%"), and a line that needs
// more is a loose line, never letterspaced past the limit. Measured on the page: every
// word of the justified body text, read with pdftotext's word boxes, against the same
// word set ragged right (which never spaces letters) in a copy of the project, on the
// sample issue and on the long test issue's other text.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

using namespace quire::test;
namespace fs = std::filesystem;

namespace {

struct WordBox {
    std::string text;
    double width, height;
};

std::vector<WordBox> word_boxes(const std::string& pdf) {
    const ToolResult r = run_tool("pdftotext -bbox -enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(r.exit_code == 0);
    const std::regex word_re(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    std::vector<WordBox> words;
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), word_re); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        words.push_back({m[5].str(), std::stod(m[3].str()) - std::stod(m[1].str()), std::stod(m[4].str()) - std::stod(m[2].str())});
    }
    return words;
}

// Builds `manifest` (inside a copy of the project in `dir`) with the body style as
// the layout has it and again set ragged right; returns both PDFs' word boxes.
std::pair<std::vector<WordBox>, std::vector<WordBox>> justified_and_ragged(const ScratchDir& dir,
                                                                           const std::string& manifest) {
    copy_project(dir, {"issues/2025-spring", "tests/golden/long-issue"});
    const std::string layout = dir.file("layouts/review.xml");
    const std::string justified = dir.file("justified.pdf"), ragged = dir.file("ragged.pdf");
    auto build = [&](const std::string& out) {
        const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(dir.file(manifest)) + " -o " + quoted(out));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    };
    std::string text = read_bytes(layout);
    const std::string body = R"(name="body" font="Serif" size="10.5pt" leading="13pt" align="justify")";
    REQUIRE(text.find(body) != std::string::npos);
    const std::string letters = R"(letter-spacing="-5% 0% 5%")";
    REQUIRE(text.find(letters) != std::string::npos);  // what the test holds it to
    // Glyph scaling off, so that a word's width changes only by its letter spacing
    // (glyph scaling's own limits: the test below).
    text.replace(text.find(letters), letters.size(), letters + R"( glyph-scaling="100% 100% 100%")");
    std::ofstream(layout, std::ios::binary | std::ios::trunc) << text;
    build(justified);
    text.replace(text.find(body), body.size(), R"(name="body" font="Serif" size="10.5pt" leading="13pt" align="left")");
    std::ofstream(layout, std::ios::binary | std::ios::trunc) << text;
    build(ragged);
    return {word_boxes(justified), word_boxes(ragged)};
}

// Each justified word against its ragged width: the difference, shared by its letter
// gaps, within 5 % of EB Garamond's space at 10.5 pt (2.1 pt) either way, with 0.02 pt
// for rounding in the reader. Returns how many words were compared.
int check_letter_spacing(const std::vector<WordBox>& justified, const std::vector<WordBox>& ragged) {
    std::map<std::pair<std::string, long>, double> natural;  // (text, height in 1/100 pt) -> width
    auto key = [](const WordBox& w) { return std::pair{w.text, std::lround(w.height * 100)}; };
    for (const WordBox& w : ragged) natural.emplace(key(w), w.width);
    const double limit = 0.05 * 2.1 + 0.02;
    const double body_height = 10.5;  // pdftotext's word box is as tall as the font size
    int compared = 0;
    for (const WordBox& w : justified) {
        const auto found = natural.find(key(w));
        // Body words only (EB Garamond at 10.5 pt), five letters or more.
        const long letters = std::count_if(w.text.begin(), w.text.end(), [](char c) { return (c & 0xC0) != 0x80; });
        if (found == natural.end() || std::abs(w.height - body_height) > 0.1 || letters < 5) continue;
        const double per_gap = (w.width - found->second) / static_cast<double>(letters - 1);
        INFO("\"" << w.text << "\": " << found->second << " pt ragged, " << w.width << " pt justified");
        CHECK(std::abs(per_gap) <= limit);
        ++compared;
    }
    return compared;
}

}  // namespace

TEST_CASE("justified words are letterspaced within the style's limits: the sample issue", "[golden][letterspacing]") {
    ScratchDir dir;
    const auto [justified, ragged] = justified_and_ragged(dir, "issues/2025-spring/issue.xml");
    CHECK(check_letter_spacing(justified, ragged) > 600);
}

TEST_CASE("justified words are letterspaced within the style's limits: other text", "[golden][letterspacing]") {
    ScratchDir dir;
    const auto [justified, ragged] = justified_and_ragged(dir, "tests/golden/long-issue/issue.xml");
    CHECK(check_letter_spacing(justified, ragged) > 600);
}

// Glyph scaling's limits (the body's default, 98% to 102%): every horizontal scaling
// the sample's PDF draws with (Tz, in per cent), read from its decompressed content
// streams, lies within them; some lines do use it; and each scaled run sets it back.
TEST_CASE("justified lines scale their glyphs within the style's limits", "[golden][letterspacing]") {
    ScratchDir dir;
    const std::string pdf = dir.file("sample.pdf"), qdf = dir.file("sample-qdf.pdf");
    REQUIRE(run_tool(quoted(QUIRE_BINARY) + " build issues/2025-spring/issue.xml -o " + quoted(pdf)).exit_code == 0);
    REQUIRE(run_tool("qpdf --qdf --object-streams=disable " + quoted(pdf) + " " + quoted(qdf)).exit_code == 0);
    const std::string content = read_bytes(qdf);
    const std::regex tz_re(R"(\n(-?[0-9.]+) Tz\n)");
    int scaled = 0, reset = 0;
    for (auto it = std::sregex_iterator(content.begin(), content.end(), tz_re); it != std::sregex_iterator(); ++it) {
        const double percent = std::stod((*it)[1].str());
        INFO("Tz " << percent);
        CHECK(percent >= 98.0);
        CHECK(percent <= 102.0);
        if (percent == 100.0) ++reset;
        else ++scaled;
    }
    CHECK(scaled > 50);
    CHECK(reset == scaled);
}
