#pragma once
// A display list as text, one draw operation a line, for golden tests and for
// reading a composition by eye (design §8). Lengths in points with three decimals,
// written locale-independently; glyph runs show their text and their font's file
// name (its index when the list has no font table), not their glyph ids, unless
// `with_glyphs`.
#include "render/display_list.hpp"

#include <string>

namespace quire::render {

struct DumpOptions {
    bool with_glyphs = false;   // also list gid:advance for each glyph
};

std::string dump_display_list(const DisplayList& list, const DumpOptions& options = {});

// A length in points, "12.345", the way the dump writes it.
std::string format_pt(Length l);

}  // namespace quire::render
