#include "verify/pdfx_check.hpp"

#include "verify/pdf_access.hpp"
#include "verify/pdfx_rules.hpp"
#include "verify/xmp_access.hpp"

#include <podofo/podofo.h>

#include <set>

namespace quire::verify {

using namespace PoDoFo;

namespace {

const char* const file_tag = "X-4 file";

// "1.6" of the header "%PDF-1.6" within the first KB, "" when there is none.
std::string header_version(const std::string& bytes) {
    const std::size_t at = bytes.substr(0, 1024).find("%PDF-");
    if (at == std::string::npos || at + 8 > bytes.size()) return "";
    return bytes.substr(at + 5, 3);
}

// PDF/X-4 is PDF 1.6 and less: the header, and the catalog's /Version that may raise
// it, say no more; the trailer identifies the file (/ID); nothing is encrypted.
void check_file(const std::string& bytes, PdfMemDocument& doc, const PdfAccess& pdf, const Fail& fail) {
    const std::string header = header_version(bytes);
    if (header.size() != 3 || header[0] != '1' || header[1] != '.' || header[2] > '6') {
        fail(file_tag, "the file header says PDF " + (header.empty() ? std::string("(none)") : header) + ", not 1.6 or lower (PDF/X-4 is PDF 1.6)");
    }
    const std::string version = PdfAccess::name_of(pdf.key(doc.GetCatalog(), "Version"));
    if (!version.empty() && version > "1.6") fail(file_tag, "the catalog's /Version is " + version + ", above 1.6");
    const PdfObject* trailer = doc.GetTrailer();
    if (trailer && trailer->IsDictionary()) {
        if (!trailer->GetDictionary().HasKey("ID")) fail(file_tag, "the trailer has no /ID");
        if (trailer->GetDictionary().HasKey("Encrypt")) fail(file_tag, "the trailer has /Encrypt: the file is encrypted");
    }
}

}  // namespace

std::string file_mod_date(const std::string& bytes) {
    try {
        PdfVecObjects objects;
        PdfParser parser(&objects, bytes.data(), static_cast<long>(bytes.size()), true);
        const PdfObject* trailer = parser.GetTrailer();
        const PdfObject* ref = trailer && trailer->IsDictionary() ? trailer->GetDictionary().GetKey("Info") : nullptr;
        PdfObject* info = ref && ref->IsReference() ? objects.GetObject(ref->GetReference()) : nullptr;
        const PdfObject* date = info && info->IsDictionary() ? info->GetDictionary().GetKey("ModDate") : nullptr;
        if (date && (date->IsString() || date->IsHexString())) return date->GetString().GetStringUtf8();
    } catch (const PdfError&) {
    }
    return "";
}

std::string print_file_reason(const PdfxFile& file) {
    PdfObject* catalog = file.doc.GetCatalog();
    std::string xmp_version;
    bool pdfa = false;
    if (PdfObject* metadata = file.pdf.key(catalog, "Metadata"); metadata && metadata->HasStream()) {
        if (const XmlDocument xml = parse_xmp(PdfAccess::stream_bytes(metadata))) {
            xmlNodePtr root = xmlDocGetRootElement(xml.get());
            xmp_version = xmp_value(root, "http://www.npes.org/pdfx/ns/id/", "GTS_PDFXVersion").value_or("");
            pdfa = xmp_value(root, "http://www.aiim.org/pdfa/ns/id/", "part").has_value();
        }
    }
    if (pdfa) return "";  // a PDF/A file that is PDF/X as well is checked as PDF/A
    PdfObject* info_version = file.pdf.key(file.info, "GTS_PDFXVersion");
    std::string version = xmp_version;
    if (version.empty() && info_version && (info_version->IsString() || info_version->IsHexString())) {
        version = info_version->GetString().GetStringUtf8();
    }
    if (!version.empty()) return "it claims " + version;
    if (PdfObject* intents = file.pdf.key(catalog, "OutputIntents"); intents && intents->IsArray()) {
        for (PdfObject& item : intents->GetArray()) {
            if (PdfAccess::name_of(file.pdf.key(file.pdf.resolve(&item), "S")) == "GTS_PDFX") {
                return "its output intent is /GTS_PDFX and it has no PDF/A identification";
            }
        }
    }
    return "";
}

const std::vector<std::string>& pdfx4_tags() {
    static const std::vector<std::string> tags = {"X-4 file", "X-4 metadata", "X-4 output intent", "X-4 page boxes",
                                                  "X-4 annotations", "X-4 actions", "X-4 colour", "X-4 fonts"};
    return tags;
}

Report check_pdfx4(const std::string& path, const Options& options) {
    std::string bytes;
    if (!read_bytes(path, bytes)) return Report{};
    return check_pdfx4_bytes(bytes, options);
}

Report check_pdfx4_bytes(const std::string& bytes, const Options& options) {
    Report report;
    if (bytes.find("%PDF-") == std::string::npos) return report;
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
    std::set<std::string> said;
    const Fail fail = [&](const std::string& tag, const std::string& message) {
        if (said.insert(tag + message).second) report.failures.push_back({tag, message});
    };
    try {
        PdfMemDocument doc;
        doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
        report.readable = true;
        const PdfAccess pdf(doc);
        const PdfxFile file{doc, pdf, file_info(doc, pdf, names_info(bytes)), options.house_rules, file_mod_date(bytes)};
        check_file(bytes, doc, pdf, fail);
        check_pdfx_metadata(file, fail);
        const std::string intent_space = check_pdfx_output_intent(file, fail);
        check_pdfx_pages(file, fail);
        check_pdfx_content(file, intent_space, fail);
    } catch (const PdfError& e) {
        if (e.GetError() == ePdfError_InvalidPassword) {
            report.readable = true;
            fail(file_tag, "the file is encrypted");
        }
    }
    return report;
}

}  // namespace quire::verify
