#pragma once
// Running heads and footers from a master's header/footer slots (InDesign's master
// text with variables; TeX's \mark gives the article on the page). Takes the master,
// the page's frame, the template values for the page, a LineSetter and the styles;
// returns the drawing and how high the footer reaches, so the text area can stop
// above it.
#include "model/layout.hpp"
#include "galley/galley.hpp"
#include "page/page_frame.hpp"
#include "style/style_sheet.hpp"

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace quire::page {

using TemplateValues = std::map<std::string, std::string>;

// Replaces each {field} with its value (unknown fields become empty: the layout
// reader has already refused them).
std::string expand_template(const std::string& text, const TemplateValues& values);

// True when the master's header or footer uses {field} somewhere.
bool master_uses_field(const model::Master& master, const std::string& field);

struct RunningLines {
    std::vector<render::DrawOp> ops;
    Length footer_top;   // top of the highest footer line; the page height when none
};

struct RunningLineOptions {
    // Set the article's disclaimer (values["article.disclaimer"]) above the footer even
    // if the master has no slot for it: every page of an article with a disclaimer
    // carries it (issue 5, rule 4).
    bool implicit_disclaimer = false;
    std::string disclaimer_style = "disclaimer";
    // The structure node the disclaimer's lines are content of (a slot that is the
    // field {article.disclaimer} alone, or the implicit one): on the article's first
    // page, so that a reader hears it once; -1 (elsewhere): furniture, as the rest of
    // the running lines.
    int disclaimer_node = -1;
};

// Header: last baseline one grid line above the text area, with an optional hairline
// under it. Footer: set from the page foot up (last baseline halfway down the bottom
// margin), each slot bottom-aligned, so a several-line footer grows upwards.
RunningLines set_running_lines(const model::Master& master, const PageFrame& frame, const TemplateValues& values,
                               const galley::LineSetter& setter, const style::StyleSheet& styles,
                               const RunningLineOptions& options);

// The first of `names` the layout defines as a paragraph style, else the last name
// (the fallback chain of a style quire looks for by name: "cover-title", "title", ...).
const char* first_style(const style::StyleSheet& styles, std::initializer_list<const char*> names);

// The leading of a paragraph style, or the lines' own depth when the style is unknown.
Length style_leading(const style::StyleSheet& styles, const std::string& style, const std::vector<galley::Line>& lines);

// Where a line's text begins inside it, what hangs into the margin (protrusion) aside:
// 0 for a left-set line.
Length ink_left(const galley::Line& line);

}  // namespace quire::page
