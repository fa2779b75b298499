// PDF/X-4's output intent: exactly one intent of subtype GTS_PDFX, naming its printing
// condition (OutputConditionIdentifier) and carrying the condition's ICC output profile
// in the file (DestOutputProfile). A reference to a profile outside the file
// (DestOutputProfileRef) is PDF/X-4p's, not PDF/X-4's. A condition registered with the
// ICC (FOGRA39, CGATS TR 006...) also names the registry (RegistryName).
#include "verify/pdfx_rules.hpp"

#include <array>

namespace quire::verify {

using namespace PoDoFo;

namespace {

const char* const tag = "X-4 output intent";

// Characterized printing conditions of the ICC registry, by their identifiers' stems:
// enough to know that FOGRA39 or CGATS TR 006 is registered; a name not listed here is
// not judged either way.
bool registered(const std::string& condition) {
    static const std::array<const char*, 8> stems = {"FOGRA", "CGATS TR", "CGATS21", "CRPC", "IFRA", "JC200", "JCN20", "JCW20"};
    for (const char* stem : stems) {
        if (condition.rfind(stem, 0) == 0) return true;
    }
    return false;
}

std::string text_of(PdfObject* o) {
    return o && (o->IsString() || o->IsHexString()) ? o->GetString().GetStringUtf8() : std::string();
}

// The embedded profile: an ICC profile of an output device ('prtr') for Gray, RGB or
// CMYK, its /N agreeing. Returns its colour space, "" when it is not one.
std::string check_profile(const PdfxFile& file, PdfObject* profile, const Fail& fail) {
    const std::string data = PdfAccess::stream_bytes(profile);
    if (data.size() < 128 || data.compare(36, 4, "acsp") != 0) {
        fail(tag, "the GTS_PDFX intent's DestOutputProfile is not an ICC profile");
        return "";
    }
    const std::string device_class = data.substr(12, 4), space = data.substr(16, 4);
    if (device_class != "prtr") {
        fail(tag, "the DestOutputProfile is a '" + device_class + "' profile, not an output device ('prtr') one");
    }
    const int components = space == "RGB " ? 3 : space == "CMYK" ? 4 : space == "GRAY" ? 1 : 0;
    if (components == 0) {
        fail(tag, "the DestOutputProfile's colour space '" + space + "' is not Gray, RGB or CMYK");
        return "";
    }
    PdfObject* n = file.pdf.key(profile, "N");
    if (n && n->IsNumber() && n->GetNumber() != components) {
        fail(tag, "the DestOutputProfile's /N " + std::to_string(n->GetNumber()) + " does not match its colour space");
    }
    return space;
}

}  // namespace

std::string check_pdfx_output_intent(const PdfxFile& file, const Fail& fail) {
    PdfObject* intents = file.pdf.key(file.doc.GetCatalog(), "OutputIntents");
    std::vector<PdfObject*> pdfx;
    if (intents && intents->IsArray()) {
        for (PdfObject& item : intents->GetArray()) {
            PdfObject* intent = file.pdf.resolve(&item);
            if (PdfAccess::name_of(file.pdf.key(intent, "S")) == "GTS_PDFX") pdfx.push_back(intent);
        }
    }
    if (pdfx.size() != 1) {
        fail(tag, pdfx.empty() ? "the file has no GTS_PDFX output intent"
                               : "the file has " + std::to_string(pdfx.size()) + " GTS_PDFX output intents, not one");
        if (pdfx.empty()) return "";
    }
    PdfObject* intent = pdfx.front();
    const std::string condition = text_of(file.pdf.key(intent, "OutputConditionIdentifier"));
    if (condition.empty()) fail(tag, "the GTS_PDFX intent has no OutputConditionIdentifier");
    if (registered(condition) && text_of(file.pdf.key(intent, "RegistryName")).empty()) {
        fail(tag, "the GTS_PDFX intent's condition \"" + condition + "\" is registered with the ICC but the intent has no RegistryName");
    }
    if (intent->GetDictionary().HasKey("DestOutputProfileRef")) {
        fail(tag, "the GTS_PDFX intent refers to a profile outside the file (DestOutputProfileRef: PDF/X-4p, not PDF/X-4)");
    }
    PdfObject* profile = file.pdf.key(intent, "DestOutputProfile");
    if (!profile || !profile->HasStream()) {
        fail(tag, "the GTS_PDFX intent has no embedded DestOutputProfile");
        return "";
    }
    return check_profile(file, profile, fail);
}

}  // namespace quire::verify
