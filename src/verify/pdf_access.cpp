#include "verify/pdf_access.hpp"

namespace quire::verify {

using namespace PoDoFo;

PdfObject* PdfAccess::resolve(PdfObject* o) const {
    for (int i = 0; o && o->IsReference() && i < 32; ++i) o = doc_.GetObjects().GetObject(o->GetReference());
    return o && o->IsReference() ? nullptr : o;
}

PdfObject* PdfAccess::key(PdfObject* dict, const char* name) const {
    if (!dict || !dict->IsDictionary()) return nullptr;
    return resolve(dict->GetDictionary().GetKey(PdfName(name)));
}

std::string PdfAccess::name_of(const PdfObject* o) { return o && o->IsName() ? o->GetName().GetName() : std::string(); }

std::string PdfAccess::stream_bytes(PdfObject* o) {
    std::string out;
    if (!o || !o->HasStream()) return out;
    char* buffer = nullptr;
    pdf_long length = 0;
    try {
        o->GetStream()->GetFilteredCopy(&buffer, &length);
        out.assign(buffer, static_cast<std::size_t>(length));
    } catch (const PdfError&) {
    }
    if (buffer) podofo_free(buffer);
    return out;
}

}  // namespace quire::verify
