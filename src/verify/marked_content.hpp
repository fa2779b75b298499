#pragma once
// Marked content in a page's content and the forms it draws (ISO 32000-1 14.6, 14.8.2.2;
// ISO 14289-1 7.1): every painting operator is real content (inside a BDC whose
// property list has an MCID) or an artifact (inside BMC/BDC /Artifact), never both,
// and BMC/BDC pair with EMC within each stream. The MCIDs met are collected for the
// structure tree's side of the check (parent_tree).
#include "verify/tagged_report.hpp"

#include <map>
#include <set>

namespace quire::verify {

// The MCIDs each content holder marks: a page, or a form XObject with its own
// StructParents (a form without one marks its MCIDs on the page that draws it).
using MarkedContentUse = std::map<const PoDoFo::PdfObject*, std::set<long long>>;

// `resources`: the page's, inherited ones included (PdfPage::GetResources).
void check_marked_content(const PdfAccess& pdf, PoDoFo::PdfObject* page, PoDoFo::PdfObject* resources, const std::string& where,
                          const TaggedFail& fail, MarkedContentUse& use);

}  // namespace quire::verify
