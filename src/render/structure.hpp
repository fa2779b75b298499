#pragma once
// The document's logical structure, as plain data beside the drawing (design §2,
// "structure travels as data"): what each piece of text or image *is* -- an article,
// a heading, a paragraph, a list item, a note, a table cell, a figure, a link -- in
// reading order, which is not the order things are drawn in (a figure floats to a
// page's top; a paragraph runs on into the next column). pdf/ writes it as a tagged
// PDF's structure tree; nothing here knows PDF's words for it.
//
// A drawing op names the node it is content of (DrawGlyphs::node etc.); an op that
// names none is furniture (a running head, a folio, a rule, a printer's mark): an
// artifact, which a reader that reads aloud leaves out.
#include <string>
#include <vector>

namespace quire::render {

enum class StructureKind {
    document,     // the issue or the article's own PDF
    article,      // one article, whole, across its columns and pages
    division,     // a group read together: a figure with its caption and credit, a bio
    heading,      // `level` 1 (the article's title) to 6
    paragraph,
    kicker,       // the opener's section label
    subtitle,
    standfirst,
    byline,
    disclaimer,
    attribution,  // a quotation's source
    credit,       // a figure's credit
    source,       // a table's source
    quote,        // a block quotation
    list,
    list_item,
    list_label,   // a list item's bullet or number, or a note's number
    list_body,
    note,         // a footnote or endnote
    table,
    table_row,
    table_header, // a header row's cell
    table_cell,
    figure,       // an image, described by `alt`
    caption,      // a figure's or table's caption
    link,
    span,         // text in another language (`language`)
    contents,     // the table of contents
    contents_entry,
};

struct StructureNode {
    StructureKind kind = StructureKind::paragraph;
    int parent = -1;              // -1: the root
    std::vector<int> children;    // in reading order
    int level = 0;                // headings
    std::string language;         // BCP 47 where it differs from the parent's; the
                                  // document's always
    std::string title;            // an article's or the document's title
    std::string alt;              // figures: what the image shows
    std::string id;               // notes: a name unique in the document
};

// Nodes by id; node 0 is the root. Ids are indices, stable once given.
struct StructureTree {
    std::vector<StructureNode> nodes;

    // Adds a node as the last child of `parent` (-1: a root) and returns its id.
    int add(StructureNode node, int parent) {
        node.parent = parent;
        const int id = static_cast<int>(nodes.size());
        nodes.push_back(std::move(node));
        if (parent >= 0) nodes[static_cast<std::size_t>(parent)].children.push_back(id);
        return id;
    }
    int add(StructureKind kind, int parent) {
        StructureNode node;
        node.kind = kind;
        return add(std::move(node), parent);
    }

    // Adds `other`'s nodes, their ids moved up by this tree's size, its root becoming
    // the last child of `parent`. Returns the offset: a node n of `other` is now
    // n + offset.
    int graft(const StructureTree& other, int parent) {
        const int offset = static_cast<int>(nodes.size());
        for (const StructureNode& n : other.nodes) {
            StructureNode copy = n;
            copy.parent = n.parent < 0 ? parent : n.parent + offset;
            for (int& c : copy.children) c += offset;
            nodes.push_back(std::move(copy));
        }
        if (!other.nodes.empty() && parent >= 0) nodes[static_cast<std::size_t>(parent)].children.push_back(offset);
        return offset;
    }

    bool empty() const { return nodes.empty(); }
};

}  // namespace quire::render
