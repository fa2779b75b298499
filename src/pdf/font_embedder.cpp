#include "pdf/font_embedder.hpp"

#include "pdf/content_hash.hpp"
#include "font/hb_handles.hpp"
#include "pdf/number_format.hpp"
#include "pdf/pdf_objects.hpp"

#include <hb-ot.h>

#include <cmath>
#include <cstring>

namespace quire::pdf {

using namespace PoDoFo;

namespace {

// Big-endian fields of one OpenType table; out-of-range reads give 0 so a short
// table degrades the descriptor instead of crashing.
class Table {
public:
    Table(hb_face_t* face, hb_tag_t tag) : blob_(hb_face_reference_table(face, tag)) {
        data_ = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob_.get(), &length_));
    }
    bool present() const { return length_ > 0; }
    bool has(unsigned offset, unsigned size) const { return offset + size <= length_; }
    unsigned u16(unsigned offset) const {
        return has(offset, 2) ? (unsigned{data_[offset]} << 8) | data_[offset + 1] : 0;
    }
    int s16(unsigned offset) const { return static_cast<std::int16_t>(u16(offset)); }
    std::int32_t s32(unsigned offset) const {
        return static_cast<std::int32_t>((static_cast<std::uint32_t>(u16(offset)) << 16) | u16(offset + 2));
    }

private:
    font::HbBlob blob_;
    const unsigned char* data_ = nullptr;
    unsigned length_ = 0;
};

std::string postscript_name(hb_face_t* face) {
    char buffer[128];
    unsigned size = sizeof buffer;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, buffer);
    std::string name;
    // PostScript names are printable ASCII without PDF delimiters (Adobe TN #5902);
    // anything else would need escaping in a /BaseFont name.
    for (const char* p = buffer; *p; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c > 32 && c < 127 && !std::strchr("[](){}<>/%", c)) name.push_back(static_cast<char>(c));
    }
    return name.empty() ? std::string("Unnamed") : name;
}

std::string subset_tag(const std::string& name, const std::set<std::uint32_t>& gids) {
    ContentHash hash;
    hash.update(name);
    for (std::uint32_t gid : gids) hash.update_u64(gid);
    const auto digest = hash.digest();
    std::string tag;
    for (int i = 0; i < 6; ++i) tag.push_back(static_cast<char>('A' + digest[i] % 26));
    return tag;
}

FontDescriptorMetrics descriptor_metrics(hb_face_t* face) {
    FontDescriptorMetrics m;
    const double upem = hb_face_get_upem(face);
    const double scale = 1000.0 / upem;
    font::HbFont font(hb_font_create(face));
    hb_font_set_scale(font.get(), static_cast<int>(upem), static_cast<int>(upem));

    const Table head(face, HB_TAG('h', 'e', 'a', 'd'));
    m.bbox[0] = head.s16(36) * scale;
    m.bbox[1] = head.s16(38) * scale;
    m.bbox[2] = head.s16(40) * scale;
    m.bbox[3] = head.s16(42) * scale;

    const Table post(face, HB_TAG('p', 'o', 's', 't'));
    m.italic_angle = post.s32(4) / 65536.0;
    const bool fixed_pitch = post.s32(12) != 0;

    hb_position_t value = 0;
    if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &value)) m.ascent = value * scale;
    if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &value)) m.descent = value * scale;
    if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &value) && value > 0) {
        m.cap_height = value * scale;
    } else {
        // Older OS/2 tables lack sCapHeight: measure the H.
        hb_codepoint_t h = 0;
        hb_glyph_extents_t extents{};
        if (hb_font_get_nominal_glyph(font.get(), 'H', &h) && hb_font_get_glyph_extents(font.get(), h, &extents)) {
            m.cap_height = extents.y_bearing * scale;
        } else {
            m.cap_height = m.ascent;
        }
    }

    const Table os2(face, HB_TAG('O', 'S', '/', '2'));
    const unsigned weight = os2.present() ? os2.u16(4) : 400;
    const int family_class = os2.s16(30) >> 8;
    const unsigned fs_selection = os2.u16(62);
    // StemV is only a hint for readers that substitute the font; the exact value
    // (CFF Private DICT StdVW) is not worth a CFF parser. Estimate from the weight
    // class as other producers do.
    m.stem_v = std::round(50 + (weight / 65.0) * (weight / 65.0));

    // PDF 32000-1 Table 123. Symbolic: CIDs, not a standard encoding, reach the glyphs.
    m.flags = 4;
    if (fixed_pitch) m.flags |= 1;
    if ((family_class >= 1 && family_class <= 5) || family_class == 7) m.flags |= 2;  // serif classes
    if (family_class == 10) m.flags |= 8;                                               // script
    if (m.italic_angle != 0 || (fs_selection & 1)) m.flags |= 64;
    return m;
}

}  // namespace

std::optional<SubsetFont> subset_font(const render::FontSource& source, const std::set<std::uint32_t>& gids,
                                      const SourceFont& program, DiagnosticSink& diagnostics) {
    const SourceLoc loc{source.path, 0, 0};
    // The file as the pages' widths were read from it (SourceFont::open checked it).
    font::HbFace face(hb_face_reference(program.face()));
    const unsigned glyph_count = hb_face_get_glyph_count(face.get());

    SubsetFont out;
    out.source_path = source.path;
    if (Table(face.get(), HB_TAG('C', 'F', 'F', ' ')).present()) {
        out.outlines = SubsetFont::Outlines::cff;
    } else if (Table(face.get(), HB_TAG('g', 'l', 'y', 'f')).present()) {
        out.outlines = SubsetFont::Outlines::truetype;
    } else {
        diagnostics.error(loc, "font has neither CFF nor TrueType outlines (CFF2 variable fonts are not supported)");
        return std::nullopt;
    }
    for (std::uint32_t gid : gids) {
        if (gid >= glyph_count) {
            diagnostics.error(loc, "glyph id " + std::to_string(gid) + " is beyond the font's " +
                                       std::to_string(glyph_count) + " glyphs");
            return std::nullopt;
        }
    }

    font::HbSubsetInput input(hb_subset_input_create_or_fail());
    if (!input) {
        diagnostics.error(loc, "out of memory while subsetting the font");
        return std::nullopt;
    }
    hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
    hb_set_add(glyph_set, 0);  // .notdef is required at glyph 0
    for (std::uint32_t gid : gids) hb_set_add(glyph_set, gid);
    // PDF readers never shape: layout tables are dead weight. Dropping GSUB also stops
    // hb-subset from pulling in glyphs reachable by substitution.
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                         HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
                         HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G')}) {
        hb_set_add(drop, tag);
    }
    // Original glyph ids, so that content streams written before the subset was made
    // name the right glyphs (header).
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS);

    font::HbSubsetPlan plan(hb_subset_plan_create_or_fail(face.get(), input.get()));
    font::HbFace subset(plan ? hb_subset_plan_execute_or_fail(plan.get()) : nullptr);
    if (!subset) {
        diagnostics.error(loc, "hb-subset could not subset the font");
        return std::nullopt;
    }
    // Composite glyphs may bring in components; the glyphs asked for must all be there
    // under their own ids.
    const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    for (std::uint32_t gid : gids) {
        if (hb_map_get(mapping, gid) != gid) {
            diagnostics.error(loc, "hb-subset dropped or moved glyph " + std::to_string(gid));
            return std::nullopt;
        }
    }

    font::HbBlob subset_blob(hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(subset_blob.get(), &length);
    if (length == 0) {
        diagnostics.error(loc, "hb-subset produced an empty font");
        return std::nullopt;
    }
    out.data.assign(data, length);

    out.widths[0] = program.width(0);
    for (std::uint32_t gid : gids) out.widths[gid] = program.width(gid);

    out.postscript_name = postscript_name(face.get());
    out.tag = subset_tag(out.postscript_name, gids);
    out.metrics = descriptor_metrics(face.get());
    return out;
}

PdfReference embed_cid_font(PdfVecObjects& objects, const SubsetFont& font) {
    const bool cff = font.outlines == SubsetFont::Outlines::cff;
    const std::string base_name = font.tag + "+" + font.postscript_name;

    PdfObject* cid_font = objects.CreateObject("Font");
    PdfObject* descriptor = objects.CreateObject("FontDescriptor");
    PdfObject* file = objects.CreateObject();

    if (cff) {
        // The whole OpenType file, CFF inside (PDF 1.6, allowed by PDF/A-2).
        file->GetDictionary().AddKey("Subtype", PdfName("OpenType"));
    } else {
        file->GetDictionary().AddKey("Length1", PdfVariant(static_cast<pdf_int64>(font.data.size())));
    }
    set_flate_stream(*file, font.data);

    const FontDescriptorMetrics& m = font.metrics;
    PdfDictionary& fd = descriptor->GetDictionary();
    fd.AddKey("FontName", PdfName(base_name));
    fd.AddKey("Flags", PdfVariant(static_cast<pdf_int64>(m.flags)));
    PdfArray bbox;
    for (double v : m.bbox) bbox.push_back(number(v));
    fd.AddKey("FontBBox", bbox);
    fd.AddKey("ItalicAngle", number(m.italic_angle));
    fd.AddKey("Ascent", number(m.ascent));
    fd.AddKey("Descent", number(m.descent));
    fd.AddKey("CapHeight", number(m.cap_height));
    fd.AddKey("StemV", number(m.stem_v));
    fd.AddKey(cff ? "FontFile3" : "FontFile2", file->Reference());

    PdfDictionary& cd = cid_font->GetDictionary();
    cd.AddKey("Subtype", PdfName(cff ? "CIDFontType0" : "CIDFontType2"));
    cd.AddKey("BaseFont", PdfName(base_name));
    PdfDictionary system_info;
    system_info.AddKey("Registry", PdfString("Adobe"));
    system_info.AddKey("Ordering", PdfString("Identity"));
    system_info.AddKey("Supplement", PdfVariant(static_cast<pdf_int64>(0)));
    cd.AddKey("CIDSystemInfo", system_info);
    cd.AddKey("FontDescriptor", descriptor->Reference());
    // Widths of the glyphs drawn only, as runs of consecutive CIDs: c [w1 w2 ...]
    // (ISO 32000-1 §9.7.4.3). The retained ids are scattered over the whole font.
    PdfArray w_array;
    for (auto it = font.widths.begin(); it != font.widths.end();) {
        const std::uint32_t first = it->first;
        PdfArray run;
        std::uint32_t next = first;
        for (; it != font.widths.end() && it->first == next; ++it, ++next) run.push_back(number(it->second));
        w_array.push_back(PdfVariant(static_cast<pdf_int64>(first)));
        w_array.push_back(run);
    }
    cd.AddKey("W", w_array);
    if (!cff) cd.AddKey("CIDToGIDMap", PdfName("Identity"));
    return cid_font->Reference();
}

PdfReference embed_type0_font(PdfVecObjects& objects, const SubsetFont& font, const PdfReference& cid_font,
                              const std::string& cmap) {
    const bool cff = font.outlines == SubsetFont::Outlines::cff;
    const std::string base_name = font.tag + "+" + font.postscript_name;
    PdfObject* type0 = objects.CreateObject("Font");
    PdfObject* to_unicode = objects.CreateObject();
    set_flate_stream(*to_unicode, cmap);

    PdfDictionary& td = type0->GetDictionary();
    td.AddKey("Subtype", PdfName("Type0"));
    // ISO 32000-1 §9.7.6.1: for a CIDFontType0 descendant the name carries the CMap.
    td.AddKey("BaseFont", PdfName(cff ? base_name + "-Identity-H" : base_name));
    td.AddKey("Encoding", PdfName("Identity-H"));
    PdfArray descendants;
    descendants.push_back(cid_font);
    td.AddKey("DescendantFonts", descendants);
    td.AddKey("ToUnicode", to_unicode->Reference());
    return type0->Reference();
}

}  // namespace quire::pdf
