#pragma once
// A paragraph's styled text -> words, spaces and break opportunities, shaped: what the
// paragraph builder turns into Knuth-Plass items (a Word into boxes and hyphenation
// penalties, a Space into glue, a Break into a penalty). Stage entry point of shape/.
//
// How the text is cut (design §4):
//  1. ICU finds the line-break opportunities of the whole paragraph (UAX #14, in each
//     run's language: BreakFinder::find with language spans).
//  2. Between two opportunities: the word(s), then the spaces before the break. Spaces
//     (U+0020 and U+00A0) never go into a word; a Space with no Break right after it
//     must not be broken at (ICU forbids it, e.g. "( x", "word !", or it is U+00A0): the
//     caller puts an infinite penalty before that glue.
//  3. Each word is cut into pieces where the style run, the font (fallback chain), the
//     script or the bidi level (bidi.hpp) changes, and each piece is shaped with
//     Shaper (cached), in its level's direction. A word may thus span styles
//     ("half<em>italic</em>"), fonts and directions ("(عربي").
// Segments stay in logical order; lines are reordered visually after breaking.
// The end of the paragraph gets no Break: the caller ends it as TeX does
// (\penalty10000 \parfillskip \penalty-10000).
#include "core/diagnostics.hpp"
#include "font/fallback.hpp"
#include "shape/bidi.hpp"
#include "shape/features.hpp"
#include "shape/line_breaks.hpp"
#include "shape/shaper.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace quire::shape {

// Everything shaping needs from a resolved character style.
struct TextStyle {
    font::FontId font = 0;               // the style's face (family, weight, slant resolved)
    std::vector<font::FontId> fallback;  // faces of the layout's fallback families, in order
    font::SystemFallback* system = nullptr;  // installed fonts after those; null: none
    Length size;
    FeatureSet features;
    std::string language = "en";         // BCP 47, from xml:lang
};

// One run of the paragraph's text in one style. "\n" is a forced line break.
struct StyledText {
    std::string text;  // UTF-8
    TextStyle style;
    SourceLoc loc;     // where the run starts; diagnostics about its characters point here
    std::optional<Direction> direction{};  // an explicit direction (<span dir>) embedded in the paragraph's
};

// Part of a word in one style run, font and script.
struct WordPiece {
    GlyphRun run;             // run.text == Word::text.substr(begin, run.text.size())
    std::size_t begin = 0;    // byte offset of the piece in Word::text
    std::size_t source = 0;   // index of the StyledText it came from (colour, link ...)
    font::FontId style_font = 0;  // the style's own face; run.font differs after fallback
    // The style of the run it came from (which outlives the piece: a paragraph's
    // segments live while its StyledText does). Pointed to, not copied: copying a
    // feature list and a language tag into every piece of every word was a cost of
    // its own (issue 19).
    const TextStyle* style = nullptr;
    hb_script_t script = HB_SCRIPT_LATIN;
    // Its bidi level (0 in a paragraph with no right-to-left text), and the direction
    // it was shaped in: HB_DIRECTION_INVALID (its script's) unless the paragraph was
    // resolved (bidi.hpp), when it is its level's.
    std::uint8_t level = 0;
    hb_direction_t direction = HB_DIRECTION_INVALID;

    const FeatureSet& features() const { return style ? style->features : no_features(); }
    const std::string& language() const { return style ? style->language : no_language(); }

private:
    static const FeatureSet& no_features();
    static const std::string& no_language();
};

// Text between break opportunities, without its spaces: one box for the line breaker,
// and what to ask hyph/ for break points (hyph::Patterns::break_points(word.text)).
struct Word {
    std::string text;  // the word's UTF-8 text, across its pieces (may hold U+00AD)
    std::vector<WordPiece> pieces;
    SourceLoc loc;     // the loc of the run the word starts in

    Length width() const {
        Length w;
        for (const WordPiece& p : pieces) w += p.run.width();
        return w;
    }
};

// Inter-word space: natural width count * space_advance. Stretch and shrink are the
// caller's to derive from space_advance (TeX's fontdimen 3 and 4 are typically 1/2 and
// 1/3 of it).
struct Space {
    std::size_t count = 1;      // how many space characters (readers collapse to 1)
    Length space_advance;       // one U+0020 in this font and size
    Length width;               // count * space_advance
    font::FontId font = 0;
    Length size;
    std::size_t source = 0;     // index of the StyledText the space is in
    bool no_break = false;      // it holds U+00A0: never break here
    std::uint8_t level = 0;     // its bidi level, as WordPiece::level
    SourceLoc loc;
};

// A line may (allowed) or must (mandatory) end here. after_hyphen: the text before
// ends in a hyphen or dash, so the line will end in one (TeX's \exhyphenpenalty and
// the consecutive-hyphen demerits apply). inter_character: no space here, and a CJK
// character (ideograph, kana, Hangul, their punctuation) on either side: a break
// between two characters of Chinese or Japanese, where justification spaces the
// characters out since there are no word spaces to stretch.
struct Break {
    BreakKind kind = BreakKind::allowed;
    bool after_hyphen = false;
    bool inter_character = false;
};

using Segment = std::variant<Word, Space, Break>;

// Shapes a paragraph whose base direction is `base`. Characters no font has are one
// warning for the paragraph (at the run of the first of them).
std::vector<Segment> shape_paragraph(Shaper& shaper, BreakFinder& breaks, const std::vector<StyledText>& runs,
                                     DiagnosticSink& sink, Direction base = Direction::ltr);

// Re-shapes word.text[begin, end) with each piece's font and style: the parts of a
// hyphenated word. With add_hyphen the last run ends with the hyphen glyph (U+2010 or
// "-", in the last piece's style font, falling back to its run font) shaped together
// with the preceding text, so kerning against the hyphen is kept; its text then ends
// with that hyphen character. `begin` and `end` must be character boundaries.
std::vector<GlyphRun> shape_word_part(Shaper& shaper, const Word& word, std::size_t begin, std::size_t end,
                                      bool add_hyphen);

}  // namespace quire::shape
