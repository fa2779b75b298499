#include "shape/paragraph.hpp"
#include "../font/test_fonts.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::shape;

namespace {

struct Fixture {
    DiagnosticSink sink;
    font::FontRegistry registry;
    font::FontId regular = *registry.load(test::garamond_regular, {}, sink);
    font::FontId italic = *registry.load(test::garamond_italic, {}, sink);
    font::FontId bold = *registry.load(test::garamond_bold, {}, sink);
    font::FontId inter_bold = *registry.load(test::inter_bold, {}, sink);
    Shaper shaper{registry};
    BreakFinder breaks;

    TextStyle style(font::FontId font, std::vector<font::FontId> fallback = {}) {
        TextStyle s;
        s.font = font;
        s.fallback = std::move(fallback);
        s.size = Length::from_pt(10.5);
        s.language = "en-GB";
        return s;
    }

    // A compact picture of the segments: words in [], spaces as _, breaks as | or ||
    // (-| after a hyphen, ^ between characters).
    static std::string picture(const std::vector<Segment>& segments) {
        std::string out;
        for (const Segment& s : segments) {
            if (const auto* w = std::get_if<Word>(&s)) {
                out += "[";
                for (std::size_t i = 0; i < w->pieces.size(); ++i) out += (i ? "/" : "") + w->pieces[i].run.text;
                out += "]";
            } else if (const auto* sp = std::get_if<Space>(&s)) {
                out += sp->no_break ? "~" : "_";
            } else {
                const auto& b = std::get<Break>(s);
                out += b.kind == BreakKind::mandatory ? "||" : b.after_hyphen ? "-|" : b.inter_character ? "^" : "|";
            }
        }
        return out;
    }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "a paragraph becomes words, spaces and breaks", "[shape][paragraph]") {
    const std::vector<StyledText> runs{{"A well-known dash\u2014then words.\nNew line", style(regular), {"a.xml", 3, 4}}};
    const auto segments = shape_paragraph(shaper, breaks, runs, sink);
    CHECK(picture(segments) == "[A]_|[well-]-|[known]_|[dash\u2014]-|[then]_|[words.]||[New]_|[line]");
    const auto& space = std::get<Space>(segments[1]);
    CHECK(space.count == 1);
    CHECK(space.width == shaper.space_width(regular, Length::from_pt(10.5), {}, "en-GB"));
    CHECK(space.width > Length{});
    const auto& word = std::get<Word>(segments[3]);
    CHECK(word.text == "well-");
    CHECK(word.loc.line == 3);
    CHECK(word.width() == word.pieces[0].run.width());
    CHECK(word.width() > Length{});
    CHECK(sink.all().empty());
}

TEST_CASE_METHOD(Fixture, "a word may span styles, its pieces keep their own fonts", "[shape][paragraph]") {
    const std::vector<StyledText> runs{{"half", style(regular), {"a.xml", 1, 1}},
                                       {"italic word", style(italic), {"a.xml", 1, 9}}};
    const auto segments = shape_paragraph(shaper, breaks, runs, sink);
    CHECK(picture(segments) == "[half/italic]_|[word]");
    const auto& w = std::get<Word>(segments[0]);
    CHECK(w.text == "halfitalic");
    REQUIRE(w.pieces.size() == 2);
    CHECK(w.pieces[0].run.font == regular);
    CHECK(w.pieces[1].run.font == italic);
    CHECK(w.pieces[1].begin == 4);
    CHECK(w.pieces[1].source == 1);
    CHECK(w.pieces[1].run.loc.column == 9);
    CHECK(std::get<Space>(segments[1]).source == 1);
}

TEST_CASE_METHOD(Fixture, "characters the Bold cut lacks are set from the fallback family", "[shape][paragraph]") {
    const std::vector<StyledText> runs{{"don\u2019t", style(bold, {inter_bold}), {"a.xml", 5, 2}}};
    const auto segments = shape_paragraph(shaper, breaks, runs, sink);
    REQUIRE(segments.size() == 1);
    const auto& w = std::get<Word>(segments[0]);
    REQUIRE(w.pieces.size() == 3);
    CHECK(w.pieces[0].run.font == bold);
    CHECK(w.pieces[1].run.font == inter_bold);
    CHECK(w.pieces[1].style_font == bold);
    CHECK(w.pieces[1].run.text == "\u2019");
    CHECK(w.pieces[2].run.font == bold);
    for (const auto& p : w.pieces)
        for (const auto& g : p.run.glyphs) CHECK(g.gid != 0);
    CHECK(sink.all().empty());
}

TEST_CASE_METHOD(Fixture, "a character no font has warns once, at the run's location", "[shape][paragraph]") {
    const std::vector<StyledText> runs{{"\u4E2D and \u4E2D again", style(regular, {inter_bold}), {"articles/x.xml", 7, 12}}};
    shape_paragraph(shaper, breaks, runs, sink);
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]).starts_with("articles/x.xml:7:12: warning: no font has a glyph for U+4E2D '\u4E2D'"));
}

TEST_CASE_METHOD(Fixture, "repeated words are shaped once", "[shape][paragraph][cache]") {
    const std::vector<StyledText> runs{{"the cat and the dog and the bird", style(regular), {}}};
    shape_paragraph(shaper, breaks, runs, sink);
    // 8 words, 5 distinct, plus the space (remembered after its first shaping).
    CHECK(shaper.stats().lookups == 9);
    CHECK(shaper.stats().hits == 3);
    CHECK(shaper.stats().shaped == 6);
}

TEST_CASE_METHOD(Fixture, "a no-break space is a space that must not break", "[shape][paragraph]") {
    const std::vector<StyledText> runs{{"p.\u00A012 next", style(regular), {}}};
    CHECK(picture(shape_paragraph(shaper, breaks, runs, sink)) == "[p.]~[12]_|[next]");
}

TEST_CASE_METHOD(Fixture, "word parts for hyphenation: prefix with hyphen, suffix without", "[shape][paragraph]") {
    const std::vector<StyledText> runs{{"hyphenation", style(regular), {"a.xml", 2, 2}}};
    const auto segments = shape_paragraph(shaper, breaks, runs, sink);
    const auto& w = std::get<Word>(segments[0]);
    const auto prefix = shape_word_part(shaper, w, 0, 2, true);
    REQUIRE(prefix.size() == 1);
    CHECK(prefix[0].text == "hy-");  // Shaper::break_hyphen_text
    CHECK(prefix[0].glyphs.size() == 3);
    CHECK(prefix[0].glyphs[2].cluster == 2);
    CHECK(prefix[0].loc.line == 2);
    const auto suffix = shape_word_part(shaper, w, 2, w.text.size(), false);
    REQUIRE(suffix.size() == 1);
    CHECK(suffix[0].text == "phenation");
    const Length hyphen = shaper.hyphen(regular, Length::from_pt(10.5), {}, "en-GB").width();
    // Unkerned text: the parts add up to the word plus the hyphen.
    CHECK(prefix[0].width() + suffix[0].width() == w.width() + hyphen);
}

TEST_CASE_METHOD(Fixture, "a word part across styles keeps each piece's font", "[shape][paragraph]") {
    const std::vector<StyledText> runs{{"super", style(regular), {}}, {"market", style(italic), {}}};
    const auto segments = shape_paragraph(shaper, breaks, runs, sink);
    const auto& w = std::get<Word>(segments[0]);
    const auto prefix = shape_word_part(shaper, w, 0, 7, true);  // "super" + "ma‐"
    REQUIRE(prefix.size() == 2);
    CHECK(prefix[0].text == "super");
    CHECK(prefix[1].text == "ma-");
    CHECK(prefix[1].font == italic);
    // The Bold cut has no U+2010 but has "-": the hyphen stays in the Bold face.
    const std::vector<StyledText> bold_runs{{"marketplace", style(bold, {inter_bold}), {}}};
    const auto bold_segments = shape_paragraph(shaper, breaks, bold_runs, sink);
    const auto& bw = std::get<Word>(bold_segments[0]);
    const auto bold_prefix = shape_word_part(shaper, bw, 0, 6, true);
    REQUIRE(bold_prefix.size() == 1);
    CHECK(bold_prefix[0].text == "market-");
    CHECK(bold_prefix[0].font == bold);
}

TEST_CASE_METHOD(Fixture, "Chinese and Japanese break between characters, marked for inter-character glue",
                 "[shape][paragraph][cjk]") {
    const font::FontId cjk = *registry.load(test::noto_serif_cjk, {}, sink);
    TextStyle zh = style(regular, {cjk});
    zh.language = "zh";
    const std::vector<StyledText> runs{{"外交部表示：「合作、共赢」。", zh, {"a.xml", 1, 1}}};
    CHECK(picture(shape_paragraph(shaper, breaks, runs, sink)) == "[外]^[交]^[部]^[表]^[示：]^[「合]^[作、]^[共]^[赢」。]");
    TextStyle ja = zh;
    ja.language = "ja";
    CHECK(picture(shape_paragraph(shaper, breaks, {{"コーヒーを飲みましょう。", ja, {"a.xml", 2, 1}}}, sink)) ==
          "[コー]^[ヒー]^[を]^[飲]^[み]^[ま]^[しょ]^[う。]");
    // Korean keeps its words and breaks at spaces: ordinary word spaces.
    TextStyle ko = zh;
    ko.language = "ko";
    CHECK(picture(shape_paragraph(shaper, breaks, {{"서울의 외교 정책", ko, {"a.xml", 3, 1}}}, sink)) ==
          "[서울의]_|[외교]_|[정책]");
    CHECK(sink.all().empty());
}

TEST_CASE_METHOD(Fixture, "a Chinese name in an English sentence: its spaces stay word spaces",
                 "[shape][paragraph][cjk]") {
    const font::FontId cjk = *registry.load(test::noto_serif_cjk, {}, sink);
    TextStyle zh = style(regular, {cjk});
    zh.language = "zh";
    const std::vector<StyledText> runs{{"The minister ", style(regular, {cjk}), {"a.xml", 1, 1}},
                                       {"王毅", zh, {"a.xml", 1, 14}},
                                       {" (Wang Yi) spoke.", style(regular, {cjk}), {"a.xml", 1, 30}}};
    const auto segments = shape_paragraph(shaper, breaks, runs, sink);
    // A name of up to four characters is kept whole, as a word is. "(" takes the
    // script of the name before it, so it is a piece of its own.
    CHECK(picture(segments) == "[The]_|[minister]_|[王毅]_|[(/Wang]_|[Yi)]_|[spoke.]");
    const auto& name = std::get<Word>(segments[6]);
    CHECK(name.pieces.at(0).run.font == cjk);
    CHECK(name.pieces.at(0).language() == "zh");
    CHECK(std::get<Word>(segments[0]).pieces.at(0).run.font == regular);
    CHECK(sink.all().empty());
}
