// Pandoc's block elements -> the article's body (article_tree.hpp).
#include "import/pandoc_converter.hpp"

#include <cmath>
#include <string_view>

namespace quire::import {

namespace {

bool is_list(const std::string& type) { return type == "BulletList" || type == "OrderedList"; }

// Pandoc's LineBlock: lines of inlines, one paragraph with a break between lines.
Inlines line_block(PandocConverter& converter, const json& lines) {
    Inlines out;
    for (const json& line : lines) {
        if (!out.empty()) out.push_back(Inline{Inline::Kind::line_break, {}, {}});
        for (Inline& piece : converter.inlines(line)) out.push_back(std::move(piece));
    }
    return out;
}

// A code block's lines kept as a paragraph, a break where each line ended.
Inlines code_lines(const std::string& code) {
    Inlines out;
    std::size_t start = 0;
    while (start <= code.size()) {
        const std::size_t end = std::min(code.find('\n', start), code.size());
        if (start > 0) out.push_back(Inline{Inline::Kind::line_break, {}, {}});
        append_text(out, code.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool starts_with_dash(const Inlines& paragraph) {
    if (paragraph.empty() || paragraph.front().kind != Inline::Kind::text) return false;
    const std::string_view text = paragraph.front().text;
    for (std::string_view dash : {"\u2014", "\u2013", "\u2015", "-"}) {
        if (text.substr(0, dash.size()) == dash) return true;
    }
    return false;
}

std::string first_words(const Inlines& paragraph) {
    for (const Inline& piece : paragraph) {
        if (piece.kind == Inline::Kind::text) return quote_start(piece.text);
    }
    return "\"\"";
}

}  // namespace

void PandocConverter::body_block(const json& block, std::vector<Block>& out) {
    const std::string type = block.at("t").get<std::string>();
    const json none = json::array();
    const json& c = block.contains("c") ? block.at("c") : none;
    if (type == "Para" || type == "Plain") {
        if (figure(block, out)) return;
        // Word's captions are a paragraph of their own under the picture, the same words
        // as its alternative text when pandoc wrote the file: taken as the caption.
        Figure* before = out.empty() ? nullptr : std::get_if<Figure>(&out.back());
        if (before && before->caption.empty() && !before->alt.empty() && plain_text(c) == before->alt) {
            before->caption = inlines(c);
            return;
        }
        Inlines text = inlines(c);
        if (!text.empty()) out.push_back(Paragraph{std::move(text)});
    } else if (type == "Header") {
        out.push_back(Heading{c.at(0).get<int>() <= 2 ? 2 : 3, inlines(c.at(2))});
    } else if (type == "BlockQuote") {
        out.push_back(quote(c));
    } else if (is_list(type)) {
        out.push_back(list(block, 1));
    } else if (type == "Table") {
        out.push_back(table(c));
    } else if (type == "Div") {
        const std::string lang = division_language(c.at(0));
        std::vector<Block> inner;
        for (const json& b : c.at(1)) body_block(b, inner);
        for (Block& b : inner) {
            if (lang.empty()) {
            } else if (auto* p = std::get_if<Paragraph>(&b)) {
                p->content = in_language(std::move(p->content), lang);
            } else if (auto* h = std::get_if<Heading>(&b)) {
                h->content = in_language(std::move(h->content), lang);
            } else if (auto* q = std::get_if<Quote>(&b)) {
                for (Inlines& para : q->paragraphs) para = in_language(std::move(para), lang);
            } else {
                warn("a list, table or figure in division {lang=" + lang + "} keeps the article's language: "
                     "mark its items' or cells' text with <span xml:lang=\"" + lang + "\"> by hand");
            }
            out.push_back(std::move(b));
        }
    } else if (type == "LineBlock") {
        out.push_back(Paragraph{line_block(*this, c)});
    } else if (type == "Null") {
    } else {
        std::vector<Inlines> kept;
        flatten(block, "the article's text", kept);
        for (Inlines& paragraph : kept) out.push_back(Paragraph{std::move(paragraph)});
    }
}

std::vector<Inlines> PandocConverter::paragraphs(const json& blocks, const std::string& where) {
    std::vector<Inlines> out;
    for (const json& block : blocks) {
        const std::string type = block.at("t").get<std::string>();
        if (type == "Para" || type == "Plain") {
            Inlines text = inlines(block.at("c"));
            if (!text.empty()) out.push_back(std::move(text));
        } else if (type == "LineBlock") {
            out.push_back(line_block(*this, block.at("c")));
        } else if (type == "Div") {
            const std::string lang = division_language(block.at("c").at(0));
            for (Inlines& inner : paragraphs(block.at("c").at(1), where)) {
                out.push_back(lang.empty() ? std::move(inner) : in_language(std::move(inner), lang));
            }
        } else if (type != "Null") {
            flatten(block, where, out);
        }
    }
    return out;
}

// A division (HTML's div, Markdown's :::) groups blocks. Its language, if it names one,
// goes to the text of its paragraphs (the article format marks a phrase's or a
// paragraph's language); its classes and other attributes have no equivalent, and a
// warning names them. An id alone (an anchor) means nothing to a printed page.
std::string PandocConverter::division_language(const json& attr) {
    std::string lang = attribute(attr, "lang");
    json others = json::array();
    for (const json& kv : attr.at(2)) {
        if (kv.at(0).get<std::string>() != "lang") others.push_back(kv);
    }
    if (!attr.at(1).empty() || !others.empty()) {
        const json rest = json::array({"", attr.at(1), others});
        warn("division {" + describe_attributes(rest) + "} has no equivalent in the article format: markup dropped, text kept");
    }
    if (!lang.empty() && !is_language_tag(lang)) {
        warn("division language \"" + lang + "\" is not a language tag (en-GB, fr): not written");
        lang.clear();
    }
    return lang;
}

// What has no place where it stands: a warning naming it, and its text as paragraphs.
void PandocConverter::flatten(const json& block, const std::string& where, std::vector<Inlines>& out) {
    const std::string type = block.at("t").get<std::string>();
    const json none = json::array();
    const json& c = block.contains("c") ? block.at("c") : none;
    if (type == "CodeBlock") {
        const std::string code = c.at(1).get<std::string>();
        warn("code block " + quote_start(code) + " has no equivalent in the article format: kept as a plain paragraph");
        out.push_back(code_lines(code));
    } else if (type == "RawBlock") {
        warn("raw " + c.at(0).get<std::string>() + " block " + quote_start(c.at(1).get<std::string>()) +
             " has no equivalent in the article format: dropped");
    } else if (type == "HorizontalRule") {
        warn("horizontal rule has no equivalent in the article format: dropped (a heading, or space in the layout, marks a break)");
    } else if (type == "DefinitionList") {
        warn("definition list has no equivalent in the article format: each term kept as a paragraph in bold, its definitions as paragraphs");
        for (const json& entry : c) {
            out.push_back(Inlines{Inline{Inline::Kind::strong, {}, inlines(entry.at(0))}});
            for (const json& definition : entry.at(1)) {
                for (Inlines& p : paragraphs(definition, where)) out.push_back(std::move(p));
            }
        }
    } else if (type == "Header") {
        Inlines text = inlines(c.at(2));
        warn("heading " + first_words(text) + " inside " + where + ": kept as a paragraph");
        out.push_back(std::move(text));
    } else if (type == "BlockQuote" || is_list(type) || type == "Table") {
        const std::string what = type == "BlockQuote" ? "quotation" : type == "Table" ? "table" : "list";
        warn("a " + what + " inside " + where + " cannot stand there in the article format: kept as plain paragraphs");
        std::vector<Block> blocks;
        body_block(block, blocks);
        for (Block& b : blocks) {
            if (auto* p = std::get_if<Paragraph>(&b)) out.push_back(std::move(p->content));
            else if (auto* q = std::get_if<Quote>(&b)) {
                for (Inlines& p : q->paragraphs) out.push_back(std::move(p));
                if (!q->attribution.empty()) out.push_back(std::move(q->attribution));
            } else if (auto* l = std::get_if<List>(&b)) {
                for (ListItem& i : l->items) for (Inlines& p : i.paragraphs) out.push_back(std::move(p));
            } else if (auto* t = std::get_if<Table>(&b)) {
                for (TableRow& r : t->rows) for (TableCell& cell : r.cells) for (Inlines& p : cell.paragraphs) out.push_back(std::move(p));
            }
        }
    } else {
        warn("pandoc's " + type + " has no equivalent in the article format: dropped");
    }
}

// A block quotation: its paragraphs, and a last one that starts with a dash names who
// said it (the house's way of typing an attribution).
Quote PandocConverter::quote(const json& blocks) {
    Quote q;
    q.paragraphs = paragraphs(blocks, "a quotation");
    if (q.paragraphs.size() > 1 && starts_with_dash(q.paragraphs.back())) {
        q.attribution = std::move(q.paragraphs.back());
        q.paragraphs.pop_back();
    }
    if (q.paragraphs.empty()) q.paragraphs.emplace_back();  // the schema wants one
    return q;
}

// An image alone in its paragraph is a figure; pandoc 2.17 marks one with a caption by
// a title that starts "fig:". Every figure needs a credit the source cannot give.
bool PandocConverter::figure(const json& para, std::vector<Block>& out) {
    const json* image = nullptr;
    for (const json& node : para.at("c")) {
        const std::string type = node.at("t").get<std::string>();
        if (type == "Space" || type == "SoftBreak") continue;
        if (type != "Image" || image) return false;
        image = &node;
    }
    if (!image) return false;
    const json& c = image->at("c");
    Figure f;
    f.src = c.at(2).at(0).get<std::string>();
    f.alt = plain_text(c.at(1));
    if (c.at(2).at(1).get<std::string>().rfind("fig:", 0) == 0) f.caption = inlines(c.at(1));
    warn("image " + f.src + " has no credit: fill in <credit> before printing");
    out.push_back(std::move(f));
    return true;
}

}  // namespace quire::import
