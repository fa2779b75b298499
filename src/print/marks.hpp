#pragma once
// Printer's marks: takes a display list (pages or imposed sheets) and returns it with
// a slug (room beyond the bleed, where the media box grows) and crop marks, and on
// request registration marks, fold marks and a slug line, all drawn beyond the bleed
// in registration colour (every separation).
#include "render/display_list.hpp"

#include <functional>
#include <string>
#include <vector>

namespace quire::print {

// Sets `text` as one line and returns its drawing ops relative to the line's origin
// on the baseline (the pipeline supplies one that uses the layout's fonts).
using SlugSetter = std::function<std::vector<render::DrawOp>(const std::string& text)>;

struct MarkOptions {
    bool crop = true;
    bool registration = false;
    bool fold = false;                   // a fold or cut between two halves of each page (imposed sheets)
    bool slug_line = false;
    std::string slug_prefix;             // e.g. "Review, Spring 2025 · 2025-04-01"; the page label follows
    Length length = Length::from_pt(5 * 72 / 25.4);    // how long a crop mark is
    Length slug = Length::from_pt(12 * 72 / 25.4);     // room beyond the bleed on every side
    Length thickness = Length::from_pt(0.25);
};

// The marks on every page of `list`; `set_slug` may be empty when there is no slug line.
void add_marks(render::DisplayList& list, const MarkOptions& options, const SlugSetter& set_slug);

}  // namespace quire::print
