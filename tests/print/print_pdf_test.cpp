// Print PDFs read back by the tools a printer uses: box geometry (mutool), the order
// of pages on imposed sheets (pdftotext per sheet side), marks beyond the bleed (the
// rendered pixels), the output intent and the /All separation, and Ghostscript and
// poppler opening the files cleanly. The last test runs `quire build --print` on the
// sample issue.
#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"
#include "print/impose.hpp"
#include "print/marks.hpp"
#include "print/press_colour.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <regex>
#include <sstream>

using namespace quire;
using namespace quire::pdf::test;

namespace {

const std::string garamond = source_path("fonts/EBGaramond/EBGaramond12-Regular.otf");
const double w_pt = 420, h_pt = 595, bleed_pt = 9;  // A5 with 3 mm bleed

render::DisplayList numbered_pages(int count) {
    render::DisplayList list;
    list.fonts = {{garamond, 0}};
    for (int i = 1; i <= count; ++i) {
        render::Page page;
        page.width = Length::from_pt(w_pt);
        page.height = Length::from_pt(h_pt);
        page.bleed = Length::from_pt(bleed_pt);
        page.label = std::to_string(i);
        page.ops.push_back(shape_text(garamond, 0, "PAGE" + std::to_string(i), 24, 150, 300));
        list.pages.push_back(page);
    }
    return list;
}

bool write(const render::DisplayList& list, const std::string& path) {
    DiagnosticSink sink;
    pdf::PdfOptions options;
    options.pdfa = false;
    std::optional<print::PressProfile> profile = print::find_press_profile("", sink);
    if (!profile) return false;
    options.press_intent = pdf::PressIntent{profile->path, profile->condition};
    const bool ok = pdf::write_pdf(list, options, path, sink);
    for (const Diagnostic& d : sink.all()) UNSCOPED_INFO(format_diagnostic(d));
    return ok;
}

std::vector<double> box_of(const std::string& pdf, int page, const std::string& box) {
    const ToolResult r = run_tool("mutool show " + quoted(pdf) + " pages/" + std::to_string(page) + "/" + box);
    REQUIRE(r.exit_code == 0);
    std::vector<double> v;
    const std::regex number(R"(-?[0-9]+(\.[0-9]+)?)");
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), number); it != std::sregex_iterator(); ++it) {
        v.push_back(std::stod(it->str()));
    }
    REQUIRE(v.size() == 4);
    return v;
}

std::string words(const std::string& text) {
    std::istringstream in(text);
    std::string out;
    for (std::string w; in >> w;) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::string side_text(const std::string& pdf, int side) {
    const ToolResult r = run_tool("pdftotext -layout -f " + std::to_string(side) + " -l " + std::to_string(side) + " " +
                                  quoted(pdf) + " -");
    REQUIRE(r.exit_code == 0);
    return words(r.out);
}

// A greyscale rendering at 72 dpi (one pixel a point) as rows of bytes.
struct Grey {
    int width = 0, height = 0;
    std::string pixels;
    int at(int x, int y) const { return static_cast<unsigned char>(pixels[static_cast<std::size_t>(y * width + x)]); }
};

Grey render_page(const std::string& pdf, int page, const ScratchDir& dir) {
    const std::string stem = dir.file("render");
    const ToolResult r = run_tool("pdftoppm -gray -r 72 -singlefile -f " + std::to_string(page) + " -l " +
                                  std::to_string(page) + " " + quoted(pdf) + " " + quoted(stem));
    REQUIRE(r.exit_code == 0);
    const std::string bytes = read_bytes(stem + ".pgm");
    std::istringstream in(bytes);
    std::string magic;
    Grey g;
    int max = 0;
    in >> magic >> g.width >> g.height >> max;
    in.get();
    REQUIRE(magic == "P5");
    g.pixels = bytes.substr(static_cast<std::size_t>(in.tellg()));
    REQUIRE(g.pixels.size() == static_cast<std::size_t>(g.width * g.height));
    return g;
}

}  // namespace

TEST_CASE("print PDF: media box = bleed box + slug, bleed box = trim box + bleed") {
    ScratchDir dir;
    render::DisplayList list = numbered_pages(2);
    print::add_marks(list, {}, {});
    const std::string pdf = dir.file("print.pdf");
    REQUIRE(write(list, pdf));
    const double slug = print::MarkOptions{}.slug.pt();
    const std::vector<double> media = box_of(pdf, 1, "MediaBox");
    const std::vector<double> bleed = box_of(pdf, 1, "BleedBox");
    const std::vector<double> trim = box_of(pdf, 1, "TrimBox");
    CHECK(trim[2] - trim[0] == Approx(w_pt));
    CHECK(trim[3] - trim[1] == Approx(h_pt));
    for (int i = 0; i < 2; ++i) {
        CHECK(bleed[i] == Approx(trim[i] - bleed_pt).margin(0.001));
        CHECK(bleed[i + 2] == Approx(trim[i + 2] + bleed_pt).margin(0.001));
        CHECK(media[i] == Approx(bleed[i] - slug).margin(0.001));
        CHECK(media[i + 2] == Approx(bleed[i + 2] + slug).margin(0.001));
    }
}

TEST_CASE("print PDF: marks stand outside the bleed box, and the page inside it is untouched") {
    ScratchDir dir;
    render::DisplayList list;
    list.pages.push_back(numbered_pages(1).pages[0]);
    list.pages[0].ops.clear();  // nothing but marks
    print::MarkOptions options;
    options.registration = true;
    print::add_marks(list, options, {});
    const std::string pdf = dir.file("marks.pdf");
    REQUIRE(write(list, pdf));
    const std::vector<double> media = box_of(pdf, 1, "MediaBox");
    const std::vector<double> bleed = box_of(pdf, 1, "BleedBox");
    const Grey g = render_page(pdf, 1, dir);
    const double scale = (media[2] - media[0]) / g.width;  // points per pixel, about 1
    REQUIRE(scale == Approx(1).epsilon(0.01));
    int inside_ink = 0, outside_ink = 0;
    for (int y = 0; y < g.height; ++y) {
        for (int x = 0; x < g.width; ++x) {
            const double px = (x + 0.5) * scale, py = media[3] - (y + 0.5) * scale;  // pixel centre in PDF space
            // Two pixels of slack for anti-aliasing at the bleed box's edge.
            const bool inside = px > bleed[0] + 2 && px < bleed[2] - 2 && py > bleed[1] + 2 && py < bleed[3] - 2;
            if (g.at(x, y) < 200) ++(inside ? inside_ink : outside_ink);
        }
    }
    CHECK(inside_ink == 0);
    CHECK(outside_ink > 100);  // the marks are there
    const ToolResult spaces = run_tool("mutool show " + quoted(pdf) + " pages/1/Resources/ColorSpace");
    CHECK(spaces.out.find("/Separation /All /DeviceCMYK") != std::string::npos);
}

TEST_CASE("print PDF: a CMYK output intent for the press") {
    ScratchDir dir;
    const std::string pdf = dir.file("intent.pdf");
    REQUIRE(write(numbered_pages(1), pdf));
    const ToolResult r = run_tool("mutool show " + quoted(pdf) + " trailer/Root/OutputIntents");
    CHECK(r.out.find("/S /GTS_PDFX") != std::string::npos);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex(R"(/DestOutputProfile ([0-9]+) 0 R)")));
    const ToolResult n = run_tool("mutool show " + quoted(pdf) + " " + m[1].str());
    CHECK(n.out.find("/N 4") != std::string::npos);  // four components: a CMYK profile
}

TEST_CASE("print PDF: booklet sheets carry their pages in folding order") {
    ScratchDir dir;
    DiagnosticSink sink;
    render::DisplayList sheets = print::impose(numbered_pages(8), print::Imposition::booklet, {}, sink);
    print::MarkOptions options;
    options.fold = true;
    print::add_marks(sheets, options, {});
    const std::string pdf = dir.file("booklet.pdf");
    REQUIRE(write(sheets, pdf));
    // Sheet 1 front: the last page and page 1; back: 2 and 7; sheet 2: 6 and 3, 4 and 5.
    CHECK(side_text(pdf, 1) == "PAGE8 PAGE1");
    CHECK(side_text(pdf, 2) == "PAGE2 PAGE7");
    CHECK(side_text(pdf, 3) == "PAGE6 PAGE3");
    CHECK(side_text(pdf, 4) == "PAGE4 PAGE5");
    const std::vector<double> trim = box_of(pdf, 1, "TrimBox");
    CHECK(trim[2] - trim[0] == Approx(2 * w_pt));  // A4 sheets for an A5 booklet
    const ToolResult gs = run_tool("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage " + quoted(pdf) + " 2>&1");
    CHECK(gs.exit_code == 0);
    CHECK(gs.out.empty());
}

TEST_CASE("quire build --print --impose booklet on the sample issue") {
    ScratchDir dir;
    const std::string flat = dir.file("print.pdf"), marked = dir.file("marked.pdf"), booklet = dir.file("booklet.pdf");
    const std::string manifest = source_path("issues/2025-spring/issue.xml");
    for (const auto& [out, args] : {std::pair{flat, std::string(" --print")},
                                    std::pair{marked, std::string(" --print --marks crop,registration,slug")},
                                    std::pair{booklet, std::string(" --impose booklet")}}) {
        const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + args + " -o " + quoted(out));
        INFO(args << "\n" << r.err);
        REQUIRE(r.exit_code == 0);
        // The sample's layout approves its red and its two RGB photographs for press
        // (<preflight>): its print build is quiet (issue 18).
        CHECK(r.err.empty());
    }

    auto page_count = [](const std::string& pdf) {
        std::smatch m;
        const std::string out = run_tool("pdfinfo " + quoted(pdf)).out;
        REQUIRE(std::regex_search(out, m, std::regex(R"(Pages:\s+([0-9]+))")));
        return std::stoi(m[1]);
    };
    const int pages = page_count(flat);
    REQUIRE(pages >= 2);
    CHECK(page_count(booklet) == (pages + 3) / 4 * 2);

    // The words of a page, or of a part of a sheet side (pdftotext's crop rectangle,
    // in points at 72 dpi from the media box's top-left), sorted: what stands where.
    auto words_in = [](const std::string& pdf, int page, const std::string& crop) {
        const ToolResult r = run_tool("pdftotext -r 72 " + crop + " -f " + std::to_string(page) + " -l " +
                                      std::to_string(page) + " " + quoted(pdf) + " -");
        std::istringstream in(r.out);
        std::vector<std::string> w;
        for (std::string word; in >> word;) w.push_back(word);
        std::sort(w.begin(), w.end());
        return w;
    };
    const std::vector<double> media = box_of(booklet, 1, "MediaBox");
    const std::vector<double> trim = box_of(booklet, 1, "TrimBox");
    const int fold = static_cast<int>(std::lround((trim[0] + trim[2]) / 2 - media[0]));
    const int height = static_cast<int>(std::lround(media[3] - media[1]));
    const std::string left_half = "-x 0 -y 0 -W " + std::to_string(fold) + " -H " + std::to_string(height);
    const std::string right_half = "-x " + std::to_string(fold) + " -y 0 -W " + std::to_string(fold) + " -H " +
                                   std::to_string(height);
    const std::vector<print::SheetSide> sides = print::sheet_order(pages, print::Imposition::booklet);
    REQUIRE(sides.front().left == (pages % 4 == 0 ? pages - 1 : -1));  // sheet 1 front: last page and page 1
    REQUIRE(sides.front().right == 0);
    for (std::size_t s = 0; s < sides.size(); ++s) {
        INFO("sheet side " << s + 1 << ": pages " << sides[s].left + 1 << " | " << sides[s].right + 1);
        const int side = static_cast<int>(s) + 1;
        const auto expected = [&](int p) { return p < 0 ? std::vector<std::string>{} : words_in(flat, p + 1, ""); };
        CHECK(words_in(booklet, side, left_half) == expected(sides[s].left));
        CHECK(words_in(booklet, side, right_half) == expected(sides[s].right));
    }

    for (const std::string& pdf : {flat, marked, booklet}) {
        INFO(pdf);
        CHECK(run_tool("qpdf --check " + quoted(pdf)).exit_code == 0);
        const ToolResult gs = run_tool("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage " + quoted(pdf) + " 2>&1");
        CHECK(gs.exit_code == 0);
        CHECK(gs.out.empty());
        const ToolResult poppler = run_tool("pdftoppm -r 10 -png " + quoted(pdf) + " " + quoted(dir.file("p")));
        CHECK(poppler.exit_code == 0);
        CHECK(poppler.err.empty());
    }
    // The slug line names the issue and the page.
    const std::string slug = run_tool("pdftotext -f 2 -l 2 " + quoted(marked) + " -").out;
    CHECK(slug.find("Spring 2025") != std::string::npos);
}

TEST_CASE("the sample's print and booklet files identify as PDF/X-4, with no links and RGB images as sRGB") {
    ScratchDir dir;
    const std::string manifest = source_path("issues/2025-spring/issue.xml");
    for (const std::string args : {" --print", " --print --impose booklet"}) {
        INFO(args);
        const std::string pdf = dir.file("x4.pdf");
        REQUIRE(run_tool("env SOURCE_DATE_EPOCH=0 " + quoted(QUIRE_BINARY) + " build " + quoted(manifest) + args + " -o " +
                         quoted(pdf))
                    .exit_code == 0);
        CHECK(read_bytes(pdf).rfind("%PDF-1.6", 0) == 0);  // PDF/X-4 is PDF 1.6
        const std::string info = run_tool("mutool show " + quoted(pdf) + " trailer/Info").out;
        CHECK(info.find("/GTS_PDFXVersion (PDF/X-4)") != std::string::npos);
        CHECK(info.find("/Trapped /False") != std::string::npos);
        CHECK(info.find("/CreationDate") != std::string::npos);
        const std::string qdf = run_tool("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -").out;
        for (const char* xmp : {"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>", "<pdf:Trapped>False</pdf:Trapped>",
                                "<xmpMM:DocumentID>uuid:", "<xmpMM:VersionID>1</xmpMM:VersionID>",
                                "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>"}) {
            CHECK(qdf.find(xmp) != std::string::npos);
        }
        // Links and bookmarks are the archive's: no annotation over the printed page.
        CHECK(qdf.find("/Annots") == std::string::npos);
        CHECK(qdf.find("/Outlines") == std::string::npos);
        // The cover and the figure are RGB JPEGs: ICC-based, never DeviceRGB.
        CHECK(qdf.find("/ColorSpace /DeviceRGB") == std::string::npos);
        CHECK(qdf.find("/ICCBased") != std::string::npos);
        const std::string intent = run_tool("mutool show " + quoted(pdf) + " trailer/Root/OutputIntents").out;
        CHECK(intent.find("/OutputConditionIdentifier") != std::string::npos);
        CHECK(intent.find("/RegistryName") != std::string::npos);
        const ToolResult verify = run_tool(quoted(QUIRE_BINARY) + " verify --flavour x4 " + quoted(pdf));
        INFO(verify.out << verify.err);
        CHECK(verify.exit_code == 0);
    }
}

TEST_CASE("converted images (--convert-images): the pictures in the press's CMYK, looking as they did") {
    ScratchDir dir;
    const std::string manifest = source_path("issues/2025-spring/issue.xml");
    const std::string tagged = dir.file("tagged.pdf"), converted = dir.file("converted.pdf");
    REQUIRE(run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " --print -o " + quoted(tagged)).exit_code == 0);
    REQUIRE(run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " --print --convert-images -o " + quoted(converted))
                .exit_code == 0);
    const std::string qdf = run_tool("qpdf --qdf --object-streams=disable " + quoted(converted) + " -").out;
    CHECK(qdf.find("/ICCBased") == std::string::npos);  // no RGB left to tag
    CHECK(qdf.find("/ColorSpace /DeviceCMYK") != std::string::npos);
    // The cover (page 1) rendered both ways: the same colours, to a few levels in 255.
    auto pixels = [&](const std::string& pdf, const std::string& stem) {
        REQUIRE(run_tool("pdftoppm -r 20 -f 1 -l 1 -singlefile " + quoted(pdf) + " " + quoted(dir.file(stem))).exit_code == 0);
        const std::string ppm = read_bytes(dir.file(stem + ".ppm"));
        std::size_t at = 0;
        for (int line = 0; line < 3; ++line) at = ppm.find('\n', at) + 1;  // P6, the size, the depth
        return ppm.substr(at);
    };
    const std::string before = pixels(tagged, "before"), after = pixels(converted, "after");
    REQUIRE(before.size() == after.size());
    double difference = 0;
    for (std::size_t i = 0; i < before.size(); ++i) {
        difference += std::abs(static_cast<unsigned char>(before[i]) - static_cast<unsigned char>(after[i]));
    }
    CHECK(difference / static_cast<double>(before.size()) < 2.0);
    const ToolResult gs = run_tool("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage " + quoted(converted) + " 2>&1");
    CHECK(gs.exit_code == 0);
    CHECK(gs.out.empty());
}

// Issue 18: the same issue in a layout that approves nothing: each warning says where
// to act (file:line:column, the cover's picture in the manifest included) and ends
// with the <approved> line that would silence it; the page of text is unchanged.
TEST_CASE("quire build --print: preflight warnings say where, and how to approve them") {
    ScratchDir dir;
    const std::string manifest = source_path("issues/2025-spring/issue.xml");
    const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " --print --layout " +
                                  quoted(source_path("layouts/a5-single.xml")) + " -o " + quoted(dir.file("a5.pdf")));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::istringstream lines(r.err);
    int warnings = 0;
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        ++warnings;
        CHECK(std::regex_search(line, std::regex(R"(^[^:]+:[0-9]+:[0-9]+: warning: .*<preflight>: <approved [^>]+/>$)")));
    }
    CHECK(warnings == 5);  // the blue in two styles, two RGB photographs, one of them under 300 dpi
    CHECK(r.err.find("layouts/a5-single.xml:32:3: warning: paragraph style \"section\" has the RGB colour #1f4e79") !=
          std::string::npos);
    CHECK(r.err.find("issue.xml:15:3: warning: image cover.jpg is RGB") != std::string::npos);
    CHECK(r.err.find("<approved image=\"../issues/2025-spring/images/cover.jpg\" for=\"rgb\"/>") != std::string::npos);
}

// Issue 18: --impose, --marks and --press-profile are print settings: each alone makes
// the print output (TrimBox, CMYK output intent), never an archive PDF that ignores it.
TEST_CASE("quire build: --impose, --marks and --press-profile each imply --print") {
    ScratchDir dir;
    const std::string manifest = source_path("issues/2025-spring/issue.xml");
    DiagnosticSink sink;
    const std::optional<print::PressProfile> profile = print::find_press_profile("", sink);
    REQUIRE(profile);
    for (const std::string& args : {std::string(" --marks crop,registration"), std::string(" --marks none"),
                                    " --press-profile " + quoted(profile->path), std::string(" --impose 2up")}) {
        INFO(args);
        const std::string out = dir.file("out.pdf");
        std::filesystem::remove(out);
        const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + args + " -o " + quoted(out));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        // An archive PDF has no output intent for the press (its own is sRGB).
        const ToolResult intent = run_tool("mutool show " + quoted(out) + " trailer/Root/OutputIntents");
        CHECK(intent.out.find("GTS_PDFX") != std::string::npos);
    }
    const ToolResult help = run_tool(quoted(QUIRE_BINARY) + " build --help");
    for (const char* option : {"--impose", "--marks", "--press-profile"}) {
        INFO(option);
        // The option's help, up to the next option, says so.
        const std::size_t at = help.out.find("\n  " + std::string(option) + " ");
        REQUIRE(at != std::string::npos);
        const std::size_t next = help.out.find("\n  -", at + 1);
        CHECK(help.out.substr(at, next - at).find("implies --print") != std::string::npos);
    }
}

TEST_CASE("the sample's print file separates its text onto the black plate alone") {
    ScratchDir dir;
    const std::string pdf = dir.file("sep.pdf"), pam = dir.file("page.cmyk");
    REQUIRE(run_tool(quoted(QUIRE_BINARY) + " build " + quoted(source_path("issues/2025-spring/issue.xml")) +
                     " --print -o " + quoted(pdf))
                .exit_code == 0);
    // Page 4 is running text only: Ghostscript's separations of it (bitcmyk: a byte per
    // ink per pixel) have cyan, magenta and yellow only in the crop marks
    // (registration colour, on every plate alike).
    REQUIRE(run_tool("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=bitcmyk -dGrayValues=256 -r30 -dFirstPage=4 "
                     "-dLastPage=4 -sOutputFile=" + quoted(pam) + " " + quoted(pdf))
                .exit_code == 0);
    const std::string bytes = read_bytes(pam);
    REQUIRE(bytes.size() > 1000);
    std::array<long, 4> inked{};
    for (std::size_t i = 0; i + 3 < bytes.size(); i += 4) {
        for (std::size_t c = 0; c < 4; ++c) inked[c] += bytes[i + c] != 0;
    }
    CHECK(inked[0] == inked[1]);
    CHECK(inked[1] == inked[2]);
    CHECK(inked[3] > 50 * inked[0]);  // the text: black
}
