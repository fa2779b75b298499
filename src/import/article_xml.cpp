#include "import/article_xml.hpp"

#include "core/xml_text.hpp"

namespace quire::import {

namespace {

// XML 1.0 cannot hold the C0 control characters but tab and line ends; Word's page
// and column breaks arrive as such (U+000C) and mean nothing in the article format.
std::string text_escape(const std::string& text) {
    std::string kept;
    kept.reserve(text.size());
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
    }
    return xml_escape(kept);
}

void write_inlines(std::string& out, const Inlines& inlines);

void write_inline(std::string& out, const Inline& piece) {
    const auto element = [&](const std::string& open, const char* name) {
        out += "<" + open + ">";
        write_inlines(out, piece.children);
        out += std::string("</") + name + ">";
    };
    switch (piece.kind) {
        case Inline::Kind::text: out += text_escape(piece.text); break;
        case Inline::Kind::em: element("em", "em"); break;
        case Inline::Kind::strong: element("strong", "strong"); break;
        case Inline::Kind::small_caps: element("span style=\"small-caps\"", "span"); break;
        case Inline::Kind::span_lang: element("span xml:lang=\"" + xml_escape(piece.text) + "\"", "span"); break;
        case Inline::Kind::link: element("a href=\"" + xml_escape(piece.text) + "\"", "a"); break;
        case Inline::Kind::line_break: out += "<br/>"; break;
        case Inline::Kind::note: element("note", "note"); break;
    }
}

void write_inlines(std::string& out, const Inlines& inlines) {
    for (const Inline& piece : inlines) write_inline(out, piece);
}

void line(std::string& out, int depth, const std::string& name, const Inlines& content,
          const std::string& attributes = {}) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += "<" + name + attributes + ">";
    write_inlines(out, content);
    out += "</" + name + ">\n";
}

void indent(std::string& out, int depth, const std::string& text) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += text + "\n";
}

// Text, or paragraphs: one paragraph is written inline, as an editor would type it.
void text_or_paragraphs(std::string& out, int depth, const std::string& name, const std::vector<Inlines>& paragraphs,
                        const std::string& attributes = {}) {
    if (paragraphs.size() <= 1) return line(out, depth, name, paragraphs.empty() ? Inlines{} : paragraphs.front(), attributes);
    indent(out, depth, "<" + name + attributes + ">");
    for (const Inlines& p : paragraphs) line(out, depth + 1, "p", p);
    indent(out, depth, "</" + name + ">");
}

void write_list(std::string& out, int depth, const List& list) {
    std::string attributes = list.numbered ? " type=\"number\"" : " type=\"bullet\"";
    if (list.numbered && list.start != 1) attributes += " start=\"" + std::to_string(list.start) + "\"";
    indent(out, depth, "<list" + attributes + ">");
    for (const ListItem& item : list.items) {
        if (item.sublist.empty()) {
            text_or_paragraphs(out, depth + 1, "item", item.paragraphs);
            continue;
        }
        // An item with a nested list is written open, its list on lines of their own.
        out.append(static_cast<std::size_t>(depth + 1) * 2, ' ');
        out += "<item>";
        if (item.paragraphs.size() == 1) {
            write_inlines(out, item.paragraphs.front());
            out += "\n";
        } else {
            out += "\n";
            for (const Inlines& p : item.paragraphs) line(out, depth + 2, "p", p);
        }
        write_list(out, depth + 2, item.sublist.front());
        indent(out, depth + 1, "</item>");
    }
    indent(out, depth, "</list>");
}

void write_table(std::string& out, int depth, const Table& table) {
    indent(out, depth, "<table>");
    if (!table.caption.empty()) line(out, depth + 1, "caption", table.caption);
    for (const std::string& width : table.column_widths) indent(out, depth + 1, "<column width=\"" + width + "\"/>");
    for (const TableRow& row : table.rows) {
        indent(out, depth + 1, row.header ? "<row header=\"yes\">" : "<row>");
        for (const TableCell& cell : row.cells) text_or_paragraphs(out, depth + 2, "cell", cell.paragraphs);
        indent(out, depth + 1, "</row>");
    }
    indent(out, depth, "</table>");
}

void write_block(std::string& out, const Block& block) {
    constexpr int depth = 2;
    if (const auto* p = std::get_if<Paragraph>(&block)) return line(out, depth, "p", p->content);
    if (const auto* h = std::get_if<Heading>(&block)) return line(out, depth, h->level == 2 ? "h2" : "h3", h->content);
    if (const auto* l = std::get_if<List>(&block)) return write_list(out, depth, *l);
    if (const auto* t = std::get_if<Table>(&block)) return write_table(out, depth, *t);
    if (const auto* q = std::get_if<Quote>(&block)) {
        indent(out, depth, "<quote>");
        for (const Inlines& p : q->paragraphs) line(out, depth + 1, "p", p);
        if (!q->attribution.empty()) line(out, depth + 1, "attribution", q->attribution);
        return indent(out, depth, "</quote>");
    }
    const auto& f = std::get<Figure>(block);
    std::string attributes = " src=\"" + xml_escape(f.src) + "\"";
    if (!f.alt.empty()) attributes += " alt=\"" + xml_escape(f.alt) + "\"";
    indent(out, depth, "<figure" + attributes + ">");
    if (!f.caption.empty()) line(out, depth + 1, "caption", f.caption);
    // The schema wants a credit and the source never has one: the importer has warned.
    indent(out, depth + 1, "<credit></credit>");
    indent(out, depth, "</figure>");
}

}  // namespace

std::string article_xml(const Article& article) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article version=\"1\"";
    if (!article.lang.empty()) out += " xml:lang=\"" + xml_escape(article.lang) + "\"";
    if (!article.keywords.empty()) out += " keywords=\"" + xml_escape(article.keywords) + "\"";
    out += ">\n";
    line(out, 1, "title", article.title);
    if (!article.subtitle.empty()) line(out, 1, "subtitle", article.subtitle);
    for (const Inlines& byline : article.bylines) line(out, 1, "byline", byline);
    out += "  <body>\n";
    for (const Block& block : article.body) write_block(out, block);
    if (article.body.empty()) out += "    <p></p>\n";  // the schema wants one block; the importer has warned
    out += "  </body>\n</article>\n";
    return out;
}

}  // namespace quire::import
