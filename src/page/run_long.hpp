#pragma once
// Full columns end flush. A column can end short of its foot because what follows may
// not be split there: a heading kept with its first lines, a paragraph's widow and
// orphan lines. A compositor then runs a paragraph or two of the column one line long
// (TeX's \looseness=1), or, where that cannot fill it, runs some a line short
// (\looseness=-1) so that what follows comes in, rather than leave the hole. The galley
// set each justified paragraph both ways ahead (TextBlock::longer, shorter), within its
// tolerance.
#include "page/column_filler.hpp"
#include "galley/galley.hpp"
#include "page/page_frame.hpp"

#include <vector>

namespace quire::page {

// Whole grid lines left under the last line `fill` placed (0 when it placed none, ends
// with a figure, or was forced).
int lines_left(const Flow& flow, const ColumnFill& fill, const ColumnSpace& space, const Grid& grid);

// For a column filled from `start` that did not take the whole flow and ends short:
// sets paragraphs wholly inside it a line longer, the last first, one more at a time
// (no more than the lines left), and keeps the fewest that leave it fewest lines; if
// it still ends short, tries the same with paragraphs a line shorter, and keeps that
// instead if it leaves fewer. None if nothing helps. A paragraph set another way keeps
// that setting and is not offered again. `flow` is rebuilt over `blocks`; returns the
// column's fill as it now stands.
ColumnFill run_long(std::vector<galley::Block>& blocks, Flow& flow, int start, ColumnFill fill, const ColumnSpace& space,
                    const Grid& grid, const FillOptions& options);

}  // namespace quire::page
