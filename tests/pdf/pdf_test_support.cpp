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

ScratchDir::ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "quire-pdf-test-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data())) throw std::runtime_error("mkdtemp failed");
    path_ = buffer.data();
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
    std::filesystem::remove_all(path_, ignored);
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string quoted(const std::string& path) {
    std::string out = "'";
    for (char c : path) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

ToolResult run_tool(const std::string& command) {
    ScratchDir dir;
    const std::string err_file = dir.file("stderr");
    ToolResult result;
    FILE* pipe = popen((command + " 2>" + quoted(err_file)).c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_bytes(err_file);
    return result;
}

}  // namespace quire::pdf::test
