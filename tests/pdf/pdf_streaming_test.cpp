// PdfWriter, the streaming writer: pages added one at a time and in any order, their
// content written before any font is subset, links to pages not yet added. Checked
// with qpdf, poppler's tools and MuPDF, as the other PDF tests are.
#include "pdf/pdf_writer.hpp"

#include "pdf_test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

using namespace quire;
using namespace quire::pdf;
using namespace quire::pdf::test;

namespace {

// Inter draws the ohm sign U+2126 and the Greek capital omega U+03A9 with one glyph.
const std::string ohm_first = "5 \xE2\x84\xA6 then 5 \xCE\xA9";   // ohm sign, then omega
const std::string omega_only = "Omega \xCE\xA9 alone";
const std::string ligatures = "office \xE2\x80\x9C" "fine\xE2\x80\x9D \xEF\xAC\x81ne";  // shaped fi, typed U+FB01

// Four pages: a contents page linking to page 4, two text pages (the second has only
// the omega that the first page's ohm sign shares a glyph with), and the target page.
std::vector<render::Page> pages_of_a_document() {
    render::Page contents = a5_page("1");
    contents.ops.push_back(shape_text(inter, 1, "Contents: the last page", 12, 40, 60));
    contents.ops.push_back(render::LinkArea{Length::from_pt(40), Length::from_pt(50), Length::from_pt(200),
                                            Length::from_pt(14), "", 3, Length::from_pt(100)});
    render::Page text = a5_page("2");
    text.ops.push_back(shape_text(garamond, 0, ligatures, 14, 40, 80));
    text.ops.push_back(shape_text(inter, 1, ohm_first, 12, 40, 120));
    render::Page omega = a5_page("3");
    omega.ops.push_back(shape_text(inter, 1, omega_only, 12, 40, 60));
    omega.ops.push_back(render::DrawImage{data_path("badge.png"), Length::from_pt(40), Length::from_pt(100),
                                          Length::from_pt(96), Length::from_pt(64)});
    render::Page last = a5_page("4");
    last.ops.push_back(shape_text(garamond, 0, "The last page", 14, 40, 100));
    last.ops.push_back(render::DrawImage{data_path("photo.jpg"), Length::from_pt(40), Length::from_pt(200),
                                         Length::from_pt(72), Length::from_pt(48)});
    return {contents, text, omega, last};
}

const std::vector<render::FontSource> fonts = {{garamond, 0}, {inter, 0}};

std::optional<render::FontSource> font_of(std::uint32_t id) {
    if (id >= fonts.size()) return std::nullopt;
    return fonts[id];
}

render::DocumentInfo info() {
    render::DocumentInfo i;
    i.title = "Streaming";
    i.language = "en-GB";
    i.date = "2025-03-01";
    i.producer = "quire test";
    return i;
}

std::vector<render::Outline> outlines() { return {{"Contents", 0, {}, {}}, {"The last page", 3, {}, {}}}; }

PdfOptions fixed_options() {
    PdfOptions options;
    options.use_source_date_epoch = false;
    options.min_image_dpi = 0;
    return options;
}

// Adds the pages in `order` (indices into pages_of_a_document()) and finishes.
std::string write_in_order(const ScratchDir& dir, const std::string& name, const std::vector<int>& order,
                           DiagnosticSink& sink) {
    std::vector<render::Page> pages = pages_of_a_document();
    PdfWriter writer(fixed_options(), sink);
    for (int index : order) {
        REQUIRE(writer.add_page(index, pages[static_cast<std::size_t>(index)], font_of));
        pages[static_cast<std::size_t>(index)] = {};  // the drawing is not needed once added
    }
    const std::string path = dir.file(name);
    REQUIRE(writer.finish(outlines(), info(), path));
    return path;
}

std::string page_text(const std::string& pdf, int page) {
    const std::string n = std::to_string(page);
    return run_tool("pdftotext -f " + n + " -l " + n + " -enc UTF-8 " + quoted(pdf) + " -").out;
}

}  // namespace

TEST_CASE("pages added out of order give the same bytes as in order", "[pdf][streaming]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string in_order = write_in_order(dir, "in-order.pdf", {0, 1, 2, 3}, sink);
    const std::string contents_last = write_in_order(dir, "contents-last.pdf", {1, 2, 3, 0}, sink);
    const std::string backwards = write_in_order(dir, "backwards.pdf", {3, 2, 1, 0}, sink);
    CHECK(sink.all().empty());
    const std::string bytes = read_bytes(in_order);
    CHECK(read_bytes(contents_last) == bytes);
    CHECK(read_bytes(backwards) == bytes);

    // And write_pdf, the whole display list at once, gives them too.
    render::DisplayList list;
    list.fonts = fonts;
    list.pages = pages_of_a_document();
    list.outlines = outlines();
    list.info = info();
    REQUIRE(write_pdf(list, fixed_options(), dir.file("display-list.pdf"), sink));
    CHECK(read_bytes(dir.file("display-list.pdf")) == bytes);
}

TEST_CASE("content written before the fonts are subset names the right glyphs", "[pdf][streaming]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string pdf = write_in_order(dir, "issue.pdf", {1, 2, 3, 0}, sink);
    const ToolResult check = run_tool("qpdf --check " + quoted(pdf));
    CHECK(check.exit_code == 0);
    CHECK(check.err.empty());
    const ToolResult fonts_out = run_tool("pdffonts " + quoted(pdf));
    INFO(fonts_out.out);
    // Embedded, subset (the tag), mapped to Unicode; Inter twice, with two CMaps.
    const std::regex row(R"([A-Z]{6}\+(\S+?)-Identity-H\s+CID Type 0C \(OT\)\s+Identity-H\s+yes\s+yes\s+yes\s)");
    std::istringstream lines(fonts_out.out);
    std::string line;
    std::multiset<std::string> names;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (std::regex_search(line, m, row)) names.insert(m[1]);
    }
    CHECK(names == std::multiset<std::string>{"EBGaramond12-Regular", "Inter-Regular", "Inter-Regular"});
    CHECK(page_text(pdf, 2) == ligatures + "\n" + ohm_first + "\n\n\f");
    CHECK(page_text(pdf, 4) == "The last page\n\n\f");

    // The subset keeps the font's own glyph ids: its glyphs are drawn as the font draws
    // them, so the page looks as it does set from the whole font.
    const ToolResult mupdf = run_tool("mutool draw -q -F txt -o - " + quoted(pdf) + " 2");
    CHECK(mupdf.out.rfind("office \xE2\x80\x9C", 0) == 0);
    const ToolResult gs = run_tool("gs -dBATCH -dNOPAUSE -dSAFER -sDEVICE=nullpage -q " + quoted(pdf));
    CHECK((gs.exit_code == 0 && gs.out.empty() && gs.err.empty()));
}

TEST_CASE("TrueType content written before subsetting extracts right", "[pdf][streaming]") {
    REQUIRE(std::filesystem::exists(garamond_ttf));
    ScratchDir dir;
    DiagnosticSink sink;
    PdfWriter writer(fixed_options(), sink);
    const FontLookup ttf = [](std::uint32_t) { return std::optional<render::FontSource>({garamond_ttf, 0}); };
    render::Page second = a5_page("2");
    second.ops.push_back(shape_text(garamond_ttf, 0, "fine \xEF\xAC\x81ne", 14, 40, 80));
    render::Page first = a5_page("1");
    first.ops.push_back(shape_text(garamond_ttf, 0, ligatures, 14, 40, 80));
    REQUIRE(writer.add_page(1, second, ttf));
    REQUIRE(writer.add_page(0, first, ttf));
    const std::string pdf = dir.file("ttf.pdf");
    REQUIRE(writer.finish({}, info(), pdf));
    const ToolResult fonts_out = run_tool("pdffonts " + quoted(pdf));
    INFO(fonts_out.out);
    CHECK(std::regex_search(fonts_out.out, std::regex(R"([A-Z]{6}\+EBGaramond12-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes)")));
    CHECK(run_tool("pdftotext -enc UTF-8 " + quoted(pdf) + " -").out ==
          ligatures + "\n\n\ffine \xEF\xAC\x81ne\n\n\f");
    CHECK(run_tool("qpdf --check " + quoted(pdf)).exit_code == 0);
}

TEST_CASE("a link to a page added later points to that page", "[pdf][streaming]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string pdf = write_in_order(dir, "link.pdf", {0, 1, 2, 3}, sink);
    // The contents page went in first; its link's destination is the fourth page object.
    // (mutool show: paths with dots count array items from 1.)
    const std::string dest = run_tool("mutool show " + quoted(pdf) + " Root.Pages.Kids.1.Annots.1.A.D").out;
    const std::string kids = run_tool("mutool show " + quoted(pdf) + " trailer/Root/Pages/Kids").out;
    INFO(dest << kids);
    std::smatch ref;
    REQUIRE(std::regex_search(kids, ref, std::regex(R"(^\[ \d+ 0 R \d+ 0 R \d+ 0 R (\d+) 0 R \])")));
    CHECK(std::regex_search(dest, std::regex("^\\[ " + ref[1].str() + R"( 0 R /XYZ null \d+(\.\d+)? null \])")));
    CHECK(run_tool("qpdf --check " + quoted(pdf)).exit_code == 0);
    CHECK(page_text(pdf, 1) == "Contents: the last page\n\n\f");
}

TEST_CASE("a glyph with two texts: ActualText on its page, another CMap on another page", "[pdf][streaming]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string pdf = write_in_order(dir, "texts.pdf", {2, 0, 3, 1}, sink);
    const std::string qdf = run_tool("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -").out;
    // Page 2 met the ohm sign first: the omega after it on that page says what it is,
    // and nothing else in the document needs ActualText.
    CHECK(qdf.find("/Span <</ActualText <feff03a9>>> BDC") != std::string::npos);
    std::size_t spans = 0;
    for (std::size_t at = qdf.find("/ActualText"); at != std::string::npos; at = qdf.find("/ActualText", at + 1)) ++spans;
    CHECK(spans == 1);
    // Page 3 has only the omega: its own CMap says so, without ActualText.
    CHECK(page_text(pdf, 2) == ligatures + "\n" + ohm_first + "\n\n\f");
    CHECK(page_text(pdf, 3) == omega_only + "\n\n\f");
}

TEST_CASE("finishing with a page never added is an error, and the old file stays", "[pdf][streaming]") {
    ScratchDir dir;
    DiagnosticSink sink;
    std::vector<render::Page> pages = pages_of_a_document();
    PdfWriter writer(fixed_options(), sink);
    REQUIRE(writer.add_page(0, pages[0], font_of));
    REQUIRE(writer.add_page(2, pages[2], font_of));
    CHECK_FALSE(writer.finish(outlines(), info(), dir.file("gap.pdf")));
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].message == "internal error: page 2 was never added");
    CHECK_FALSE(std::filesystem::exists(dir.file("gap.pdf")));
}

// Issue 14: a page's text records pointed at fonts in a table that moved when a later
// font id was first met on the same page; the next ligature on the page read a font
// that had moved (a crash, or under ASan a use after free). Here every line brings a
// font id not met before, from 0 up to 40, each followed by ligatures in font 0.
TEST_CASE("fonts first met in the middle of a page do not move under the page's earlier text", "[pdf][streaming]") {
    ScratchDir dir;
    DiagnosticSink sink;
    PdfWriter writer(fixed_options(), sink);
    const FontLookup any_garamond = [](std::uint32_t) { return std::optional<render::FontSource>({garamond, 0}); };
    render::Page page = a5_page("1");
    for (std::uint32_t id = 0; id <= 40; id += 4) {
        page.ops.push_back(shape_text(garamond, id, "new font", 8, 40, 40 + id * 12));
        page.ops.push_back(shape_text(garamond, 0, ligatures, 8, 200, 40 + id * 12));
    }
    REQUIRE(writer.add_page(0, page, any_garamond));
    const std::string pdf = dir.file("many-fonts.pdf");
    REQUIRE(writer.finish({}, info(), pdf));
    CHECK(run_tool("qpdf --check " + quoted(pdf)).exit_code == 0);
    const std::string text = page_text(pdf, 1);
    std::size_t lines = 0;
    for (std::size_t at = text.find("office"); at != std::string::npos; at = text.find("office", at + 1)) ++lines;
    CHECK(lines == 11);
}
