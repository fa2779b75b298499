#pragma once
// Turns a loaded image into an image XObject (with /SMask and /ICCBased colour space
// when it has them).
#include "pdf/image_loader.hpp"

#include <podofo/podofo.h>

namespace quire::pdf {

PoDoFo::PdfReference embed_image(PoDoFo::PdfVecObjects& objects, const LoadedImage& image);

}  // namespace quire::pdf
