// Prepare: shaped words, spaces and breaks -> Knuth-Plass items, and the record of
// what each item draws (pieces, space glyphs, discretionaries).
#include "galley/paragraph_items.hpp"

#include "para/item_builders.hpp"
#include "text_engine.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::galley::testing;

namespace {

int flagged_penalties(const galley::ParagraphItems& p) {
    int n = 0;
    for (const para::Item& item : p.items) {
        if (const auto* pen = std::get_if<para::Penalty>(&item); pen && pen->flagged) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("each space's glyph is on the glue of the space's width", "[galley][prepare]") {
    Engine& e = engine();
    style::ParagraphStyle style = e.styles->paragraph("body");
    for (model::Align align : {model::Align::justify, model::Align::left, model::Align::right}) {
        style.align = align;
        const Prepared p = prepare(plain_text("one two three"), style);
        INFO("align " << static_cast<int>(align));
        REQUIRE(p.items.spaces.size() == 2);
        for (const auto& [i, glyph] : p.items.spaces) {
            const auto* glue = std::get_if<para::Glue>(&p.items.items.at(i));
            REQUIRE(glue);
            CHECK(glue->width > Length{});  // not the ragged idiom's glue(0, r, 0)
            CHECK(glyph.size == style.text.size);
            CHECK(p.items.trace_text(i) == " ");
        }
    }
    // Centred: the space's first glue, glue(0, r, 0) (para::add_centred_space).
    const Prepared centred = prepare(plain_text("one two three"), e.styles->paragraph("pullquote"));
    REQUIRE(centred.items.spaces.size() == 2);
    for (const auto& [i, glyph] : centred.items.spaces) CHECK(std::get<para::Glue>(centred.items.items.at(i)).stretch > Length{});
}

TEST_CASE("a hyphenation point where the glyphs change is recorded as a discretionary", "[galley][prepare][hyphenation]") {
    Engine& e = engine();
    const Prepared p = prepare(plain_text("trafficked victims"), e.styles->paragraph("body"));
    REQUIRE(p.items.discretionaries.size() == 1);
    const galley::Discretionary& d = p.items.discretionaries[0];
    // traf|ficked: the sample's serif shapes an f before an f apart (a kern or a
    // contextual form), so the letters the break reshapes begin at the first f.
    CHECK(d.before_break == "f");
    CHECK(d.post_break == d.glue + 1);
    REQUIRE(std::holds_alternative<para::Glue>(p.items.items.at(d.glue)));
    const auto& post = std::get<para::Box>(p.items.items.at(d.post_break));
    // Unbroken, the reshaped letters are drawn as shaped whole.
    CHECK(p.items.piece(d.no_break).run.text == d.before_break + p.items.piece(post.payload).run.text);
    // Unbroken, glue and box add up to the glyphs as shaped.
    CHECK(std::get<para::Glue>(p.items.items[d.glue]).width + post.width == p.items.piece(d.no_break).run.width());
    CHECK(p.items.discretionary_at_glue(d.glue) == &d);
    CHECK(p.items.discretionary_at_box(d.post_break) == &d);
    CHECK(p.items.discretionary_at_box(d.glue) == nullptr);
    CHECK(p.items.trace_text(d.glue) == "f");
    // Before it, the penalty whose piece is the pre-break part and its hyphen.
    const auto& pen = std::get<para::Penalty>(p.items.items.at(d.glue - 1));
    CHECK(pen.flagged);
    CHECK(p.items.piece(pen.payload).run.text.starts_with("f"));
}

TEST_CASE("the paragraph's last word gets no hyphenation point", "[galley][prepare][hyphenation]") {
    Engine& e = engine();
    const style::ParagraphStyle& body = e.styles->paragraph("body");
    const int alone = flagged_penalties(prepare(plain_text("hyphenation"), body).items);
    const int first = flagged_penalties(prepare(plain_text("hyphenation is"), body).items);
    CHECK(alone == 0);
    CHECK(first > 0);
}

TEST_CASE("a first-line indent is an empty box, an address breaks with no hyphen", "[galley][prepare]") {
    Engine& e = engine();
    style::ParagraphStyle body = e.styles->paragraph("body");
    body.indent = Length::from_pt(12);
    const Prepared p = prepare(plain_text("see example.org/path/to/page"), body);
    const auto& indent = std::get<para::Box>(p.items.items.at(0));
    CHECK(indent.payload == 0);
    CHECK(indent.width == Length::from_pt(12));
    int address_breaks = 0;
    for (const para::Item& item : p.items.items) {
        if (const auto* pen = std::get_if<para::Penalty>(&item); pen && pen->penalty == para::address_break_penalty) {
            CHECK_FALSE(pen->flagged);
            CHECK(pen->width == Length{});
            ++address_breaks;
        }
    }
    CHECK(address_breaks >= 1);
}

// Issue 19: where HarfBuzz says a word may be cut as it stands (GlyphRun::safe_cuts),
// its hyphenation points are plain cuts found without shaping the two parts again;
// a point inside a ligature still shapes them and becomes a discretionary.
TEST_CASE("a hyphenation point HarfBuzz calls safe costs no shaping, one in a ligature does", "[galley][hyphenation]") {
    Engine& e = engine();
    const style::ParagraphStyle& body = e.styles->paragraph("body");
    const model::InlineText text = plain_text("Internationalisation remains the plan.");
    // The runs outlive the words: a word's pieces point at their runs' styles.
    auto runs = galley::collect_runs(text, body, "en-GB", {}, *e.styles, *e.fonts);
    REQUIRE(runs);
    const std::vector<shape::Segment> segments = shape::shape_paragraph(*e.shaper, e.breaks, runs->styled, e.sink);
    const auto& word = std::get<shape::Word>(segments.front());
    REQUIRE(word.text == "Internationalisation");
    galley::CutTools tools{*e.shaper, e.hyphenator, e.sink, nullptr};
    galley::WordCutRules rules = galley::word_cut_rules(body, word, "en-GB", false, false, false);
    rules.names_always = true;
    const std::uint64_t lookups = e.shaper->stats().lookups;
    const std::vector<galley::WordCut> cuts = galley::find_word_cuts(word, rules, tools);
    CHECK(cuts.size() >= 4);
    for (const galley::WordCut& cut : cuts) CHECK(cut.plain());
    CHECK(e.shaper->stats().lookups == lookups);  // nothing shaped again

    auto office_runs = galley::collect_runs(plain_text("officers everywhere"), body, "en-GB", {}, *e.styles, *e.fonts);
    REQUIRE(office_runs);
    const std::vector<shape::Segment> office = shape::shape_paragraph(*e.shaper, e.breaks, office_runs->styled, e.sink);
    const auto& officers = std::get<shape::Word>(office.front());
    const std::uint64_t before = e.shaper->stats().lookups;
    const std::vector<galley::WordCut> through = galley::find_word_cuts(officers, rules, tools);
    REQUIRE(!through.empty());
    CHECK(!through.front().plain());  // "of|ficers" cuts the ffi ligature
    CHECK(e.shaper->stats().lookups > before);
}
