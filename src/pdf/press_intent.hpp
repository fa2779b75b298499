#pragma once
// What the PDF writer needs for print output (quire build --print), kept apart from the
// archive's PDF/A settings: the press's CMYK profile for an OutputIntent, and the name
// of the colour space that printer's marks use (render::Color::Space::registration).
#include <string>

namespace quire::pdf {

// The page resource name of the /Separation /All colour space.
inline constexpr const char* registration_colour_space = "CSAll";

// A PDF/X-style OutputIntent (/S /GTS_PDFX) with this CMYK profile embedded.
struct PressIntent {
    std::string profile_path;  // an ICC profile whose data colour space is CMYK
    std::string condition;     // OutputConditionIdentifier, e.g. "FOGRA39"; empty: the profile's description
};

}  // namespace quire::pdf
