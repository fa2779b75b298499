#pragma once
// The rules of ISO 19005-2 on what a page draws with: graphics states and halftones
// (6.2.5), images (6.2.8.1) and XObjects (6.2.9), and the stream filters (6.1.7.2).
// Each check looks at one object; the caller walks the pages' resources to it.
#include "verify/pdf_access.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace quire::verify {

using Fail = std::function<void(const std::string& clause, const std::string& message)>;

// An ExtGState dictionary: no transfer functions (TR, TR2 but Default), no halftone
// phase, a standard rendering intent, halftones of type 1 or 5 with no name, and in a
// type 5 a transfer function for each colorant but the primaries Cyan, Magenta, Yellow
// and Black, and for none of those (so veraPDF reads the clause: its corpus fails a
// type 5 of Red, Green and Blue without transfer functions); and only ISO 32000-1's
// blend modes (6.2.10).
void check_graphics_state(const PdfAccess& pdf, PoDoFo::PdfObject* state, const std::string& where, const Fail& fail);

// An XObject: an image with no Alternates or OPI, Interpolate false and a standard
// intent; a form with no OPI, PS or Subtype2 PS, and not a reference XObject; no
// PostScript XObject.
void check_xobject(const PdfAccess& pdf, PoDoFo::PdfObject* xobject, const std::string& where, const Fail& fail);

// A stream's filters: no LZWDecode (6.1.7.2).
void check_filters(const PdfAccess& pdf, PoDoFo::PdfObject* stream, const std::string& where, const Fail& fail);

// The inline images of a content stream (BI ... ID): I (Interpolate) false (6.2.8.1).
void check_inline_images(std::string_view content, const std::string& where, const Fail& fail);

}  // namespace quire::verify
