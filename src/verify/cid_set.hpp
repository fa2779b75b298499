#pragma once
// 6.2.11.4.2: a CIDFont's CIDSet, when present, lists every CID its embedded font
// program holds (a bit a CID, the high bit of the first byte CID 0).
#include "verify/graphics_rules.hpp"

namespace quire::verify {

// `glyphs`: the embedded program's glyph count. Only CIDFontType2 (TrueType), whose
// CIDs reach glyphs through CIDToGIDMap; a CFF CIDFont's charset is not read.
void check_cid_set(const PdfAccess& pdf, PoDoFo::PdfObject* cid_font, long glyphs, const std::string& where, const Fail& fail);

}  // namespace quire::verify
