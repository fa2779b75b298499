#pragma once
// Setting a paragraph, stage 2 of 4 (prepare): shaped segments -> the Knuth-Plass item
// list (para/item.hpp) and, beside it, what each item draws. Words become boxes, with
// a hyphenation penalty or a discretionary at each of their cuts (word_cuts.hpp);
// spaces become glue in the alignment's idiom (para/item_builders.hpp); breaks become
// penalties; boxes get their microtypography (microtype.hpp).
// Before: paragraph_runs.hpp (collect). Next: paragraph_breaking.hpp (break).
#include "core/source_loc.hpp"
#include "galley/paragraph_runs.hpp"
#include "galley/word_cuts.hpp"
#include "font/family_table.hpp"
#include "para/item.hpp"
#include "shape/paragraph.hpp"
#include "style/resolved_style.hpp"

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <utility>
#include <string>
#include <vector>

namespace quire::galley {

// What a box (or a hyphen's penalty) draws: a piece of a word, or a hyphen, and the
// inline run it came from.
struct Piece {
    shape::GlyphRun run;
    std::size_t source = 0;          // index into CollectedRuns::looks
    SourceLoc loc;                   // the word's
    std::vector<std::size_t> gaps;   // glyphs after which letter spacing goes (letter_gaps)
    std::uint8_t level = 0;          // its bidi level (shape::WordPiece::level)
};

// An interword glue's space glyph: drawn as a real space so text extraction and search
// see words, not gaps.
struct SpaceGlyph {
    font::FontId font = 0;
    Length size;
    std::uint8_t level = 0;  // the space's bidi level (shape::Space::level)
};

// The items of a discretionary, as TeX's: penalty(pre-break + hyphen) glue(no-break -
// post-break) box(post-break). Broken, the line ends with the pre-break part and the
// next starts at the box (the glue goes with the break); unbroken, glue and box add up
// to the no-break width, and the no-break glyphs are drawn in the box's place.
struct Discretionary {
    std::size_t glue = 0;          // item index
    std::size_t post_break = 0;    // item index of the box
    std::uint32_t no_break = 0;    // payload of the glyphs drawn when it does not break
    std::string before_break;      // the word's letters before the break (for traces)
};

// The glue items that stand for a space, with their glyphs, in item order: added as
// the items are, found by binary search (a std::map's node per space was a cost of
// its own, issue 19).
class SpaceGlyphs {
public:
    using Entry = std::pair<std::size_t, SpaceGlyph>;
    // `item` after every item added before.
    void add(std::size_t item, SpaceGlyph glyph) { entries_.emplace_back(item, glyph); }
    const SpaceGlyph* find(std::size_t item) const {
        auto it = std::lower_bound(entries_.begin(), entries_.end(), item,
                                   [](const Entry& e, std::size_t i) { return e.first < i; });
        return it != entries_.end() && it->first == item ? &it->second : nullptr;
    }
    std::size_t size() const { return entries_.size(); }
    std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
    std::vector<Entry>::const_iterator end() const { return entries_.end(); }

private:
    std::vector<Entry> entries_;
};

struct ParagraphItems {
    std::vector<para::Item> items;
    // A box's or penalty's payload k > 0 draws pieces[k - 1]; payload 0 draws nothing.
    std::vector<Piece> pieces;
    SpaceGlyphs spaces;  // the glue that stands for a space -> its glyph
    std::vector<Discretionary> discretionaries;  // in item order
    // Whether a line's items must be reordered visually (shape/bidi.hpp): the paragraph
    // is right to left, or holds right-to-left text. Then base_level is its level.
    bool bidi = false;
    std::uint8_t base_level = 0;

    const Piece& piece(std::uint32_t payload) const { return pieces[payload - 1]; }
    // The discretionary whose glue, or whose post-break box, is item `i`; null if none.
    const Discretionary* discretionary_at_glue(std::size_t i) const;
    const Discretionary* discretionary_at_box(std::size_t i) const;
    // What item `i` shows in a trace (para::BreakTrace): a box's text, a space's " ",
    // a discretionary's letters before the break; else "".
    std::string trace_text(std::size_t i) const;
    // The bidi level of item `i`: its piece's, its space's, else (an indent, the
    // paragraph's end, a ragged line's stretch) the paragraph's (UAX #9 L1).
    std::uint8_t level_of(std::size_t i) const;
};

// What preparing items uses besides the paragraph's own data.
struct PrepareTools {
    CutTools cuts;                       // shaping and hyphenation of cuts and hyphens
    const font::FamilyTable& families;   // protrusion tables
};

// `indent` is the first line's (replacing the style's after a heading, say).
// The segments' glyphs move into the items' pieces.
ParagraphItems prepare_items(std::vector<shape::Segment> segments, const CollectedRuns& runs,
                             const style::ParagraphStyle& style, Length indent, const std::string& language,
                             PrepareTools& tools);

}  // namespace quire::galley
