#include "shape/shaper.hpp"
#include "../font/test_fonts.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::shape;

namespace {

struct Fixture {
    DiagnosticSink sink;
    font::FontRegistry registry;
    font::FontId garamond = *registry.load(test::garamond_regular, {}, sink);
    font::FontId garamond_bold = *registry.load(test::garamond_bold, {}, sink);
    font::FontId inter = *registry.load(test::inter_regular, {}, sink);
    Shaper shaper{registry};
    Length size = Length::from_pt(10);

    FeatureSet features(std::vector<std::string> list) { return FeatureSet::parse(list, {}, sink); }

    std::vector<std::string> glyph_names(const GlyphRun& run) {
        std::vector<std::string> names;
        for (const Glyph& g : run.glyphs) {
            char name[64] = "";
            FT_Get_Glyph_Name(registry.ft_face(run.font), g.gid, name, sizeof name);
            names.emplace_back(name);
        }
        return names;
    }
    std::vector<std::uint32_t> clusters(const GlyphRun& run) {
        std::vector<std::uint32_t> c;
        for (const Glyph& g : run.glyphs) c.push_back(g.cluster);
        return c;
    }
};

}  // namespace

// EB Garamond 12 makes its f-ligatures contextually: "ffi" becomes three joining
// glyphs (f._f f._i i.dotless), one per character, not one ligature glyph. Its one
// many-to-one ligature is the discretionary "Th".
TEST_CASE_METHOD(Fixture, "liga joins the f's of 'office' in EB Garamond, and -liga does not", "[shape]") {
    const GlyphRun on = shaper.shape_text(garamond, size, features({}), "en", "office");
    CHECK(glyph_names(on) == std::vector<std::string>{"o", "f._f", "f._i", "i.dotless", "c", "e"});
    CHECK(clusters(on) == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5});
    const GlyphRun off = shaper.shape_text(garamond, size, features({"-liga"}), "en", "office");
    CHECK(glyph_names(off)[3] == "i");
    CHECK(glyph_names(off)[1] != "f._f");
}

TEST_CASE_METHOD(Fixture, "a many-to-one ligature keeps the cluster of its first character", "[shape]") {
    const GlyphRun run = shaper.shape_text(garamond, size, features({"dlig"}), "en", "The");
    REQUIRE(run.glyphs.size() == 2);  // fewer glyphs than characters
    CHECK(glyph_names(run) == std::vector<std::string>{"T_h", "e"});
    CHECK(clusters(run) == std::vector<std::uint32_t>{0, 2});
    CHECK(run.text == "The");
    CHECK(shaper.shape_text(garamond, size, features({}), "en", "The").glyphs.size() == 3);
}

TEST_CASE_METHOD(Fixture, "kerning tightens AV and To in Inter, -kern switches it off", "[shape]") {
    for (const char* pair : {"AV", "To"}) {
        INFO(pair);
        const GlyphRun kerned = shaper.shape_text(inter, size, features({}), "en", pair);
        const GlyphRun plain = shaper.shape_text(inter, size, features({"-kern"}), "en", pair);
        REQUIRE(kerned.glyphs.size() == 2);
        REQUIRE(plain.glyphs.size() == 2);
        CHECK(kerned.glyphs[0].gid == plain.glyphs[0].gid);
        CHECK(kerned.glyphs[0].advance < plain.glyphs[0].advance);
        CHECK(kerned.glyphs[1].advance == plain.glyphs[1].advance);
    }
}

TEST_CASE_METHOD(Fixture, "smcp and lnum switch glyphs in EB Garamond, its default figures are oldstyle", "[shape]") {
    const auto plain = shaper.shape_text(garamond, size, features({}), "en", "Hamlet 1984");
    const auto smcp = shaper.shape_text(garamond, size, features({"smcp"}), "en", "Hamlet 1984");
    const auto names = glyph_names(smcp);
    CHECK(names[0] == "H");  // capitals stay
    CHECK(names[1] == "a.sc");
    CHECK(names[5] == "t.sc");
    CHECK(plain.glyphs[1].gid != smcp.glyphs[1].gid);

    const auto onum = shaper.shape_text(garamond, size, features({"onum"}), "en", "1984");
    const auto lnum = shaper.shape_text(garamond, size, features({"lnum"}), "en", "1984");
    const auto digits = shaper.shape_text(garamond, size, features({}), "en", "1984");
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(onum.glyphs[i].gid == digits.glyphs[i].gid);
        CHECK(lnum.glyphs[i].gid != onum.glyphs[i].gid);
    }
}

TEST_CASE_METHOD(Fixture, "advances are unhinted font units scaled with integer rounding", "[shape]") {
    const GlyphRun run = shaper.shape_text(garamond, Length::from_pt(10.5), features({"-kern"}), "en", "o");
    REQUIRE(run.glyphs.size() == 1);
    const hb_position_t units = hb_font_get_glyph_h_advance(registry.hb_font(garamond), run.glyphs[0].gid);
    const std::int64_t size_sp = Length::from_pt(10.5).sp;
    CHECK(run.glyphs[0].advance.sp == (units * size_sp + 500) / 1000);
    // Double the size, (about) double the advance.
    const GlyphRun big = shaper.shape_text(garamond, Length::from_pt(21), features({"-kern"}), "en", "o");
    CHECK(std::abs(big.glyphs[0].advance.sp - 2 * run.glyphs[0].advance.sp) <= 1);
}

TEST_CASE_METHOD(Fixture, "the cache shapes a repeated word once", "[shape][cache]") {
    const FeatureSet none = features({});
    const GlyphRun a = shaper.shape_text(garamond, size, none, "en-GB", "compounds");
    const GlyphRun b = shaper.shape_text(garamond, size, none, "en-GB", "compounds");
    CHECK(shaper.stats().lookups == 2);
    CHECK(shaper.stats().shaped == 1);
    CHECK(shaper.stats().hits == 1);
    CHECK(a.width() == b.width());
    CHECK(a.glyphs.size() == b.glyphs.size());
    // Any part of the key changing means shaping again.
    shaper.shape_text(garamond, Length::from_pt(11), none, "en-GB", "compounds");
    shaper.shape_text(garamond, size, features({"smcp"}), "en-GB", "compounds");
    shaper.shape_text(inter, size, none, "en-GB", "compounds");
    shaper.shape_text(garamond, size, none, "en-US", "compounds");
    shaper.shape_text(garamond, size, none, "en-GB", "compound");
    CHECK(shaper.stats().shaped == 6);
    CHECK(shaper.cache_size() == 6);
    // Features written two ways are one key.
    CHECK(features({"-liga"}).key() == features({"liga=0"}).key());
}

TEST_CASE_METHOD(Fixture, "a bad feature string is a located warning and is left out", "[shape]") {
    const FeatureSet set = FeatureSet::parse({"smcp", "", "not a feature!"}, {"layout.xml", 30, 2}, sink);
    CHECK(set.features().size() == 1);
    CHECK(sink.all().size() == 2);
    CHECK(sink.all()[0].loc.line == 30);
}

TEST_CASE_METHOD(Fixture, "the hyphen is U+2010 where the font has it, else '-'", "[shape]") {
    CHECK(shaper.hyphen_text(garamond) == "\u2010");
    CHECK(shaper.hyphen_text(garamond_bold) == "-");  // the partial Bold cut has no U+2010
    const GlyphRun h = shaper.hyphen(garamond, size, features({}), "en");
    REQUIRE(h.glyphs.size() == 1);
    CHECK(h.glyphs[0].gid != 0);
    CHECK(h.width() > Length{});
    CHECK(shaper.space_width(garamond, size, features({}), "en") > Length{});
}

TEST_CASE_METHOD(Fixture, "a soft hyphen draws nothing", "[shape]") {
    const GlyphRun run = shaper.shape_text(garamond, size, features({}), "en", "co\u00ADop");
    CHECK(run.glyphs.size() == 4);
    CHECK(clusters(run) == std::vector<std::uint32_t>{0, 1, 4, 5});
}

// GlyphRun::safe_cuts is a promise the hyphenation code relies on to skip shaping a
// word's two parts: wherever a bit is set, the parts shaped apart give back exactly
// the whole's glyphs on either side of the cut.
TEST_CASE_METHOD(Fixture, "a safe cut splits a run exactly as shaping its two parts would", "[shape]") {
    int safe = 0, unsafe = 0;
    for (const font::FontId font : {garamond, inter}) {
        for (const char* word : {"international", "efficient", "office", "AVATAR", "Tomorrow", "Waffles", "naïveté"}) {
            const std::string text = word;
            const GlyphRun whole = shaper.shape_text(font, size, features({}), "en", text);
            for (std::size_t i = 1; i < whole.glyphs.size(); ++i) {
                const std::uint32_t at = whole.glyphs[i].cluster;
                if (((whole.safe_cuts >> i) & 1U) == 0) {
                    ++unsafe;
                    continue;
                }
                ++safe;
                const GlyphRun before = shaper.shape_text(font, size, features({}), "en", text.substr(0, at));
                const GlyphRun after = shaper.shape_text(font, size, features({}), "en", text.substr(at));
                INFO(word << " cut at byte " << at);
                REQUIRE(before.glyphs.size() == i);
                REQUIRE(after.glyphs.size() == whole.glyphs.size() - i);
                for (std::size_t k = 0; k < whole.glyphs.size(); ++k) {
                    const Glyph& part = k < i ? before.glyphs[k] : after.glyphs[k - i];
                    const Glyph& own = whole.glyphs[k];
                    CHECK(part.gid == own.gid);
                    CHECK(part.advance == own.advance);
                    CHECK(part.x_offset == own.x_offset);
                    CHECK(part.y_offset == own.y_offset);
                    CHECK(part.cluster + (k < i ? 0 : at) == own.cluster);
                }
            }
        }
    }
    CHECK(safe > 20);   // most places between letters are safe: that is the speed-up
    CHECK(unsafe > 0);  // a ligature's or kern's are not: those words are shaped again
}

TEST_CASE_METHOD(Fixture, "a cached run keeps its safe cuts, and bit 0 is never set", "[shape]") {
    const GlyphRun first = shaper.shape_text(garamond, size, features({}), "en", "typesetting");
    const GlyphRun again = shaper.shape_text(garamond, size, features({}), "en", "typesetting");
    CHECK(shaper.stats().hits == 1);
    CHECK(first.safe_cuts != 0);
    CHECK(again.safe_cuts == first.safe_cuts);
    CHECK((first.safe_cuts & 1U) == 0);
}
