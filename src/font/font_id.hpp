#pragma once
// Fonts are owned by the font registry and named everywhere else by a small id.
#include <cstdint>

namespace quire::font {

using FontId = std::uint32_t;

}  // namespace quire::font
