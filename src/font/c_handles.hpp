#pragma once
// Owning handles for the FreeType and HarfBuzz objects a font needs. Each C handle gets
// a unique_ptr with its library's destroy function, so a face can never leak or be
// freed twice, whatever path load() leaves by.
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <memory>
#include <type_traits>

namespace quire::font {

struct FtLibraryDeleter { void operator()(FT_Library p) const { FT_Done_FreeType(p); } };
struct FtFaceDeleter { void operator()(FT_Face p) const { FT_Done_Face(p); } };
struct HbBlobDeleter { void operator()(hb_blob_t* p) const { hb_blob_destroy(p); } };
struct HbFaceDeleter { void operator()(hb_face_t* p) const { hb_face_destroy(p); } };
struct HbFontDeleter { void operator()(hb_font_t* p) const { hb_font_destroy(p); } };
struct HbBufferDeleter { void operator()(hb_buffer_t* p) const { hb_buffer_destroy(p); } };

// FT_Library and FT_Face are pointer typedefs; unique_ptr wants the pointee type.
using FtLibrary = std::unique_ptr<std::remove_pointer_t<FT_Library>, FtLibraryDeleter>;
using FtFace = std::unique_ptr<std::remove_pointer_t<FT_Face>, FtFaceDeleter>;
using HbBlob = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFace = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbFont = std::unique_ptr<hb_font_t, HbFontDeleter>;
using HbBuffer = std::unique_ptr<hb_buffer_t, HbBufferDeleter>;

}  // namespace quire::font
