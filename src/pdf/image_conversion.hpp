#pragma once
// The press's copy with its images in the press's inks (quire build --print
// --convert-images): an RGB image decoded (JPEG with libjpeg) and converted with lcms2
// from its own profile (sRGB when it has none) into the press profile's CMYK, with the
// rendering intent and black-point compensation the press colours use
// (print/press_colour.cpp), so text, rules and pictures separate alike.
#include "core/diagnostics.hpp"
#include "pdf/image_loader.hpp"

#include <string>

namespace quire::pdf {

// Converts an RGB `image` in place into CMYK samples of `press_profile` (then it has
// no ICC profile of its own: its space is the output intent's). Reports and returns
// false when the image cannot be decoded or a profile cannot be read; the image is
// then as it was. Grey and CMYK images are left alone (true).
bool convert_to_press(LoadedImage& image, const std::string& press_profile, const std::string& srgb_profile,
                      const std::string& path, DiagnosticSink& diagnostics);

}  // namespace quire::pdf
