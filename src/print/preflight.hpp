#pragma once
// Preflight for the press: warnings, never errors, about what prints badly. Each names
// the place in the user's files where it is known (a style, a figure), else the page.
// Fonts that forbid embedding are refused for every output by input/ (font_probe).
#include "core/diagnostics.hpp"
#include "model/layout.hpp"
#include "print/press_colour.hpp"
#include "render/display_list.hpp"

#include <map>
#include <string>

namespace quire::print {

// RGB colours in the layout's styles (the press prints CMYK: they are converted with
// `press`, and the warning quotes what is written: near-black text goes on the black
// plate alone), and rich black (K with C, M or Y) given for text, which misregisters
// at text sizes and is printed K alone. A style's colour the layout's <preflight>
// approves is not reported; the warning says how to approve it.
void check_layout_colours(const model::Layout& layout, const PressColour& press, DiagnosticSink& sink);

// Images below `min_dpi` at their printed size, and RGB images (left to the printer's
// RIP to separate with the output intent's profile), unless `rgb_converted` (quire
// converts them, --convert-images). `image_locs` maps an image path to where the
// user's files place it. Each warning says how to approve it in the layout's
// <preflight>; what `layout` (may be null) approves is not reported.
void check_images(const render::DisplayList& list, const std::map<std::string, SourceLoc>& image_locs,
                  double min_dpi, bool rgb_converted, const model::Layout* layout, DiagnosticSink& sink);

// Text that comes closer than `margin` to a trim edge (the cut wanders by a millimetre
// or two): once per page and paragraph, at its first such line's source location
// (else at `where`), with the page label. A margin of `layout` (may be null) under
// `margin` is one warning at its <page>, and the text beside it is not reported again.
void check_safe_margin(const render::DisplayList& list, Length margin, const SourceLoc& where,
                       const model::Layout* layout, DiagnosticSink& sink);

// The number of colour components of a JPEG (its frame header) or PNG (IHDR colour
// type, alpha not counted): 1 grey, 3 RGB, 4 CMYK; 0 when unknown.
int image_components(const std::string& path);

}  // namespace quire::print
