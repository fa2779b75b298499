#include "font/font_registry.hpp"
#include "test_fonts.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace quire;
using namespace quire::font;

TEST_CASE("every shipped font loads, as CFF, with its PostScript name", "[font]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const std::pair<std::string, std::string> fonts[] = {
        {test::garamond_regular, "EBGaramond12-Regular"}, {test::garamond_italic, "EBGaramond12-Italic"},
        {test::garamond_bold, "EBGaramond12-Bold"},       {test::inter_regular, "Inter-Regular"},
        {test::inter_italic, "Inter-Italic"},             {test::inter_semibold, "Inter-SemiBold"},
        {test::inter_semibold_italic, "Inter-SemiBoldItalic"}, {test::inter_bold, "Inter-Bold"},
    };
    for (const auto& [path, ps_name] : fonts) {
        INFO(path);
        const auto id = registry.load(path, {"layout.xml", 1, 1}, sink);
        REQUIRE(id);
        const FaceMetrics& m = registry.metrics(*id);
        CHECK(m.postscript_name == ps_name);
        CHECK(m.outlines == OutlineFormat::cff);
        CHECK(m.path == path);
        CHECK(m.ascender > 0);
        CHECK(m.descender < 0);
        CHECK(m.cap_height > m.x_height);
        CHECK(m.x_height > 0);
        CHECK(m.bbox.x_max > m.bbox.x_min);
        CHECK(m.bbox.y_max > m.ascender / 2);
        CHECK(m.glyph_count > 100);
        CHECK(registry.has_glyph(*id, U'a'));
    }
    CHECK(registry.size() == 8);
    CHECK(sink.all().empty());
}

TEST_CASE("EB Garamond's metrics are the font's own", "[font]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const FontId id = *registry.load(test::garamond_regular, {}, sink);
    const FaceMetrics& m = registry.metrics(id);
    CHECK(m.units_per_em == 1000);
    CHECK(m.ascender == 710);
    CHECK(m.descender == -290);
    CHECK(m.cap_height == 650);
    CHECK(m.x_height == 400);
    CHECK(m.family_name == "EB Garamond");
    CHECK_FALSE(m.italic);
    CHECK(registry.metrics(*registry.load(test::garamond_italic, {}, sink)).italic);
    CHECK(registry.metrics(*registry.load(test::inter_regular, {}, sink)).units_per_em == 2816);
}

TEST_CASE("loading a path twice gives the same id", "[font]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const auto a = registry.load(test::garamond_regular, {}, sink);
    const auto b = registry.load(test::inter_regular, {}, sink);
    const auto c = registry.load(test::garamond_regular, {}, sink);
    REQUIRE((a && b && c));
    CHECK(*a == *c);
    CHECK(*a != *b);
    CHECK(registry.size() == 2);
}

TEST_CASE("a missing or broken font file is a located error, not a crash", "[font]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const SourceLoc loc{"layouts/review.xml", 12, 5};

    CHECK_FALSE(registry.load("/nonexistent/Nothing.otf", loc, sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]).starts_with("layouts/review.xml:12:5: error: font file '/nonexistent/Nothing.otf'"));

    const auto dir = std::filesystem::temp_directory_path() / "quire_font_test";
    std::filesystem::create_directories(dir);
    const auto junk = (dir / "junk.otf").string();
    std::ofstream(junk, std::ios::binary) << "OTTO this is not really a font at all, just bytes";
    CHECK_FALSE(registry.load(junk, loc, sink));
    REQUIRE(sink.all().size() == 2);
    CHECK(sink.all()[1].severity == Severity::error);
    CHECK(sink.all()[1].loc.line == 12);
    CHECK(sink.all()[1].message.find("junk.otf") != std::string::npos);

    const auto empty = (dir / "empty.otf").string();
    std::ofstream(empty, std::ios::binary).flush();
    CHECK_FALSE(registry.load(empty, loc, sink));
    CHECK(sink.error_count() == 3);

    CHECK_FALSE(registry.load(dir.string(), loc, sink));  // a directory is not a font
    CHECK(sink.error_count() == 4);
    CHECK(registry.size() == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("font units scale to scaled points with integer rounding", "[font]") {
    const Length ten_pt = Length::from_pt(10);
    CHECK(scale_units(500, ten_pt, 1000) == Length::from_pt(5));
    CHECK(scale_units(-500, ten_pt, 1000) == -Length::from_pt(5));
    // 1 unit of 1000 at 10 pt is 655.36 sp: rounds to 655; 3 units 1966.08 -> 1966.
    CHECK(scale_units(1, ten_pt, 1000).sp == 655);
    CHECK(scale_units(3, ten_pt, 1000).sp == 1966);
    CHECK(scale_units(-3, ten_pt, 1000).sp == -1966);
    // Half away from zero: 1 unit of 2 em units at 1 sp is 0.5 sp.
    CHECK(scale_units(1, Length::from_sp(1), 2).sp == 1);
    CHECK(scale_units(-1, Length::from_sp(1), 2).sp == -1);
}

TEST_CASE("the registry lists a font's OpenType features", "[font]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const FontId garamond = *registry.load(test::garamond_regular, {}, sink);
    const auto tags = registry.feature_tags(garamond);
    for (const char* t : {"kern", "liga", "smcp", "onum", "lnum", "tnum", "c2sc", "dlig"})
        CHECK(std::find(tags.begin(), tags.end(), t) != tags.end());
    const FontId bold = *registry.load(test::garamond_bold, {}, sink);
    const auto bold_tags = registry.feature_tags(bold);
    CHECK(std::find(bold_tags.begin(), bold_tags.end(), "smcp") == bold_tags.end());
}
