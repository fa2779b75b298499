#include "pdf/source_font.hpp"

#include "pdf/number_format.hpp"
#include "core/utf8.hpp"

#include <cmath>
#include <limits>

namespace quire::pdf {

std::unique_ptr<const SourceFont> SourceFont::open(const render::FontSource& source, DiagnosticSink& diagnostics) {
    const SourceLoc loc{source.path, 0, 0};
    font::HbBlob blob(hb_blob_create_from_file_or_fail(source.path.c_str()));
    if (!blob) {
        diagnostics.error(loc, "cannot read font file");
        return nullptr;
    }
    if (source.face_index >= hb_face_count(blob.get())) {
        diagnostics.error(loc, "not an OpenType or TrueType font (or no face " + std::to_string(source.face_index) + ")");
        return nullptr;
    }
    std::unique_ptr<SourceFont> font(new SourceFont());  // the constructor is private
    SourceFont& out = *font;
    out.face_.reset(hb_face_create(blob.get(), source.face_index));
    out.font_.reset(hb_font_create(out.face_.get()));
    const unsigned upem = hb_face_get_upem(out.face_.get());
    // Unscaled font units: the advances hmtx (or CFF) holds, which the subset keeps.
    hb_font_set_scale(out.font_.get(), static_cast<int>(upem), static_cast<int>(upem));
    out.per_unit_ = 1000.0 / upem;
    out.glyph_count_ = hb_face_get_glyph_count(out.face_.get());
    out.widths_.assign(out.glyph_count_, std::numeric_limits<double>::quiet_NaN());
    return font;
}

double SourceFont::width(std::uint32_t gid) const {
    if (gid >= glyph_count_) return 0.0;
    double& w = widths_[gid];
    if (std::isnan(w)) w = round_to_decimals(hb_font_get_glyph_h_advance(font_.get(), gid) * per_unit_, 4);
    return w;
}

bool SourceFont::draws_part_of(std::uint32_t gid, std::string_view text) const {
    if (text.size() < 2) return false;  // one byte is one character at most (the usual case: no decoding)
    const std::vector<CodePoint> characters = decode_utf8(text);
    if (characters.size() < 2) return false;
    for (const CodePoint& c : characters) {
        hb_codepoint_t glyph = 0;
        if (hb_font_get_nominal_glyph(font_.get(), c.value, &glyph) && glyph == gid) return true;
    }
    return false;
}

char32_t SourceFont::character_of(std::uint32_t gid) const {
    if (characters_.empty()) {
        characters_.assign(glyph_count_, 0);
        font::HbSet unicodes(hb_set_create());
        hb_face_collect_unicodes(face_.get(), unicodes.get());
        for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(unicodes.get(), &c);) {
            hb_codepoint_t glyph = 0;
            if (hb_font_get_nominal_glyph(font_.get(), c, &glyph) && glyph < glyph_count_ && characters_[glyph] == 0) {
                characters_[glyph] = static_cast<char32_t>(c);
            }
        }
    }
    return gid < characters_.size() ? characters_[gid] : 0;
}

}  // namespace quire::pdf
