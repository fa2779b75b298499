// Where a word may break: the reshaped span of a cut, text in capitals, and the rules
// a word is cut by, on hand-made glyphs and words.
#include "galley/word_cuts.hpp"

#include <catch2/catch.hpp>

using namespace quire;

namespace {

shape::Glyph glyph(std::uint32_t gid, std::uint32_t cluster) { return shape::Glyph{gid, cluster, Length::from_pt(5), {}, {}}; }

// Glyph ids: letters by their code; 1000 the "ffi" ligature, 1001 the "fi" ligature.
constexpr std::uint32_t ffi = 1000, fi = 1001;

shape::Segment word(const std::string& text) { return shape::Word{text, {}, {}}; }

}  // namespace

TEST_CASE("a cut through a ligature reshapes the ligature's letters", "[galley][hyphenation]") {
    // "of|fice" in a font with an ffi ligature: whole "o ffi c e", parts "o f" and "fi c e".
    const std::vector<shape::Glyph> whole{glyph('o', 0), glyph(ffi, 1), glyph('c', 4), glyph('e', 5)};
    const std::vector<shape::Glyph> before{glyph('o', 0), glyph('f', 1)};
    const std::vector<shape::Glyph> after{glyph(fi, 0), glyph('c', 2), glyph('e', 3)};
    const galley::ReshapedSpan span = galley::reshaped_span(whole, before, after, 2, 6);
    CHECK(span.begin == 1);  // from the ligature's first letter...
    CHECK(span.end == 4);    // ...to the letter after it
}

TEST_CASE("a cut between glyphs that do not change is plain", "[galley][hyphenation]") {
    const std::vector<shape::Glyph> whole{glyph('t', 0), glyph('a', 1), glyph('b', 2), glyph('l', 3), glyph('e', 4)};
    const std::vector<shape::Glyph> before{glyph('t', 0), glyph('a', 1)};
    const std::vector<shape::Glyph> after{glyph('b', 0), glyph('l', 1), glyph('e', 2)};
    const galley::ReshapedSpan span = galley::reshaped_span(whole, before, after, 2, 5);
    CHECK(span.begin == 2);
    CHECK(span.end == 2);
}

TEST_CASE("a sub-run keeps the glyphs of its bytes, clusters made relative", "[galley][hyphenation]") {
    shape::GlyphRun run;
    run.text = "office";
    run.glyphs = {glyph('o', 0), glyph(ffi, 1), glyph('c', 4), glyph('e', 5)};
    const shape::GlyphRun part = galley::sub_run(run, 1, 4);
    CHECK(part.text == "ffi");
    REQUIRE(part.glyphs.size() == 1);
    CHECK(part.glyphs[0].gid == ffi);
    CHECK(part.glyphs[0].cluster == 0);
}

TEST_CASE("words in capitals count as capitals text only beside another", "[galley][hyphenation]") {
    const std::vector<shape::Segment> acronym{word("The"), shape::Space{}, word("UNODC"), shape::Space{}, word("said")};
    CHECK(galley::capitals_text(acronym) == std::vector<bool>{false, false, false, false, false});
    const std::vector<shape::Segment> notice{word("NO"), shape::Space{}, word("WARRANTY,"), shape::Break{}, word("then")};
    CHECK(galley::capitals_text(notice) == std::vector<bool>{true, false, true, false, false});
}

TEST_CASE("a word's cut rules follow the style, its place and its language", "[galley][hyphenation]") {
    style::ParagraphStyle style;
    style.hyphenate = true;
    style.hyphenate_capitals = model::CapitalsHyphenation::last_resort;
    const shape::Word plain{"protectorate", {}, {}};
    const galley::WordCutRules middle = galley::word_cut_rules(style, plain, "en-GB", false, false, false);
    CHECK(middle.hyphenate);
    CHECK(middle.addresses);
    CHECK(middle.language == "en-GB");
    CHECK(middle.names_last);
    CHECK_FALSE(middle.names_always);
    // The paragraph's last word is never hyphenated; centred text breaks only at spaces.
    CHECK_FALSE(galley::word_cut_rules(style, plain, "en-GB", false, true, false).hyphenate);
    const galley::WordCutRules centred = galley::word_cut_rules(style, plain, "en-GB", true, false, false);
    CHECK_FALSE(centred.hyphenate);
    CHECK_FALSE(centred.addresses);
    // In German every noun has a capital: a capital does not make a name.
    shape::Word german{"Zusammenarbeit", {shape::WordPiece{}}, {}};
    shape::TextStyle german_style;
    german_style.language = "de-DE";
    german.pieces[0].style = &german_style;
    const galley::WordCutRules de = galley::word_cut_rules(style, german, "en-GB", false, false, true);
    CHECK(de.language == "de-DE");
    CHECK(de.names_always);
    CHECK(de.options.in_capitals_text);
}
