// write_pdf end to end, checked with the readers people use: qpdf, poppler's tools,
// Ghostscript and MuPDF (design §8: PDF tests assert on real readers).
#include "pdf/pdf_writer.hpp"
#include "verify/pdfa_check.hpp"

#include "pdf_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

using namespace quire;
using namespace quire::pdf;
using namespace quire::pdf::test;

namespace {

// Ligatures (ffi from "office", fi from "fine" and a typed U+FB01), curly quotes, an
// em dash and an accented letter.
const std::string sample_text = "office \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 na\xC3\xAFve \xEF\xAC\x81ne fine";

// Inter draws the ohm sign U+2126 and the Greek capital omega U+03A9 with one glyph:
// the second needs ActualText to extract as what was typed.
const std::string ohm_text = "Waffle AVATAR 5 \xE2\x84\xA6 (5 \xCE\xA9)";

render::DisplayList sample_document() {
    render::DisplayList list;
    list.fonts = {{garamond, 0}, {inter, 0}};

    render::Page cover = a5_page("i");
    cover.ops.push_back(shape_text(garamond, 0, "Spring Issue", 28, 40, 80));
    render::DrawImage photo{data_path("photo.jpg"), Length::from_pt(40), Length::from_pt(120), Length::from_pt(72),
                            Length::from_pt(48)};
    cover.ops.push_back(photo);
    render::DrawImage badge{data_path("badge.png"), Length::from_pt(140), Length::from_pt(120), Length::from_pt(96),
                            Length::from_pt(64)};
    cover.ops.push_back(badge);
    render::DrawRule rule;
    rule.x1 = Length::from_pt(40);
    rule.x2 = Length::from_pt(380);
    rule.y1 = rule.y2 = Length::from_pt(100);
    rule.thickness = Length::from_pt(0.5);
    rule.color = render::Color::rgb(0.8, 0.1, 0.1);
    cover.ops.push_back(rule);
    render::LinkArea web{Length::from_pt(40), Length::from_pt(200), Length::from_pt(100), Length::from_pt(14),
                         "https://example.org/issue", -1, {}};
    cover.ops.push_back(shape_text(inter, 1, "example.org/issue", 10, 40, 210));
    cover.ops.push_back(web);
    render::LinkArea accented = web;
    accented.y = Length::from_pt(215);
    accented.uri = "https://example.org/na\xC3\xAFve";
    cover.ops.push_back(accented);
    render::LinkArea inside{Length::from_pt(40), Length::from_pt(230), Length::from_pt(100), Length::from_pt(14),
                            "", 2, Length::from_pt(60)};
    cover.ops.push_back(shape_text(inter, 1, "Go to page 2", 10, 40, 240));
    cover.ops.push_back(inside);

    render::Page first = a5_page("1");
    first.ops.push_back(shape_text(garamond, 0, sample_text, 14, 40, 80));

    render::Page second = a5_page("2");
    render::DrawGlyphs waffle = shape_text(inter, 1, ohm_text, 12, 40, 60);
    waffle.color = render::Color::rgb(0.1, 0.2, 0.6);
    second.ops.push_back(waffle);

    list.pages = {cover, first, second};

    render::Outline opening{"Opening", 0, Length::from_pt(0), {}};
    opening.children.push_back({"The photo", 0, Length::from_pt(120), {}});
    list.outlines = {opening, {"Na\xC3\xAFve \xE2\x80\x9Ctext\xE2\x80\x9D", 1, Length::from_pt(60), {}},
                     {"Waffles", 2, Length::from_pt(50), {}}};

    list.info.title = "Spring \xE2\x80\x9CIssue\xE2\x80\x9D 2025";
    list.info.author = "The Editors";
    list.info.subject = "Campus review";
    list.info.keywords = "campus, review";
    list.info.language = "en-GB";
    list.info.date = "2025-03-01";
    list.info.producer = "quire 0.1.0";
    return list;
}

PdfOptions fixed_options() {
    PdfOptions options;
    options.use_source_date_epoch = false;  // the tests choose their dates
    return options;
}

std::string write_sample(const ScratchDir& dir, const std::string& name, DiagnosticSink& sink,
                         const PdfOptions& options = fixed_options()) {
    const std::string path = dir.file(name);
    REQUIRE(write_pdf(sample_document(), options, path, sink));
    REQUIRE_FALSE(sink.has_errors());
    return path;
}

// The file rewritten by qpdf in its readable QDF form: one key a line, spaces
// normalised, streams uncompressed.
std::string qdf_text(const std::string& pdf) {
    return run_tool("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -").out;
}

// MuPDF in Debian 12 is built without lcms2 and says so on every run.
std::string without_icc_notice(std::string err) {
    const std::string notice = "warning: ICC support is not available\n";
    for (std::size_t at; (at = err.find(notice)) != std::string::npos;) err.erase(at, notice.size());
    return err;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

std::vector<std::string> entries_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("the PDF passes qpdf, Ghostscript and MuPDF without a complaint", "[pdf]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string pdf = write_sample(dir, "issue.pdf", sink);

    const ToolResult check = run_tool("qpdf --check " + quoted(pdf));
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.err.empty());
    CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);

    const ToolResult gs = run_tool("gs -dBATCH -dNOPAUSE -dSAFER -sDEVICE=nullpage -q " + quoted(pdf));
    INFO(gs.out << gs.err);
    CHECK(gs.exit_code == 0);
    CHECK(gs.out.empty());
    CHECK(gs.err.empty());

    const ToolResult mutool = run_tool("mutool draw -q -F txt -o /dev/null " + quoted(pdf));
    INFO(mutool.out << mutool.err);
    CHECK(mutool.exit_code == 0);
    CHECK(without_icc_notice(mutool.err).empty());

    CHECK(read_bytes(pdf).rfind("%PDF-1.7", 0) == 0);
}

TEST_CASE("every font is an embedded subset with a ToUnicode map", "[pdf]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string pdf = write_sample(dir, "issue.pdf", sink);
    const ToolResult fonts = run_tool("pdffonts " + quoted(pdf));
    REQUIRE(fonts.exit_code == 0);
    INFO(fonts.out);
    std::istringstream lines(fonts.out);
    std::string line;
    int seen = 0;
    const std::regex row(R"(^([A-Z]{6})\+(\S+?)(-Identity-H)?\s+CID Type 0C( \(OT\))?\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+0\s*$)");
    std::set<std::string> names;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
        std::smatch m;
        CHECK(std::regex_match(line, m, row));
        if (!m.empty()) names.insert(m[2]);
        ++seen;
    }
    CHECK(seen == 2);
    CHECK(names == std::set<std::string>{"EBGaramond12-Regular", "Inter-Regular"});
    CHECK(sink.all().size() == 1);  // only the low-resolution warning of the badge
}

TEST_CASE("text extracts as typeset: ligatures, quotes, dashes, accents", "[pdf]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string pdf = write_sample(dir, "issue.pdf", sink);
    const ToolResult text = run_tool("pdftotext -f 2 -l 2 -enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(text.exit_code == 0);
    CHECK(text.out == sample_text + "\n\n\f");  // pdftotext ends a block with a blank line
    const ToolResult third = run_tool("pdftotext -f 3 -l 3 -enc UTF-8 " + quoted(pdf) + " -");
    CHECK(third.out == ohm_text + "\n\n\f");
    CHECK(count_of(qdf_text(pdf), "/Span <</ActualText <feff03a9>>> BDC") == 1);  // qpdf writes hex in lower case
    const ToolResult mupdf = run_tool("mutool draw -q -F txt -o - " + quoted(pdf) + " 2");
    // MuPDF 1.21 reads ToUnicode but not ActualText, and spells ligatures out.
    CHECK(mupdf.out.rfind("office \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 na\xC3\xAFve ", 0) == 0);
}

TEST_CASE("the same display list gives the same bytes, and dates come from the input", "[pdf]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string a = write_sample(dir, "a.pdf", sink);
    const std::string b = write_sample(dir, "b.pdf", sink);
    CHECK(read_bytes(a) == read_bytes(b));
    const std::string bytes = qdf_text(a);
    CHECK(bytes.find("/CreationDate (D:20250301000000Z)") != std::string::npos);
    CHECK(bytes.find("<xmp:CreateDate>2025-03-01T00:00:00Z</xmp:CreateDate>") != std::string::npos);
    CHECK(bytes.find("PoDoFo") == std::string::npos);
    const std::regex id(R"(/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\])");
    const std::string raw = read_bytes(a);  // qpdf would write an /ID of its own
    std::smatch m;
    REQUIRE(std::regex_search(raw, m, id));
    CHECK(m[1] == m[2]);

    // A different document gets a different /ID.
    render::DisplayList other = sample_document();
    other.pages.pop_back();
    REQUIRE(write_pdf(other, fixed_options(), dir.file("c.pdf"), sink));
    std::smatch n;
    const std::string other_bytes = read_bytes(dir.file("c.pdf"));
    REQUIRE(std::regex_search(other_bytes, n, id));
    CHECK(n[1] != m[1]);

    const ToolResult info = run_tool("TZ=UTC pdfinfo -isodates " + quoted(a));
    INFO(info.out);
    CHECK(info.out.find("Title:           Spring \xE2\x80\x9CIssue\xE2\x80\x9D 2025\n") != std::string::npos);
    CHECK(info.out.find("Author:          The Editors\n") != std::string::npos);
    CHECK(info.out.find("Producer:        quire 0.1.0\n") != std::string::npos);
    CHECK(info.out.find("CreationDate:    2025-03-01T00:00:00Z") != std::string::npos);
    CHECK(info.out.find("Pages:           3\n") != std::string::npos);
    CHECK(info.out.find("Page size:       438 x 613 pts") != std::string::npos);  // A5-ish trim plus 9 pt bleed
    CHECK(info.out.find("Metadata Stream: yes") != std::string::npos);
}

TEST_CASE("fonts are named and embedded in order of first use, whatever their ids", "[pdf]") {
    // Ids are the order faces were loaded in, which two threads may change (--jobs):
    // the file must not depend on them.
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string a = write_sample(dir, "a.pdf", sink);
    render::DisplayList swapped = sample_document();
    std::swap(swapped.fonts[0], swapped.fonts[1]);
    for (render::Page& page : swapped.pages) {
        for (render::DrawOp& op : page.ops)
            if (auto* run = std::get_if<render::DrawGlyphs>(&op)) run->font = 1 - run->font;
    }
    REQUIRE(write_pdf(swapped, fixed_options(), dir.file("b.pdf"), sink));
    CHECK(read_bytes(a) == read_bytes(dir.file("b.pdf")));
    // Each page names its fonts from F1, in the order it draws them.
    const std::string qdf = qdf_text(a);
    CHECK(qdf.find("/F2") != std::string::npos);  // the cover: Garamond, then Inter
    CHECK(qdf.find("/F3") == std::string::npos);
}

TEST_CASE("SOURCE_DATE_EPOCH sets the dates when the options allow it", "[pdf]") {
    ScratchDir dir;
    DiagnosticSink sink;
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    PdfOptions options;  // use_source_date_epoch is on by default
    const std::string pdf = write_sample(dir, "epoch.pdf", sink, options);
    ::unsetenv("SOURCE_DATE_EPOCH");
    const std::string bytes = qdf_text(pdf);
    CHECK(bytes.find("/CreationDate (D:20231114221320Z)") != std::string::npos);
    CHECK(bytes.find("/ModDate (D:20231114221320Z)") != std::string::npos);
    CHECK(bytes.find("<xmp:ModifyDate>2023-11-14T22:13:20Z</xmp:ModifyDate>") != std::string::npos);

    // An explicit date in the options wins over the environment.
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    options.date_epoch = 0;
    const std::string explicit_pdf = write_sample(dir, "explicit.pdf", sink, options);
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(qdf_text(explicit_pdf).find("/CreationDate (D:19700101000000Z)") != std::string::npos);

    ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    DiagnosticSink bad;
    CHECK_FALSE(source_date_epoch(bad));
    ::unsetenv("SOURCE_DATE_EPOCH");
    REQUIRE(bad.all().size() == 1);
    CHECK(bad.all()[0].severity == Severity::warning);
}

TEST_CASE("images are embedded with their profiles and soft masks", "[pdf]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string pdf = write_sample(dir, "issue.pdf", sink);
    const ToolResult list = run_tool("pdfimages -list " + quoted(pdf));
    REQUIRE(list.exit_code == 0);
    INFO(list.out);
    // page num type width height color comp bpc enc ...
    CHECK(std::regex_search(list.out, std::regex(R"(\n\s*1\s+0\s+image\s+300\s+200\s+icc\s+3\s+8\s+jpeg)")));
    CHECK(std::regex_search(list.out, std::regex(R"(\n\s*1\s+1\s+image\s+48\s+32\s+icc\s+3\s+8\s+image)")));
    CHECK(std::regex_search(list.out, std::regex(R"(\n\s*1\s+2\s+smask\s+48\s+32\s+gray\s+1\s+8\s+image)")));

    // The badge is 48 pixels over 96 pt: 36 dpi.
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]) ==
          data_path("badge.png") + ": warning: image is placed at 36 dpi (48x32 pixels); print wants 200 dpi or more");

    // The page renders, and the JPEG shows where it was placed: its centre is white.
    const ToolResult render = run_tool("gs -dBATCH -dNOPAUSE -dSAFER -q -sDEVICE=txtwrite -o /dev/null " + quoted(pdf));
    CHECK(render.exit_code == 0);
}

TEST_CASE("a CMYK JPEG is embedded inverted with a warning", "[pdf]") {
    ScratchDir dir;
    DiagnosticSink sink;
    render::DisplayList list;
    render::Page page = a5_page("1");
    page.ops.push_back(render::DrawImage{data_path("cmyk.jpg"), Length::from_pt(10), Length::from_pt(10),
                                         Length::from_pt(4), Length::from_pt(4)});
    list.pages = {page};
    PdfOptions draft = fixed_options();
    draft.pdfa = false;  // PDF/A with an sRGB intent cannot hold it (tested below)
    REQUIRE(write_pdf(list, draft, dir.file("cmyk.pdf"), sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].message.find("CMYK JPEG") != std::string::npos);
    const std::string bytes = read_bytes(dir.file("cmyk.pdf"));
    CHECK(std::regex_search(bytes, std::regex(R"(/Decode\s*\[\s*1 0 1 0 1 0 1 0\s*\])")));
    const ToolResult list_images = run_tool("pdfimages -list " + quoted(dir.file("cmyk.pdf")));
    CHECK(std::regex_search(list_images.out, std::regex(R"(image\s+16\s+16\s+cmyk\s+4\s+8\s+jpeg)")));
    CHECK(run_tool("qpdf --check " + quoted(dir.file("cmyk.pdf"))).exit_code == 0);
}

TEST_CASE("links, outlines and page labels are there", "[pdf]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string pdf = write_sample(dir, "issue.pdf", sink);
    const ToolResult json = run_tool("qpdf --json --json-key=pagelabels --json-key=outlines " + quoted(pdf));
    REQUIRE(json.exit_code == 0);
    const std::string& j = json.out;
    INFO(j);
    // Page labels: "i", then arabic from 1.
    CHECK(std::regex_search(j, std::regex(R"("index":\s*0,\s*"label":\s*\{\s*"/P":\s*"u:i",\s*"/St":\s*1\s*\})")));
    CHECK(std::regex_search(j, std::regex(R"("index":\s*1,\s*"label":\s*\{\s*"/S":\s*"/D",\s*"/St":\s*1\s*\})")));
    // Outlines: three entries at the top, one nested.
    CHECK(count_of(j, "\"title\": \"Opening\"") == 1);
    CHECK(count_of(j, "\"title\": \"The photo\"") == 1);
    CHECK(count_of(j, "\"title\": \"Na\xC3\xAFve \xE2\x80\x9Ctext\xE2\x80\x9D\"") == 1);
    CHECK(count_of(j, "\"title\": \"Waffles\"") == 1);

    const ToolResult annots = run_tool("mutool show " + quoted(pdf) + " pages/1/Annots");
    INFO(annots.out << annots.err);
    CHECK(annots.exit_code == 0);
    const ToolResult show = run_tool("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -");
    CHECK(show.out.find("/URI (https://example.org/issue)") != std::string::npos);
    CHECK(show.out.find("/URI (https://example.org/na%C3%AFve)") != std::string::npos);
    CHECK(show.out.find("/S /GoTo") != std::string::npos);
    CHECK(show.out.find("/Subtype /Link") != std::string::npos);
    CHECK(show.out.find("/M ") == std::string::npos);  // no annotation dates at all
    const std::string raw = read_bytes(pdf);
    CHECK(std::regex_search(raw, std::regex(R"(/MediaBox\s*\[\s*0 0 438 613\s*\])")));
    CHECK(std::regex_search(raw, std::regex(R"(/TrimBox\s*\[\s*9 9 429 604\s*\])")));
    CHECK(std::regex_search(raw, std::regex(R"(/BleedBox\s*\[\s*0 0 438 613\s*\])")));
}

TEST_CASE("TrueType fonts embed as CIDFontType2", "[pdf]") {
    REQUIRE(std::filesystem::exists(garamond_ttf));  // fonts-ebgaramond, from .ci/setup
    ScratchDir dir;
    DiagnosticSink sink;
    render::DisplayList list;
    list.fonts = {{garamond_ttf, 0}};
    render::Page page = a5_page("1");
    page.ops.push_back(shape_text(garamond_ttf, 0, sample_text, 14, 40, 80));
    list.pages = {page};
    const std::string pdf = dir.file("ttf.pdf");
    REQUIRE(write_pdf(list, fixed_options(), pdf, sink));
    CHECK(sink.all().empty());
    const ToolResult fonts = run_tool("pdffonts " + quoted(pdf));
    INFO(fonts.out);
    CHECK(std::regex_search(fonts.out, std::regex(R"([A-Z]{6}\+EBGaramond12-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes)")));
    CHECK(run_tool("pdftotext -enc UTF-8 " + quoted(pdf) + " -").out == sample_text + "\n\n\f");
    const ToolResult check = run_tool("qpdf --check " + quoted(pdf));
    CHECK(check.exit_code == 0);
    CHECK(check.err.empty());
    const ToolResult gs = run_tool("gs -dBATCH -dNOPAUSE -dSAFER -sDEVICE=nullpage -q " + quoted(pdf));
    CHECK((gs.exit_code == 0 && gs.out.empty() && gs.err.empty()));
}

TEST_CASE("a failed write leaves the old PDF as it was and no temporary file", "[pdf]") {
    ScratchDir dir;
    DiagnosticSink first;
    const std::string pdf = write_sample(dir, "issue.pdf", first);
    const std::string before = read_bytes(pdf);

    SECTION("a font that is not there") {
        render::DisplayList list = sample_document();
        list.fonts[1].path = dir.file("missing.otf");
        DiagnosticSink sink;
        CHECK_FALSE(write_pdf(list, fixed_options(), pdf, sink));
        REQUIRE(sink.has_errors());
        CHECK(format_diagnostic(sink.all().back()) == dir.file("missing.otf") + ": error: cannot read font file");
    }
    SECTION("an image that is not there") {
        render::DisplayList list = sample_document();
        std::get<render::DrawImage>(list.pages[0].ops[1]).path = dir.file("missing.jpg");
        DiagnosticSink sink;
        CHECK_FALSE(write_pdf(list, fixed_options(), pdf, sink));
        CHECK(sink.has_errors());
    }
    SECTION("the target cannot be replaced") {
        // A directory in the way makes rename fail after the temporary file is written.
        std::filesystem::create_directory(dir.file("taken.pdf"));
        DiagnosticSink sink;
        CHECK_FALSE(write_pdf(sample_document(), fixed_options(), dir.file("taken.pdf"), sink));
        CHECK(sink.has_errors());
        std::filesystem::remove(dir.file("taken.pdf"));
    }
    SECTION("a directory that does not exist") {
        DiagnosticSink sink;
        CHECK_FALSE(write_pdf(sample_document(), fixed_options(), dir.file("no/such/dir/issue.pdf"), sink));
        CHECK(sink.has_errors());
    }
    CHECK(read_bytes(pdf) == before);
    CHECK(entries_in(dir.path()) == std::vector<std::string>{"issue.pdf"});
}

// Not run by default: writes the sample document to $QUIRE_PDF_KEEP so a person can
// look at it (`test_pdf "[.keep]"`, then pdftoppm -r 70 -png).
TEST_CASE("keep the sample PDF for a look", "[.keep]") {
    const char* target = std::getenv("QUIRE_PDF_KEEP");
    REQUIRE(target);
    DiagnosticSink sink;
    CHECK(write_pdf(sample_document(), fixed_options(), target, sink));
}

TEST_CASE("PDF/A-2u by default: pdfaid, an sRGB output intent, a group where soft masks are", "[pdf][pdfa]") {
    ScratchDir dir;
    DiagnosticSink sink;
    const std::string pdf = write_sample(dir, "issue.pdf", sink);
    const std::string raw = read_bytes(pdf);
    CHECK(raw.compare(0, 9, "%PDF-1.7\n") == 0);
    const std::string qdf = qdf_text(pdf);
    CHECK(qdf.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
    CHECK(qdf.find("<pdfaid:conformance>U</pdfaid:conformance>") != std::string::npos);
    CHECK(qdf.find("/S /GTS_PDFA1") != std::string::npos);
    CHECK(qdf.find("/DestOutputProfile") != std::string::npos);
    CHECK(qdf.find("/CIDSet") == std::string::npos);
    // The cover draws the PNG badge with its alpha as a soft mask: it, and only it,
    // has a transparency group with a blending colour space.
    CHECK(count_of(qdf, "/S /Transparency") == 1);
    CHECK(count_of(qdf, "/Type /Group") == 1);
    CHECK(count_of(qdf, "/CS /DeviceRGB") == 1);
    // The metadata stream is not compressed.
    CHECK(raw.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);

    const verify::Report report = verify::check_pdfa(pdf);
    for (const verify::Failure& f : report.failures) UNSCOPED_INFO(f.clause << ": " << f.message);
    CHECK(report.readable);
    CHECK(report.failures.empty());
    CHECK(run_tool("qpdf --check " + quoted(pdf)).exit_code == 0);
}

TEST_CASE("draft output is plain PDF and fails the PDF/A check", "[pdf][pdfa]") {
    ScratchDir dir;
    DiagnosticSink sink;
    PdfOptions draft = fixed_options();
    draft.pdfa = false;
    const std::string pdf = write_sample(dir, "draft.pdf", sink, draft);
    const std::string qdf = qdf_text(pdf);
    CHECK(qdf.find("pdfaid") == std::string::npos);
    CHECK(qdf.find("/OutputIntents") == std::string::npos);
    CHECK(qdf.find("/Transparency") == std::string::npos);
    const verify::Report report = verify::check_pdfa(pdf);
    CHECK(std::any_of(report.failures.begin(), report.failures.end(), [](const verify::Failure& f) { return f.clause == "6.6.4"; }));
    CHECK(std::any_of(report.failures.begin(), report.failures.end(), [](const verify::Failure& f) { return f.clause == "6.1.9"; }));
}

TEST_CASE("PDF/A: untagged CMYK images get the assumed profile, .notdef is left out, CMYK colour is refused", "[pdf][pdfa]") {
    ScratchDir dir;
    {
        DiagnosticSink sink;
        render::DisplayList list;
        render::Page page = a5_page("1");
        page.ops.push_back(render::DrawImage{data_path("cmyk.jpg"), Length::from_pt(10), Length::from_pt(10),
                                             Length::from_pt(4), Length::from_pt(4)});
        list.pages = {page};
        REQUIRE(write_pdf(list, fixed_options(), dir.file("cmyk.pdf"), sink));
        const std::string qdf = qdf_text(dir.file("cmyk.pdf"));
        CHECK(qdf.find("/ICCBased") != std::string::npos);
        CHECK(qdf.find("/ColorSpace /DeviceCMYK") == std::string::npos);
        const verify::Report report = verify::check_pdfa(dir.file("cmyk.pdf"));
        for (const verify::Failure& f : report.failures) UNSCOPED_INFO(f.clause << ": " << f.message);
        CHECK(report.failures.empty());

        DiagnosticSink no_profile_sink;
        PdfOptions no_profile = fixed_options();
        no_profile.cmyk_image_profile = dir.file("none.icc");
        CHECK_FALSE(write_pdf(list, no_profile, dir.file("cmyk2.pdf"), no_profile_sink));
        bool said = false;
        for (const auto& d : no_profile_sink.all()) said = said || d.message.find("cannot go into PDF/A") != std::string::npos;
        CHECK(said);
        CHECK_FALSE(std::filesystem::exists(dir.file("cmyk2.pdf")));
    }
    {
        DiagnosticSink sink;
        render::DisplayList list;
        list.fonts = {{garamond, 0}};
        render::Page page = a5_page("1");
        render::DrawGlyphs run = shape_text(garamond, 0, "ab", 12, 40, 60);
        run.glyphs[1].gid = 0;  // as HarfBuzz gives for a character the font lacks
        page.ops = {run};
        list.pages = {page};
        REQUIRE(write_pdf(list, fixed_options(), dir.file("notdef.pdf"), sink));
        const verify::Report report = verify::check_pdfa(dir.file("notdef.pdf"));
        for (const verify::Failure& f : report.failures) UNSCOPED_INFO(f.clause << ": " << f.message);
        CHECK(report.failures.empty());
        // The same in a draft draws it, and the check says so.
        DiagnosticSink draft_sink;
        PdfOptions draft = fixed_options();
        draft.pdfa = false;
        REQUIRE(write_pdf(list, draft, dir.file("draft.pdf"), draft_sink));
        const verify::Report drawn = verify::check_pdfa(dir.file("draft.pdf"));
        CHECK(std::any_of(drawn.failures.begin(), drawn.failures.end(), [](const verify::Failure& f) { return f.clause == "6.2.11.8"; }));

        render::DrawRule rule;
        rule.x2 = Length::from_pt(10);
        rule.thickness = Length::from_pt(1);
        rule.color = render::Color{render::Color::Space::cmyk, {0, 0, 0, 1}};
        list.pages[0].ops = {rule};
        DiagnosticSink cmyk_sink;
        CHECK_FALSE(write_pdf(list, fixed_options(), dir.file("rule.pdf"), cmyk_sink));
        std::string all;
        for (const auto& d : cmyk_sink.all()) all += d.message + "\n";
        CHECK(all.find("coloured in CMYK") != std::string::npos);
    }
}
