#pragma once
// A small layout built in code and galleys of fake lines whose text names them
// ("a2 p3 l4": article 2, paragraph 3, line 4), so tests can find every line on the
// composed pages. Shared by the tests and the dev renderer.
#include "model/layout.hpp"
#include "page/build_pages.hpp"
#include "galley/galley.hpp"

#include <string>
#include <vector>

namespace quire::page::testing {

inline Length pt(double v) { return Length::from_pt(v); }

// 300 x 420 pt, margins top 36, bottom 48, inside 30, outside 20; two columns of
// 120 pt with a 10 pt gutter; 12 pt grid. Masters as the Review's: opener (folio at the
// foot), body (issue title / article title in the head, disclaimer in the foot),
// contents (one column).
model::Layout small_layout();

// One line: glyphs of 4 pt advance per character, so its natural width is known.
galley::Line fake_line(const std::string& text, Length width, Length ascent = pt(8), Length descent = pt(3));

// Sets each '\n'-separated part of the text as one fake line (ascent 7, descent 2).
galley::LineSetter stub_setter();

// Builds an article from a spec: "p5" a paragraph of 5 lines, "h" a heading,
// "ft" a figure at the column top, "fs" a figure across the columns, "fh" a figure
// here in the flow, "fn" a top figure with no credit.
galley::ArticleGalley make_article(int number, const std::string& title, const std::vector<std::string>& spec,
                           const std::string& disclaimer = "", const std::string& short_title = "");

// Three articles: a short note, a long one with figures and a two-line disclaimer,
// a middle one with a disclaimer, an uncredited figure and a figure in the flow.
std::vector<galley::ArticleGalley> fake_issue();
IssueFurniture fake_furniture();

// What a fake line's text says about it.
struct LineId {
    int article = -1;
    char kind = '?';   // 'p' body, 'h' heading, 't' title, 's' section, 'b' byline, 'f' figure line
    int block = -1;    // paragraph, heading or figure number
    int line = -1;
    bool credit = false;
};
LineId parse_line_id(const std::string& text);

}  // namespace quire::page::testing
