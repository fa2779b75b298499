#pragma once
// Paragraphs set narrower than the column (a style's left-indent and right-indent:
// block quotations, list items) and the bullets and numbers that hang in a list
// item's left indent.
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

// Hangs `marker` (a line set on its own) in front of `line`, its right edge `gap`
// left of `text_left`, where the item's text begins: numbers of different widths
// align on their right, as a typesetter's figure tab does. Returns where the marker
// begins, from the line's origin.
Length hang_marker(Line& line, const Line& marker, Length text_left, Length gap);

}  // namespace quire::galley
