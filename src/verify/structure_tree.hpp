#pragma once
// The structure tree walked from StructTreeRoot /K (ISO 32000-1 14.7.2): each
// element's type standard or role-mapped to one, figures with alternative text,
// headings in order, notes with unique IDs, lists and tables built as ISO 32000-1
// Tables 336 and 337 say, languages well formed. What it finds of the content (which
// element lists which MCID of which page, which annotation) is handed back for the
// parent tree and annotation checks.
#include "verify/structure_types.hpp"
#include "verify/tagged_report.hpp"

#include <map>

namespace quire::verify {

struct StructureIndex {
    // Content holder (page, or form XObject by an MCR's /Stm) -> MCID -> its element.
    std::map<const PoDoFo::PdfObject*, std::map<long long, const PoDoFo::PdfObject*>> marked;
    // Object referenced by an OBJR (an annotation) -> its element.
    std::map<const PoDoFo::PdfObject*, const PoDoFo::PdfObject*> objects;
    // Element -> its standard type ("" when it has none).
    std::map<const PoDoFo::PdfObject*, std::string> types;
};

StructureIndex check_structure_tree(const PdfAccess& pdf, PoDoFo::PdfObject* tree_root, const RoleMap& roles,
                                    const TaggedFail& fail);

}  // namespace quire::verify
