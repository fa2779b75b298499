#pragma once
// What `quire build --print` asks of the print stage (src/print): printer's marks,
// press colour, imposition and preflight limits. The print stage takes the display
// list page/ made and returns one for the press; page/ and pdf/ know nothing of it.
#include "core/length.hpp"

#include <string>

namespace quire::print {

enum class Imposition {
    none,     // one trimmed page per PDF page
    two_up,   // 1-2, 3-4, ... side by side (proofs)
    booklet,  // printer's spreads for saddle stitching, padded to a multiple of four
};

struct PrintOptions {
    bool crop_marks = true;
    bool registration_marks = false;
    bool slug_line = false;            // issue, page and date beyond the bleed
    Imposition imposition = Imposition::none;
    std::string press_profile;         // CMYK ICC profile; empty: the first one found on the machine
    bool convert_images = false;       // RGB images into the press profile's CMYK (else tagged sRGB)
    Length safe_margin = Length::from_pt(3 * 72 / 25.4);  // text closer to the trim draws a warning
    double min_image_dpi = 300;
};

}  // namespace quire::print
