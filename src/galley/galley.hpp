#pragma once
// What the galley stage makes and page composition takes: each article as a galley of
// set material (lines of text already broken and justified at the width they will
// stand at, figures with their caption and credit lines). Everything here is plain
// data made by the paragraph setter; page/ only places it. It lives with its maker so
// that includes run with the pipeline (page/ reads galley/, never the other way).
//
// Coordinates of a line's drawing are relative to the line's origin: the left end of
// its baseline, x to the right, y downwards (as render/'s display list).
#include "core/length.hpp"
#include "core/source_loc.hpp"
#include "galley/article_plan.hpp"
#include "render/display_list.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace quire::galley {

// One set line of text.
struct Line {
    Length width;                       // the measure it was set to
    Length natural_width;               // what the text itself takes (<= width unless
                                        // justified), less what hangs into the margins
                                        // (hang_left, hang_right): to right-align or
                                        // centre a line
    Length ascent;                      // above the baseline (tallest glyph's font ascender)
    Length descent;                     // below the baseline (positive)
    // How far its glyphs' ink reaches above and below the baseline (TeX's height and
    // depth of the line's box): what the line-spacing rule that keeps lines apart
    // uses, so a heading is not pushed off the grid by the font's generous ascender.
    Length ink_ascent, ink_descent;
    // Where the ink reaches across the line, for a line whose ink is taller than its
    // leading (Naskh Arabic, say, in a Latin text's 13pt): each ink_bin-wide slice's
    // top and bottom, from the line's origin. Empty for other lines, which are kept
    // apart by ink_ascent and ink_descent alone (page::ink_clearance).
    struct InkProfile {
        std::vector<Length> top, bottom;
    } ink_profile;
    static constexpr Length ink_bin = Length::from_sp(2 * 65536);  // 2pt
    std::vector<render::DrawOp> ops;    // relative to the line's origin
    // How the paragraph setter judged the line, for proofs (--proof): wider than its
    // measure, or spaced looser than the style's tolerance allows.
    bool overfull = false;
    bool loose = false;
    // It ends in a hyphen (of hyphenation, or one in the text): no column or page
    // should end here, so that a reader -- and a text search -- need not turn the page
    // in mid-word (InDesign's "hyphenate across column" off).
    bool hyphenated = false;
    // Margin kerning: how far its first glyph stands left of the measure, and its
    // last right of it (protrusion; galley/microtype.hpp).
    Length hang_left, hang_right;
    // The article's notes whose reference marks stand on this line (their numbers):
    // footnotes go to the foot of the column the line lands in.
    std::vector<int> notes;
};

// Lines made when first asked for: a paragraph's other settings (TeX's \looseness=1
// and -1), which the composer wants only for a column that would end short
// (page/run_long.hpp). Breaking and drawing every running paragraph twice more, just
// in case, was most of the paragraph stage's work (issue 19). A value: a copy shares
// how the lines are made, and has lines of its own.
class LazyLines {
public:
    using Make = std::function<std::vector<Line>()>;
    using Adjust = std::function<void(std::vector<Line>&)>;

    LazyLines() = default;  // made, and empty: no such setting
    explicit LazyLines(Make make) : make_(std::make_shared<const Make>(std::move(make))) {}

    // The lines, made now if not yet (empty: the paragraph cannot be set so).
    std::vector<Line>& get() {
        if (make_) {
            lines_ = (*make_)();
            make_.reset();
            for (const Adjust& adjust : pending_) adjust(lines_);
            pending_.clear();
        }
        return lines_;
    }
    bool empty() { return get().empty(); }
    void push_back(Line line) { get().push_back(std::move(line)); }

    // Applies `adjust` to the lines: now if they are made, else when they are.
    void adjust(Adjust adjust) {
        if (make_) pending_.push_back(std::move(adjust));
        else adjust(lines_);
    }
    // No such setting any more (it was used once, say).
    void clear() {
        make_.reset();
        pending_.clear();
        lines_.clear();
    }

private:
    std::shared_ptr<const Make> make_;
    std::vector<Adjust> pending_;
    std::vector<Line> lines_;
};

// The names of the places a note and its reference mark are drawn at, which links
// between them name (page/note_links.hpp resolves them).
inline std::string note_anchor(int number) { return "note:" + std::to_string(number); }
inline std::string reference_anchor(int number) { return "ref:" + std::to_string(number); }

// Where a block stands across the columns.
enum class Span { column, all_columns };

// What a text block is, for the rules that depend on it (keep-with-next, running
// heads, outlines, balancing).
enum class BlockRole {
    body,        // running text: on the baseline grid, widows and orphans controlled
    heading,     // section heading: never last in a column; an outline entry
    furniture,   // opener furniture: section label, title, subtitle, byline, standfirst
    pullquote,
    disclaimer,  // an article's disclaimer set at its end (when the layout wants it there)
};

// A paragraph: lines set at one measure, with its vertical spacing.
struct TextBlock {
    BlockRole role = BlockRole::body;
    Span span = Span::column;
    std::vector<Line> lines;
    // The paragraph set one line longer, and one line shorter, within its tolerance
    // (TeX's \looseness=1 and -1): what the composer may use instead of `lines` so that
    // a column that would end short reaches its foot (page/run_long.hpp). Empty when
    // it cannot be set so; set only when asked for.
    LazyLines longer, shorter;
    Length leading;                 // baseline to baseline inside the block
    Length space_before, space_after;
    bool keep_with_next = false;    // never separated from the next block by a column break
    bool snap_to_grid = false;      // baselines sit on the page's baseline grid
    int orphan_lines = 2;           // fewest lines of this block at a column's foot
    int widow_lines = 2;            // fewest lines of this block at a column's head
    // A table's rows: its header rows are set again at the head of a column that a
    // body row opens (the table split between rows).
    enum class TableRow { none, header, body } table_row = TableRow::none;
    int note = 0;                   // the article's note this block sets (an endnote), else 0
    std::string outline_title;      // headings: the bookmark text
    SourceLoc loc;
};

// A figure: the image scaled to the block's width, then its caption and credit lines.
// It is never split, and its credit always stands under it.
struct FigureBlock {
    // image: a picture with caption and credit; quote: a pull quote across the
    // columns, its lines in `caption`, between rules, with no image and no credit.
    enum class Kind { image, quote } kind = Kind::image;
    Span span = Span::column;
    enum class Placement { here, top, bottom } placement = Placement::top;
    std::string image_path;
    double aspect = 1.0;            // height / width of the image
    std::vector<Line> caption;      // set at the figure's width; may be empty
    std::vector<Line> credit;       // set at the figure's width; never empty
    Length caption_leading, credit_leading;
    Length gap;                     // between the image and the caption (or credit)
    std::string credit_text;        // plain text of the credit, for the image-credits list
    std::string alt;                // what the image shows, for readers who cannot see it
    int image_node = -1;            // the image's structure node (ArticleGalley::structure)
    SourceLoc loc;
};

using Block = std::variant<TextBlock, FigureBlock>;

// An article's footnotes, and the rule over them at a column's foot (the layout's
// <notes rule-thickness rule-length>).
struct Footnotes {
    // By number (index number - 1), set at the column's width; a note set as an
    // endnote (in ArticleGalley::body) has no lines here.
    std::vector<TextBlock> notes;
    Length rule_thickness = Length::from_pt(0.4);  // 0: no rule
    int rule_length = 33;                          // per cent of the column's width
    bool rule_from_right = false;                  // right-to-left notes: the rule starts on the right
};

struct ArticleGalley {
    std::string id;
    // Its title, byline, disclaimer and kind as composition planned it before the galley
    // was set (plan_article): one builder of them, so the pages made from a galley
    // (build_pages) and the plans cannot disagree.
    ArticlePlan plan;
    std::string short_title;        // for running heads when the title is long; may be empty
    std::string section;
    bool right_to_left = false;     // the article reads right to left (its title's direction): its
                                    // columns follow one another from the right
    std::vector<Block> opener;      // furniture set across the text area on the first page
    bool opener_in_column = false;  // ...or set at the column's width, to flow ahead of the body
    std::vector<Block> body;        // in reading order
    Footnotes footnotes;
    std::optional<TextBlock> end_disclaimer;  // the disclaimer set for the end of the text,
                                              // used when the layout puts it there
    int disclaimer_node = -1;       // its structure node, wherever it is set (in `structure`;
                                    // the composer moves it into the with the rest)
    // What the article's text and images are, in reading order: node 0 is the
    // article; the ops of its lines and figures name nodes of this tree.
    render::StructureTree structure;
    SourceLoc loc;
};

// Makes every op of `lines` content of structure node `node` (-1: furniture): for text
// set as one piece with no links or languages of its own (contents entries, credits).
inline void tag_lines(std::vector<Line>& lines, int node) {
    for (Line& line : lines) {
        for (render::DrawOp& op : line.ops) render::node_of(op) = node;
    }
}

// Sets one line of text in a paragraph style at a width, for running heads, footers,
// folios and contents entries whose text is known only during composition. `align`
// is the style's unless given. Returns several lines if the text needs them.
using LineSetter = std::function<std::vector<Line>(const std::string& text, const std::string& style, Length width)>;

}  // namespace quire::galley
