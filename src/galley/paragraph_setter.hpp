#pragma once
// Sets a paragraph: styled inline text -> shaped words (shape/) -> hyphenation points
// (hyph/) -> Knuth-Plass items (para/) -> breaks -> lines of glyphs ready to place
// (Line). The one place where the text stages meet.
#include "core/diagnostics.hpp"
#include "core/stage_clock.hpp"
#include "galley/font_styles.hpp"
#include "galley/galley.hpp"
#include "galley/par_shape.hpp"
#include "galley/paragraph_runs.hpp"
#include "hyph/hyphenator.hpp"
#include "model/inline_text.hpp"
#include "para/break_lines.hpp"
#include "shape/line_breaks.hpp"
#include "shape/shaper.hpp"
#include "style/style_sheet.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace quire::galley {

struct SetParagraph {
    std::vector<Line> lines;
    // With `with_variants`: the paragraph set one line longer and one line shorter
    // within its tolerance (TeX's \looseness=1 and -1), for a column that would
    // otherwise end short; empty when it cannot be set so. Set when first asked for.
    LazyLines longer, shorter;
    para::BreakPass pass = para::BreakPass::first;
    int hyphenated_lines = 0;
    int overfull_lines = 0;
};

class ParagraphSetter {
public:
    ParagraphSetter(const style::StyleSheet& styles, FontStyles& fonts, shape::Shaper& shaper,
                    shape::BreakFinder& breaks, hyph::Hyphenator& hyphenator, DiagnosticSink& sink);

    // Sets `text` in `style` at `width`. `first_indent` replaces the style's indent
    // (e.g. none after a heading). Overfull lines are warnings at the line's first word.
    // With a `shape`, line k is set at shape.widths[k] and its drawing moved right by
    // shape.indents[k] (Line::width stays `width`, the measure of the block). With a
    // `tagging`, the glyphs are content of its node (links and spans in other
    // languages get nodes of their own); without, they are furniture.
    SetParagraph set(const model::InlineText& text, const style::ParagraphStyle& style, Length width,
                     const std::string& language, const SourceLoc& loc,
                     std::optional<Length> first_indent = std::nullopt, const ParShape* shape = nullptr,
                     bool with_variants = false, const TextTagging& tagging = {});

    // Plain text in a named paragraph style (running heads, folios, contents lines).
    std::vector<Line> set_plain(const std::string& text, const std::string& style_name, Length width,
                                      const std::string& language);

    // Where to write \tracingparagraphs-style traces (--debug=linebreak); null: none.
    void trace_to(std::ostream* out) { trace_ = out; }

    // Where to charge the time of shaping, hyphenation and line breaking (--timings);
    // null: not timed.
    void time_with(StageClock* clock) { clock_ = clock; }

    const style::StyleSheet& styles() const { return styles_; }

private:
    const style::StyleSheet& styles_;
    FontStyles& fonts_;
    shape::Shaper& shaper_;
    shape::BreakFinder& breaks_;
    hyph::Hyphenator& hyphenator_;
    DiagnosticSink& sink_;
    std::ostream* trace_ = nullptr;
    StageClock* clock_ = nullptr;
};

}  // namespace quire::galley
