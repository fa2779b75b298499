#pragma once
// A first look at an image file: is it a JPEG or PNG we can place? The full decode
// (size, colour space, ICC profile) happens where the image is embedded.
#include "core/diagnostics.hpp"

#include <string>

namespace quire::input {

enum class ImageFormat { unknown, jpeg, png };

// Reads the file's signature; reports at `loc` if the file is missing, too large or
// neither JPEG nor PNG.
bool probe_image(const std::string& path, const SourceLoc& loc, DiagnosticSink& sink);

ImageFormat sniff_image_format(const std::string& first_bytes);

}  // namespace quire::input
