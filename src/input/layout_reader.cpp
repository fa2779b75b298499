#include "input/layout_reader.hpp"
#include "input/suggest.hpp"

#include "input/font_probe.hpp"
#include "input/protrusion_reader.hpp"
#include "input/schema.hpp"
#include "input/xml_file.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace quire::input {
namespace {

Length length_of(const std::string& text) {
    // The schema has already checked the syntax.
    return parse_dimension(text, false).value_or(Dimension{}).absolute;
}

Dimension dimension_of(const std::string& text) { return parse_dimension(text, true).value_or(Dimension{}); }

bool yes(const std::string& text) { return text == "yes"; }

std::string pt_text(Length l) { return std::to_string(static_cast<long>(l.pt())) + "pt"; }

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string word; in >> word;) out.push_back(word);
    return out;
}

class LayoutReader {
public:
    LayoutReader(const XmlFile& file, const PathPolicy& paths, DiagnosticSink& sink)
        : file_(file), paths_(paths), sink_(sink) {}

    model::Layout read() {
        const xmlNode* root = file_.root();
        layout_.path = file_.path();
        layout_.loc = file_.loc(root);
        layout_.name = attribute(root, "name").value_or("");
        check_length_magnitudes(root);
        for (const xmlNode* child = root->children; child; child = child->next) {
            if (is_element(child, "page")) read_page(child);
            else if (is_element(child, "flow")) read_flow(child);
            else if (is_element(child, "notes")) read_notes(child);
            else if (is_element(child, "preflight")) read_preflight(child);
            else if (is_element(child, "fonts")) read_fonts(child);
            else if (is_element(child, "paragraph-style")) read_paragraph_style(child);
            else if (is_element(child, "character-style")) read_character_style(child);
            else if (is_element(child, "master")) read_master(child);
        }
        check_references();
        return std::move(layout_);
    }

private:
    // The schema checks a length's syntax, not its size: one beyond TeX's \maxdimen
    // (16383.99pt, about 5.8m) would otherwise read as zero and set a wrong page.
    void check_length_magnitudes(const xmlNode* element) {
        for (const xmlAttr* a = element->properties; a; a = a->next) {
            std::string value = attribute(element, reinterpret_cast<const char*>(a->name)).value_or("");
            for (const std::string& word : words(value)) {
                std::size_t unit = word.find_first_not_of("-+.0123456789");
                if (unit == 0 || unit == std::string::npos || word.size() - unit != 2) continue;
                const std::string suffix = word.substr(unit);
                if (suffix != "pt" && suffix != "mm" && suffix != "cm" && suffix != "in" && suffix != "pc" && suffix != "em") continue;
                if (!parse_dimension(word, true)) {
                    sink_.error(file_.attr_loc(element, reinterpret_cast<const char*>(a->name)),
                                "length '" + word + "' in attribute '" + reinterpret_cast<const char*>(a->name) +
                                    "' is too large: lengths must be under 16384pt (about 5.78m)");
                }
            }
        }
        for (const xmlNode* child = element->children; child; child = child->next) {
            if (child->type == XML_ELEMENT_NODE) check_length_magnitudes(child);
        }
    }

    void read_page(const xmlNode* e) {
        model::PageSetup& page = layout_.page;
        page.loc = file_.loc(e);
        std::string size = attribute(e, "size").value_or("A4");
        static const std::map<std::string, std::pair<double, double>> named_mm = {
            {"A3", {297, 420}}, {"A4", {210, 297}}, {"A5", {148, 210}}, {"B5", {176, 250}}, {"letter", {215.9, 279.4}}};
        if (auto it = named_mm.find(size); it != named_mm.end()) {
            page.width = Length::from_pt(it->second.first * 72.0 / 25.4);
            page.height = Length::from_pt(it->second.second * 72.0 / 25.4);
        } else {
            std::vector<std::string> parts = words(size);
            page.width = length_of(parts.at(0));
            page.height = length_of(parts.at(1));
        }
        page.bleed = length_of(attribute(e, "bleed").value_or("0pt"));
        page.facing = yes(attribute(e, "facing").value_or("yes"));
        page.margin_top = length_of(*attribute(e, "margin-top"));
        page.margin_bottom = length_of(*attribute(e, "margin-bottom"));
        page.margin_inside = length_of(*attribute(e, "margin-inside"));
        page.margin_outside = length_of(*attribute(e, "margin-outside"));
        page.columns = std::stoi(attribute(e, "columns").value_or("1"));
        page.gutter = length_of(attribute(e, "gutter").value_or("0pt"));
        page.baseline_grid = length_of(*attribute(e, "baseline-grid"));

        if (page.width.sp <= 0 || page.height.sp <= 0) {
            sink_.error(file_.attr_loc(e, "size"), "the page must have a positive width and height");
            return;
        }
        // The schema lets lengths be negative (indents may be); these may not.
        bool negative = false;
        for (const char* name : {"margin-top", "margin-bottom", "margin-inside", "margin-outside", "gutter", "bleed"}) {
            auto v = attribute(e, name);
            if (v && length_of(*v).sp < 0) {
                sink_.error(file_.attr_loc(e, name), "the " + std::string(name) + " must not be negative (" + *v + ")");
                negative = true;
            }
        }
        if (negative) return;
        Length text_width = page.width - page.margin_inside - page.margin_outside;
        if (text_width.sp <= 0) {
            sink_.error(page.loc, "the inside and outside margins leave no text width on the " +
                                      pt_text(page.width) + " wide page");
            return;
        }
        if (page.columns > 1 && page.gutter * (page.columns - 1) >= text_width) {
            sink_.error(file_.attr_loc(e, "gutter"), "the gutter (" + pt_text(page.gutter) + ") leaves no room for " +
                                                        std::to_string(page.columns) + " columns in the " +
                                                        pt_text(text_width) + " text width");
            return;
        }
        Length column_width = (text_width - page.gutter * (page.columns - 1)) / page.columns;
        if (column_width < Length::from_pt(36)) {
            sink_.error(page.loc, "the columns are too narrow: " + std::to_string(static_cast<int>(column_width.pt())) +
                                      "pt each after margins and gutters (at least 36pt is needed)");
        }
        if (page.height - page.margin_top - page.margin_bottom < Length::from_pt(72)) {
            sink_.error(page.loc, "the text area is less than 72pt high after the top and bottom margins");
        }
        if (page.baseline_grid.sp <= 0) {
            sink_.error(file_.attr_loc(e, "baseline-grid"), "the baseline grid must be positive");
        }
    }

    void read_fonts(const xmlNode* e) {
        fallback_loc_ = file_.attr_loc(e, "fallback");
        layout_.fallback = words(attribute(e, "fallback").value_or(""));
        for (const xmlNode* f = e->children; f; f = f->next) {
            if (!is_element(f, "family")) continue;
            model::FontFamily family;
            family.name = *attribute(f, "name");
            family.loc = file_.loc(f);
            if (!unique(family_locs_, family.name, family.loc, "font family")) continue;
            family.system = attribute(f, "system").value_or("");
            family.regular = font_file(f, "regular");
            family.italic = font_file(f, "italic");
            family.bold = font_file(f, "bold");
            family.bold_italic = font_file(f, "bold-italic");
            read_family_protrusion(f, family.protrusion);
            layout_.families.push_back(std::move(family));
        }
    }

    // The family's protrusion table: its file, if it names one, for the default; then
    // its own <protrude> entries.
    void read_family_protrusion(const xmlNode* family, model::ProtrusionTable& table) {
        if (auto href = attribute(family, "protrusion")) {
            const SourceLoc loc = file_.attr_loc(family, "protrusion");
            if (auto path = paths_.resolve(file_.path(), *href, loc, "protrusion table", sink_)) {
                if (auto read = read_protrusion(*path, sink_)) table = std::move(*read);
            }
        }
        for (const xmlNode* p = family->children; p; p = p->next) {
            if (is_element(p, "protrude")) apply_protrude(file_, p, table, sink_);
        }
    }

    std::string font_file(const xmlNode* family, const char* face) {
        auto href = attribute(family, face);
        if (!href) return "";
        SourceLoc loc = file_.attr_loc(family, face);
        auto path = paths_.resolve(file_.path(), *href, loc, "font", sink_);
        if (!path) return "";
        if (!probe_font(*path, loc, sink_)) return "";
        return *path;
    }

    model::TextProperties text_properties(const xmlNode* e) {
        model::TextProperties p;
        if (auto v = attribute(e, "font")) p.font = *v;
        if (auto v = attribute(e, "size")) p.size = length_of(*v);
        if (auto v = attribute(e, "weight")) p.weight = *v == "bold" ? model::Weight::bold : model::Weight::regular;
        if (auto v = attribute(e, "slant")) p.slant = *v == "italic" ? model::Slant::italic : model::Slant::upright;
        if (auto v = attribute(e, "features")) p.features = words(*v);
        if (auto v = attribute(e, "case")) p.text_case = *v == "upper" ? model::TextCase::upper : model::TextCase::as_is;
        if (auto v = attribute(e, "tracking")) {
            // The schema allows any integer; keep to what type can use (and stoi can hold).
            long long t = v->size() > 12 ? 1000000 : std::stoll(*v);
            if (t < -1000 || t > 1000) {
                sink_.error(file_.attr_loc(e, "tracking"), "tracking " + *v +
                                                             " is out of range: write thousandths of an em from -1000 to 1000");
            } else {
                p.tracking = static_cast<int>(t);
            }
        }
        if (auto v = attribute(e, "color")) p.color = *v;
        if (p.font) font_refs_.push_back({*p.font, file_.attr_loc(e, "font")});
        return p;
    }

    // "80% 100% 133%": minimum, desired, maximum (the schema checks the form); each
    // within [lo, hi] percent and no more than the next, as InDesign's dialog allows.
    std::optional<model::Spacing> spacing_of(const xmlNode* e, const char* name, int lo, int hi) {
        auto v = attribute(e, name);
        if (!v) return std::nullopt;
        std::vector<int> values;
        for (const std::string& w : words(*v)) {
            const std::string digits = w.substr(0, w.size() - 1);  // without the '%'
            values.push_back(digits.size() > 6 ? 1000000 : std::stoi(digits));
        }
        const std::string what = std::string(name) + " \"" + *v + "\"";
        if (values.size() != 3) {
            sink_.error(file_.attr_loc(e, name), what + ": write three percentages, minimum desired maximum");
            return std::nullopt;
        }
        for (int x : values) {
            if (x < lo || x > hi) {
                sink_.error(file_.attr_loc(e, name), what + " is out of range: each value from " + std::to_string(lo) +
                                                         "% to " + std::to_string(hi) + "% of a space");
                return std::nullopt;
            }
        }
        if (values[0] > values[1] || values[1] > values[2]) {
            sink_.error(file_.attr_loc(e, name), what + ": the minimum must not exceed the desired value, nor the "
                                                        "desired value the maximum");
            return std::nullopt;
        }
        return model::Spacing{values[0], values[1], values[2]};
    }

    void read_paragraph_style(const xmlNode* e) {
        model::ParagraphStyle s;
        s.name = *attribute(e, "name");
        s.loc = file_.loc(e);
        if (!unique(paragraph_locs_, s.name, s.loc, "paragraph style")) return;
        if (auto v = attribute(e, "based-on")) {
            s.based_on = *v;
            based_on_locs_[s.name] = file_.attr_loc(e, "based-on");
        }
        s.text = text_properties(e);
        if (auto v = attribute(e, "leading")) s.leading = length_of(*v);
        if (auto v = attribute(e, "align")) {
            s.align = *v == "left" ? model::Align::left : *v == "right" ? model::Align::right
                    : *v == "center" ? model::Align::center : model::Align::justify;
        }
        if (auto v = attribute(e, "indent")) s.indent = dimension_of(*v);
        if (auto v = attribute(e, "left-indent")) s.left_indent = dimension_of(*v);
        if (auto v = attribute(e, "right-indent")) s.right_indent = dimension_of(*v);
        if (auto v = attribute(e, "space-before")) s.space_before = parse_dimension(*v, true, true).value_or(Dimension{});
        if (auto v = attribute(e, "space-after")) s.space_after = parse_dimension(*v, true, true).value_or(Dimension{});
        if (auto v = attribute(e, "keep-with-next")) s.keep_with_next = yes(*v);
        if (auto v = attribute(e, "hyphenate")) s.hyphenate = yes(*v);
        if (auto v = attribute(e, "hyphenate-min-word")) s.hyphenate_min_word = std::stoi(*v);
        if (auto v = attribute(e, "hyphenate-before")) s.hyphenate_before = std::stoi(*v);
        if (auto v = attribute(e, "hyphenate-after")) s.hyphenate_after = std::stoi(*v);
        if (auto v = attribute(e, "hyphenate-capitals")) {
            s.hyphenate_capitals = *v == "last-resort" ? model::CapitalsHyphenation::last_resort
                                   : yes(*v)           ? model::CapitalsHyphenation::yes
                                                       : model::CapitalsHyphenation::no;
        }
        if (auto v = attribute(e, "hyphenate-limit")) s.hyphenate_limit = std::stoi(*v);
        if (auto v = attribute(e, "tolerance")) s.tolerance = std::stoi(*v);
        if (auto v = attribute(e, "pretolerance")) s.pretolerance = std::stoi(*v);
        if (auto v = attribute(e, "snap-to-grid")) s.snap_to_grid = yes(*v);
        s.word_spacing = spacing_of(e, "word-spacing", 0, 1000);
        s.letter_spacing = spacing_of(e, "letter-spacing", -100, 500);
        s.glyph_scaling = spacing_of(e, "glyph-scaling", 50, 200);
        if (s.glyph_scaling && s.glyph_scaling->desired != 100) {
            sink_.error(file_.attr_loc(e, "glyph-scaling"),
                        "glyph-scaling \"" + *attribute(e, "glyph-scaling") +
                            "\": the desired value must be 100% (glyphs are scaled only to justify a line)");
            s.glyph_scaling.reset();
        }
        if (auto v = attribute(e, "protrusion")) s.protrusion = yes(*v);
        if (auto v = attribute(e, "drop-cap-lines")) {
            s.drop_cap_lines = std::stoi(*v);
            if (*s.drop_cap_lines == 1) {
                sink_.error(file_.attr_loc(e, "drop-cap-lines"),
                            "a drop cap one line deep is just a capital: write 2 or more, or 0 for none");
            }
        }
        if (auto v = attribute(e, "drop-cap-style")) {
            s.drop_cap_style = *v;
            drop_cap_style_refs_.push_back({*v, file_.attr_loc(e, "drop-cap-style")});
        }
        layout_.paragraph_styles.push_back(std::move(s));
    }

    void read_notes(const xmlNode* e) {
        layout_.notes.loc = file_.loc(e);
        layout_.notes.at_end = attribute(e, "place").value_or("foot") == "end";
        layout_.notes.title = attribute(e, "title").value_or(layout_.notes.title);
        if (auto v = attribute(e, "rule-thickness")) {
            layout_.notes.rule_thickness = length_of(*v);
        }
        if (auto v = attribute(e, "rule-length")) layout_.notes.rule_length = std::atoi(v->c_str());
    }

    // <preflight><approved .../></preflight>: one of paragraph-style and
    // character-style, with the color approved, or an image with the check approved.
    void read_preflight(const xmlNode* e) {
        for (const xmlNode* a = e->children; a; a = a->next) {
            if (!is_element(a, "approved")) continue;
            const SourceLoc loc = file_.loc(a);
            const auto paragraph = attribute(a, "paragraph-style"), character = attribute(a, "character-style"),
                       image = attribute(a, "image"), color = attribute(a, "color"), check = attribute(a, "for");
            const int things = (paragraph ? 1 : 0) + (character ? 1 : 0) + (image ? 1 : 0);
            if (things != 1) {
                sink_.error(loc, "<approved> names one thing: paragraph-style=\"NAME\" or character-style=\"NAME\" "
                                 "(with color), or image=\"PATH\" (with for=\"rgb\" or for=\"resolution\")");
                continue;
            }
            model::Approval approval;
            approval.loc = loc;
            if (image) {
                if (!check) {
                    sink_.error(loc, "<approved image=\"" + *image +
                                         "\"> needs the attribute 'for': the check approved, rgb or resolution");
                    continue;
                }
                if (color) {
                    sink_.error(file_.attr_loc(a, "color"), "<approved image=...> takes no color; it approves an image");
                    continue;
                }
                approval.check = *check == "resolution" ? model::ApprovalCheck::image_resolution
                                                        : model::ApprovalCheck::image_rgb;
                // Resolved as every path in a file is, but not opened: a layout serves
                // many issues, and an approval for another issue's image is no error.
                approval.name = (std::filesystem::path(file_.path()).parent_path() / *image).lexically_normal().string();
            } else {
                const std::string which = paragraph ? "paragraph-style" : "character-style";
                approval.check = paragraph ? model::ApprovalCheck::paragraph_colour : model::ApprovalCheck::character_colour;
                approval.name = paragraph ? *paragraph : *character;
                if (!color) {
                    sink_.error(loc, "<approved " + which + "=\"" + approval.name +
                                         "\"> needs the attribute 'color': the colour approved, as the style gives it");
                    continue;
                }
                if (check) {
                    sink_.error(file_.attr_loc(a, "for"), "<approved " + which + "=...> takes no 'for'; it approves the style's colour");
                    continue;
                }
                approval.color = *color;
            }
            layout_.approved.push_back(std::move(approval));
        }
    }

    void read_flow(const xmlNode* e) {
        model::FlowSettings& flow = layout_.flow;
        flow.loc = file_.loc(e);
        std::string start = attribute(e, "article-start").value_or("page");
        flow.article_start = start == "column" ? model::ArticleStart::column
                           : start == "recto"  ? model::ArticleStart::recto
                                               : model::ArticleStart::page;
        flow.disclaimer = attribute(e, "disclaimer").value_or("footer") == "end" ? model::DisclaimerPlacement::end
                                                                                 : model::DisclaimerPlacement::footer;
        flow.image_credits = attribute(e, "image-credits").value_or("contents") == "end"
                                 ? model::CreditsPlacement::end
                                 : model::CreditsPlacement::contents;
    }

    void read_character_style(const xmlNode* e) {
        model::CharacterStyle s;
        s.name = *attribute(e, "name");
        s.loc = file_.loc(e);
        if (!unique(character_locs_, s.name, s.loc, "character style")) return;
        if (auto v = attribute(e, "based-on")) {
            s.based_on = *v;
            character_based_on_locs_[s.name] = file_.attr_loc(e, "based-on");
        }
        s.text = text_properties(e);
        layout_.character_styles.push_back(std::move(s));
    }

    void read_master(const xmlNode* e) {
        model::Master m;
        m.name = *attribute(e, "name");
        m.loc = file_.loc(e);
        if (!unique(master_locs_, m.name, m.loc, "master")) return;
        if (auto v = attribute(e, "columns")) m.columns = std::stoi(*v);
        for (const xmlNode* c = e->children; c; c = c->next) {
            if (is_element(c, "header")) m.header = running_line(c);
            else if (is_element(c, "footer")) m.footer = running_line(c);
        }
        layout_.masters.push_back(std::move(m));
    }

    model::RunningLine running_line(const xmlNode* e) {
        model::RunningLine line;
        line.loc = file_.loc(e);
        line.style = *attribute(e, "style");
        style_refs_.push_back({line.style, file_.attr_loc(e, "style")});
        line.rule = yes(attribute(e, "rule").value_or("no"));
        for (const xmlNode* s = e->children; s; s = s->next) {
            if (!is_element(s, "slot")) continue;
            model::Slot slot;
            slot.loc = file_.loc(s);
            std::string position = *attribute(s, "position");
            slot.position = position == "center" ? model::SlotPosition::center
                          : position == "right" ? model::SlotPosition::right
                          : position == "inside" ? model::SlotPosition::inside
                          : position == "outside" ? model::SlotPosition::outside
                                                  : model::SlotPosition::left;
            std::string pages = attribute(s, "pages").value_or("all");
            slot.pages = pages == "verso" ? model::SlotPages::verso
                       : pages == "recto" ? model::SlotPages::recto : model::SlotPages::all;
            slot.text = text_content(s);
            check_template(slot.text, s);
            line.slots.push_back(std::move(slot));
        }
        return line;
    }

    void check_template(const std::string& text, const xmlNode* slot) {
        std::size_t i = 0;
        while ((i = text.find_first_of("{}", i)) != std::string::npos) {
            if (text[i] == '}') {
                sink_.error(file_.loc(slot), "'}' without '{' in the template \"" + text + "\"");
                return;
            }
            std::size_t close = text.find('}', i);
            if (close == std::string::npos) {
                sink_.error(file_.loc(slot), "'{' without '}' in the template \"" + text + "\"");
                return;
            }
            std::string field = text.substr(i + 1, close - i - 1);
            bool known = false;
            for (const char* f : model::template_fields) known = known || field == f;
            if (!known) {
                std::vector<std::string> fields(std::begin(model::template_fields), std::end(model::template_fields));
                sink_.error(file_.loc(slot), "unknown field {" + field + "} in the template" +
                                                 did_you_mean(field, fields, "known fields:", 100, "{", "}"));
            }
            i = close + 1;
        }
    }

    bool unique(std::map<std::string, SourceLoc>& seen, const std::string& name, const SourceLoc& loc,
                const char* what) {
        auto [it, inserted] = seen.insert({name, loc});
        if (!inserted) {
            sink_.error(loc, std::string(what) + " '" + name + "' is defined twice");
            sink_.note(it->second, "the first definition is here");
        }
        return inserted;
    }

    void check_references() {
        std::vector<std::string> families, styles;
        for (const model::FontFamily& family : layout_.families) families.push_back(family.name);
        for (const model::ParagraphStyle& style : layout_.paragraph_styles) styles.push_back(style.name);
        for (const auto& [name, loc] : font_refs_) {
            if (!layout_.family(name)) {
                sink_.error(loc, "unknown font family '" + name + "'" + did_you_mean(name, families, "the <fonts> define"));
            }
        }
        for (const std::string& name : layout_.fallback) {
            if (!layout_.family(name)) {
                sink_.error(fallback_loc_, "unknown font family '" + name + "' in the fallback list" +
                                               did_you_mean(name, families, "the <fonts> define"));
            }
        }
        for (const auto& [name, loc] : style_refs_) {
            if (!layout_.paragraph_style(name)) {
                sink_.error(loc, "unknown paragraph style '" + name + "'" + did_you_mean(name, styles, "the layout defines", 0));
            }
        }
        // A misspelt name in an approval would silence nothing, quietly.
        for (const model::Approval& a : layout_.approved) {
            if (a.check == model::ApprovalCheck::paragraph_colour && !layout_.paragraph_style(a.name)) {
                sink_.error(a.loc, "unknown paragraph style '" + a.name + "' in <approved>" +
                                       did_you_mean(a.name, styles, "the layout defines", 0));
            }
            if (a.check == model::ApprovalCheck::character_colour && !layout_.character_style(a.name)) {
                sink_.error(a.loc, "unknown character style '" + a.name + "' in <approved> (no <character-style name=\"" +
                                       a.name + "\"> in this layout)");
            }
        }
        for (const auto& [name, loc] : drop_cap_style_refs_) {
            if (!layout_.character_style(name)) {
                sink_.error(loc, "unknown character style '" + name + "' for the drop cap (no <character-style name=\"" +
                                     name + "\"> in this layout)");
            }
        }
        check_based_on(layout_.paragraph_styles, based_on_locs_, "paragraph style",
                       [&](const std::string& n) { return layout_.paragraph_style(n) != nullptr; });
        check_based_on(layout_.character_styles, character_based_on_locs_, "character style",
                       [&](const std::string& n) { return layout_.character_style(n) != nullptr; });
        if (!layout_.paragraph_style("body")) {
            sink_.error(layout_.loc, "the layout needs a paragraph style named 'body' (the text of every article)");
        }
        if (!layout_.master("body")) {
            sink_.error(layout_.loc, "the layout needs a master named 'body' (used for every page without its own)");
        }
        for (const model::Master& m : layout_.masters) {
            if (m.columns && *m.columns > 1) {
                // checked in read_page for the default; a master's own count must fit too
                Length text_width = layout_.page.width - layout_.page.margin_inside - layout_.page.margin_outside;
                if ((text_width - layout_.page.gutter * (*m.columns - 1)) / *m.columns < Length::from_pt(36)) {
                    sink_.error(m.loc, "master '" + m.name + "': its columns are narrower than 36pt");
                }
            }
        }
    }

    template <typename Style, typename Exists>
    void check_based_on(const std::vector<Style>& styles, const std::map<std::string, SourceLoc>& locs,
                        const char* what, Exists exists) {
        std::map<std::string, std::string> parent;
        for (const Style& s : styles) {
            if (!s.based_on) continue;
            if (!exists(*s.based_on)) {
                sink_.error(locs.at(s.name), std::string("unknown ") + what + " '" + *s.based_on + "' in based-on");
            } else {
                parent[s.name] = *s.based_on;
            }
        }
        for (const Style& s : styles) {
            std::set<std::string> chain{s.name};
            for (auto it = parent.find(s.name); it != parent.end(); it = parent.find(it->second)) {
                if (!chain.insert(it->second).second) {
                    sink_.error(locs.at(s.name), std::string(what) + " '" + s.name + "' is based on itself (through '" +
                                                     it->second + "')");
                    break;
                }
            }
        }
    }

    const XmlFile& file_;
    const PathPolicy& paths_;
    DiagnosticSink& sink_;
    model::Layout layout_;
    SourceLoc fallback_loc_;
    std::map<std::string, SourceLoc> family_locs_, paragraph_locs_, character_locs_, master_locs_;
    std::vector<std::pair<std::string, SourceLoc>> drop_cap_style_refs_;
    std::map<std::string, SourceLoc> based_on_locs_, character_based_on_locs_;
    std::vector<std::pair<std::string, SourceLoc>> font_refs_, style_refs_;
};

}  // namespace

std::optional<model::Layout> read_layout(const std::string& path, const PathPolicy& paths, DiagnosticSink& sink) {
    std::optional<XmlFile> file = XmlFile::read(path, sink);
    if (!file || !validate(*file, SchemaKind::layout, sink)) return std::nullopt;
    const int errors_before = sink.error_count();
    model::Layout layout = LayoutReader(*file, paths, sink).read();
    if (sink.error_count() > errors_before) return std::nullopt;
    return layout;
}

std::optional<model::Layout> read_layout_style_names(const std::string& path) {
    DiagnosticSink already_reported;  // by read_layout, which read the same file
    std::optional<XmlFile> file = XmlFile::read(path, already_reported);
    if (!file || !is_element(file->root(), "layout")) return std::nullopt;
    model::Layout layout;
    layout.path = path;
    layout.loc = file->loc(file->root());
    for (const xmlNode* child = file->root()->children; child; child = child->next) {
        if (is_element(child, "paragraph-style")) {
            layout.paragraph_styles.emplace_back().name = attribute(child, "name").value_or("");
        } else if (is_element(child, "character-style")) {
            layout.character_styles.emplace_back().name = attribute(child, "name").value_or("");
        }
    }
    return layout;
}

}  // namespace quire::input
