// UAX #9 through ICU: levels of a paragraph, the visual order of a line, and word
// pieces cut and shaped by level (brackets mirrored, Arabic joined, numbers left to right).
#include "shape/bidi.hpp"
#include "shape/paragraph.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace quire;
using namespace quire::shape;

namespace {

// The levels as "text@level" spans, e.g. "abc @0|עברית@1".
std::string picture(std::string_view text, const std::vector<LevelSpan>& spans) {
    std::string out;
    for (const LevelSpan& s : spans) {
        if (!out.empty()) out += '|';
        out += std::string(text.substr(s.begin, s.end - s.begin)) + "@" + std::to_string(s.level);
    }
    return out;
}

const std::string noto = "/usr/share/fonts/truetype/noto/";
const std::string garamond = std::string(QUIRE_SOURCE_DIR) + "/fonts/EBGaramond/EBGaramond12-Regular.otf";

// 10 pt text in `font` and `language`, with `fallback` for what the font lacks.
TextStyle style_of(font::FontId font, const std::string& language, font::FontId fallback) {
    TextStyle style;
    style.font = font;
    style.size = Length::from_pt(10);
    style.language = language;
    style.fallback = {fallback};
    return style;
}

TextStyle english_of(TextStyle style) {
    style.language = "en";
    return style;
}

}  // namespace

TEST_CASE("a paragraph's direction comes from its language", "[shape][bidi]") {
    for (const char* rtl : {"ar", "he", "fa", "ur", "yi", "ar-EG", "he-IL", "az-Arab"}) {
        INFO(rtl);
        CHECK(language_direction(rtl) == Direction::rtl);
    }
    for (const char* ltr : {"en", "en-GB", "fr", "de", "ru", "ja", "", "az", "not a tag"}) {
        INFO(ltr);
        CHECK(language_direction(ltr) == Direction::ltr);
    }
}

TEST_CASE("only right-to-left text or an explicit direction needs the algorithm", "[shape][bidi]") {
    CHECK_FALSE(has_rtl_characters("plain ASCII (with 123)"));
    CHECK_FALSE(has_rtl_characters("na\u00EFve caf\u00E9 \u2014 \u0416\u0443\u043A"));
    CHECK(has_rtl_characters("a \u05D0"));
    CHECK(has_rtl_characters("\u0627"));
    CHECK_FALSE(needs_bidi("abc", Direction::ltr, {}));
    CHECK(needs_bidi("abc", Direction::rtl, {}));
    CHECK(needs_bidi("abc", Direction::ltr, {{0, 3, Direction::ltr}}));
}

TEST_CASE("levels of mixed text: an Arabic name in brackets in English", "[shape][bidi]") {
    const std::string text = "the League (\u062C\u0627\u0645\u0639\u0629 \u0627\u0644\u062F\u0648\u0644) met";
    // The brackets enclose right-to-left text in a left-to-right context: they take
    // the paragraph's direction (UAX #9 N0), and only the name runs right to left.
    CHECK(picture(text, resolve_levels(text, Direction::ltr, {})) ==
          "the League (@0|\u062C\u0627\u0645\u0639\u0629 \u0627\u0644\u062F\u0648\u0644@1|) met@0");
}

TEST_CASE("numbers in right-to-left text stay left to right", "[shape][bidi]") {
    const std::string hebrew = "\u05E9\u05E0\u05EA 1948 \u05D4\u05D9\u05D0";
    CHECK(picture(hebrew, resolve_levels(hebrew, Direction::rtl, {})) ==
          "\u05E9\u05E0\u05EA @1|1948@2| \u05D4\u05D9\u05D0@1");
    // Arabic-Indic digits too (AN), and a European number in Arabic text (W2: AN).
    const std::string arabic = "\u0639\u0627\u0645 \u0661\u0669\u0664\u0668 \u0648 2025";
    CHECK(picture(arabic, resolve_levels(arabic, Direction::rtl, {})) ==
          "\u0639\u0627\u0645 @1|\u0661\u0669\u0664\u0668@2| \u0648 @1|2025@2");
}

TEST_CASE("an explicit direction embeds a span one level deeper", "[shape][bidi]") {
    // A Hebrew word with a "!" in an English paragraph: the "!" is the paragraph's
    // (between R and L, N2) unless the span says it belongs with the Hebrew.
    const std::string text = "see אב! now";
    CHECK(picture(text, resolve_levels(text, Direction::ltr, {})) == "see @0|אב@1|! now@0");
    CHECK(picture(text, resolve_levels(text, Direction::ltr, {{4, 9, Direction::rtl}})) ==
          "see @0|אב!@1| now@0");
    // English in a Hebrew paragraph, explicitly left to right.
    const std::string he = "\u05D0 x y \u05D1";
    CHECK(picture(he, resolve_levels(he, Direction::rtl, {{3, 6, Direction::ltr}})) == "\u05D0 @1|x y@2| \u05D1@1");
    // Malformed UTF-8 is resolved as U+FFFD (neutral), never read past.
    const std::string bad = "a\xFF\u05D0";
    CHECK(picture(bad, resolve_levels(bad, Direction::ltr, {})) == "a\xFF@0|\u05D0@1");
}

TEST_CASE("a line's visual order reverses each run at a higher level (L2)", "[shape][bidi]") {
    using V = std::vector<std::size_t>;
    CHECK(visual_order({0, 0, 0}) == V{0, 1, 2});
    CHECK(visual_order({0, 1, 1, 1, 0}) == V{0, 3, 2, 1, 4});
    CHECK(visual_order({1, 1, 1}) == V{2, 1, 0});
    // A number in right-to-left text: the text reversed, the number's parts not.
    CHECK(visual_order({1, 1, 2, 2, 1}) == V{4, 2, 3, 1, 0});
    CHECK(visual_order({}).empty());
}

TEST_CASE("pieces split at level changes and are shaped in their direction", "[shape][bidi]") {
    DiagnosticSink sink;
    font::FontRegistry registry;
    const auto arabic = registry.load(noto + "NotoNaskhArabic-Regular.ttf", {}, sink);
    REQUIRE(arabic);
    // Noto's Arabic faces have no ASCII brackets: they come from the fallback, as in a layout.
    const auto latin = registry.load(garamond, {}, sink);
    REQUIRE(latin);
    Shaper shaper(registry);
    BreakFinder breaks;
    const TextStyle style = style_of(*arabic, "ar", *latin);
    // The bug of issue 20: "(جامعة الدول العربية(" -- brackets not mirrored.
    const std::string name = "(\u062C\u0627\u0645\u0639\u0629)";
    const auto gid = [&](char32_t c) { return *registry.glyph_index(*latin, c); };

    SECTION("in a right-to-left paragraph the brackets mirror") {
        const auto segments = shape_paragraph(shaper, breaks, {{name, style, {}}}, sink, Direction::rtl);
        REQUIRE(segments.size() == 1);
        const Word& word = std::get<Word>(segments[0]);
        REQUIRE(word.pieces.size() == 3);  // bracket, name, bracket: two faces
        for (const WordPiece& piece : word.pieces) {
            CHECK(piece.level == 1);
            CHECK(piece.direction == HB_DIRECTION_RTL);
        }
        // The opening bracket, set right to left, is drawn with the closing one's
        // shape (HarfBuzz mirrors it), and the reverse.
        CHECK(word.pieces[0].run.text == "(");
        CHECK(word.pieces[0].run.glyphs.front().gid == gid(U')'));
        CHECK(word.pieces[2].run.glyphs.front().gid == gid(U'('));
        // Arabic joins: the letters take their contextual forms, not the isolated ones;
        // glyphs left to right, the last letter first.
        const GlyphRun& run = word.pieces[1].run;
        REQUIRE(run.glyphs.size() == 5);
        CHECK(run.glyphs.front().cluster > run.glyphs.back().cluster);
        CHECK(run.glyphs.back().gid != *registry.glyph_index(*arabic, U'\u062C'));
    }
    SECTION("in a left-to-right paragraph the brackets stay left to right around the name") {
        TextStyle english = style;
        english.language = "en";
        const auto segments = shape_paragraph(shaper, breaks, {{"x " + name, english, {}}}, sink, Direction::ltr);
        const Word& word = std::get<Word>(segments.back());
        REQUIRE(word.pieces.size() == 3);
        CHECK(word.pieces[0].run.text == "(");
        CHECK(word.pieces[0].run.glyphs.front().gid == gid(U'('));
        CHECK(word.pieces[0].level == 0);
        CHECK(word.pieces[1].level == 1);
        CHECK(word.pieces[1].direction == HB_DIRECTION_RTL);
        CHECK(word.pieces[2].run.text == ")");
        CHECK(word.pieces[2].level == 0);
        CHECK(word.pieces[2].run.glyphs.front().gid == gid(U')'));
    }
    SECTION("a number in Arabic text is a left-to-right piece") {
        const std::string text = "\u0639\u0627\u0645 1948";
        const auto segments = shape_paragraph(shaper, breaks, {{text, style, {}}}, sink, Direction::rtl);
        const Word& number = std::get<Word>(segments.back());
        REQUIRE(number.pieces.size() == 1);
        CHECK(number.pieces[0].level == 2);
        CHECK(number.pieces[0].direction == HB_DIRECTION_LTR);
        CHECK(number.pieces[0].run.glyphs.front().cluster == 0);
        CHECK(std::get<Space>(segments[1]).level == 1);
    }
    SECTION("left-to-right text with no right-to-left character is not resolved") {
        const auto segments = shape_paragraph(shaper, breaks, {{"(1948)", english_of(style), {}}}, sink);
        const WordPiece& piece = std::get<Word>(segments[0]).pieces[0];
        CHECK(piece.level == 0);
        CHECK(piece.direction == HB_DIRECTION_INVALID);
    }
}

TEST_CASE("the shape cache keeps the two directions of one text apart", "[shape][bidi]") {
    DiagnosticSink sink;
    font::FontRegistry registry;
    const auto hebrew = registry.load(noto + "NotoSansHebrew-Regular.ttf", {}, sink);
    REQUIRE(hebrew);
    Shaper shaper(registry);
    const std::string text = "(\u05D0\u05D1)";
    const GlyphRun rtl = shaper.shape_text(*hebrew, Length::from_pt(10), {}, "he", text, HB_SCRIPT_HEBREW, HB_DIRECTION_RTL);
    const GlyphRun ltr = shaper.shape_text(*hebrew, Length::from_pt(10), {}, "he", text, HB_SCRIPT_HEBREW, HB_DIRECTION_LTR);
    REQUIRE(rtl.glyphs.size() == 4);
    REQUIRE(ltr.glyphs.size() == 4);
    CHECK(rtl.glyphs.front().cluster == text.size() - 1);
    CHECK(ltr.glyphs.front().cluster == 0);
    CHECK(shaper.stats().shaped == 2);
}

TEST_CASE("a space collapsed into a <span dir> stays at the paragraph's level", "[shape][bidi]") {
    DiagnosticSink sink;
    font::FontRegistry registry;
    const auto hebrew = registry.load(noto + "NotoSerifHebrew-Regular.ttf", {}, sink);
    const auto latin = registry.load(garamond, {}, sink);
    REQUIRE((hebrew && latin));
    Shaper shaper(registry);
    BreakFinder breaks;
    const TextStyle style = style_of(*latin, "he", *hebrew);
    // <p>עברית <span dir="ltr">English 123</span> עוד.</p>: the reader's white-space
    // collapsing leaves the space after the span at the span's end.
    StyledText span{"English 123 ", english_of(style), {}};
    span.direction = Direction::ltr;
    const auto segments = shape_paragraph(shaper, breaks,
                                          {{"\u05E2\u05D1\u05E8\u05D9\u05EA ", style, {}}, span,
                                           {"\u05E2\u05D5\u05D3.", style, {}}},
                                          sink, Direction::rtl);
    std::vector<std::uint8_t> space_levels;
    for (const Segment& s : segments)
        if (const auto* space = std::get_if<Space>(&s)) space_levels.push_back(space->level);
    // Between the Hebrew word and the span, inside the span, after the span.
    CHECK(space_levels == std::vector<std::uint8_t>{1, 2, 1});
}
