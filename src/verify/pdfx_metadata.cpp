// PDF/X-4's identification and metadata. ISO 15930-7 identifies the file in its XMP
// (pdfxid:GTS_PDFXVersion) and asks for the xmpMM identifiers, the three XMP dates and
// a title, and for the trapping state to be said (True or False, never Unknown). The
// Info dictionary carries the same for older RIPs: Title, the dates, Trapped and, as
// quire's writer puts it there, GTS_PDFXVersion; where both say a thing they agree.
#include "verify/pdfx_rules.hpp"
#include "verify/xmp_access.hpp"

#include <optional>

namespace quire::verify {

using namespace PoDoFo;

namespace {

const char* const tag = "X-4 metadata";
const char* const pdfxid_ns = "http://www.npes.org/pdfx/ns/id/";
const char* const xmp_ns = "http://ns.adobe.com/xap/1.0/";
const char* const xmpmm_ns = "http://ns.adobe.com/xap/1.0/mm/";
const char* const dc_ns = "http://purl.org/dc/elements/1.1/";
const char* const pdf_ns = "http://ns.adobe.com/pdf/1.3/";

// An Info entry as text: a string's text, a name's name (Trapped is a name); none
// when absent or of another type.
std::optional<std::string> info_text(const PdfxFile& file, const char* key) {
    if (std::string(key) == "ModDate") {
        return file.info && !file.mod_date.empty() ? std::optional<std::string>(file.mod_date) : std::nullopt;
    }
    PdfObject* value = file.pdf.key(file.info, key);
    if (!value) return std::nullopt;
    if (value->IsString() || value->IsHexString()) return value->GetString().GetStringUtf8();
    if (value->IsName()) return value->GetName().GetName();
    return std::nullopt;
}

std::string shown(const std::optional<std::string>& v) { return v ? "\"" + *v + "\"" : std::string("missing"); }

void check_info(const PdfxFile& file, const Fail& fail) {
    // The trapping state is a name, True or False: Unknown tells the press nothing.
    PdfObject* trapped = file.pdf.key(file.info, "Trapped");
    const std::string t = PdfAccess::name_of(trapped);
    if (t != "True" && t != "False") {
        fail(tag, "the Info dictionary's /Trapped is " + (trapped ? (t.empty() ? std::string("not a name") : "/" + t) : std::string("missing")) +
                      ", not /True or /False");
    }
    for (const char* key : {"Title", "CreationDate", "ModDate"}) {
        const auto v = info_text(file, key);
        if (!v || v->empty()) fail(tag, std::string("the Info dictionary has no /") + key);
    }
    const auto version = info_text(file, "GTS_PDFXVersion");
    if (version && *version != "PDF/X-4") {
        fail(tag, "the Info dictionary's /GTS_PDFXVersion is " + shown(version) + ", not \"PDF/X-4\"");
    } else if (!version && file.house_rules) {
        fail(tag, "(house rule) the Info dictionary has no /GTS_PDFXVersion (PDF/X-4), which RIPs that read no XMP look for");
    }
}

// The XMP dates and the Info's agree when they name the same second.
bool same_date(const std::optional<std::string>& a, const std::optional<std::string>& b) {
    if (!a || !b) return true;  // a missing one is reported on its own
    const auto x = date_seconds(*a), y = date_seconds(*b);
    return x && y && *x == *y;
}

}  // namespace

void check_pdfx_metadata(const PdfxFile& file, const Fail& fail) {
    check_info(file, fail);
    PdfObject* metadata = file.pdf.key(file.doc.GetCatalog(), "Metadata");
    if (!metadata || !metadata->HasStream()) {
        fail(tag, "the catalog has no XMP metadata stream (PDF/X-4 identifies the file there)");
        return;
    }
    const XmlDocument xml = parse_xmp(PdfAccess::stream_bytes(metadata));
    if (!xml) {
        fail(tag, "the XMP metadata is not well-formed XML");
        return;
    }
    xmlNodePtr root = xmlDocGetRootElement(xml.get());
    const auto version = xmp_value(root, pdfxid_ns, "GTS_PDFXVersion");
    if (!version || *version != "PDF/X-4") {
        fail(tag, "the XMP metadata does not identify the file as PDF/X-4 (pdfxid:GTS_PDFXVersion " + shown(version) +
                      ", namespace http://www.npes.org/pdfx/ns/id/)");
    }
    struct Required {
        const char* ns;
        const char* prefix;
        const char* name;
    };
    for (const Required& r : {Required{xmp_ns, "xmp", "CreateDate"}, Required{xmp_ns, "xmp", "ModifyDate"},
                              Required{xmp_ns, "xmp", "MetadataDate"}, Required{xmpmm_ns, "xmpMM", "DocumentID"},
                              Required{xmpmm_ns, "xmpMM", "VersionID"}, Required{xmpmm_ns, "xmpMM", "RenditionClass"},
                              Required{dc_ns, "dc", "title"}}) {
        const auto v = xmp_value(root, r.ns, r.name);
        if (!v || v->empty()) fail(tag, std::string("the XMP metadata has no ") + r.prefix + ":" + r.name);
    }
    const auto trapped = xmp_value(root, pdf_ns, "Trapped");
    if (!trapped || (*trapped != "True" && *trapped != "False")) {
        fail(tag, "the XMP metadata's pdf:Trapped is " + shown(trapped) + ", not True or False");
    }

    // Where Info and XMP both say a thing, they say the same.
    if (!file.info) return;
    auto disagree = [&](const char* key, const std::string& property, const std::optional<std::string>& in_xmp) {
        fail(tag, std::string("the Info entry /") + key + " does not agree with the XMP's " + property + " (" + shown(in_xmp) + " there)");
    };
    const auto title = info_text(file, "Title"), xmp_title = xmp_value(root, dc_ns, "title");
    if (title && xmp_title && *title != *xmp_title) disagree("Title", "dc:title", xmp_title);
    const auto created = info_text(file, "CreationDate"), xmp_created = xmp_value(root, xmp_ns, "CreateDate");
    if (!same_date(created, xmp_created)) disagree("CreationDate", "xmp:CreateDate", xmp_created);
    const auto modified = info_text(file, "ModDate"), xmp_modified = xmp_value(root, xmp_ns, "ModifyDate");
    if (!same_date(modified, xmp_modified)) disagree("ModDate", "xmp:ModifyDate", xmp_modified);
    const auto info_trapped = info_text(file, "Trapped");
    if (info_trapped && trapped && *info_trapped != *trapped) disagree("Trapped", "pdf:Trapped", trapped);
    const auto info_version = info_text(file, "GTS_PDFXVersion");
    if (info_version && version && *info_version != *version) disagree("GTS_PDFXVersion", "pdfxid:GTS_PDFXVersion", version);
}

}  // namespace quire::verify
