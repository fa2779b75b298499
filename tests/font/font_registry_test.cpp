#include "font/font_registry.hpp"
#include "test_fonts.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <thread>
#include <vector>

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

TEST_CASE("two threads may load faces and measure glyphs at once", "[font][threads]") {
    // The galleys' thread and the composer's share one registry (pipeline.cpp).
    const std::vector<std::string> paths = {test::garamond_regular, test::garamond_italic, test::garamond_bold,
                                            test::inter_regular, test::inter_italic, test::inter_bold};
    FontRegistry shared;
    std::vector<std::map<std::string, FontId>> ids(2);
    std::vector<std::vector<FontRegistry::InkHeight>> inks(2);
    std::vector<DiagnosticSink> sinks(2);
    auto work = [&](int t) {
        // Each thread loads the faces in its own order, then measures every glyph of each.
        for (std::size_t k = 0; k < paths.size(); ++k) {
            const std::string& path = paths[t == 0 ? k : paths.size() - 1 - k];
            if (auto id = shared.load(path, {"layout.xml", 1, 1}, sinks[t])) ids[t][path] = *id;
        }
        for (const std::string& path : paths) {
            const FontId id = ids[t].at(path);
            for (std::uint32_t gid = 0; gid < shared.metrics(id).glyph_count; ++gid) inks[t].push_back(shared.ink_height(id, gid));
        }
    };
    std::thread other(work, 1);
    work(0);
    other.join();
    CHECK(sinks[0].all().empty());
    CHECK(sinks[1].all().empty());
    CHECK(shared.size() == paths.size());
    CHECK(ids[0] == ids[1]);  // one id per file, whoever loaded it

    // The same heights as one thread measuring alone.
    FontRegistry alone;
    DiagnosticSink sink;
    std::vector<FontRegistry::InkHeight> expected;
    for (const std::string& path : paths) {
        const FontId id = *alone.load(path, {"layout.xml", 1, 1}, sink);
        for (std::uint32_t gid = 0; gid < alone.metrics(id).glyph_count; ++gid) expected.push_back(alone.ink_height(id, gid));
    }
    for (int t : {0, 1}) {
        REQUIRE(inks[t].size() == expected.size());
        std::size_t differ = 0;
        for (std::size_t i = 0; i < expected.size(); ++i)
            differ += inks[t][i].top != expected[i].top || inks[t][i].bottom != expected[i].bottom;
        CHECK(differ == 0);
    }
    // A glyph id past the face's glyphs is measured (as nothing), not cached out of bounds.
    const FontId g = ids[0].at(test::garamond_regular);
    const auto past = shared.ink_height(g, static_cast<std::uint32_t>(shared.metrics(g).glyph_count) + 5);
    CHECK(past.top == 0);
    CHECK(past.bottom == 0);
}
