#pragma once
// 6.2.11.4.2: a CIDFont's CIDSet, when present, lists every CID its embedded font
// program holds (a bit a CID, the high bit of the first byte CID 0).
#include "verify/graphics_rules.hpp"

namespace quire::verify {

// `glyphs`: the embedded program's glyph count, its CIDs its glyph ids, through the
// CIDToGIDMap when it is a stream (TrueType and OpenType programs; the caller does not
// ask of a bare CFF, whose CIDs its charset gives).
void check_cid_set(const PdfAccess& pdf, PoDoFo::PdfObject* cid_font, long glyphs, const std::string& where, const Fail& fail);

}  // namespace quire::verify
