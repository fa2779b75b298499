#include "font/font_registry.hpp"

#include FT_FONT_FORMATS_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>

#include <algorithm>
#include <cassert>
#include <filesystem>
#include <set>
#include <unordered_map>
#include <stdexcept>

namespace quire::font {

// Member order is destruction order in reverse: the hb_font goes before the hb_face,
// and both FreeType and HarfBuzz read the blob's bytes, so the blob is destroyed last.
struct FontRegistry::Face {
    HbBlob blob;
    FtFace ft;
    HbFace hb_face;
    HbFont hb_font;
    FaceMetrics metrics;
    std::unique_ptr<std::atomic<std::uint64_t>[]> ink;  // by glyph id, packed (ink_height)
    std::uint32_t glyph_count = 0;
};

namespace {

std::string ft_error_text(FT_Error err) {
    if (const char* s = FT_Error_String(err)) return s;
    return "FreeType error " + std::to_string(err);
}

// Height of a glyph's ink above the baseline, for fonts whose OS/2 table is too old to
// carry cap height and x-height.
std::int32_t measured_height(hb_font_t* font, char32_t c) {
    hb_codepoint_t gid = 0;
    hb_glyph_extents_t ext{};
    if (!hb_font_get_nominal_glyph(font, c, &gid) || !hb_font_get_glyph_extents(font, gid, &ext)) return 0;
    return ext.y_bearing;
}

FaceMetrics read_metrics(const std::string& path, FT_Face ft, hb_font_t* hb) {
    FaceMetrics m;
    m.path = path;
    if (const char* ps = FT_Get_Postscript_Name(ft)) m.postscript_name = ps;
    if (ft->family_name) m.family_name = ft->family_name;
    if (ft->style_name) m.style_name = ft->style_name;
    const std::string format = FT_Get_Font_Format(ft) ? FT_Get_Font_Format(ft) : "";
    m.outlines = format == "CFF" ? OutlineFormat::cff : format == "TrueType" ? OutlineFormat::truetype : OutlineFormat::other;
    m.units_per_em = ft->units_per_EM;
    m.ascender = ft->ascender;
    m.descender = ft->descender;
    m.line_gap = ft->height - (ft->ascender - ft->descender);
    m.underline_position = ft->underline_position;
    m.underline_thickness = ft->underline_thickness;
    m.bbox = {static_cast<std::int32_t>(ft->bbox.xMin), static_cast<std::int32_t>(ft->bbox.yMin),
              static_cast<std::int32_t>(ft->bbox.xMax), static_cast<std::int32_t>(ft->bbox.yMax)};
    m.glyph_count = static_cast<std::uint32_t>(ft->num_glyphs);
    m.italic = (ft->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    m.bold = (ft->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(ft, FT_SFNT_POST)))
        m.italic_angle_deg16 = static_cast<std::int32_t>(post->italicAngle);
    if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ft, FT_SFNT_OS2)); os2 && os2->version != 0xFFFF && os2->version >= 2) {
        m.cap_height = os2->sCapHeight;
        m.x_height = os2->sxHeight;
    }
    if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ft, FT_SFNT_OS2)); os2 && os2->version != 0xFFFF) {
        // IBM family class 8 is sans serif; PANOSE serif styles 11-13 are the sans ones.
        const bool latin_text = os2->panose[0] == 2;
        m.sans = (os2->sFamilyClass >> 8) == 8 || (latin_text && os2->panose[1] >= 11 && os2->panose[1] <= 13);
    }
    const FT_UShort fs_type = FT_Get_FSType_Flags(ft);
    m.embeddable = (fs_type & (FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING | FT_FSTYPE_NO_SUBSETTING |
                               FT_FSTYPE_BITMAP_EMBEDDING_ONLY)) == 0;
    if (m.cap_height == 0) m.cap_height = measured_height(hb, U'H');
    if (m.x_height == 0) m.x_height = measured_height(hb, U'x');
    return m;
}

}  // namespace

FontRegistry::FontRegistry() : faces_(std::make_unique<std::unique_ptr<Face>[]>(max_faces)) {
    FT_Library lib = nullptr;
    if (FT_Error err = FT_Init_FreeType(&lib)) throw std::runtime_error("cannot initialise FreeType: " + ft_error_text(err));
    library_.reset(lib);
}

FontRegistry::~FontRegistry() {
    // Faces must go before the FT_Library that made them.
    faces_.reset();
}

std::optional<FontId> FontRegistry::load(const std::string& path, const SourceLoc& loc, DiagnosticSink& sink,
                                         unsigned face_index) {
    const std::lock_guard<std::mutex> lock(loading_);
    if (auto it = by_path_.find({path, face_index}); it != by_path_.end()) return it->second;
    if (size() == max_faces) {
        sink.error(loc, "cannot load font file '" + path + "': " + std::to_string(max_faces) + " faces are loaded already");
        return std::nullopt;
    }

    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        sink.error(loc, "font file '" + path + "' does not exist or is not a regular file");
        return std::nullopt;
    }
    auto face = std::make_unique<Face>();
    face->blob.reset(hb_blob_create_from_file_or_fail(path.c_str()));
    if (!face->blob || hb_blob_get_length(face->blob.get()) == 0) {
        sink.error(loc, "cannot read font file '" + path + "'");
        return std::nullopt;
    }
    unsigned length = 0;
    const char* data = hb_blob_get_data(face->blob.get(), &length);
    FT_Face ft = nullptr;
    if (FT_Error err = FT_New_Memory_Face(library_.get(), reinterpret_cast<const FT_Byte*>(data),
                                          static_cast<FT_Long>(length), static_cast<FT_Long>(face_index), &ft)) {
        sink.error(loc, "'" + path + "' is not a font FreeType can read (" + ft_error_text(err) + ")");
        return std::nullopt;
    }
    face->ft.reset(ft);
    if (!FT_IS_SFNT(ft)) {
        sink.error(loc, "'" + path + "' is not an OpenType or TrueType font");
        return std::nullopt;
    }
    face->hb_face.reset(hb_face_create(face->blob.get(), face_index));
    if (hb_face_get_glyph_count(face->hb_face.get()) == 0) {
        sink.error(loc, "'" + path + "' has no glyphs HarfBuzz can read");
        return std::nullopt;
    }
    face->hb_font.reset(hb_font_create(face->hb_face.get()));
    const int upem = static_cast<int>(hb_face_get_upem(face->hb_face.get()));
    hb_font_set_scale(face->hb_font.get(), upem, upem);
    face->metrics = read_metrics(path, ft, face->hb_font.get());
    face->metrics.face_index = face_index;
    if (face->metrics.units_per_em <= 0) face->metrics.units_per_em = upem;

    face->glyph_count = hb_face_get_glyph_count(face->hb_face.get());
    face->ink = std::make_unique<std::atomic<std::uint64_t>[]>(face->glyph_count);
    const auto id = static_cast<FontId>(size());
    faces_[id] = std::move(face);
    count_.store(id + 1, std::memory_order_release);  // the face is complete before it is seen
    by_path_.emplace(std::make_pair(path, face_index), id);
    return id;
}

const FaceMetrics& FontRegistry::metrics(FontId id) const {
    assert(valid(id));
    return faces_[id]->metrics;
}

hb_font_t* FontRegistry::hb_font(FontId id) const {
    assert(valid(id));
    return faces_[id]->hb_font.get();
}

FT_Face FontRegistry::ft_face(FontId id) const {
    assert(valid(id));
    return faces_[id]->ft.get();
}

std::optional<std::uint32_t> FontRegistry::glyph_index(FontId id, char32_t codepoint) const {
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(hb_font(id), codepoint, &gid) || gid == 0) return std::nullopt;
    return gid;
}

// A measured glyph's entry: its top and bottom (each >= 0, below 2^31) with bit 63 set,
// so that 0 means "not measured yet". Two threads measuring the same glyph store the
// same value.
namespace {
constexpr std::uint64_t measured = std::uint64_t{1} << 63;
}

FontRegistry::InkHeight FontRegistry::ink_height(FontId id, std::uint32_t gid) const {
    if (id >= size()) throw std::out_of_range("ink_height: no font " + std::to_string(id));
    const Face& face = *faces_[id];
    std::atomic<std::uint64_t>* entry = gid < face.glyph_count ? &face.ink[gid] : nullptr;
    if (entry) {
        if (const std::uint64_t v = entry->load(std::memory_order_relaxed); v & measured) {
            return {static_cast<std::int32_t>((v >> 32) & 0x7FFFFFFF), static_cast<std::int32_t>(v & 0xFFFFFFFF)};
        }
    }
    hb_glyph_extents_t e{};
    InkHeight h;
    if (hb_font_get_glyph_extents(face.hb_font.get(), gid, &e)) {
        h.top = std::max<std::int32_t>(0, e.y_bearing);
        h.bottom = std::max<std::int32_t>(0, -(e.y_bearing + e.height));
    }
    if (entry) {
        entry->store(measured | (static_cast<std::uint64_t>(h.top) << 32) | static_cast<std::uint32_t>(h.bottom),
                     std::memory_order_relaxed);
    }
    return h;
}

std::vector<std::string> FontRegistry::feature_tags(FontId id) const {
    std::set<std::string> tags;
    if (id >= size()) throw std::out_of_range("feature_tags: no font " + std::to_string(id));
    hb_face_t* face = faces_[id]->hb_face.get();
    for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
        hb_tag_t buf[64];
        unsigned start = 0;
        for (;;) {
            unsigned count = 64;
            unsigned total = hb_ot_layout_table_get_feature_tags(face, table, start, &count, buf);
            for (unsigned i = 0; i < count; ++i) {
                char s[5] = {};
                hb_tag_to_string(buf[i], s);
                tags.insert(s);
            }
            start += count;
            if (count == 0 || start >= total) break;
        }
    }
    return {tags.begin(), tags.end()};
}

}  // namespace quire::font
