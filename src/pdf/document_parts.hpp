#pragma once
// The pieces of a PDF that belong to the whole document rather than to a page: the
// date, the PDF/A output intent, the trailer /ID, page boxes.
#include "core/diagnostics.hpp"
#include "pdf/content_hash.hpp"
#include "pdf/pdf_options.hpp"
#include "render/display_list.hpp"

#include <podofo/podofo.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace quire::pdf {

// The creation date: the options', else SOURCE_DATE_EPOCH (when allowed), else the
// document's own date (a warning when it is not ISO 8601), else none.
std::optional<std::int64_t> document_date(const render::DocumentInfo& info, const PdfOptions& options,
                                          DiagnosticSink& diagnostics);

// [x1 y1 x2 y2]
PoDoFo::PdfArray box(double x1, double y1, double x2, double y2);

// An ICC profile file's bytes whose data colour space is `space` ("CMYK", "RGB "):
// empty when unreadable or not such a profile.
std::string read_icc_profile(const std::string& path, std::string_view space);

// The error for an sRGB profile that cannot serve `needed_for` ("PDF/A needs one for
// its output intent"): none found ("" path: where quire looked and how to point it at
// one), or the file at `profile_path` is not an RGB profile.
void report_srgb_profile_problem(const std::string& profile_path, const std::string& needed_for,
                                 DiagnosticSink& diagnostics);

// The PDF/A OutputIntent (ISO 19005-2 6.2.3) with the RGB profile at `profile_path`
// embedded, as the catalog's /OutputIntents. Reports and returns false when the file is
// not a readable RGB profile.
bool add_output_intent(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfDictionary& root, const std::string& profile_path,
                       ContentHash& id_hash, DiagnosticSink& diagnostics);

// Overwrites the two strings of the trailer's /ID in the written file with `digest`
// (same length: no offset moves). False when the file has no /ID where expected.
bool stamp_id(char* bytes, std::size_t size, const std::array<std::uint8_t, 16>& digest);

}  // namespace quire::pdf
