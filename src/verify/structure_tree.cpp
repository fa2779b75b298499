#include "verify/structure_tree.hpp"

#include <set>
#include <vector>

namespace quire::verify {

using namespace PoDoFo;

namespace {

std::string text_of(PdfObject* o) {
    return o && (o->IsString() || o->IsHexString()) ? o->GetString().GetStringUtf8() : std::string();
}

// Which standard types may hold which (ISO 32000-1 Tables 336 and 337): the clear
// cases of lists and tables, where a wrong parent means a reader loses the structure.
// Lbl is not among them: Table 336 gives it to a list item "or other group of like
// items" (a note's number, say), and veraPDF's PDF/UA-1 profile asks a parent only of
// LI and LBody.
const char* required_parent(const std::string& type, const std::string& parent) {
    if (type == "LI") return parent == "L" ? nullptr : "L";
    if (type == "LBody") return parent == "LI" ? nullptr : "LI";
    if (type == "TR") return parent == "Table" || parent == "THead" || parent == "TBody" || parent == "TFoot" ? nullptr : "Table, THead, TBody or TFoot";
    if (type == "TH" || type == "TD") return parent == "TR" ? nullptr : "TR";
    if (type == "THead" || type == "TBody" || type == "TFoot") return parent == "Table" ? nullptr : "Table";
    return nullptr;
}

class TreeWalk {
public:
    TreeWalk(const PdfAccess& pdf, const RoleMap& roles, const TaggedFail& fail) : pdf_(pdf), roles_(roles), fail_(fail) {}

    void kids(PdfObject* k, PdfObject* element, const std::string& type, PdfObject* page, int depth);
    void finish();
    StructureIndex index;

private:
    const PdfAccess& pdf_;
    const RoleMap& roles_;
    const TaggedFail& fail_;
    std::set<const PdfObject*> seen_;
    std::vector<std::string> headings_;  // standard types H, H1..H6 in reading order
    std::set<std::string> note_ids_;

    void element(PdfObject* e, const std::string& parent_type, PdfObject* page, int depth);
    void check_element(PdfObject* e, const std::string& s, const std::string& type, const std::string& parent_type,
                       const std::string& where);
    void content_item(PdfObject* item, PdfObject* element, PdfObject* page);
};

void TreeWalk::kids(PdfObject* k, PdfObject* parent, const std::string& type, PdfObject* page, int depth) {
    k = pdf_.resolve(k);
    if (!k) return;
    if (k->IsArray()) {
        int h_children = 0;
        for (PdfObject& item : k->GetArray()) {
            PdfObject* kid = pdf_.resolve(&item);
            if (kid && kid->IsDictionary() && PdfAccess::name_of(pdf_.key(kid, "Type")) != "MCR" &&
                PdfAccess::name_of(pdf_.key(kid, "Type")) != "OBJR") {
                element(kid, type, page, depth + 1);
                h_children += roles_.standard_of(PdfAccess::name_of(pdf_.key(kid, "S"))).value_or("") == "H";
            } else {
                content_item(kid, parent, page);
            }
        }
        // ISO 14289-1 7.4.4: a node holds at most one unnumbered heading.
        if (h_children > 1) fail_("", "7.4.4", "14-006", "a /" + type + " structure element holds " + std::to_string(h_children) + " H headings");
        return;
    }
    const std::string kind = PdfAccess::name_of(pdf_.key(k, "Type"));
    if (k->IsDictionary() && kind != "MCR" && kind != "OBJR") {
        element(k, type, page, depth + 1);
    } else {
        content_item(k, parent, page);
    }
}

// An MCID of the element's page, an MCR (marked content, perhaps of another page or
// a form's stream) or an OBJR (an annotation or XObject as a whole).
void TreeWalk::content_item(PdfObject* item, PdfObject* element, PdfObject* page) {
    if (!item || !element) return;
    if (item->IsNumber()) {
        if (page) index.marked[page][item->GetNumber()] = element;
        else fail_("6.7.3.3", "7.1", "", "a structure element lists MCID " + std::to_string(item->GetNumber()) + " but names no page (/Pg)");
        return;
    }
    const std::string kind = PdfAccess::name_of(pdf_.key(item, "Type"));
    PdfObject* own_page = pdf_.key(item, "Pg");
    if (kind == "MCR") {
        PdfObject* mcid = pdf_.key(item, "MCID");
        PdfObject* holder = pdf_.key(item, "Stm");
        if (!holder) holder = own_page ? own_page : page;
        if (mcid && mcid->IsNumber() && holder) index.marked[holder][mcid->GetNumber()] = element;
    } else if (kind == "OBJR") {
        if (PdfObject* object = pdf_.key(item, "Obj")) index.objects[object] = element;
    }
}

void TreeWalk::element(PdfObject* e, const std::string& parent_type, PdfObject* page, int depth) {
    if (!e || !e->IsDictionary() || depth > 256 || !seen_.insert(e).second) return;
    const std::string s = PdfAccess::name_of(pdf_.key(e, "S"));
    const std::string type = roles_.standard_of(s).value_or("");
    index.types[e] = type;
    const std::string where = "structure element /" + s + (e->Reference().ObjectNumber() ? " (object " + std::to_string(e->Reference().ObjectNumber()) + ")" : "");
    check_element(e, s, type, parent_type, where);
    if (type == "H" || (type.size() == 2 && type[0] == 'H' && type[1] >= '1' && type[1] <= '6')) headings_.push_back(type);
    PdfObject* own_page = pdf_.key(e, "Pg");
    kids(pdf_.key(e, "K"), e, type, own_page ? own_page : page, depth);
}

void TreeWalk::check_element(PdfObject* e, const std::string& s, const std::string& type, const std::string& parent_type,
                             const std::string& where) {
    if (type.empty()) {
        fail_("6.7.3.4", "7.1", "02-001", where + ": /" + s + " is neither a standard structure type nor role-mapped to one");
        return;
    }
    if (type == "Figure" && !pdf_.key(e, "Alt") && !pdf_.key(e, "ActualText")) {
        fail_("", "7.3", "13-004", where + ": a Figure without alternative text (/Alt or /ActualText)");
    }
    if (type == "Note") {
        const std::string id = text_of(pdf_.key(e, "ID"));
        if (id.empty()) fail_("", "7.9", "19-003", where + ": a Note without an /ID");
        else if (!note_ids_.insert(id).second) fail_("", "7.9", "19-004", where + ": a Note's /ID \"" + id + "\" is another Note's too");
    }
    if (const char* wanted = required_parent(type, parent_type)) {
        const bool list = type == "LI" || type == "LBody";
        fail_("", "7.2", list ? "09-005" : "09-004",
              where + ": a " + type + " inside " + (parent_type.empty() ? std::string("the tree's root") : "a " + parent_type) + ", not in " + wanted);
    }
    if (PdfObject* lang = pdf_.key(e, "Lang")) {
        const std::string tag = text_of(lang);
        if (!well_formed_language(tag)) {
            fail_("6.7.4", "7.2", "11-001", where + ": /Lang \"" + tag + "\" is not a language tag (RFC 3066 / BCP 47)");
        }
    }
}

// Headings in reading order (ISO 14289-1 7.4.2, 7.4.4): numbered ones start at H1 and
// go down one level at a time; H and H1..H6 are not mixed.
void TreeWalk::finish() {
    bool plain = false, numbered = false;
    int previous = 0;
    for (const std::string& h : headings_) {
        if (h == "H") {
            plain = true;
            continue;
        }
        const int level = h[1] - '0';
        if (!numbered && level != 1) fail_("", "7.4.2", "14-002", "the first numbered heading is " + h + ", not H1");
        else if (numbered && level > previous + 1) {
            fail_("", "7.4.2", "14-003", "a heading " + h + " follows an H" + std::to_string(previous) + ", skipping a level");
        }
        numbered = true;
        previous = level;
    }
    if (plain && numbered) fail_("", "7.4.4", "14-007", "the structure tree has both H and numbered (H1..H6) headings");
}

}  // namespace

StructureIndex check_structure_tree(const PdfAccess& pdf, PdfObject* tree_root, const RoleMap& roles, const TaggedFail& fail) {
    TreeWalk walk(pdf, roles, fail);
    walk.kids(pdf.key(tree_root, "K"), nullptr, "", nullptr, 0);
    walk.finish();
    return std::move(walk.index);
}

}  // namespace quire::verify
