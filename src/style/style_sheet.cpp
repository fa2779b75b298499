#include "style/style_sheet.hpp"

#include <algorithm>
#include <cassert>
#include <cstdlib>

namespace quire::style {
namespace {

// Properties set in `top` win over those in `bottom`.
model::TextProperties overlay(const model::TextProperties& bottom, const model::TextProperties& top) {
    model::TextProperties out = bottom;
    if (top.font) out.font = top.font;
    if (top.size) out.size = top.size;
    if (top.weight) out.weight = top.weight;
    if (top.slant) out.slant = top.slant;
    if (top.features) out.features = top.features;
    if (top.text_case) out.text_case = top.text_case;
    if (top.tracking) out.tracking = top.tracking;
    if (top.color) out.color = top.color;
    return out;
}

void apply(TextStyle& style, const model::TextProperties& p) {
    if (p.font) style.family = *p.font;
    if (p.size) style.size = *p.size;
    if (p.weight) style.weight = *p.weight;
    if (p.slant) style.slant = *p.slant;
    if (p.features) style.features = *p.features;
    if (p.text_case) style.text_case = *p.text_case;
    if (p.tracking) style.tracking = *p.tracking;
    if (p.color) style.color = parse_color(*p.color);
}

// The chain from the root ancestor down to `name`.
std::vector<const model::ParagraphStyle*> chain_of(const model::Layout& layout, const std::string& name) {
    std::vector<const model::ParagraphStyle*> chain;
    for (const model::ParagraphStyle* s = layout.paragraph_style(name); s;
         s = s->based_on ? layout.paragraph_style(*s->based_on) : nullptr) {
        chain.insert(chain.begin(), s);
        if (chain.size() > layout.paragraph_styles.size()) break;  // a cycle: the reader reported it
    }
    return chain;
}

// Digits with an optional decimal point, locale-independently (design §7).
double parse_decimal(const std::string& digits) {
    double value = 0, scale = 0;
    for (char ch : digits) {
        if (ch == '.') {
            scale = 1;
        } else {
            value = value * 10 + (ch - '0');
            scale *= 10;
        }
    }
    return scale > 0 ? value / scale : value;
}

}  // namespace

Rgb parse_rgb(const std::string& hex) {
    if (hex.size() != 7 || hex[0] != '#') return {};
    auto channel = [&](int i) { return static_cast<double>(std::strtol(hex.substr(1 + 2 * i, 2).c_str(), nullptr, 16)) / 255.0; };
    return Rgb{channel(0), channel(1), channel(2)};
}

TextColor parse_color(const std::string& text) {
    if (text.rfind("cmyk(", 0) != 0) return parse_rgb(text);
    double ink[4] = {0, 0, 0, 0};
    std::size_t at = 5;
    for (double& v : ink) {
        while (at < text.size() && (text[at] == ' ' || text[at] == ',')) ++at;
        const std::size_t start = at;
        while (at < text.size() && ((text[at] >= '0' && text[at] <= '9') || text[at] == '.')) ++at;
        v = parse_decimal(text.substr(start, at - start));
        if (at < text.size() && text[at] == '%') {
            v /= 100;
            ++at;
        }
        v = std::clamp(v, 0.0, 1.0);
    }
    return Cmyk{ink[0], ink[1], ink[2], ink[3]};
}

StyleSheet::StyleSheet(const model::Layout& layout) {
    const std::string first_family = layout.families.empty() ? std::string() : layout.families.front().name;
    for (const model::ParagraphStyle& declared : layout.paragraph_styles) {
        ParagraphStyle resolved;
        resolved.name = declared.name;
        resolved.text.family = first_family;
        resolved.text.size = Length::from_pt(10);
        // Merged raw properties first, so that em lengths resolve against the final size.
        std::optional<Length> leading;
        std::optional<Dimension> indent, space_before, space_after, left_indent, right_indent;
        for (const model::ParagraphStyle* s : chain_of(layout, declared.name)) {
            apply(resolved.text, s->text);
            if (s->leading) leading = s->leading;
            if (s->align) resolved.align = *s->align;
            if (s->indent) indent = s->indent;
            if (s->left_indent) left_indent = s->left_indent;
            if (s->right_indent) right_indent = s->right_indent;
            if (s->space_before) space_before = s->space_before;
            if (s->space_after) space_after = s->space_after;
            if (s->keep_with_next) resolved.keep_with_next = *s->keep_with_next;
            if (s->hyphenate) resolved.hyphenate = *s->hyphenate;
            if (s->hyphenate_min_word) resolved.hyphenate_min_word = *s->hyphenate_min_word;
            if (s->hyphenate_before) resolved.hyphenate_before = *s->hyphenate_before;
            if (s->hyphenate_after) resolved.hyphenate_after = *s->hyphenate_after;
            if (s->hyphenate_capitals) resolved.hyphenate_capitals = *s->hyphenate_capitals;
            if (s->hyphenate_limit) resolved.hyphenate_limit = *s->hyphenate_limit;
            if (s->tolerance) resolved.tolerance = *s->tolerance;
            if (s->pretolerance) resolved.pretolerance = *s->pretolerance;
            if (s->snap_to_grid) resolved.snap_to_grid = *s->snap_to_grid;
            if (s->word_spacing) resolved.word_spacing = *s->word_spacing;
            if (s->letter_spacing) resolved.letter_spacing = *s->letter_spacing;
            if (s->glyph_scaling) resolved.glyph_scaling = *s->glyph_scaling;
            if (s->protrusion) resolved.protrusion = *s->protrusion;
            if (s->drop_cap_lines) resolved.drop_cap_lines = *s->drop_cap_lines;
            if (s->drop_cap_style) resolved.drop_cap_style = *s->drop_cap_style;
        }
        const Length size = resolved.text.size;
        // 120% of the size, the usual default for solid-ish text.
        resolved.leading = leading.value_or(Length{size.sp * 6 / 5});
        resolved.indent = indent ? indent->resolve(size) : Length{};
        resolved.left_indent = left_indent ? left_indent->resolve(size) : Length{};
        resolved.right_indent = right_indent ? right_indent->resolve(size) : Length{};
        resolved.space_before = space_before ? space_before->resolve(size, layout.page.baseline_grid) : Length{};
        resolved.space_after = space_after ? space_after->resolve(size, layout.page.baseline_grid) : Length{};
        paragraphs_.emplace(declared.name, std::move(resolved));
    }
    for (const model::CharacterStyle& declared : layout.character_styles) {
        std::vector<const model::CharacterStyle*> chain;
        for (const model::CharacterStyle* s = &declared; s;
             s = s->based_on ? layout.character_style(*s->based_on) : nullptr) {
            chain.insert(chain.begin(), s);
            if (chain.size() > layout.character_styles.size()) break;
        }
        model::TextProperties merged;
        for (const model::CharacterStyle* s : chain) merged = overlay(merged, s->text);
        characters_.emplace(declared.name, std::move(merged));
    }
}

const ParagraphStyle& StyleSheet::paragraph(const std::string& name) const {
    auto it = paragraphs_.find(name);
    assert(it != paragraphs_.end() && "paragraph style names are checked when the layout is read");
    return it->second;
}

TextStyle StyleSheet::apply_character_styles(const TextStyle& base, const std::vector<std::string>& names) const {
    TextStyle out = base;
    for (const std::string& name : names) {
        auto it = characters_.find(name);
        if (it != characters_.end()) apply(out, it->second);
    }
    return out;
}

}  // namespace quire::style
