#pragma once
// Resolves a layout's paragraph and character styles through their based-on chains
// into complete values (TextStyle, ParagraphStyle). The layout reader has already
// checked that names exist and chains have no cycles.
#include "model/layout.hpp"
#include "style/resolved_style.hpp"

#include <map>
#include <string>
#include <vector>

namespace quire::style {

class StyleSheet {
public:
    explicit StyleSheet(const model::Layout& layout);

    // The resolved paragraph style; `name` must exist in the layout (checked on reading).
    const ParagraphStyle& paragraph(const std::string& name) const;

    // `base` with the character styles applied in order (outermost first).
    TextStyle apply_character_styles(const TextStyle& base, const std::vector<std::string>& names) const;

    bool has_paragraph(const std::string& name) const { return paragraphs_.count(name) != 0; }

private:
    std::map<std::string, ParagraphStyle> paragraphs_;
    std::map<std::string, model::TextProperties> characters_;  // each with its based-on chain merged
};

// Parses "#RRGGBB" (already validated by the schema).
Rgb parse_rgb(const std::string& hex);

// Parses "#RRGGBB" or "cmyk(c,m,y,k)" with fractions (0..1) or percentages (0%..100%),
// as the schema lets through; out-of-range inks are clamped.
TextColor parse_color(const std::string& text);

}  // namespace quire::style
