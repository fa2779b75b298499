#include "pdf_test_support.hpp"

#include <hb.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <sys/wait.h>
#include <vector>

namespace quire::pdf::test {

std::string source_path(const std::string& relative) { return std::string(QUIRE_SOURCE_DIR) + "/" + relative; }
std::string data_path(const std::string& name) { return std::string(QUIRE_TEST_DATA_DIR) + "/" + name; }

render::DrawGlyphs shape_text(const std::string& font_path, std::uint32_t font_index, const std::string& text,
                         double size_pt, double x_pt, double y_pt) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(font_path.c_str());
    if (!blob) throw std::runtime_error("cannot read " + font_path);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    const unsigned upem = hb_face_get_upem(face);
    hb_font_set_scale(font, static_cast<int>(upem), static_cast<int>(upem));  // unhinted font units
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font, buffer, nullptr, 0);

    render::DrawGlyphs run;
    run.x = Length::from_pt(x_pt);
    run.y = Length::from_pt(y_pt);
    run.font = font_index;
    run.size = Length::from_pt(size_pt);
    run.text = text;
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    auto to_sp = [&](hb_position_t v) {
        return Length::from_sp(std::llround(static_cast<double>(v) * run.size.sp / upem));
    };
    for (unsigned i = 0; i < count; ++i) {
        shape::Glyph g;
        g.gid = info[i].codepoint;
        g.cluster = info[i].cluster;
        g.advance = to_sp(pos[i].x_advance);
        g.x_offset = to_sp(pos[i].x_offset);
        g.y_offset = to_sp(pos[i].y_offset);
        run.glyphs.push_back(g);
    }
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return run;
}

render::Page a5_page(std::string label) {
    render::Page page;
    page.width = Length::from_pt(420);
    page.height = Length::from_pt(595);
    page.bleed = Length::from_pt(9);
    page.label = std::move(label);
    return page;
}

}  // namespace quire::pdf::test
