#pragma once
// Rules of ISO 19005-2 on what the document carries besides its pages: optional
// content configurations (6.9) and embedded files (6.8).
#include "verify/graphics_rules.hpp"

namespace quire::verify {

// Each optional content configuration (the default, /D, and each of /Configs) has a
// /Name, no two the same, and no /AS (automatic state changes).
void check_optional_content(const PdfAccess& pdf, PoDoFo::PdfObject* catalog, const Fail& fail);

// Each embedded file (a stream of /Type /EmbeddedFile) is itself a PDF/A-1 or PDF/A-2
// file: a PDF that this check passes.
void check_embedded_files(const PdfAccess& pdf, PoDoFo::PdfMemDocument& doc, const Fail& fail);

}  // namespace quire::verify
