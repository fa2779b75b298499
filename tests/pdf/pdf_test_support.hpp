#pragma once
// Helpers for the PDF tests: real glyph ids from HarfBuzz (the shaping stage is not
// needed to test the writer), a scratch directory, and the command-line PDF tools.
#include "render/display_list.hpp"
#include "tool_run.hpp"

#include <filesystem>
#include <string>

namespace quire::pdf::test {

std::string source_path(const std::string& relative);  // inside the source tree
std::string data_path(const std::string& name);        // inside tests/pdf/data

// The fonts the tests set text in: the project's CFF-flavoured OpenType fonts, and
// Debian's fonts-ebgaramond (in .ci/setup) for TrueType outlines.
inline const std::string garamond = source_path("fonts/EBGaramond/EBGaramond12-Regular.otf");
inline const std::string inter = source_path("fonts/Inter/Inter-Regular.otf");
inline const std::string garamond_ttf = "/usr/share/fonts/truetype/ebgaramond/EBGaramond12-Regular.ttf";

// An empty A5 page with a 9 pt bleed, labelled `label`.
render::Page a5_page(std::string label);

// Shapes `text` with HarfBuzz (default features: kerning, ligatures) into a run at
// (x, y) points from the top-left of the trimmed page.
render::DrawGlyphs shape_text(const std::string& font_path, std::uint32_t font_index, const std::string& text,
                         double size_pt, double x_pt, double y_pt);

// Scratch directories and the command-line tools, shared by every test (tests/support).
using quire::test::ScratchDir;
using quire::test::ToolResult;
using quire::test::run_tool;
using quire::test::read_bytes;
using quire::test::quoted;

}  // namespace quire::pdf::test
