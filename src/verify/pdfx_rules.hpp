#pragma once
// The PDF/X-4 rules by area, each reporting through `fail` (internal to verify/;
// pdfx_check.cpp runs them). Tags and what each rule reads are in pdfx_check.hpp and
// the README.
#include "verify/graphics_rules.hpp"

#include <string>

namespace quire::verify {

// What the rules share: the document, its reader, its Info dictionary (null when the
// file has none: PoDoFo's made-up one is not judged), quire's house rules or not.
struct PdfxFile {
    PoDoFo::PdfMemDocument& doc;
    const PdfAccess& pdf;
    PoDoFo::PdfObject* info = nullptr;
    bool house_rules = true;
    // The Info /ModDate as the file has it: PoDoFo stamps a loaded document's with the
    // time of loading (file_mod_date reads it past that). Empty: the file has none.
    std::string mod_date{};
};

// The Info dictionary's /ModDate as written in `bytes` ("" when there is none), read
// by PoDoFo's parser alone.
std::string file_mod_date(const std::string& bytes);

// Info keys and XMP properties: identification, dates, title, trapping, the xmpMM
// identifiers, and Info and XMP agreeing.
void check_pdfx_metadata(const PdfxFile& file, const Fail& fail);

// The one GTS_PDFX output intent and its embedded profile. Returns the profile's colour
// space ("CMYK", "GRAY", "RGB ") or "" when there is none to judge colour by.
std::string check_pdfx_output_intent(const PdfxFile& file, const Fail& fail);

// Every page's boxes, its annotations against them, and actions anywhere.
void check_pdfx_pages(const PdfxFile& file, const Fail& fail);

// What the pages draw with: device colour spaces against the output intent's
// `intent_space`, and the fonts they show text in embedded.
void check_pdfx_content(const PdfxFile& file, const std::string& intent_space, const Fail& fail);

// Why a loaded file is a PDF/X print file rather than a PDF/A one ("it claims PDF/X-4",
// "its output intent is /GTS_PDFX"), or "" when it is not one: it claims PDF/X in Info
// or XMP, or has a GTS_PDFX output intent, and has no PDF/A identification.
std::string print_file_reason(const PdfxFile& file);

}  // namespace quire::verify
