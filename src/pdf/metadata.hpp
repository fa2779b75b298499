#pragma once
// Document metadata: the Info dictionary and an XMP packet that say the same thing
// (PDF/A requires them to agree), with dates that never come from the clock.
#include "core/diagnostics.hpp"
#include "render/display_list.hpp"

#include <podofo/podofo.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quire::pdf {

// Seconds since 1970-01-01 UTC for an ISO 8601 date ("2025-03-01"), date-time
// ("2025-03-01T09:30", "...:00Z", "...+01:00"); nothing when malformed.
std::optional<std::int64_t> parse_iso8601(std::string_view text);

// "D:20250301093000Z" (ISO 32000-1 §7.9.4) and "2025-03-01T09:30:00Z" (XMP).
std::string pdf_date(std::int64_t epoch);
std::string xmp_date(std::int64_t epoch);

// The XMP packet (dc, pdf and xmp schemas) for `info`; dates left out when absent.
// What a file claims to be, which its metadata says.
struct Conformance {
    bool pdfa = false;    // PDF/A-2 (ISO 19005-2): level U, or A when `tagged`
    bool tagged = false;  // ...and PDF/UA-1 (ISO 14289-1)
    bool pdfx = false;    // PDF/X-4 (ISO 15930-7), the press's copy
};

// With `pdfa`, also the PDF/A identification (pdfaid:part 2, conformance U; A when
// `tagged`, with PDF/UA's pdfuaid:part 1 and the extension schema that describes it).
// With `pdfx`, PDF/X-4's: pdfxid:GTS_PDFXVersion, pdf:Trapped False and the xmpMM
// document and version ids, derived from the document's identity (never random).
std::string xmp_packet(const render::DocumentInfo& info, const std::string& producer,
                       std::optional<std::int64_t> date, const Conformance& claims = {});

// Replaces every key PoDoFo put into the Info dictionary (it writes the clock time
// and its own producer) with ours; with `claims.pdfx`, GTS_PDFXVersion and Trapped.
void fill_info(PoDoFo::PdfDictionary& info_dictionary, const render::DocumentInfo& info,
               const std::string& producer, std::optional<std::int64_t> date, const Conformance& claims = {});

// "uuid:..." naming the document `info` describes, the same in every build of it.
std::string document_uuid(const render::DocumentInfo& info);

}  // namespace quire::pdf
