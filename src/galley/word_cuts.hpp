#pragma once
// Setting a paragraph, part of stage 2 (prepare): where one word may break, and what
// its glyphs become there. A point from the hyphenator (or an address's / . @) either
// simply cuts the word's glyphs -- where the glyphs on either side are the same
// whether the word is shaped whole or in two parts -- or becomes a discretionary, as
// TeX's: where a ligature or contextual form spans the point ("ef|ficient" in a font
// whose "ffi" is one glyph), or a kern with the next letter, the glyphs as shaped
// stand where the line does not break, and the two parts shaped apart where it does.
// paragraph_items.hpp turns the cuts into Knuth-Plass items.
#include "core/diagnostics.hpp"
#include "core/stage_clock.hpp"
#include "hyph/hyphenator.hpp"
#include "shape/paragraph.hpp"
#include "style/resolved_style.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace quire::galley {

struct WordCut {
    std::size_t begin = 0, end = 0;  // the word's bytes the break reshapes (begin == end: a plain cut)
    std::size_t at = 0;              // the break point, a byte offset in the word
    hyph::BreakKind kind = hyph::BreakKind::discretionary;
    shape::GlyphRun pre, post;       // a discretionary's parts: [begin, at) and [at, end)
    bool last_resort = false;        // in a name, the style's last resort

    bool plain() const { return begin == end; }
};

// What finding a word's cuts uses, and where it reports and charges its time.
struct CutTools {
    shape::Shaper& shaper;
    hyph::Hyphenator& hyphenator;
    DiagnosticSink& sink;
    StageClock* clock = nullptr;
};

// How one word of a paragraph may break.
struct WordCutRules {
    bool addresses = true;    // a URL, e-mail address or path breaks after / . @ (not when centred)
    bool hyphenate = false;   // ask the hyphenator (the style's, not centred, not the last word)
    hyph::Options options;    // minimums, and whether the word stands in text set in capitals
    std::string language;     // the patterns' language: the word's first piece's
    bool names_always = false;  // a capitalised word (a name) is hyphenated as any other
    bool names_last = false;    // ...or only as a last resort (Penalty::last_resort)
};

// The rules for `word`. The paragraph's last word is never hyphenated: a paragraph does
// not end in the tail of a word ("protector-" / "ate."), which TeX's
// \finalhyphendemerits only discourages (issue 15).
WordCutRules word_cut_rules(const style::ParagraphStyle& style, const shape::Word& word,
                            const std::string& paragraph_language, bool centred, bool last_word,
                            bool in_capitals_text);

// The cuts of `word`, in order, none reaching back into a discretionary before it.
std::vector<WordCut> find_word_cuts(const shape::Word& word, const WordCutRules& rules, CutTools& tools);

// Which words stand in text set in capitals: in capitals, with a word in capitals just
// before or after (a legal notice), unlike an acronym in running text
// (hyph::Options::in_capitals_text). One flag a segment; false for non-words.
std::vector<bool> capitals_text(const std::vector<shape::Segment>& segments);

// The part of a piece of a word (its `whole` glyphs, `size` bytes) that a break at byte
// `at` reshapes, given the piece shaped in two: `before` = [0, at), `after` = [at, size).
// From the front the glyphs agree up to cluster `begin`; from the back, from cluster
// `end` on (whole clusters only, so the piece's own glyphs can be cut there).
// begin == end == at: the break just cuts the glyphs.
struct ReshapedSpan {
    std::size_t begin = 0, end = 0;
};
ReshapedSpan reshaped_span(const std::vector<shape::Glyph>& whole, const std::vector<shape::Glyph>& before,
                           const std::vector<shape::Glyph>& after, std::size_t at, std::size_t size);

// Glyphs of `run` whose clusters fall in [begin, end) of its text, as a run of their
// own with clusters made relative to it.
shape::GlyphRun sub_run(const shape::GlyphRun& run, std::size_t begin, std::size_t end);

}  // namespace quire::galley
