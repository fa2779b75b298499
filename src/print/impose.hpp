#pragma once
// Imposition: trimmed pages become press sheets. The display list is absolute, so a
// sheet side is the ops of its pages moved by the page's place on the sheet; links
// and outlines follow their pages. Pages must all have one size.
#include "core/diagnostics.hpp"
#include "print/print_options.hpp"
#include "render/display_list.hpp"

#include <vector>

namespace quire::print {

// One side of a sheet: the page on its left half and on its right half (0-based page
// indices; -1: blank).
struct SheetSide {
    int left = -1, right = -1;
    friend bool operator==(const SheetSide&, const SheetSide&) = default;
};

// The sides in print order (sheet 1 front, sheet 1 back, ...). Booklet, n pages
// padded to a multiple of four: sheet s front = (n-1-2s, 2s), back = (2s+1, n-2-2s),
// so that the sheets nested and folded read 1, 2, ..., n. Two-up: (0, 1), (2, 3), ...
std::vector<SheetSide> sheet_order(int page_count, Imposition how);

// The sheets of `list`, each twice the page width, with the pages' bleed around the
// sheet (not at the fold). Warns at `where` when blank pages are added, and when a
// page's drawing crosses the fold (it would show on the facing page). Returns the
// list as it is for Imposition::none; an empty list after an error. `list` is taken
// (move it in): its pages' ops move onto the sheets.
render::DisplayList impose(render::DisplayList list, Imposition how, const SourceLoc& where,
                           DiagnosticSink& sink);

}  // namespace quire::print
