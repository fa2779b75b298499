#include "verify/cid_set.hpp"

namespace quire::verify {

using namespace PoDoFo;

void check_cid_set(const PdfAccess& pdf, PdfObject* cid_font, long glyphs, const std::string& where, const Fail& fail) {
    PdfObject* set = pdf.key(pdf.key(cid_font, "FontDescriptor"), "CIDSet");
    if (!set || !set->HasStream() || glyphs <= 0) return;
    const std::string bits = PdfAccess::stream_bytes(set);
    PdfObject* map = pdf.key(cid_font, "CIDToGIDMap");
    const std::string gids = map && map->HasStream() ? PdfAccess::stream_bytes(map) : std::string();
    const bool identity = gids.empty();
    // The CIDs the program holds: with Identity those below its glyph count, else those
    // the map sends to a glyph it has (CID 0 is always .notdef's).
    const std::size_t cids = identity ? static_cast<std::size_t>(glyphs) : gids.size() / 2;
    for (std::size_t cid = 0; cid < cids && cid < 65536; ++cid) {
        if (!identity && cid > 0) {
            const long gid = (static_cast<unsigned char>(gids[2 * cid]) << 8) | static_cast<unsigned char>(gids[2 * cid + 1]);
            if (gid == 0 || gid >= glyphs) continue;
        }
        const bool listed = cid / 8 < bits.size() && (static_cast<unsigned char>(bits[cid / 8]) & (0x80 >> (cid % 8)));
        if (!listed) {
            fail("6.2.11.4.2", where + ": the CIDSet does not list CID " + std::to_string(cid) + ", which the font program holds");
            return;  // the first is enough to find the fault
        }
    }
}

}  // namespace quire::verify
