#pragma once
// Owning handles for the FreeType objects a font needs, so a face can never leak or be
// freed twice, whatever path load() leaves by. HarfBuzz's are in font/hb_handles.hpp.
#include <ft2build.h>
#include FT_FREETYPE_H

#include <memory>
#include <type_traits>

namespace quire::font {

struct FtLibraryDeleter { void operator()(FT_Library p) const { FT_Done_FreeType(p); } };
struct FtFaceDeleter { void operator()(FT_Face p) const { FT_Done_Face(p); } };

// FT_Library and FT_Face are pointer typedefs; unique_ptr wants the pointee type.
using FtLibrary = std::unique_ptr<std::remove_pointer_t<FT_Library>, FtLibraryDeleter>;
using FtFace = std::unique_ptr<std::remove_pointer_t<FT_Face>, FtFaceDeleter>;

}  // namespace quire::font
