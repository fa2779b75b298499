#include "font/fallback.hpp"
#include "test_fonts.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace quire;
using namespace quire::font;

TEST_CASE("characters the partial Bold cut lacks come from the fallback family", "[font][fallback]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const FontId bold = *registry.load(test::garamond_bold, {}, sink);
    const FontId inter_bold = *registry.load(test::inter_bold, {}, sink);
    REQUIRE_FALSE(registry.has_glyph(bold, U'\u2019'));
    REQUIRE(registry.has_glyph(inter_bold, U'\u2019'));

    const std::vector<FontId> fallback{inter_bold};
    const std::string text = "don\u2019t stop";
    MissingGlyphs missing;
    const auto spans = assign_fonts(registry, text, {bold, fallback}, {"a.xml", 2, 4}, missing);
    REQUIRE(spans.size() == 3);
    CHECK((spans[0].begin == 0 && spans[0].end == 3 && spans[0].font == bold));
    CHECK((spans[1].begin == 3 && spans[1].end == 6 && spans[1].font == inter_bold));
    CHECK((spans[2].begin == 6 && spans[2].end == text.size() && spans[2].font == bold));
    CHECK(missing.empty());
}

TEST_CASE("a character no font has is one warning naming it, at file:line:column", "[font][fallback]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const FontId garamond = *registry.load(test::garamond_regular, {}, sink);
    const FontId inter = *registry.load(test::inter_regular, {}, sink);
    const std::vector<FontId> fallback{inter};
    const std::string text = "smile \U0001F600 and again \U0001F600";
    MissingGlyphs missing;
    const auto spans = assign_fonts(registry, text, {garamond, fallback}, {"articles/a.xml", 14, 9}, missing);
    // Nothing has it, so it stays in the primary font: one span.
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].font == garamond);
    missing.report(registry, sink);
    REQUIRE(sink.all().size() == 1);
    const std::string line = format_diagnostic(sink.all()[0]);
    CHECK(line.starts_with("articles/a.xml:14:9: warning: no font has a glyph for U+1F600 '\U0001F600'"));
    CHECK(line.find("(tried EBGaramond12-Regular, Inter-Regular; installed fonts not searched") != std::string::npos);
}

TEST_CASE("a paragraph's missing characters are one warning: each character once, each font once", "[font][fallback]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const FontId garamond = *registry.load(test::garamond_regular, {}, sink);
    // The style's face is also the first fallback family, as in a layout whose
    // fallback list starts with the body family: it is named once.
    const std::vector<FontId> fallback{garamond};
    MissingGlyphs missing;
    const std::string first = "Ligue (\u062C\u0627\u0645\u0639\u0629) and \u05E9\u05DC\u05D5\u05DD";
    const std::string second = "again \u062C\u0627 and \u4E2D";
    assign_fonts(registry, first, {garamond, fallback}, {"a.xml", 3, 1}, missing);
    assign_fonts(registry, second, {garamond, fallback}, {"a.xml", 3, 40}, missing);
    missing.report(registry, sink);
    REQUIRE(sink.all().size() == 1);
    const std::string line = format_diagnostic(sink.all()[0]);
    INFO(line);
    CHECK(line.starts_with("a.xml:3:1: warning: no font has glyphs for U+062C '\u062C', U+0627 '\u0627', U+0645"));
    CHECK(line.find(" and 2 more ") != std::string::npos);  // 10 distinct, 8 listed
    CHECK(line.find("(tried EBGaramond12-Regular;") != std::string::npos);
    // A PDF/A leaves .notdef out; EB Garamond's .notdef is a box, drawn in a draft.
    CHECK(line.ends_with("the page shows gaps in their place (empty boxes with --draft)"));
}

TEST_CASE("installed fonts set what the layout's fonts lack, in the text's style and language", "[font][fallback][system]") {
    DiagnosticSink sink;
    FontRegistry registry;
    SystemFonts installed;
    SystemFallback system(registry, installed);
    const FontId garamond = *registry.load(test::garamond_regular, {}, sink);
    const FontId italic = *registry.load(test::garamond_italic, {}, sink);
    MissingGlyphs missing;
    const std::string text = "Ligue (\u062C\u0627\u0645\u0639\u0629) \u4E2D\u6587";
    const auto spans = assign_fonts(registry, text, {garamond, {}, &system, "en"}, {}, missing);
    CHECK(missing.empty());
    REQUIRE(spans.size() == 4);  // "Ligue (", the Arabic, ") " and the Han: brackets stay Garamond
    CHECK(spans[0].font == garamond);
    CHECK(spans[1].font != garamond);
    CHECK(registry.has_glyph(spans[1].font, U'\u062C'));
    CHECK(spans[1].size_permille == 1000);  // Arabic has no x-height to match
    CHECK(spans[2].font == garamond);
    CHECK(registry.has_glyph(spans[3].font, U'\u4E2D'));
    // The same question gives the same face, whoever asks first (threads agree).
    CHECK(system.face_for(U'\u062C', garamond, "en") == spans[1].font);
    // Japanese text gets a face made for Japanese, Chinese one for Chinese.
    const auto ja = system.face_for(U'\u6587', garamond, "ja");
    const auto zh = system.face_for(U'\u6587', garamond, "zh-Hans");
    REQUIRE((ja && zh));
    CHECK(registry.metrics(*ja).family_name.find("JP") != std::string::npos);
    CHECK(registry.metrics(*zh).family_name.find("SC") != std::string::npos);
    // Italic text prefers an italic face where one has the character.
    const auto armenian_italic = system.face_for(U'\u0561', italic, "hy");
    REQUIRE(armenian_italic);
    CHECK(registry.metrics(*armenian_italic).embeddable);
    CHECK(system.chosen().size() >= 3);
    CHECK(sink.all().empty());
}

TEST_CASE("an installed face for a cased script is scaled to the main face's x-height", "[font][fallback][system]") {
    DiagnosticSink sink;
    FontRegistry registry;
    SystemFonts installed;
    SystemFallback system(registry, installed);
    const FontId garamond = *registry.load(test::garamond_regular, {}, sink);
    REQUIRE_FALSE(registry.has_glyph(garamond, U'\u0531'));  // Armenian: EB Garamond has none
    MissingGlyphs missing;
    const auto spans = assign_fonts(registry, "\u0531\u0562", {garamond, {}, &system, "hy"}, {}, missing);
    REQUIRE(spans.size() == 1);
    const FaceMetrics& main = registry.metrics(garamond);
    const FaceMetrics& face = registry.metrics(spans[0].font);
    const double expected = 1000.0 * main.x_height / main.units_per_em / (double(face.x_height) / face.units_per_em);
    CHECK(spans[0].size_permille < 1000);  // Garamond's x-height is small
    CHECK(std::abs(spans[0].size_permille - expected) <= 1.0);
}

TEST_CASE("without installed fonts the characters are missing and the warning says so", "[font][fallback][system]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const FontId garamond = *registry.load(test::garamond_regular, {}, sink);
    MissingGlyphs missing;
    assign_fonts(registry, "\u062C", {garamond, {}, nullptr, "ar"}, {"a.xml", 1, 1}, missing);
    CHECK_FALSE(missing.empty());
    SystemFonts installed;
    SystemFallback system(registry, installed);
    MissingGlyphs none;
    assign_fonts(registry, "\u062C", {garamond, {}, &system, "ar"}, {"a.xml", 1, 1}, none);
    CHECK(none.empty());
}

TEST_CASE("fontconfig's language names", "[font][system]") {
    CHECK(fontconfig_language("zh") == "zh-cn");
    CHECK(fontconfig_language("zh-Hans-CN") == "zh-cn");
    CHECK(fontconfig_language("zh-Hant") == "zh-tw");
    CHECK(fontconfig_language("zh-HK") == "zh-hk");
    CHECK(fontconfig_language("ja-JP") == "ja");
    CHECK(fontconfig_language("en-GB") == "en");
}

TEST_CASE("soft hyphens do not switch fonts", "[font][fallback]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const FontId bold = *registry.load(test::garamond_bold, {}, sink);
    const FontId inter_bold = *registry.load(test::inter_bold, {}, sink);
    const std::vector<FontId> fallback{inter_bold};
    // U+00AD draws nothing, so it needs no glyph of its own.
    MissingGlyphs missing;
    const auto spans = assign_fonts(registry, "co\u00ADop", {bold, fallback}, {}, missing);
    CHECK(spans.size() == 1);
    CHECK(describe_codepoint(U'\u00E9') == "U+00E9 '\u00E9'");
    CHECK(describe_codepoint(U'\n') == "U+000A");
}
