#pragma once
// Full columns end flush. A column can end short of its foot because what follows may
// not be split there: a heading kept with its first lines, a paragraph's widow and
// orphan lines. A compositor then runs a paragraph or two of the column one line long
// (TeX's \looseness=1, InDesign's "tracking a paragraph loose") rather than leave the
// hole; the galley set each justified paragraph that way ahead (TextBlock::longer),
// within its tolerance.
#include "page/column_filler.hpp"
#include "page/galley.hpp"
#include "page/page_frame.hpp"

#include <vector>

namespace quire::page {

// Whole grid lines left under the last line `fill` placed (0 when it placed none, ends
// with a figure, or was forced).
int lines_left(const Flow& flow, const ColumnFill& fill, const ColumnSpace& space, const Grid& grid);

// For a column filled from `start` that did not take the whole flow: swaps in the
// longer setting of paragraphs wholly inside it, the last first, one more at a time
// while the column still ends short, and keeps the fewest that bring its end lowest
// (none if none helps). A paragraph run long keeps that setting and is not offered
// again. `flow` is rebuilt over `blocks`; returns the column's fill as it now stands.
ColumnFill run_long(std::vector<Block>& blocks, Flow& flow, int start, ColumnFill fill, const ColumnSpace& space,
                    const Grid& grid, const FillOptions& options);

}  // namespace quire::page
