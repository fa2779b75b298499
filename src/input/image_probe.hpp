#pragma once
// A first look at an image file: is it a JPEG or PNG we can place? The full decode
// (size, colour space, ICC profile) happens where the image is embedded.
#include "core/diagnostics.hpp"

#include <optional>
#include <string>

namespace quire::input {

enum class ImageFormat { unknown, jpeg, png };

// Reads the file and checks its structure (PNG chunks and checksums, JPEG segments
// to the scan and the end marker) and its pixel count against max_image_pixels,
// before anything is decoded. Reports at `loc` if the file is missing, unreadable,
// too large, neither JPEG nor PNG, truncated or damaged (returns false); warns of
// what the PDF will show differently (16-bit or transparent PNGs).
bool probe_image(const std::string& path, const SourceLoc& loc, DiagnosticSink& sink);

ImageFormat sniff_image_format(const std::string& first_bytes);

struct ImageSize {
    int width = 0, height = 0;  // pixels
};

// The pixel size from a JPEG's SOF marker or a PNG's IHDR chunk; nullopt if the file
// is not one of those or is cut short before saying.
std::optional<ImageSize> read_image_size(const std::string& path);

}  // namespace quire::input
