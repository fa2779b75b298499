#include "font/fallback.hpp"
#include "test_fonts.hpp"

#include <catch2/catch.hpp>

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
    const auto spans = assign_fonts(registry, text, bold, fallback, {"a.xml", 2, 4}, sink);
    REQUIRE(spans.size() == 3);
    CHECK((spans[0].begin == 0 && spans[0].end == 3 && spans[0].font == bold));
    CHECK((spans[1].begin == 3 && spans[1].end == 6 && spans[1].font == inter_bold));
    CHECK((spans[2].begin == 6 && spans[2].end == text.size() && spans[2].font == bold));
    CHECK(sink.all().empty());
}

TEST_CASE("a character no font has is one warning naming it, at file:line:column", "[font][fallback]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const FontId garamond = *registry.load(test::garamond_regular, {}, sink);
    const FontId inter = *registry.load(test::inter_regular, {}, sink);
    const std::vector<FontId> fallback{inter};
    const std::string text = "smile \U0001F600 and again \U0001F600";
    const auto spans = assign_fonts(registry, text, garamond, fallback, {"articles/a.xml", 14, 9}, sink);
    // Nothing has it, so it stays in the primary font: one span.
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].font == garamond);
    REQUIRE(sink.all().size() == 1);
    const std::string line = format_diagnostic(sink.all()[0]);
    CHECK(line.starts_with("articles/a.xml:14:9: warning: no font has a glyph for U+1F600 '\U0001F600'"));
    CHECK(line.find("EBGaramond12-Regular, Inter-Regular") != std::string::npos);
}

TEST_CASE("soft hyphens do not switch fonts", "[font][fallback]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const FontId bold = *registry.load(test::garamond_bold, {}, sink);
    const FontId inter_bold = *registry.load(test::inter_bold, {}, sink);
    const std::vector<FontId> fallback{inter_bold};
    // U+00AD draws nothing, so it needs no glyph of its own.
    const auto spans = assign_fonts(registry, "co\u00ADop", bold, fallback, {}, sink);
    CHECK(spans.size() == 1);
    CHECK(describe_codepoint(U'\u00E9') == "U+00E9 '\u00E9'");
    CHECK(describe_codepoint(U'\n') == "U+000A");
}
