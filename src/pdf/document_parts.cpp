#include "pdf/document_parts.hpp"

#include "pdf/metadata.hpp"
#include "pdf/number_format.hpp"
#include "pdf/pdf_objects.hpp"
#include "pdf/text_string.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace quire::pdf {

using namespace PoDoFo;

SearchPath srgb_profile_search_path() {
    return search_path("QUIRE_SRGB_PROFILE", {"/usr/share/color/icc/sRGB.icc",  // icc-profiles-free
                                              "/usr/share/color/icc/colord/sRGB.icc",  // colord-data
                                              "/usr/share/color/icc/ghostscript/srgb.icc",  // libgs-common
                                              "/usr/share/texlive/texmf-dist/tex/generic/colorprofiles/sRGB.icc"});
}

SearchPath cmyk_image_profile_search_path() {
    return search_path("QUIRE_CMYK_PROFILE", {"/usr/share/color/icc/ghostscript/default_cmyk.icc"});  // libgs-common
}

void report_srgb_profile_problem(const std::string& profile_path, const std::string& needed_for,
                                 DiagnosticSink& diagnostics) {
    if (profile_path.empty()) {
        const SearchPath searched = srgb_profile_search_path();
        diagnostics.error({}, "no sRGB ICC profile found (looked for " + searched.listed() + "); " + needed_for +
                                  ": install Debian's icc-profiles-free, or set " + searched.variable +
                                  " or --srgb-profile to one");
    } else {
        diagnostics.error({profile_path, 0, 0}, "not a readable RGB ICC profile; " + needed_for);
    }
}

std::optional<std::int64_t> source_date_epoch(DiagnosticSink& diagnostics) {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (!value || !*value) return std::nullopt;
    std::int64_t epoch = 0;
    for (const char* p = value; *p; ++p) {
        if (*p < '0' || *p > '9' || epoch > 1'000'000'000'000LL) {
            diagnostics.warning({}, std::string("SOURCE_DATE_EPOCH=\"") + value +
                                        "\" is not a number of seconds since 1970; ignoring it");
            return std::nullopt;
        }
        epoch = epoch * 10 + (*p - '0');
    }
    return epoch;
}

std::optional<std::int64_t> document_date(const render::DocumentInfo& info, const PdfOptions& options,
                                          DiagnosticSink& diagnostics) {
    if (options.date_epoch) return options.date_epoch;
    if (options.use_source_date_epoch) {
        if (auto epoch = source_date_epoch(diagnostics)) return epoch;
    }
    if (info.date.empty()) return std::nullopt;
    auto parsed = parse_iso8601(info.date);
    if (!parsed) {
        diagnostics.warning({}, "document date \"" + info.date +
                                    "\" is not an ISO 8601 date (2025-03-01 or 2025-03-01T09:30:00Z); the PDF gets no date");
    }
    return parsed;
}

PdfArray box(double x1, double y1, double x2, double y2) {
    PdfArray a;
    a.push_back(number(x1));
    a.push_back(number(y1));
    a.push_back(number(x2));
    a.push_back(number(y2));
    return a;
}

// PoDoFo 0.9.8 ignores an /ID put into the trailer and writes the MD5 of the Info
// dictionary instead: stable (our Info has no clock time) but the same for two
// documents with the same title. Both of its hex strings are as long as ours, so
// overwriting them in place changes no byte offset and the xref stays right.
bool stamp_id(char* data, std::size_t size, const std::array<std::uint8_t, 16>& digest) {
    const std::string_view bytes(data, size);
    const std::size_t trailer = bytes.rfind("trailer");
    if (trailer == std::string::npos) return false;
    const std::size_t at = bytes.find("/ID", trailer);
    if (at == std::string::npos) return false;
    // "/ID[<32 hex><32 hex>]" (compact) or "/ID [ <32 hex> <32 hex> ]" (clean mode).
    const std::string id = hex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
    std::size_t from = at + 3;
    for (int n = 0; n < 2; ++n) {
        const std::size_t open = bytes.find('<', from);
        if (open == std::string::npos || open > at + 16 + n * 40 || open + 33 >= bytes.size() || bytes[open + 33] != '>') {
            return false;
        }
        id.copy(data + open + 1, 32);
        from = open + 34;
    }
    return true;
}

std::string read_icc_profile(const std::string& path, std::string_view space) {
    std::string profile;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buffer[65536];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) profile.append(buffer, n);
        std::fclose(f);
    }
    if (profile.size() < 132 || profile.compare(16, 4, space) != 0 || profile.compare(36, 4, "acsp") != 0) return {};
    return profile;
}

bool add_output_intent(PdfVecObjects& objects, PdfDictionary& root, const std::string& profile_path,
                       ContentHash& id_hash, DiagnosticSink& diagnostics) {
    std::string profile;
    if (FILE* f = std::fopen(profile_path.c_str(), "rb")) {
        char buffer[65536];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) profile.append(buffer, n);
        std::fclose(f);
    }
    // An ICC header is 128 bytes; bytes 16..19 name the data colour space.
    if (profile.size() < 132 || profile.compare(16, 4, "RGB ") != 0 || profile.compare(36, 4, "acsp") != 0) {
        report_srgb_profile_problem(profile_path, "PDF/A needs one for its output intent (or build with --draft)",
                                    diagnostics);
        return false;
    }
    PdfObject* stream = objects.CreateObject();
    stream->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(3)));
    set_flate_stream(*stream, profile);
    id_hash.update(profile);
    PdfDictionary intent;
    intent.AddKey("Type", PdfName("OutputIntent"));
    intent.AddKey("S", PdfName("GTS_PDFA1"));
    intent.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
    intent.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
    intent.AddKey("RegistryName", PdfString("http://www.color.org"));
    intent.AddKey("DestOutputProfile", stream->Reference());
    PdfArray intents;
    intents.push_back(intent);
    root.AddKey("OutputIntents", intents);
    return true;
}

}  // namespace quire::pdf
