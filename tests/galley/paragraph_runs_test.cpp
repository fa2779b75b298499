// Collect: inline runs -> text to shape, and what drawing needs of each run.
#include "galley/paragraph_runs.hpp"

#include "text_engine.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::galley::testing;

TEST_CASE("collecting keeps one styled text and one look per run", "[galley][collect]") {
    Engine& e = engine();
    const style::ParagraphStyle& body = e.styles->paragraph("body");
    const SourceLoc paragraph_loc{"a.xml", 3, 4};
    model::InlineText text{model::InlineRun{"Plain ", {}, "", {}}, model::InlineRun{"italic", {"em"}, "", {"b.xml", 5, 6}},
                           model::InlineRun{"link", {}, "https://example.org/", {}}};
    model::InlineRun mark{"1", {"note-reference"}, "", {}};
    mark.note = 3;
    text.push_back(mark);
    model::InlineRun french{" bonjour", {}, "", {}};
    french.language = "fr";
    text.push_back(french);

    const std::optional<galley::CollectedRuns> runs = galley::collect_runs(text, body, "en-GB", paragraph_loc, *e.styles, *e.fonts);
    REQUIRE(runs);
    REQUIRE(runs->styled.size() == 5);
    REQUIRE(runs->looks.size() == 5);
    CHECK(runs->styled[0].text == "Plain ");
    CHECK(runs->styled[0].loc.file == "a.xml");  // a run without a place takes the paragraph's
    CHECK(runs->styled[1].loc.file == "b.xml");
    CHECK(runs->styled[1].style.font != runs->styled[0].style.font);  // the italic face
    CHECK(runs->looks[2].href == "https://example.org/");
    CHECK(runs->looks[3].href == "#" + galley::note_anchor(3));  // a reference mark links to its note
    CHECK(runs->looks[3].note == 3);
    CHECK(runs->looks[0].note == 0);
    CHECK(runs->styled[4].style.language == "fr");
    CHECK(runs->styled[0].style.language == "en-GB");
}

TEST_CASE("colours are drawn grey when grey, as given otherwise", "[galley][collect]") {
    const render::Color grey = galley::to_color(style::Rgb{0.2, 0.2, 0.2});
    CHECK(grey.space == render::Color::Space::gray);
    CHECK(grey.c[0] == 0.2);
    CHECK(galley::to_color(style::Rgb{0.2, 0.3, 0.2}).space == render::Color::Space::rgb);
    const render::Color ink = galley::to_color(style::Cmyk{0, 0.5, 1, 0.1});
    CHECK(ink.space == render::Color::Space::cmyk);
    CHECK(ink.c[3] == 0.1);
}
