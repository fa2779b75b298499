#pragma once
// Reads the images pages place. JPEGs pass through untouched (PDF's DCTDecode reads
// them as they are); PNGs are decoded to 8-bit samples with the alpha channel split
// off for an /SMask. Embedded ICC profiles are kept: PoDoFo's PdfImage drops them,
// which prints colours wrong for any image not in the reader's default space.
#include "core/diagnostics.hpp"

#include <optional>
#include <string>

namespace quire::pdf {

struct LoadedImage {
    enum class Encoding { jpeg, pixels };
    Encoding encoding = Encoding::pixels;
    int width = 0, height = 0;
    int components = 0;       // 1 grey, 3 RGB, 4 CMYK
    std::string data;         // the JPEG file, or 8-bit samples row by row
    std::string alpha;        // 8-bit alpha samples; empty when fully opaque
    std::string icc_profile;  // empty when none (or when it did not fit the samples)
    bool inverted_cmyk = false;  // Adobe's CMYK JPEGs store 255 - value
};

// Loads `path`, reporting unreadable or unsupported files as errors and returning
// nothing. A profile that does not match the image's colour space is dropped with a
// warning.
std::optional<LoadedImage> load_image(const std::string& path, DiagnosticSink& diagnostics);

}  // namespace quire::pdf
