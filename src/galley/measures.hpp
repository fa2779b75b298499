#pragma once
// The widths text is set at, from the layout: what galleys are made to.
#include "core/length.hpp"
#include "model/layout.hpp"

#include <string>

namespace quire::galley {

struct Measures {
    Length column;     // one column of the body master
    Length text_area;  // the text area across all columns
    Length grid;       // the baseline grid
    // <flow article-start="column">: an article may open mid-page, so its opener is set
    // at the column's width and flows with the text instead of spanning the page.
    bool opener_in_column = false;
    // <notes>: the layout's notes as endnotes under this title, else as footnotes.
    bool notes_at_end = false;
    std::string notes_title = "Notes";
    Length footnote_rule_thickness;  // over footnotes; 0: none
    int footnote_rule_length = 33;   // per cent of the column
};

// The body master's columns (its own count, else the page's) in the page's text area.
Measures measures_of(const model::Layout& layout);

}  // namespace quire::galley
