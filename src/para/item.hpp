#pragma once
// The paragraph as the line breaker sees it: boxes, glue and penalties
// (Knuth-Plass 1981 §2; TeX §813ff). para/ knows only widths; what a box draws is
// an opaque index into a table the caller owns, so this stage stays independent of
// shaping and fonts.
#include "core/length.hpp"

#include <cstdint>
#include <variant>

namespace quire::para {

// TeX's inf_penalty and eject_penalty (§157): a penalty >= inf_penalty forbids a
// break, one <= eject_penalty forces it.
inline constexpr int inf_penalty = 10000;
inline constexpr int eject_penalty = -10000;

// Something that is never broken: a word, a piece of a word between hyphenation
// points, an indent, an inline image. `payload` is the caller's index (e.g. of a
// shape::GlyphRun); para/ never looks at it.
//
// A box may give a little: `stretch` and `shrink` are what letter spacing (InDesign's
// justification "letter spacing" minimum and maximum) lets it gain or lose. The breaker
// counts it with the glue's (badness.hpp, two_level_badness); when a line is set, the
// glue moves first and the letters only take what is left past the glue's limit
// (set_lines).
// Zero for TeX's boxes. shrink must not exceed width.
//
// Glyph scaling (pdfTeX's font expansion, InDesign's glyph scaling): a line may draw
// all its glyphs a little wider or narrower, by the same step for the whole line;
// `scale_stretch` and `scale_shrink` are what the box gains or loses at the style's
// limit. The breaker spends it before the glue (line_fit.hpp), as pdfTeX does.
//
// Margin kerning (pdfTeX's character protrusion): `hang_left` is how far the box's
// first glyph may stand out into the left margin when the box begins a line,
// `hang_right` how far its last glyph may stand out on the right when it ends one.
struct Box {
    Length width;
    std::uint32_t payload = 0;
    Length stretch{};
    Length shrink{};
    Length scale_stretch{};
    Length scale_shrink{};
    Length hang_left{};
    Length hang_right{};
};

// Space that stretches and shrinks. A line break may be taken at a glue item that
// immediately follows a box (TeX §866); the glue then disappears.
//
// `stretch_fil` is first-order infinite stretch (TeX's `fil`), used by \parfillskip
// and by the ragged idioms' paragraph end: when a line holds any fil stretch, the fil
// glue takes all the extra space, finite stretch none, and the line's badness is 0
// (TeX §852). Infinite shrink is not offered: TeX refuses it in paragraphs (§826).
// Negative stretch is allowed (the ragged idioms need it).
struct Glue {
    Length width;
    Length stretch;
    Length shrink;
    Length stretch_fil;
};

// A possible break with a cost. `width` is added to the line only if the break is
// taken here (the hyphen of a hyphenated word). `flagged` marks breaks that count
// as hyphenated for double_hyphen_demerits and final_hyphen_demerits (TeX's
// break_type = hyphenated). `hyphenation` marks a break found by the hyphenator
// (libhyphen) rather than written in the text: the first pass does not consider
// such breaks (TeX hyphenates only before its second pass, §863, §891). An explicit
// hyphen in the text is `flagged` but not `hyphenation`, as TeX's \exhyphenpenalty.
// `payload` is the caller's index of what to draw at a taken break (the hyphen run).
// A hyphen scales with its line and hangs into the right margin as a box's last
// glyph would (`scale_stretch`, `scale_shrink`, `hang_right`, as Box's), when the
// break is taken. `last_resort` marks a hyphenation point tried only after the second
// pass failed (a name, where the style hyphenates names only then: BreakPass).
struct Penalty {
    Length width;
    int penalty = 0;
    bool flagged = false;
    bool hyphenation = false;
    std::uint32_t payload = 0;
    Length scale_stretch{};
    Length scale_shrink{};
    Length hang_right{};
    bool last_resort = false;
};

using Item = std::variant<Box, Glue, Penalty>;

}  // namespace quire::para
