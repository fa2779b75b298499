#pragma once
// Reading a PDF's objects for the checks: references followed, dictionary keys looked
// up, names and stream data read, none of which throws. Internal to verify/.
#include <podofo/podofo.h>

#include <functional>
#include <string>

namespace quire::verify {

class PdfAccess {
public:
    explicit PdfAccess(PoDoFo::PdfMemDocument& doc) : doc_(doc) {}

    // The object `o` stands for, references followed (nullptr for a dangling one).
    PoDoFo::PdfObject* resolve(PoDoFo::PdfObject* o) const;
    // The value of `name` in the dictionary `dict`, resolved; nullptr when absent.
    PoDoFo::PdfObject* key(PoDoFo::PdfObject* dict, const char* name) const;
    // A name object's text ("FlateDecode"); "" for anything else.
    static std::string name_of(const PoDoFo::PdfObject* o);
    // A stream's data with its filters undone; "" when it has none or cannot be read.
    static std::string stream_bytes(PoDoFo::PdfObject* o);

private:
    PoDoFo::PdfMemDocument& doc_;
};

// Whether a trailer names an Info dictionary ("/Info 5 0 R"): PoDoFo makes one up
// when the file has none, and that one is not the file's to be judged by.
bool names_info(const std::string& bytes);

// The file's own Info dictionary: the trailer's, when `named` (names_info of the
// file's bytes); nullptr otherwise, or when it is not a dictionary.
PoDoFo::PdfObject* file_info(PoDoFo::PdfMemDocument& doc, const PdfAccess& pdf, bool named);

// Calls `visit` for each page of `doc` in order, with its number from 1.
void for_each_page(PoDoFo::PdfMemDocument& doc, const std::function<void(PoDoFo::PdfPage& page, int number)>& visit);

// A whole file's bytes; false when it cannot be read.
bool read_bytes(const std::string& path, std::string& bytes);

}  // namespace quire::verify
