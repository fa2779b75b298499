#include "verify/parent_tree.hpp"

namespace quire::verify {

using namespace PoDoFo;

namespace {

void read_node(const PdfAccess& pdf, PdfObject* node, std::map<long long, PdfObject*>& out, int depth) {
    if (!node || depth > 32) return;
    if (PdfObject* nums = pdf.key(node, "Nums"); nums && nums->IsArray()) {
        const PdfArray& a = nums->GetArray();
        for (std::size_t i = 0; i + 1 < a.size(); i += 2) {
            if (a[i].IsNumber()) out[a[i].GetNumber()] = pdf.resolve(const_cast<PdfObject*>(&a[i + 1]));
        }
    }
    if (PdfObject* kids = pdf.key(node, "Kids"); kids && kids->IsArray()) {
        for (PdfObject& kid : kids->GetArray()) read_node(pdf, pdf.resolve(&kid), out, depth + 1);
    }
}

// The element the parent tree gives for MCID `mcid` of entry `entry`.
const PdfObject* element_at(const PdfAccess& pdf, PdfObject* entry, long long mcid) {
    if (!entry || !entry->IsArray() || mcid < 0 || static_cast<std::size_t>(mcid) >= entry->GetArray().size()) return nullptr;
    return pdf.resolve(&entry->GetArray()[static_cast<std::size_t>(mcid)]);
}

}  // namespace

std::map<long long, PdfObject*> read_number_tree(const PdfAccess& pdf, PdfObject* node) {
    std::map<long long, PdfObject*> out;
    read_node(pdf, node, out, 0);
    return out;
}

void check_parent_tree(const PdfAccess& pdf, PdfObject* tree_root, const MarkedContentUse& use, const StructureIndex& index,
                       const std::map<const PdfObject*, std::string>& names, const TaggedFail& fail) {
    const auto tree = read_number_tree(pdf, pdf.key(tree_root, "ParentTree"));
    auto name = [&](const PdfObject* holder) {
        auto n = names.find(holder);
        return n != names.end() ? n->second : "form XObject (object " + std::to_string(holder->Reference().ObjectNumber()) + ")";
    };
    // Content to structure: each MCID marked has its element in the parent tree, the
    // element that lists it.
    for (const auto& [holder, mcids] : use) {
        if (mcids.empty()) continue;
        PdfObject* key = pdf.key(const_cast<PdfObject*>(holder), "StructParents");
        if (!key || !key->IsNumber()) {
            fail("6.7.3.3", "7.1", "", name(holder) + " has marked content (MCIDs) but no /StructParents");
            continue;
        }
        auto entry = tree.find(key->GetNumber());
        auto listed = index.marked.find(holder);
        for (const long long mcid : mcids) {
            const PdfObject* element = entry == tree.end() ? nullptr : element_at(pdf, entry->second, mcid);
            const std::string what = name(holder) + "'s MCID " + std::to_string(mcid);
            if (!element) {
                fail("6.7.3.3", "7.1", "", what + " has no element in the ParentTree (entry " + std::to_string(key->GetNumber()) + ")");
                continue;
            }
            const bool lists = listed != index.marked.end() && listed->second.count(mcid) && listed->second.at(mcid) == element;
            if (!lists) fail("6.7.3.3", "7.1", "", what + ": the ParentTree names an element that does not list it");
        }
    }
    // Structure to content: each MCID an element lists is marked in that content.
    for (const auto& [holder, listed] : index.marked) {
        auto used = use.find(holder);
        for (const auto& [mcid, element] : listed) {
            if (used == use.end() || !used->second.count(mcid)) {
                fail("6.7.3.3", "7.1", "", "a structure element lists MCID " + std::to_string(mcid) + " of " + name(holder) +
                                                ", which its content does not mark");
            }
        }
    }
    // Annotations: /StructParent names the element whose OBJR refers to them.
    for (const auto& [object, element] : index.objects) {
        PdfObject* key = pdf.key(const_cast<PdfObject*>(object), "StructParent");
        if (!key || !key->IsNumber()) continue;  // said by the annotation rules
        auto entry = tree.find(key->GetNumber());
        if (entry == tree.end() || entry->second != element) {
            fail("6.7.3.3", "7.1", "", "the object " + std::to_string(object->Reference().ObjectNumber()) +
                                           "'s /StructParent " + std::to_string(key->GetNumber()) +
                                           " does not lead to the element whose OBJR names it");
        }
    }
}

}  // namespace quire::verify
