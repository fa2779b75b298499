#pragma once
// UTF-8 from the display list into the encodings PDF wants: UTF-16BE for ToUnicode
// CMaps and ActualText, and text strings (PDFDocEncoding when plain ASCII, otherwise
// UTF-16BE with a byte-order mark) for titles, outlines and the Info dictionary.
#include <podofo/podofo.h>

#include <string>
#include <string_view>

namespace quire::pdf {

// UTF-16BE bytes, surrogate pairs for code points above U+FFFF; no byte-order mark.
// Malformed UTF-8 becomes U+FFFD (core/utf8.hpp), so a bad byte shows in the
// extracted text instead of silently vanishing.
std::string utf16be(std::string_view utf8);

// Upper-case hex digits of `bytes`, e.g. "\x00\x41" -> "0041".
std::string hex(std::string_view bytes);

// A PDF text string (ISO 32000-1 §7.9.2.2) holding `utf8`.
PoDoFo::PdfString text_string(std::string_view utf8);

}  // namespace quire::pdf
