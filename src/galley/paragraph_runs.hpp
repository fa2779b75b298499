#pragma once
// Setting a paragraph, stage 1 of 4 (collect): the paragraph's inline runs, their
// character styles applied, -> the text to shape (one shape::StyledText a run, with
// its source location) and, beside it, what drawing needs of each run that glyphs do
// not carry (colour, link, tracking, note reference). Index k of both is inline run k,
// which shape::WordPiece::source and shape::Space::source name.
// Next: paragraph_items.hpp (prepare).
#include "core/source_loc.hpp"
#include "galley/font_styles.hpp"
#include "model/inline_text.hpp"
#include "render/display_list.hpp"
#include "shape/paragraph.hpp"
#include "style/style_sheet.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quire::galley {

// What a run looks like beyond its glyphs.
struct RunLook {
    render::Color color;
    std::string href;  // a link's target; a note's reference mark links to the note
    int tracking = 0;  // thousandths of an em
    int note = 0;      // the reference mark of this note (model::InlineRun::note), else 0
    int node = -1;     // the structure node its glyphs are content of (TextTagging); -1: furniture
};

// Where a paragraph's text stands in the document's structure (render/structure.hpp):
// its runs are content of `node`; a link, or a run in another language than the
// paragraph's, becomes a node of its own under it.
struct TextTagging {
    render::StructureTree* tree = nullptr;  // null: the text is furniture (untagged)
    int node = -1;
};

struct CollectedRuns {
    std::vector<shape::StyledText> styled;
    std::vector<RunLook> looks;
    shape::Direction direction = shape::Direction::ltr;  // the paragraph's (paragraph_direction)
};

// A paragraph's base direction (UAX #9 P2-P3, decided by markup as HTML does): its
// block's `dir`, else its language's direction. The block's language is the one its
// first and last runs share (a block's xml:lang is carried by every run), else
// `language`, the article's.
shape::Direction paragraph_direction(const model::InlineText& text, const std::string& language);

// `language` and `loc` are the paragraph's: a run without its own takes them. Empty
// when a run's family has no face (FontStyles has reported it: the paragraph is not set).
std::optional<CollectedRuns> collect_runs(const model::InlineText& text, const style::ParagraphStyle& style,
                                          const std::string& language, const SourceLoc& loc,
                                          const style::StyleSheet& styles, FontStyles& fonts,
                                          const TextTagging& tagging = {});

// A style's colour as drawn: grey (black included) as grey, so printers see pure K;
// CMYK as the designer gave it.
render::Color to_color(const style::TextColor& color);

}  // namespace quire::galley
