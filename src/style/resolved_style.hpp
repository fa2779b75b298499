#pragma once
// Styles with every property decided: what the based-on cascade of the layout's
// paragraph and character styles comes to. Immutable values, looked up by name.
#include "core/length.hpp"
#include "model/layout.hpp"

#include <string>
#include <variant>
#include <vector>

namespace quire::style {

using Spacing = model::Spacing;

struct Rgb {
    double r = 0, g = 0, b = 0;  // 0..1
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// Ink percentages as fractions, for colours meant for the press.
struct Cmyk {
    double c = 0, m = 0, y = 0, k = 0;  // 0..1
    friend bool operator==(const Cmyk&, const Cmyk&) = default;
};

// A colour as the layout gives it: "#RRGGBB" or "cmyk(c, m, y, k)".
using TextColor = std::variant<Rgb, Cmyk>;

// How a run of characters looks.
struct TextStyle {
    std::string family;                 // font family name in the layout
    Length size;
    model::Weight weight = model::Weight::regular;
    model::Slant slant = model::Slant::upright;
    std::vector<std::string> features;  // beyond kern and liga, e.g. "smcp", "-liga"
    model::TextCase text_case = model::TextCase::as_is;
    int tracking = 0;                   // thousandths of an em
    TextColor color;
    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

// How a paragraph is set.
struct ParagraphStyle {
    std::string name;
    TextStyle text;
    Length leading;
    model::Align align = model::Align::left;
    Length indent, space_before, space_after;  // em already resolved against text.size
    Length left_indent, right_indent;          // from the column's edges: block quotations, list items
    bool keep_with_next = false;
    bool hyphenate = false;
    int hyphenate_min_word = 5;  // TeX sets no minimum; 5 is a common book setting
    int hyphenate_before = 2;    // TeX's \lefthyphenmin
    int hyphenate_after = 3;     // TeX's \righthyphenmin
    // Names are left whole by default (Ou-attara, Kh-mer: issue 15).
    model::CapitalsHyphenation hyphenate_capitals = model::CapitalsHyphenation::no;
    int hyphenate_limit = 2;     // InDesign's hyphen limit; TeX has none (0)
    int tolerance = 200;         // TeX's plain defaults
    int pretolerance = 100;
    bool snap_to_grid = false;
    // Justification (InDesign's words). Word spacing unset: TeX's interword glue, the
    // space stretching by 1/2 and shrinking by 1/3 (about 67% 100% 150%). Letter
    // spacing: none by default; when set, used only where the word spaces reach
    // their limits (para::Box stretch and shrink).
    std::optional<Spacing> word_spacing;
    Spacing letter_spacing;
    // Glyph scaling (InDesign's justification setting; pdfTeX's font expansion, as
    // microtype sets it): a justified line may draw its glyphs from min to max per
    // cent of their width, in steps of a fifth of the way, before its word spaces
    // move. Only justified paragraphs use it. Protrusion: punctuation at a line's
    // edges hangs into the margin (the family's protrusion table), so the edge looks
    // straight. Both on by default, as microtype's.
    Spacing glyph_scaling{98, 100, 102};
    bool protrusion = true;
    int drop_cap_lines = 0;          // 0: no drop cap; else its depth in lines
    std::string drop_cap_style;      // character style of the cap; empty: the paragraph's
};

}  // namespace quire::style
