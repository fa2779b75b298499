#include "verify/tagged_rules.hpp"

#include "verify/marked_content.hpp"
#include "verify/parent_tree.hpp"
#include "verify/structure_tree.hpp"

namespace quire::verify {

using namespace PoDoFo;

namespace {

bool is_true(const PdfObject* o) { return o && o->IsBool() && o->GetBool(); }

void check_catalog_entries(const PdfAccess& pdf, PdfObject* catalog, const TaggedClaims& claims, const TaggedFail& fail) {
    PdfObject* mark_info = pdf.key(catalog, "MarkInfo");
    if (!is_true(pdf.key(mark_info, "Marked"))) {
        fail("6.7.2.2", "7.1", "", "the catalog has no /MarkInfo << /Marked true >>: the file is not marked as tagged");
    }
    if (is_true(pdf.key(mark_info, "Suspects"))) fail("6.7.2.2", "7.1", "01-007", "/MarkInfo sets /Suspects true");
    PdfObject* root = pdf.key(catalog, "StructTreeRoot");
    if (!root || !root->IsDictionary()) {
        fail("6.7.3.3", "7.1", "", "the catalog has no /StructTreeRoot: the file has no structure tree");
    } else if (PdfAccess::name_of(pdf.key(root, "Type")) != "StructTreeRoot") {
        fail("6.7.3.3", "7.1", "", "the /StructTreeRoot's /Type is not /StructTreeRoot");
    }
    PdfObject* lang = pdf.key(catalog, "Lang");
    const std::string tag = lang && (lang->IsString() || lang->IsHexString()) ? lang->GetString().GetStringUtf8() : "";
    if (tag.empty()) {
        fail("6.7.4", "7.2", "11-001", "the catalog has no /Lang: the document's natural language is not declared");
    } else if (!well_formed_language(tag)) {
        fail("6.7.4", "7.2", "11-001", "the catalog's /Lang \"" + tag + "\" is not a language tag (RFC 3066 / BCP 47)");
    }
    PdfObject* display = pdf.key(pdf.key(catalog, "ViewerPreferences"), "DisplayDocTitle");
    if (!display) fail("", "7.1", "07-001", "the catalog's /ViewerPreferences has no /DisplayDocTitle");
    else if (!is_true(display)) fail("", "7.1", "07-002", "/ViewerPreferences /DisplayDocTitle is not true");
    if (!claims.xmp_title) fail("", "7.1", "06-003", "the XMP metadata has no dc:title");
}

void check_role_map(const RoleMap& roles, const TaggedFail& fail) {
    for (const RoleMap::Problem& p : roles.problems()) {
        // PDF/A-2 asks only that non-standard types reach a standard one (6.7.3.4).
        const bool level_a = p.matterhorn != std::string("02-004");
        fail(level_a ? "6.7.3.4" : "", "7.1", p.matterhorn, "the RoleMap's /" + p.type + " " + p.what);
    }
}

// An annotation a reader shows (not a Popup, not hidden) is tagged: /StructParent,
// an OBJR in an element of the right type, a description, and its page's /Tabs /S.
void check_annotation(const PdfAccess& pdf, PdfObject* annot, const StructureIndex& index, const std::string& where,
                      const TaggedFail& fail) {
    const std::string subtype = PdfAccess::name_of(pdf.key(annot, "Subtype"));
    const std::string what = where + ": the " + subtype + " annotation (object " + std::to_string(annot->Reference().ObjectNumber()) + ")";
    const bool link = subtype == "Link", widget = subtype == "Widget";
    const char* matterhorn = link ? "28-011" : widget ? "28-010" : "28-002";
    const char* clause = link ? "7.18.5" : "7.18.1";
    auto element = index.objects.find(annot);
    if (!pdf.key(annot, "StructParent")) fail("", clause, matterhorn, what + " has no /StructParent");
    if (element == index.objects.end()) {
        fail("", clause, matterhorn, what + " is in no structure element (no OBJR names it)");
    } else {
        const std::string wanted = link ? "Link" : widget ? "Form" : "Annot";
        const std::string type = index.types.count(element->second) ? index.types.at(element->second) : "";
        if (type != wanted && subtype != "PrinterMark") {
            fail("", clause, matterhorn, what + " is in a /" + (type.empty() ? "?" : type) + " element, not /" + wanted);
        }
    }
    PdfObject* contents = pdf.key(annot, "Contents");
    const bool described = contents && (contents->IsString() || contents->IsHexString()) && !contents->GetString().GetStringUtf8().empty();
    if (link && !described) {
        fail("", "7.18.5", "28-012", what + " has no /Contents describing it");
    } else if (!link && !widget && !described && (element == index.objects.end() || !pdf.key(const_cast<PdfObject*>(element->second), "Alt"))) {
        fail("", "7.18.1", "28-004", what + " has neither /Contents nor an /Alt on its element");
    }
}

void check_page_annotations(const PdfAccess& pdf, PdfObject* page, const StructureIndex& index, const std::string& where,
                            const TaggedFail& fail) {
    PdfObject* annots = pdf.key(page, "Annots");
    if (!annots || !annots->IsArray()) return;
    bool any = false;
    for (PdfObject& item : annots->GetArray()) {
        PdfObject* annot = pdf.resolve(&item);
        if (!annot || !annot->IsDictionary() || PdfAccess::name_of(pdf.key(annot, "Subtype")) == "Popup") continue;
        PdfObject* flags = pdf.key(annot, "F");
        if (flags && flags->IsNumber() && (flags->GetNumber() & 2)) continue;  // Hidden: not shown, not read
        any = true;
        check_annotation(pdf, annot, index, where, fail);
    }
    if (!any) return;
    PdfObject* tabs = pdf.key(page, "Tabs");
    if (!tabs) fail("", "7.18.3", "28-008", where + " has annotations but no /Tabs");
    else if (PdfAccess::name_of(tabs) != "S") fail("", "7.18.3", "28-009", where + "'s /Tabs is not /S (structure order)");
}

}  // namespace

void check_tagged(const PdfAccess& pdf, PdfMemDocument& doc, const TaggedClaims& claims, const Fail& report) {
    const TaggedFail fail(claims.levels, report);
    PdfObject* catalog = doc.GetCatalog();
    check_catalog_entries(pdf, catalog, claims, fail);
    PdfObject* tree_root = pdf.key(catalog, "StructTreeRoot");
    const RoleMap roles(pdf, pdf.key(tree_root, "RoleMap"));
    check_role_map(roles, fail);
    const StructureIndex index = check_structure_tree(pdf, tree_root, roles, fail);

    MarkedContentUse use;
    std::map<const PdfObject*, std::string> names;
    for_each_page(doc, [&](PdfPage& page, int number) {
        const std::string where = "page " + std::to_string(number);
        names[page.GetObject()] = where;
        check_marked_content(pdf, page.GetObject(), page.GetResources(), where + "'s content", fail, use);
        check_page_annotations(pdf, page.GetObject(), index, where, fail);
    });
    if (tree_root) check_parent_tree(pdf, tree_root, use, index, names, fail);
}

}  // namespace quire::verify
