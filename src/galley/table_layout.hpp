#pragma once
// A table's geometry: its columns' widths, and each row's lines made from its cells'
// lines side by side (a row is set as lines of the column's text, so the page builder
// places it as it places a paragraph that may not split).
#include "model/article.hpp"
#include "galley/galley.hpp"

#include <vector>

namespace quire::galley {

// The columns' widths across `width` with `gap` between neighbours: percentages of
// the table first, then shares ("2*") of what is left. Never below zero.
std::vector<Length> column_widths(const std::vector<model::TableColumn>& columns, Length width, Length gap);

// The row's lines, as many as its tallest cell's, `leading` apart: line k measures
// the k-th lines of the cells (ascent, descent, notes). Every cell's drawing goes with
// the row's first line (its later lines moved down by k leadings), cell after cell, so
// that the text reads cell by cell, not across the row line by line.
std::vector<Line> row_lines(const std::vector<std::vector<Line>>& cells, const std::vector<Length>& xs,
                                  Length width, Length leading);

// A rule across the table, `below` the line's baseline (negative: above its top).
void add_table_rule(Line& line, Length y, Length width, Length thickness);

}  // namespace quire::galley
