#pragma once
// The tagged PDF's logical structure (ISO 32000-1 §14.7-14.8, ISO 14289-1): the
// display list's structure (render/structure.hpp) as structure elements, each page's
// marked content (MCIDs) and link annotations (OBJR) hung on them, the ParentTree that
// leads back from content to element, a role map for quire's own element names and
// an IDTree for notes.
//
// Nodes with no content of their own and none below them (a disclaimer the layout
// sets in the footers, an article's part of the issue that a per-article copy leaves
// out) are left out of the tree.
#include "render/structure.hpp"

#include <podofo/podofo.h>

#include <string>
#include <vector>

namespace quire::pdf {

// The structure type a node is written as: a standard type (P, H2, Figure, TOCI...)
// or one of quire's own (Byline, Credit...), which the role map maps to a standard
// one.
std::string structure_role(const render::StructureNode& node);

// What one page hangs on the tree.
struct TaggedPage {
    PoDoFo::PdfReference page;
    std::vector<int> mcid_nodes;  // the node of each MCID, by MCID, in content order
    struct Annotation {
        int node = -1;
        PoDoFo::PdfReference annotation;
        int after_mcid = 0;  // how many of the page's MCIDs come before it
    };
    std::vector<Annotation> annotations;  // in the order drawn
};

// Writes the structure tree and returns the StructTreeRoot's reference. Page p gets
// /StructParents p; its annotations, keys after the last page's, get /StructParent.
PoDoFo::PdfReference write_structure_tree(PoDoFo::PdfVecObjects& objects, const render::StructureTree& tree,
                                          const std::vector<TaggedPage>& pages);

}  // namespace quire::pdf
