#pragma once
// The structure tree's way back from content (ISO 32000-1 14.7.4.4): a page's or
// form's /StructParents n names the ParentTree's entry n, an array whose item i is the
// element that lists MCID i; an annotation's /StructParent names its element directly.
// Checked both ways against what the content marks and what the tree lists.
#include "verify/marked_content.hpp"
#include "verify/structure_tree.hpp"

namespace quire::verify {

// The ParentTree, a number tree (/Nums pairs, /Kids below), flattened.
std::map<long long, PoDoFo::PdfObject*> read_number_tree(const PdfAccess& pdf, PoDoFo::PdfObject* node);

// `names`: what to call each content holder in messages ("page 2").
void check_parent_tree(const PdfAccess& pdf, PoDoFo::PdfObject* tree_root, const MarkedContentUse& use,
                       const StructureIndex& index, const std::map<const PoDoFo::PdfObject*, std::string>& names,
                       const TaggedFail& fail);

}  // namespace quire::verify
