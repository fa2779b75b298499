#include "verify/pdf_access.hpp"

#include <cctype>
#include <cstdio>

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

PdfObject* file_info(PdfMemDocument& doc, const PdfAccess& pdf, bool named) {
    PdfObject* trailer = const_cast<PdfObject*>(doc.GetTrailer());
    if (!named || !trailer) return nullptr;
    PdfObject* info = pdf.key(trailer, "Info");
    return info && info->IsDictionary() ? info : nullptr;
}

void for_each_page(PdfMemDocument& doc, const std::function<void(PdfPage& page, int number)>& visit) {
    PdfPagesTree* tree = doc.GetPagesTree();
    const int count = tree ? tree->GetTotalNumberOfPages() : 0;
    for (int i = 0; i < count; ++i) {
        if (PdfPage* page = tree->GetPage(i)) visit(*page, i + 1);
    }
}

bool names_info(const std::string& bytes) {
    for (std::size_t at = 0; (at = bytes.find("/Info", at)) != std::string::npos;) {
        at += 5;
        std::size_t i = at;
        auto white = [&] { while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i; };
        auto digits = [&] {
            const std::size_t from = i;
            while (i < bytes.size() && std::isdigit(static_cast<unsigned char>(bytes[i]))) ++i;
            return i > from;
        };
        white();
        if (!digits()) continue;
        white();
        if (!digits()) continue;
        white();
        if (i < bytes.size() && bytes[i] == 'R') return true;
    }
    return false;
}

bool read_bytes(const std::string& path, std::string& bytes) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) bytes.append(buffer, n);
    std::fclose(f);
    return true;
}

}  // namespace quire::verify
