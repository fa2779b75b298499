#pragma once
// A layout as the designer wrote it. Style properties stay optional here: the
// cascade (based-on) is resolved by style/, not by the reader.
#include "core/length.hpp"
#include "core/source_loc.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quire::model {

struct PageSetup {
    Length width, height;
    Length bleed;
    bool facing = true;
    Length margin_top, margin_bottom, margin_inside, margin_outside;
    int columns = 1;
    Length gutter;
    Length baseline_grid;
    SourceLoc loc;
};

// How articles follow one another (<flow>).
enum class ArticleStart { page, recto, column };
enum class DisclaimerPlacement { footer, end };
enum class CreditsPlacement { contents, end };

// <notes>: where an article's notes are set (model/article.hpp's Note).
struct NoteSettings {
    bool at_end = false;             // false: footnotes; true: endnotes
    std::string title = "Notes";     // over the endnotes
    Length rule_thickness = Length::from_pt(0.4);  // the rule over footnotes; 0: none
    int rule_length = 33;                          // its length, per cent of the column
    SourceLoc loc;
};

struct FlowSettings {
    ArticleStart article_start = ArticleStart::page;
    DisclaimerPlacement disclaimer = DisclaimerPlacement::footer;
    // On the contents page (a magazine's usual place; at the end when there is no
    // contents page), or always after the last article.
    CreditsPlacement image_credits = CreditsPlacement::contents;
    SourceLoc loc;
};

// How far a character standing first (left) or last (right) on a line hangs into the
// margin, in thousandths of its glyph's width (pdfTeX's \lpcode and \rpcode).
struct Protrusion {
    int left = 0, right = 0;
    friend bool operator==(const Protrusion&, const Protrusion&) = default;
};
using ProtrusionTable = std::map<char32_t, Protrusion>;

// The protrusion a family gets when its layout names no table: the usual Latin
// punctuation, quotes and dashes (model.cpp).
const ProtrusionTable& default_protrusion();

struct FontFamily {
    std::string name;
    std::string regular, italic, bold, bold_italic;  // resolved paths; empty when not given
    SourceLoc loc;
    // Its protrusion table: the file the family names (protrusion="..."), or the
    // default, with the family's own <protrude> entries over it.
    ProtrusionTable protrusion = default_protrusion();
    std::string system{};  // or, instead of files, an installed family's name (fontconfig)
};

enum class Align { justify, left, right, center };
enum class Weight { regular, bold };
enum class Slant { upright, italic };
enum class TextCase { as_is, upper };

// Properties shared by paragraph and character styles; unset means "inherit".
struct TextProperties {
    std::optional<std::string> font;  // family name
    std::optional<Length> size;
    std::optional<Weight> weight;
    std::optional<Slant> slant;
    std::optional<std::vector<std::string>> features;  // e.g. "smcp", "-liga"
    std::optional<TextCase> text_case;
    std::optional<int> tracking;                       // thousandths of an em
    std::optional<std::string> color;                  // "#RRGGBB" or "cmyk(c,m,y,k)"
};

// InDesign's justification settings for word or letter spacing: minimum, desired and
// maximum, each in percent of the font's space (min <= desired <= max).
struct Spacing {
    int min = 0, desired = 0, max = 0;
    friend bool operator==(const Spacing&, const Spacing&) = default;
};

// Words that begin with a capital, usually names (InDesign's "Hyphenate Capitalized
// Words"): left whole, hyphenated as any word, or hyphenated only where the paragraph
// cannot be set within its tolerance otherwise (before the emergency pass: a name
// broken once is better than a line of gaping spaces).
enum class CapitalsHyphenation { no, last_resort, yes };

struct ParagraphStyle {
    std::string name;
    std::optional<std::string> based_on;
    TextProperties text;
    std::optional<Length> leading;
    std::optional<Align> align;
    std::optional<Dimension> indent, space_before, space_after;
    std::optional<Dimension> left_indent, right_indent;  // the measure narrowed from the column's edges
    std::optional<bool> keep_with_next;
    std::optional<bool> hyphenate;
    std::optional<int> hyphenate_min_word, hyphenate_before, hyphenate_after;
    std::optional<CapitalsHyphenation> hyphenate_capitals;
    std::optional<int> hyphenate_limit;  // most consecutive lines ending in a hyphen; 0: no limit
    std::optional<int> tolerance, pretolerance;
    std::optional<bool> snap_to_grid;
    std::optional<Spacing> word_spacing, letter_spacing;  // justification
    std::optional<Spacing> glyph_scaling;          // justification: percent of the glyphs' width
    std::optional<bool> protrusion;                // margin kerning (the family's protrusion table)
    std::optional<int> drop_cap_lines;             // 0: no drop cap
    std::optional<std::string> drop_cap_style;     // character style of the cap
    SourceLoc loc;
};

struct CharacterStyle {
    std::string name;
    std::optional<std::string> based_on;
    TextProperties text;
    SourceLoc loc;
};

enum class SlotPosition { left, center, right, inside, outside };
enum class SlotPages { all, verso, recto };

struct Slot {
    SlotPosition position = SlotPosition::left;
    SlotPages pages = SlotPages::all;
    std::string text;  // template with {fields}, checked by the reader
    SourceLoc loc;
};

struct RunningLine {
    std::string style;
    bool rule = false;
    std::vector<Slot> slots;
    SourceLoc loc;
};

struct Master {
    std::string name;
    std::optional<int> columns;
    std::optional<RunningLine> header, footer;
    SourceLoc loc;
};

// <preflight><approved .../></preflight>: a print warning the designer has looked at
// and accepted, so that --print builds stay quiet about it. Each approval names one
// thing and one check, and silences that warning alone.
enum class ApprovalCheck {
    paragraph_colour,  // paragraph-style="NAME" color="...": its RGB or rich-black colour
    character_colour,  // character-style="NAME" color="..."
    image_rgb,         // image="PATH" for="rgb": an RGB image left to the printer's RIP
    image_resolution,  // image="PATH" for="resolution": an image under the press's dpi
};

struct Approval {
    ApprovalCheck check = ApprovalCheck::paragraph_colour;
    std::string name;   // the style's name, or the image's path (resolved like every path, relative to the layout)
    std::string color;  // the colour approved, as written (a style's colour that changes is no longer approved)
    SourceLoc loc;
};

struct Layout {
    std::string path;
    std::string name;
    PageSetup page;
    NoteSettings notes;
    FlowSettings flow;
    std::vector<FontFamily> families;
    std::vector<std::string> fallback;  // family names, in order
    std::vector<ParagraphStyle> paragraph_styles;
    std::vector<CharacterStyle> character_styles;
    std::vector<Master> masters;
    std::vector<Approval> approved;     // <preflight>
    SourceLoc loc;

    const ParagraphStyle* paragraph_style(const std::string& style_name) const;
    const CharacterStyle* character_style(const std::string& style_name) const;
    const FontFamily* family(const std::string& family_name) const;
    const Master* master(const std::string& master_name) const;
};

// The fields a running-line template may use.
inline constexpr const char* template_fields[] = {
    "page", "issue.title", "issue.number", "issue.date",
    "article.title", "article.short-title", "article.section", "article.byline", "article.disclaimer",
};

}  // namespace quire::model
