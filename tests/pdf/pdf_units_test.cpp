// The PDF writer's pieces on their own: number formatting, dates, text strings,
// clusters, the ToUnicode CMap and the text operators of a content stream.
#include "pdf/content_stream.hpp"
#include "pdf/image_loader.hpp"
#include "pdf/metadata.hpp"
#include "pdf/number_format.hpp"
#include "pdf/stream_deflater.hpp"
#include "pdf/text_string.hpp"
#include "pdf/to_unicode_cmap.hpp"
#include "pdf/to_unicode_variants.hpp"

#include "pdf_test_support.hpp"

#include <catch2/catch.hpp>

#include <clocale>
#include <map>
#include <set>

using namespace quire;
using namespace quire::pdf;

TEST_CASE("numbers are fixed-point, trimmed and locale-independent", "[pdf][units]") {
    // A comma locale must not leak into PDF syntax.
    std::setlocale(LC_ALL, "de_DE.UTF-8");
    CHECK(format_number(12.5) == "12.5");
    CHECK(format_number(3.0) == "3");
    CHECK(format_number(-0.00001) == "0");
    CHECK(format_number(1.23456789) == "1.2346");
    CHECK(format_number(595.2756, 2) == "595.28");
    CHECK(format_number(-7.1) == "-7.1");
    CHECK(format_number(1e6) == "1000000");
    std::setlocale(LC_ALL, "C");
    CHECK(format_pt(Length::from_sp(65536 * 10 + 32768)) == "10.5");
}

TEST_CASE("numbers written in place match to_chars' rounding and trimming", "[pdf][units]") {
    // append_number writes integers where format_number used std::to_chars: the bytes
    // must be the same, halves and negatives included.
    CHECK(format_number(-12.34567) == "-12.3457");
    CHECK(format_number(0.00005) == "0.0001");
    CHECK(format_number(-0.00004) == "0");
    CHECK(format_number(2.5, 0) == "3");
    CHECK(format_number(-1.005, 2) == "-1");  // -1.005 is -1.00499999... as a double
    CHECK(format_number(100.10, 2) == "100.1");
    CHECK(format_number(1e20) == "100000000000000000000");
    std::string out = "x";
    append_number(out, 7.25, 1);
    CHECK(out == "x7.3");  // 7.25 rounds away from zero, as std::round does
}

TEST_CASE("deflated streams do not depend on how many threads compressed them", "[pdf][units]") {
    std::vector<std::string> inputs;
    for (int k = 0; k < 40; ++k) {
        std::string page;
        for (int line = 0; line < 200 + 37 * k; ++line) page += "BT /F1 10 Tf 72 " + std::to_string(700 - line) + " Td [<0012> -20 <0034>] TJ ET\n";
        inputs.push_back(std::move(page));
    }
    auto run = [&](std::size_t workers) {
        std::vector<std::string> out(inputs.size());
        StreamDeflater deflater(workers);
        for (std::size_t k = 0; k < inputs.size(); ++k) deflater.add(&out[k], inputs[k]);
        deflater.finish();
        return out;
    };
    const std::vector<std::string> one = run(1);
    CHECK(run(3) == one);
    CHECK(run(8) == one);
    for (std::size_t k = 0; k < inputs.size(); ++k) CHECK(one[k] == deflate_bytes(inputs[k]));
}

TEST_CASE("ISO 8601 dates become PDF and XMP dates in UTC", "[pdf][units]") {
    CHECK(parse_iso8601("1970-01-01") == 0);
    CHECK(parse_iso8601("2025-03-01") == 1740787200);
    CHECK(parse_iso8601("2025-03-01T09:30") == 1740787200 + 9 * 3600 + 30 * 60);
    CHECK(parse_iso8601("2025-03-01T10:30:00+01:00") == 1740787200 + 9 * 3600 + 30 * 60);
    CHECK(parse_iso8601("2025-03-01T09:30:00Z") == 1740787200 + 9 * 3600 + 30 * 60);
    CHECK_FALSE(parse_iso8601("1 March 2025"));
    CHECK_FALSE(parse_iso8601("2025-13-01"));
    CHECK_FALSE(parse_iso8601("2025-03-01T09"));
    CHECK(pdf_date(1740787200 + 34200) == "D:20250301093000Z");
    CHECK(xmp_date(1740787200 + 34200) == "2025-03-01T09:30:00Z");
    CHECK(xmp_date(951782400) == "2000-02-29T00:00:00Z");  // a leap day
}

TEST_CASE("text becomes UTF-16BE with surrogate pairs", "[pdf][units]") {
    CHECK(hex(utf16be("A")) == "0041");
    CHECK(hex(utf16be("fi")) == "00660069");
    CHECK(hex(utf16be("\xE2\x80\x94")) == "2014");          // em dash
    CHECK(hex(utf16be("\xF0\x9D\x84\x9E")) == "D834DD1E");  // U+1D11E, musical G clef
    CHECK(hex(utf16be("a\xFF" "b")) == "0061FFFD0062");     // a bad byte shows as U+FFFD
    CHECK(text_string("Plain").GetStringUtf8() == "Plain");
    CHECK(text_string("na\xC3\xAFve").IsUnicode());
    CHECK(text_string("na\xC3\xAFve").GetStringUtf8() == "na\xC3\xAFve");
}

namespace {

render::DrawGlyphs run_of(std::string text, std::vector<std::pair<std::uint32_t, std::uint32_t>> gid_cluster) {
    render::DrawGlyphs run;
    run.text = std::move(text);
    run.size = Length::from_pt(10);
    for (auto [gid, cluster] : gid_cluster) {
        shape::Glyph g;
        g.gid = gid;
        g.cluster = cluster;
        g.advance = Length::from_pt(5);
        run.glyphs.push_back(g);
    }
    return run;
}

}  // namespace

TEST_CASE("clusters carry the text between their offsets", "[pdf][units]") {
    // "office": o, ffi ligature (cluster 1 covers "ffi"), c, e.
    // The clusters' text views the run's text: keep each run alive while they are used.
    const render::DrawGlyphs office = run_of("office", {{10, 0}, {20, 1}, {30, 4}, {40, 5}});
    const auto clusters = glyph_clusters(office);
    REQUIRE(clusters.size() == 4);
    CHECK(clusters[1].text == "ffi");
    CHECK(clusters[3].text == "e");
    // Base and mark share a cluster: one cluster of two glyphs.
    const render::DrawGlyphs marked_run = run_of("n\xCC\x88x", {{5, 0}, {6, 0}, {7, 3}});
    const auto marked = glyph_clusters(marked_run);
    REQUIRE(marked.size() == 2);
    CHECK(marked[0].last - marked[0].first == 2);
    CHECK(marked[0].text == "n\xCC\x88");
    // Right-to-left: visual order, clusters descending.
    const render::DrawGlyphs rtl_run = run_of("ab", {{2, 1}, {1, 0}});
    const auto rtl = glyph_clusters(rtl_run);
    CHECK(rtl[0].text == "b");
    CHECK(rtl[1].text == "a");
}

TEST_CASE("a page's CMap text for a glyph is its first single-glyph cluster's", "[pdf][units]") {
    PageGlyphTexts page;
    CHECK(page.cmap_gives({7}, "fi"));
    CHECK_FALSE(page.cmap_gives({7}, "\xEF\xAC\x81"));  // U+FB01 typed as such: ActualText
    CHECK(page.cmap_gives({7}, "fi"));
    // A cluster of several glyphs always goes inside ActualText; its glyphs get its
    // text as a fallback (PDF/A level U maps every glyph) but decide nothing.
    CHECK_FALSE(page.cmap_gives({5, 6}, "n\xCC\x88"));
    CHECK(page.cmap_gives({5}, "n"));
    CHECK_FALSE(page.cmap_gives({8}, ""));  // no text: ActualText says so
    CHECK(page.required() == std::map<std::uint32_t, std::string>{{5, "n"}, {7, "fi"}});
    CHECK(page.fallback() == std::map<std::uint32_t, std::string>{{5, "n\xCC\x88"}, {6, "n\xCC\x88"}});

    const std::string cmap = to_unicode_cmap({{1, "fi"}, {2, "\xE2\x80\x99"}, {3, ""}});
    CHECK(cmap.find("2 beginbfchar\n<0001> <00660069>\n<0002> <2019>\nendbfchar") != std::string::npos);
    CHECK(cmap.find("<0003>") == std::string::npos);
    CHECK(cmap.find("/CMapName /Adobe-Identity-UCS def") != std::string::npos);
}

TEST_CASE("a glyph standing for one of its cluster's characters decides nothing", "[pdf][units]") {
    // A drop cap's "T" is drawn apart; the line beside it starts with the "a" of
    // "Talk", whose cluster text is "Ta". That "a" must not make every later "a" of
    // the page need ActualText.
    DiagnosticSink sink;
    const std::string path = QUIRE_SOURCE_DIR "/fonts/EBGaramond/EBGaramond12-Regular.otf";
    const auto font = SourceFont::open({path, 0}, sink);
    REQUIRE(font);
    const std::uint32_t a = quire::pdf::test::shape_text(path, 0, "a", 10, 0, 0).glyphs.at(0).gid;
    CHECK(font->draws_part_of(a, "Ta"));
    CHECK_FALSE(font->draws_part_of(a, "a"));
    PageGlyphTexts texts(&*font);
    CHECK_FALSE(texts.cmap_gives({a}, "Ta"));
    CHECK(texts.cmap_gives({a}, "a"));
    CHECK(texts.required() == std::map<std::uint32_t, std::string>{{a, "a"}});
}

TEST_CASE("pages that chose other texts for a glyph get another CMap", "[pdf][units]") {
    TextPool pool;
    const TextId ohm = pool.intern("\xE2\x84\xA6"), omega = pool.intern("\xCE\xA9"), a = pool.intern("a");
    CHECK(pool.intern("a") == a);
    CHECK(pool.text(omega) == "\xCE\xA9");
    ToUnicodeVariants variants;
    CHECK(variants.place({{3, a}, {9, ohm}}) == 0);
    CHECK(variants.place({{3, a}}) == 0);
    CHECK(variants.place({{9, omega}}) == 1);      // disagrees with the first
    CHECK(variants.place({{4, a}, {9, ohm}}) == 0);
    CHECK(variants.place({{9, omega}, {4, a}}) == 1);
    REQUIRE(variants.count() == 2);
    // A glyph a variant's pages never chose takes the lowest variant's text, else the
    // fallback; every glyph drawn is mapped.
    const std::set<std::uint32_t> gids{3, 4, 9, 12};
    CHECK(variants.code_texts(0, gids, {{12, a}}) ==
          std::map<std::uint32_t, TextId>{{3, a}, {4, a}, {9, ohm}, {12, a}});
    CHECK(variants.code_texts(1, gids, {}) == std::map<std::uint32_t, TextId>{{3, a}, {4, a}, {9, omega}});
}

TEST_CASE("TJ adjustments put each glyph where HarfBuzz did", "[pdf][units]") {
    DiagnosticSink sink;
    // EB Garamond has 1000 units an em: its widths are whole thousandths.
    const auto widths = SourceFont::open({QUIRE_SOURCE_DIR "/fonts/EBGaramond/EBGaramond12-Regular.otf", 0}, sink);
    REQUIRE(widths);
    const double first = widths->width(10);
    REQUIRE(first > 0);
    PageGlyphTexts texts;
    render::DrawGlyphs run = run_of("ab", {{10, 0}, {20, 1}});
    run.x = Length::from_pt(10);
    run.y = Length::from_pt(20);
    run.glyphs[0].advance = Length::from_pt((first + 20) / 100);  // at 10 pt: 20/1000 em more than /W
    ContentStream content({Length::from_pt(100), Length::from_pt(3)});
    content.glyphs(run, {"F1", &*widths, &texts});
    // Trim origin is (3, 3); y flips: 3 + 100 - 20 = 83. CIDs are the font's glyph ids.
    CHECK(content.data() == "0 g\nBT\n/F1 10 Tf\n13 83 Td\n[<000A> -20 <0014>] TJ\nET\n");

    // A mark raised by y_offset is set with text rise and the rise is reset.
    run.glyphs[1].y_offset = Length::from_pt(2);
    run.glyphs[1].x_offset = Length::from_pt(-1);
    ContentStream raised({Length::from_pt(100), Length::from_pt(0)});
    raised.glyphs(run, {"F1", &*widths, &texts});
    CHECK(raised.data() == "0 g\nBT\n/F1 10 Tf\n10 80 Td\n[<000A>] TJ\n2 Ts\n[80 <0014>] TJ\n0 Ts\nET\n");

    // The same glyph standing for other text later on the page gets ActualText.
    render::DrawGlyphs other = run_of("c", {{20, 0}});
    ContentStream actual({Length::from_pt(100), Length::from_pt(0)});
    actual.glyphs(other, {"F1", &*widths, &texts});
    CHECK(actual.data().find("/Span <</ActualText <FEFF0063>>> BDC\n[<0014>") != std::string::npos);
    CHECK(actual.data().find("EMC\nET\n") != std::string::npos);
}

TEST_CASE("PNGs decode to 8-bit samples with alpha split off, JPEGs keep their profile", "[pdf][units]") {
    DiagnosticSink sink;
    const auto grey = load_image(QUIRE_TEST_DATA_DIR "/grey.png", sink);
    REQUIRE(grey);
    CHECK(grey->encoding == LoadedImage::Encoding::pixels);
    CHECK(grey->components == 1);
    CHECK(grey->data.size() == 16 * 16);
    CHECK(grey->alpha.size() == 16 * 16);
    CHECK(grey->icc_profile.empty());

    const auto badge = load_image(QUIRE_TEST_DATA_DIR "/badge.png", sink);  // palette + tRNS + iCCP
    REQUIRE(badge);
    CHECK(badge->components == 3);
    CHECK(badge->alpha.size() == 48 * 32);
    CHECK(badge->icc_profile.size() > 1000);

    const auto photo = load_image(QUIRE_TEST_DATA_DIR "/photo.jpg", sink);
    REQUIRE(photo);
    CHECK(photo->encoding == LoadedImage::Encoding::jpeg);
    CHECK((photo->width == 300 && photo->height == 200 && photo->components == 3));
    CHECK(photo->icc_profile.size() > 1000);
    CHECK(sink.all().empty());

    CHECK_FALSE(load_image(QUIRE_TEST_DATA_DIR "/../pdf_units_test.cpp", sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].message == "image is neither JPEG nor PNG");
}
