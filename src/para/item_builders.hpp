#pragma once
// The item idioms of Knuth & Plass 1981 (§"Ragged right", "Centered text") and of
// TeX's paragraph end (§816), so that every alignment goes through the same breaker.
// Each function appends to `items`; the caller adds the boxes (words) in between.
//
//   Justified:     box  glue(w, y, z)  box ...            hyphen: penalty(h, 50, flagged)
//   Ragged right:  box  glue(0, r, 0) penalty(0) glue(w, -r, 0)  box ...
//                  A break at the penalty leaves r of stretch at the end of the line
//                  and drops glue(w, -r, 0) with the other discardables; unbroken, the
//                  two glues add up to a plain space w with no stretch, so spacing
//                  inside a line never varies. (A break at the first glue is legal too
//                  but leaves a line with no stretch; it is never better.)
//   Centred:       glue(0, r, 0) box  glue(0, r, 0) penalty(0) glue(w, -2r, 0) box(0)
//                  penalty(inf) glue(0, r, 0)  box ... penalty(inf) glue(0, r, 0) penalty(-inf)
//                  Each line gets r of stretch on both sides; the empty box keeps the
//                  leading glue of the next line from being discarded.
//   Paragraph end: penalty(inf) glue(0, 0, 0, fil) penalty(-inf): the last line may
//                  be short without being bad (TeX's \parfillskip).
// Ragged lines still rank by badness: a line short by r has badness 100, so set the
// tolerance with r in mind (Knuth-Plass suggest r = 3em).
#include "core/length.hpp"
#include "para/item.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace quire::para {

// TeX's plain defaults for the penalties on hyphens.
inline constexpr int default_hyphen_penalty = 50;     // \hyphenpenalty
// A name's hyphenation point, offered only when nothing else sets the paragraph
// (Penalty::last_resort): its cost (250,000 demerits) is above anything a line within
// the tolerance costs, so the breaker takes as few of them as it can.
inline constexpr int last_resort_hyphen_penalty = 500;
inline constexpr int default_ex_hyphen_penalty = 50;  // \exhyphenpenalty

void add_box(std::vector<Item>& items, Length width, std::uint32_t payload = 0);

// A box with letter spacing to give: it may gain up to `stretch` and lose up to
// `shrink` (Box), after the line's glue has gone to its limit.
void add_spaced_box(std::vector<Item>& items, Length width, Length stretch, Length shrink, std::uint32_t payload = 0);

// The space builders return the index in `items` of the glue that stands for the
// space itself: where a drawing puts a space glyph (so text extraction sees words)
// and a trace writes " ". Which of an idiom's glues that is is this file's business.

// Justified text: an interword space. Returns its glue.
std::size_t add_space(std::vector<Item>& items, Length width, Length stretch, Length shrink);

// A hyphenation point found by the hyphenator, between two boxes of one word: a
// flagged penalty of the hyphen's width, not tried in the first pass (nor in the
// second, if `last_resort`).
void add_hyphenation_point(std::vector<Item>& items, Length hyphen_width,
                           int hyphen_penalty = default_hyphen_penalty, std::uint32_t payload = 0,
                           bool last_resort = false);

// After a hyphen (or dash) written in the text: a flagged penalty of width zero (the
// hyphen is already in the box before it), allowed in every pass.
void add_explicit_hyphen_break(std::vector<Item>& items, int ex_hyphen_penalty = default_ex_hyphen_penalty);

// In a URL, e-mail address or path, after a / . or @: a break that adds no hyphen and
// does not count as one (unflagged), tried from the second pass on, as a hyphenation
// point is. Ragged text (`ragged_stretch` > 0) gets the ragged idiom's stretch at it.
inline constexpr int address_break_penalty = 100;
void add_address_break(std::vector<Item>& items, Length ragged_stretch);

// A forced line break inside the paragraph (penalty -inf, unflagged).
void add_forced_break(std::vector<Item>& items);

// Ragged right: an interword space of width `space` with `ragged_stretch` (r) at breaks.
// Returns glue(w, -r, 0), the one of the space's width.
std::size_t add_ragged_right_space(std::vector<Item>& items, Length space, Length ragged_stretch);

// Ragged right: a hyphenation point that also leaves r of stretch when taken:
// penalty(inf) glue(0, r, 0) penalty(h, p, flagged, hyphenation) glue(0, -r, 0).
void add_ragged_right_hyphenation_point(std::vector<Item>& items, Length hyphen_width, Length ragged_stretch,
                                        int hyphen_penalty = default_hyphen_penalty, std::uint32_t payload = 0,
                                        bool last_resort = false);

// Centred: before the first box of the paragraph.
void begin_centred(std::vector<Item>& items, Length ragged_stretch);

// Centred: an interword space. Returns its first glue, glue(0, r, 0).
std::size_t add_centred_space(std::vector<Item>& items, Length space, Length ragged_stretch);

// Centred: after the last box; ends the paragraph (no fil: the last line is centred too).
void finish_centred(std::vector<Item>& items, Length ragged_stretch);

// Ends a justified or ragged-right paragraph: drops trailing glue and penalties (a
// space after the last word, as TeX §816 does), then penalty(inf) glue(0, fil)
// penalty(-inf).
void finish_paragraph(std::vector<Item>& items);

}  // namespace quire::para
