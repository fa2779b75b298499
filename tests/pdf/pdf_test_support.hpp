#pragma once
// Helpers for the PDF tests: real glyph ids from HarfBuzz (the shaping stage is not
// needed to test the writer), a scratch directory, and the command-line PDF tools.
#include "render/display_list.hpp"

#include <filesystem>
#include <string>

namespace quire::pdf::test {

std::string source_path(const std::string& relative);  // inside the source tree
std::string data_path(const std::string& name);        // inside tests/pdf/data

// Shapes `text` with HarfBuzz (default features: kerning, ligatures) into a run at
// (x, y) points from the top-left of the trimmed page.
render::DrawGlyphs shape_text(const std::string& font_path, std::uint32_t font_index, const std::string& text,
                         double size_pt, double x_pt, double y_pt);

// A fresh directory, removed with everything in it when the object goes.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct ToolResult {
    int exit_code = -1;
    std::string out, err;
};

// Runs a shell command, capturing its stdout, stderr and exit code.
ToolResult run_tool(const std::string& command);

std::string read_bytes(const std::string& path);

// Quotes a path for the shell.
std::string quoted(const std::string& path);

}  // namespace quire::pdf::test
