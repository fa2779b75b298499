#pragma once
// A copy of one of quire's tagged PDFs opened with PoDoFo, for tests that break one
// rule of tagged PDF (PDF/A-2a 6.7, PDF/UA-1) and check what quire verify says: the
// structure elements, parent tree entries, annotations and content of quire's own
// output found as the tests need them, the copy written again as quire writes PDF/A.
#include "verify/pdfa_check.hpp"

#include <podofo/podofo.h>

#include <functional>
#include <string>
#include <vector>

namespace quire::test {

class TaggedCopy {
public:
    explicit TaggedCopy(const std::string& pdf);

    PoDoFo::PdfMemDocument doc;

    PoDoFo::PdfObject* catalog() { return doc.GetCatalog(); }
    PoDoFo::PdfObject* root();  // the StructTreeRoot
    // The object `o` names, if a reference, else `o`.
    PoDoFo::PdfObject* resolve(PoDoFo::PdfObject* o);
    // The `nth` structure element of standard or custom type `type` in the tree's order.
    PoDoFo::PdfObject* element(const std::string& type, int nth = 0);
    // A new element of `type` added as the last kid of `parent`.
    PoDoFo::PdfObject* add_element(const std::string& type, PoDoFo::PdfObject* parent);
    PoDoFo::PdfObject* page(int index) { return doc.GetPage(index)->GetObject(); }
    // The parent tree's array for page `index`: the element of each MCID.
    PoDoFo::PdfArray& page_parents(int index);
    // An MCID page `index` does not use.
    long long free_mcid(int index) { return static_cast<long long>(page_parents(index).size()); }
    // The first annotation of `subtype` that has a /StructParent, its page's index and
    // its element (the parent tree's entry for it).
    struct Annotation {
        PoDoFo::PdfObject* annot = nullptr;
        int page = -1;
        PoDoFo::PdfObject* element = nullptr;
    };
    Annotation annotation(const std::string& subtype);
    // Page `index` drawing `content` after its own.
    void append_content(int index, const std::string& content);
    // The XMP metadata changed by `edit`.
    void edit_xmp(const std::function<void(std::string&)>& edit);
    // The copy written again, and what quire verify says of it.
    std::vector<verify::Failure> verify(const verify::Options& options = {});
    std::string write();  // the copy written again: its path
};

// A copy of `pdf` changed by `change`, and what quire verify says of it.
std::vector<verify::Failure> verify_changed(const std::string& pdf, const std::function<void(TaggedCopy&)>& change,
                                            const verify::Options& options = {});

// The copy untagged: no /StructTreeRoot, no /MarkInfo, the XMP claiming level U and
// no part of PDF/UA.
void untag(TaggedCopy& t);

// `from` in `text` replaced by `to` (which must be there).
void replace(std::string& text, const std::string& from, const std::string& to);

// Whether a failure is under `clause` with `words` in its message (all logged).
bool fails_under(const std::vector<verify::Failure>& failures, const std::string& clause, const std::string& words = "");
// Whether any failure is under a clause of PDF/UA.
bool has_ua_clause(const std::vector<verify::Failure>& failures);

}  // namespace quire::test
