#include "verify/catalog_rules.hpp"

#include "verify/pdfa_check.hpp"

#include <set>

namespace quire::verify {

using namespace PoDoFo;

void check_optional_content(const PdfAccess& pdf, PdfObject* catalog, const Fail& fail) {
    PdfObject* properties = pdf.key(catalog, "OCProperties");
    if (!properties) return;
    std::vector<PdfObject*> configs;
    if (PdfObject* d = pdf.key(properties, "D")) configs.push_back(d);
    if (PdfObject* more = pdf.key(properties, "Configs"); more && more->IsArray()) {
        for (PdfObject& c : more->GetArray()) configs.push_back(pdf.resolve(&c));
    }
    std::set<std::string> names;
    for (PdfObject* config : configs) {
        if (!config || !config->IsDictionary()) continue;
        PdfObject* name = pdf.key(config, "Name");
        if (!name || !(name->IsString() || name->IsHexString())) {
            fail("6.9", "an optional content configuration has no Name");
        } else if (!names.insert(name->GetString().GetStringUtf8()).second) {
            fail("6.9", "two optional content configurations are named \"" + name->GetString().GetStringUtf8() + "\"");
        }
        if (config->GetDictionary().HasKey("AS")) fail("6.9", "an optional content configuration has an AS entry");
    }
}

void check_embedded_files(const PdfAccess& pdf, PdfMemDocument& doc, const Fail& fail) {
    // An embedded file within an embedded file is checked too, but not without end.
    static thread_local int depth = 0;
    if (depth > 2) return;
    for (PdfObject* object : doc.GetObjects()) {
        if (!object || !object->IsDictionary() || !object->HasStream()) continue;
        if (PdfAccess::name_of(pdf.key(object, "Type")) != "EmbeddedFile") continue;
        const std::string where = "embedded file (object " + std::to_string(object->Reference().ObjectNumber()) + ")";
        ++depth;
        const Report inner = check_pdfa_bytes(PdfAccess::stream_bytes(object), Options{false, false});
        --depth;
        if (!inner.readable) {
            fail("6.8", "the " + where + " is not a PDF");
        } else if (!inner.failures.empty()) {
            fail("6.8", "the " + where + " is not PDF/A: clause " + inner.failures.front().clause + ": " +
                            inner.failures.front().message);
        }
    }
}

}  // namespace quire::verify
