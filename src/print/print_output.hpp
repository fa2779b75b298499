#pragma once
// The print stage (quire build --print): takes the display list and returns
// it made ready for the press, in this order: preflight warnings on the trimmed
// pages; RGB colours converted into the press profile's CMYK; imposition onto sheets
// (--impose); printer's marks and the slug on every page or sheet. The caller writes
// the result with the returned press profile as the PDF's output intent.
#include "core/diagnostics.hpp"
#include "model/layout.hpp"
#include "print/marks.hpp"
#include "print/press_colour.hpp"
#include "print/print_options.hpp"
#include "render/display_list.hpp"

#include <map>
#include <optional>
#include <string>

namespace quire::print {

struct PrintJob {
    PrintOptions options;
    const model::Layout* layout = nullptr;           // for colour preflight at the styles
    std::map<std::string, SourceLoc> image_locs;     // image path -> where a figure places it
    SourceLoc where;                                 // the manifest: where page-level warnings go
    std::string slug_prefix;                         // issue and date, before the page label
    SlugSetter slug;                                 // sets the slug line; may be empty
};

// Nothing (after errors in `sink`) when no usable press profile is found.
std::optional<PressProfile> make_print_output(render::DisplayList& list, const PrintJob& job, DiagnosticSink& sink);

}  // namespace quire::print
