#pragma once
// The implementation limits of ISO 19005-2 §6.1.13 (after PDF 1.7's Annex C):
// integers within 32 bits, reals within ±3.403e38, strings of at most 32767 bytes,
// names of at most 127 bytes, graphics states nested at most 28 deep, CIDs at most
// 65535, page boundaries from 3 to 14400 units, at most 8388607 indirect objects.
#include "verify/graphics_rules.hpp"

#include <string_view>

namespace quire::verify {

// Every number, string and name in an object's value, through its arrays and
// dictionaries (not into other indirect objects: each is checked on its own).
void check_object_limits(const PoDoFo::PdfObject& object, const std::string& where, const Fail& fail);

// The operands of a content stream, and how deep its q ... Q nest.
void check_content_limits(std::string_view content, const std::string& where, const Fail& fail);

// The CIDs an embedded CMap maps codes to (begincidrange, begincidchar).
void check_cmap_limits(std::string_view cmap, const std::string& where, const Fail& fail);

// A page boundary's width and height ([x0 y0 x1 y1] in default user space units).
void check_box_limits(const PoDoFo::PdfRect& box, const std::string& where, const Fail& fail);

}  // namespace quire::verify
