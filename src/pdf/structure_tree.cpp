#include "pdf/structure_tree.hpp"

#include "pdf/text_string.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace quire::pdf {

using namespace PoDoFo;
using render::StructureKind;

namespace {

// quire's own element names and the standard types a reader takes them as.
const std::map<std::string, std::string>& own_roles() {
    static const std::map<std::string, std::string> roles{
        {"Kicker", "P"},     {"Subtitle", "P"}, {"Standfirst", "P"}, {"Byline", "P"},
        {"Disclaimer", "P"}, {"Attribution", "P"}, {"Credit", "P"},  {"Source", "P"},
    };
    return roles;
}

// Where an item stands in the document: page, then place among the page's content.
using Position = std::pair<int, int>;

// Content of a node: a marked-content sequence or an annotation.
struct Item {
    Position at;
    int page = 0;
    int mcid = -1;               // marked content, else an annotation
    PdfReference annotation;
};

struct Layout {
    std::vector<std::vector<Item>> items;       // by node
    std::vector<bool> kept;                     // has content, or a kept descendant
    std::vector<std::optional<Position>> first; // its first content
};

Layout lay_out(const render::StructureTree& tree, const std::vector<TaggedPage>& pages) {
    const std::size_t n = tree.nodes.size();
    Layout l{std::vector<std::vector<Item>>(n), std::vector<bool>(n, false), std::vector<std::optional<Position>>(n)};
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const int page = static_cast<int>(p);
        const std::vector<int>& marks = pages[p].mcid_nodes;
        for (std::size_t m = 0; m < marks.size(); ++m) {
            const int mcid = static_cast<int>(m);
            l.items[static_cast<std::size_t>(marks[m])].push_back({{page, 2 * mcid}, page, mcid, {}});
        }
        for (const TaggedPage::Annotation& a : pages[p].annotations) {
            l.items[static_cast<std::size_t>(a.node)].push_back({{page, 2 * a.after_mcid + 1}, page, -1, a.annotation});
        }
    }
    // A child's id is always above its parent's (StructureTree::add, graft): bottom-up.
    for (std::size_t k = n; k-- > 0;) {
        for (const Item& item : l.items[k]) {
            if (!l.first[k] || item.at < *l.first[k]) l.first[k] = item.at;
        }
        for (int c : tree.nodes[k].children) {
            const auto child = static_cast<std::size_t>(c);
            if (!l.kept[child]) continue;
            if (l.first[child] && (!l.first[k] || *l.first[child] < *l.first[k])) l.first[k] = l.first[child];
        }
        l.kept[k] = !l.items[k].empty() ||
                    std::any_of(tree.nodes[k].children.begin(), tree.nodes[k].children.end(),
                                [&](int c) { return l.kept[static_cast<std::size_t>(c)]; });
    }
    return l;
}

// The structure tree is the one part of the file that grows with every line set: an
// element per paragraph, span and link, an entry per marked-content sequence. Built
// as PoDoFo objects it cost a dictionary of named keys per element and per MCR, some
// hundreds of bytes each (at 1000 pages most of the memory of a build); so its
// elements, kids and parent tree are written here as the bytes they stand in the file
// as (PdfData, which PoDoFo writes as it is), a few bytes an entry.
void put(std::string& out, const PdfReference& ref) {
    out += std::to_string(ref.ObjectNumber());
    out += ' ';
    out += std::to_string(ref.GenerationNumber());
    out += " R";
}

void put(std::string& out, const PdfVariant& value) {
    std::string bytes;
    value.ToString(bytes, ePdfWriteMode_Compact);
    out += bytes;
}

// A node's kids: its own content and its children in the order they read. A node
// with content of its own (a paragraph with a link in it) interleaves the two by
// where they stand; a group (an article, a list) keeps its children's order, which is
// the order they read in even where they are drawn otherwise (a figure floated to the
// top of a page).
//
// Marked content on the element's own page (`own_page`, its /Pg) is its bare MCID
// (ISO 32000-1 14.7.4.2); on another page an MCR dictionary names the page.
void put_kids(std::string& out, std::size_t k, int own_page, const render::StructureTree& tree, const Layout& l,
              const std::vector<PdfReference>& refs, const std::vector<TaggedPage>& pages) {
    struct Kid {
        std::optional<Position> at;
        const Item* item = nullptr;  // else the child `child`
        std::size_t child = 0;
    };
    std::vector<Kid> kids;
    kids.reserve(l.items[k].size() + tree.nodes[k].children.size());
    for (const Item& item : l.items[k]) kids.push_back({item.at, &item, 0});
    const bool interleave = !l.items[k].empty();
    for (int c : tree.nodes[k].children) {
        const auto child = static_cast<std::size_t>(c);
        if (l.kept[child]) kids.push_back({l.first[child], nullptr, child});
    }
    if (interleave) {
        std::stable_sort(kids.begin(), kids.end(), [](const Kid& a, const Kid& b) {
            if (!a.at || !b.at) return a.at.has_value() && !b.at.has_value();
            return *a.at < *b.at;
        });
    }
    out += '[';
    for (std::size_t i = 0; i < kids.size(); ++i) {
        if (i > 0) out += ' ';
        const Kid& kid = kids[i];
        if (!kid.item) {
            put(out, refs[kid.child]);
            continue;
        }
        const Item& item = *kid.item;
        const TaggedPage& page = pages[static_cast<std::size_t>(item.page)];
        if (item.mcid >= 0 && item.page == own_page) {
            out += std::to_string(item.mcid);
        } else if (item.mcid >= 0) {
            out += "<</Type/MCR/Pg ";
            put(out, page.page);
            out += "/MCID ";
            out += std::to_string(item.mcid);
            out += ">>";
        } else {
            out += "<</Type/OBJR/Pg ";
            put(out, page.page);
            out += "/Obj ";
            put(out, item.annotation);
            out += ">>";
        }
    }
    out += ']';
}

void put_attributes(std::string& out, const render::StructureNode& node) {
    const std::pair<const char*, const std::string*> texts[] = {
        {"/Lang", &node.language}, {"/T", &node.title}, {"/Alt", &node.alt}};
    for (const auto& [key, text] : texts) {
        if (text->empty()) continue;
        out += key;
        put(out, text_string(*text));
    }
    if (!node.id.empty()) {
        out += "/ID";
        put(out, PdfString(node.id));
    }
    // A header row's cells head their columns.
    if (node.kind == StructureKind::table_header) out += "/A<</O/Table/Scope/Column>>";
}

PdfDictionary role_map() {
    PdfDictionary map;
    for (const auto& [own, standard] : own_roles()) map.AddKey(PdfName(own), PdfName(standard));
    return map;
}

}  // namespace

std::string structure_role(const render::StructureNode& node) {
    switch (node.kind) {
        case StructureKind::document: return "Document";
        case StructureKind::article: return "Art";
        case StructureKind::division: return "Div";
        case StructureKind::heading: return "H" + std::to_string(std::clamp(node.level, 1, 6));
        case StructureKind::paragraph: return "P";
        case StructureKind::kicker: return "Kicker";
        case StructureKind::subtitle: return "Subtitle";
        case StructureKind::standfirst: return "Standfirst";
        case StructureKind::byline: return "Byline";
        case StructureKind::disclaimer: return "Disclaimer";
        case StructureKind::attribution: return "Attribution";
        case StructureKind::credit: return "Credit";
        case StructureKind::source: return "Source";
        case StructureKind::quote: return "BlockQuote";
        case StructureKind::list: return "L";
        case StructureKind::list_item: return "LI";
        case StructureKind::list_label: return "Lbl";
        case StructureKind::list_body: return "LBody";
        case StructureKind::note: return "Note";
        case StructureKind::table: return "Table";
        case StructureKind::table_row: return "TR";
        case StructureKind::table_header: return "TH";
        case StructureKind::table_cell: return "TD";
        case StructureKind::figure: return "Figure";
        case StructureKind::caption: return "Caption";
        case StructureKind::link: return "Link";
        case StructureKind::span: return "Span";
        case StructureKind::contents: return "TOC";
        case StructureKind::contents_entry: return "TOCI";
    }
    return "P";
}

PdfReference write_structure_tree(PdfVecObjects& objects, const render::StructureTree& tree,
                                  const std::vector<TaggedPage>& pages) {
    const Layout l = lay_out(tree, pages);
    PdfObject* root = objects.CreateObject("StructTreeRoot");
    // Numbers first (parents and children name each other), contents after.
    std::vector<PdfReference> refs(tree.nodes.size());
    std::vector<PdfObject*> elements(tree.nodes.size(), nullptr);
    for (std::size_t k = 0; k < tree.nodes.size(); ++k) {
        if (!l.kept[k]) continue;
        elements[k] = objects.CreateObject(PdfVariant());
        refs[k] = elements[k]->Reference();
    }
    PdfArray top;
    std::map<std::string, PdfReference> ids;
    std::string bytes;
    for (std::size_t k = 0; k < tree.nodes.size(); ++k) {
        if (!l.kept[k]) continue;
        const render::StructureNode& node = tree.nodes[k];
        // /Pg: the page of the element's first marked content, whose MCIDs it lists bare.
        int own_page = -1;
        for (const Item& item : l.items[k]) {
            if (item.mcid >= 0) {
                own_page = item.page;
                break;
            }
        }
        bytes.assign("<</Type/StructElem/S");
        put(bytes, PdfName(structure_role(node)));
        bytes += "/P ";
        put(bytes, node.parent < 0 ? root->Reference() : refs[static_cast<std::size_t>(node.parent)]);
        if (own_page >= 0) {
            bytes += "/Pg ";
            put(bytes, pages[static_cast<std::size_t>(own_page)].page);
        }
        bytes += "/K";
        put_kids(bytes, k, own_page, tree, l, refs, pages);
        put_attributes(bytes, node);
        bytes += ">>";
        static_cast<PdfVariant&>(*elements[k]) = PdfVariant(PdfData(bytes.data(), bytes.size()));
        if (!node.id.empty()) ids.emplace(node.id, refs[k]);
        if (node.parent < 0) top.push_back(refs[k]);
    }

    // The ParentTree: page p's MCIDs (key p), then each annotation (keys after).
    bytes.assign("[");
    int key = static_cast<int>(pages.size());
    for (std::size_t p = 0; p < pages.size(); ++p) {
        if (p > 0) bytes += ' ';
        bytes += std::to_string(p);
        bytes += " [";
        for (std::size_t m = 0; m < pages[p].mcid_nodes.size(); ++m) {
            if (m > 0) bytes += ' ';
            put(bytes, refs[static_cast<std::size_t>(pages[p].mcid_nodes[m])]);
        }
        bytes += ']';
        PdfDictionary& page = objects.GetObject(pages[p].page)->GetDictionary();
        page.AddKey("StructParents", PdfVariant(static_cast<pdf_int64>(p)));
    }
    for (const TaggedPage& page : pages) {
        for (const TaggedPage::Annotation& a : page.annotations) {
            bytes += ' ';
            bytes += std::to_string(key);
            bytes += ' ';
            put(bytes, refs[static_cast<std::size_t>(a.node)]);
            objects.GetObject(a.annotation)->GetDictionary().AddKey("StructParent", PdfVariant(static_cast<pdf_int64>(key)));
            ++key;
        }
    }
    bytes += ']';
    PdfObject* parent_tree = objects.CreateObject(PdfVariant(PdfDictionary()));
    parent_tree->GetDictionary().AddKey("Nums", PdfVariant(PdfData(bytes.data(), bytes.size())));

    PdfDictionary& r = root->GetDictionary();
    r.AddKey("K", top);
    r.AddKey("ParentTree", parent_tree->Reference());
    r.AddKey("ParentTreeNextKey", PdfVariant(static_cast<pdf_int64>(key)));
    r.AddKey("RoleMap", role_map());
    if (!ids.empty()) {
        PdfArray names;  // a name tree's leaf: keys in order
        for (const auto& [id, ref] : ids) {
            names.push_back(PdfString(id));
            names.push_back(ref);
        }
        PdfDictionary id_tree;
        id_tree.AddKey("Names", names);
        r.AddKey("IDTree", id_tree);
    }
    return root->Reference();
}

}  // namespace quire::pdf
