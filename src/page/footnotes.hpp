#pragma once
// Footnotes at the foot of a column (TeX's \footins, plain TeX's \footnote): the lines
// that carry reference marks take their notes with them into the column, whose text
// then ends higher by the notes' height -- a gap with a short rule, then the notes, the
// last note's last line standing on the column's foot.
#include "page/column_filler.hpp"
#include "page/page_frame.hpp"

#include <vector>

namespace quire::page {

// `notes` with the footnotes referenced on `line` added whole (each once, in order).
std::vector<NotePart> with_line_notes(const Flow& flow, std::vector<NotePart> notes, const galley::Line& line);

// The height the footnotes `notes` take at a column's foot; zero for none.
Length footnotes_height(const Flow& flow, const std::vector<NotePart>& notes, const Grid& grid);

// The most lines of the last of `notes` that keep them all within `room`, keeping at
// least `min_lines` of it and leaving at least `min_lines` of it to carry over; 0 when
// no such split fits.
int split_last_note(const Flow& flow, const std::vector<NotePart>& notes, Length room, const Grid& grid,
                    int min_lines);

// Draws the rule and the notes at the foot of `space`; the top of each note's first
// line goes to `anchors` as "note:N" (for the links from its reference).
void draw_footnotes(const Flow& flow, const std::vector<NotePart>& notes, const ColumnSpace& space, const Grid& grid,
                    std::vector<render::DrawOp>& out, std::vector<std::pair<std::string, Length>>& anchors);

}  // namespace quire::page
