#pragma once
// Tagged PDF, as PDF/A-2 level A (ISO 19005-2 6.7) and PDF/UA-1 (ISO 14289-1) ask it:
// the catalog's MarkInfo, StructTreeRoot, Lang and (UA) DisplayDocTitle; marked
// content on every page (UA); the structure tree, its RoleMap and its ParentTree;
// annotations tagged (UA). Applied only to files that claim level A or PDF/UA.
#include "verify/tagged_report.hpp"

namespace quire::verify {

struct TaggedClaims {
    TaggedLevels levels;
    bool xmp_title = false;  // the XMP has a non-empty dc:title (UA 7.1)
};

void check_tagged(const PdfAccess& pdf, PoDoFo::PdfMemDocument& doc, const TaggedClaims& claims, const Fail& fail);

}  // namespace quire::verify
