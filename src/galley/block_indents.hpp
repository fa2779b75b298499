#pragma once
// Paragraphs set narrower than the column (a style's left-indent and right-indent:
// block quotations, list items) and the bullets and numbers that hang in a list
// item's start indent (the left one, the right one in right-to-left text).
#include "model/article.hpp"
#include "galley/galley.hpp"

#include <string>

namespace quire::galley {

// Moves a drawing `dx` right and `dy` down.
void shift_op(render::DrawOp& op, Length dx, Length dy);

// Moves every drawing of the lines `dx` to the right (their origin stays at the column's edge).
void shift_lines(std::vector<Line>& lines, Length dx);

// The marker of a list item: "•" and "–" for bullets at the first and second level,
// "1." and "a." for numbers (`number` counts from the list's start).
std::string list_marker(model::ListKind kind, int level, int number);

// Hangs `marker` (a line set on its own) beside `line`, its left edge `marker_x` from
// the line's origin. The marker comes first in the line's drawing, so that text
// extraction reads it before the item's text.
void hang_marker(Line& line, const Line& marker, Length marker_x);

// Where a marker hangs in an item's start indent: in a left-to-right item its right
// edge `gap` left of `text_start`, where the text begins (numbers of different widths
// align on their right, as a typesetter's figure tab does); in a right-to-left item
// its left edge `gap` right of `text_start`, where the text begins on the right.
Length marker_x(const Line& marker, Length text_start, Length gap, bool rtl);

}  // namespace quire::galley
