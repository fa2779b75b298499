#include "pdf/structure_tree.hpp"

#include "pdf/text_string.hpp"

#include <algorithm>
#include <map>
#include <optional>

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

PdfDictionary marked_content_reference(const TaggedPage& page, int mcid) {
    PdfDictionary mcr;
    mcr.AddKey("Type", PdfName("MCR"));
    mcr.AddKey("Pg", page.page);
    mcr.AddKey("MCID", PdfVariant(static_cast<pdf_int64>(mcid)));
    return mcr;
}

PdfDictionary object_reference(const TaggedPage& page, const PdfReference& annotation) {
    PdfDictionary objr;
    objr.AddKey("Type", PdfName("OBJR"));
    objr.AddKey("Pg", page.page);
    objr.AddKey("Obj", annotation);
    return objr;
}

// A node's kids: its own content and its children in the order they read. A node
// with content of its own (a paragraph with a link in it) interleaves the two by
// where they stand; a group (an article, a list) keeps its children's order, which is
// the order they read in even where they are drawn otherwise (a figure floated to the
// top of a page).
PdfArray kids_of(std::size_t k, const render::StructureTree& tree, const Layout& l,
                 const std::vector<PdfReference>& refs, const std::vector<TaggedPage>& pages) {
    struct Kid {
        std::optional<Position> at;
        PdfObject object;
    };
    std::vector<Kid> kids;
    kids.reserve(l.items[k].size() + tree.nodes[k].children.size());
    for (const Item& item : l.items[k]) {
        const TaggedPage& page = pages[static_cast<std::size_t>(item.page)];
        kids.push_back({item.at, PdfObject(item.mcid >= 0 ? marked_content_reference(page, item.mcid)
                                                          : object_reference(page, item.annotation))});
    }
    const bool interleave = !l.items[k].empty();
    for (int c : tree.nodes[k].children) {
        const auto child = static_cast<std::size_t>(c);
        if (l.kept[child]) kids.push_back({l.first[child], PdfObject(refs[child])});
    }
    if (interleave) {
        std::stable_sort(kids.begin(), kids.end(), [](const Kid& a, const Kid& b) {
            if (!a.at || !b.at) return a.at.has_value() && !b.at.has_value();
            return *a.at < *b.at;
        });
    }
    PdfArray out;
    for (Kid& kid : kids) out.push_back(kid.object);
    return out;
}

void add_attributes(PdfDictionary& d, const render::StructureNode& node) {
    if (!node.language.empty()) d.AddKey("Lang", text_string(node.language));
    if (!node.title.empty()) d.AddKey("T", text_string(node.title));
    if (!node.alt.empty()) d.AddKey("Alt", text_string(node.alt));
    if (!node.id.empty()) d.AddKey("ID", PdfString(node.id));
    if (node.kind == StructureKind::table_header) {
        PdfDictionary table;  // a header row's cells head their columns
        table.AddKey("O", PdfName("Table"));
        table.AddKey("Scope", PdfName("Column"));
        d.AddKey("A", table);
    }
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
    std::vector<PdfReference> refs(tree.nodes.size());
    for (std::size_t k = 0; k < tree.nodes.size(); ++k) {
        if (l.kept[k]) refs[k] = objects.CreateObject("StructElem")->Reference();
    }
    PdfArray top;
    std::map<std::string, PdfReference> ids;
    for (std::size_t k = 0; k < tree.nodes.size(); ++k) {
        if (!l.kept[k]) continue;
        const render::StructureNode& node = tree.nodes[k];
        PdfDictionary& d = objects.GetObject(refs[k])->GetDictionary();
        d.AddKey("S", PdfName(structure_role(node)));
        d.AddKey("P", node.parent < 0 ? root->Reference() : refs[static_cast<std::size_t>(node.parent)]);
        d.AddKey("K", kids_of(k, tree, l, refs, pages));
        add_attributes(d, node);
        if (!node.id.empty()) ids.emplace(node.id, refs[k]);
        if (node.parent < 0) top.push_back(refs[k]);
    }

    // The ParentTree: page p's MCIDs (key p), then each annotation (keys after).
    PdfArray nums;
    int key = static_cast<int>(pages.size());
    for (std::size_t p = 0; p < pages.size(); ++p) {
        PdfArray elements;
        for (int node : pages[p].mcid_nodes) elements.push_back(refs[static_cast<std::size_t>(node)]);
        nums.push_back(PdfVariant(static_cast<pdf_int64>(p)));
        nums.push_back(elements);
        PdfDictionary& page = objects.GetObject(pages[p].page)->GetDictionary();
        page.AddKey("StructParents", PdfVariant(static_cast<pdf_int64>(p)));
    }
    for (const TaggedPage& page : pages) {
        for (const TaggedPage::Annotation& a : page.annotations) {
            nums.push_back(PdfVariant(static_cast<pdf_int64>(key)));
            nums.push_back(refs[static_cast<std::size_t>(a.node)]);
            objects.GetObject(a.annotation)->GetDictionary().AddKey("StructParent", PdfVariant(static_cast<pdf_int64>(key)));
            ++key;
        }
    }
    PdfDictionary parent_tree;
    parent_tree.AddKey("Nums", nums);

    PdfDictionary& r = root->GetDictionary();
    r.AddKey("K", top);
    r.AddKey("ParentTree", objects.CreateObject(parent_tree)->Reference());
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
