// Pandoc's inline elements -> the article's inline text (article_tree.hpp).
#include "import/pandoc_converter.hpp"

#include "core/utf8.hpp"

namespace quire::import {

namespace {

Inline wrap(Inline::Kind kind, Inlines children, std::string text = {}) {
    return Inline{kind, std::move(text), std::move(children)};
}


void plain_text_of(const json& node, std::string& out);

void plain_text_list(const json& list, std::string& out) {
    for (const json& node : list) plain_text_of(node, out);
}

void plain_text_of(const json& node, std::string& out) {
    const std::string type = node.at("t").get<std::string>();
    if (type == "Str") out += node.at("c").get<std::string>();
    else if (type == "Space" || type == "SoftBreak" || type == "LineBreak") out += ' ';
    else if (type == "Code" || type == "Math") out += node.at("c").at(1).get<std::string>();
    else if (type == "Quoted") {
        const bool single = node.at("c").at(0).at("t") == "SingleQuote";
        out += single ? "\u2018" : "\u201C";
        plain_text_list(node.at("c").at(1), out);
        out += single ? "\u2019" : "\u201D";
    } else if (type == "Link" || type == "Image" || type == "Span") plain_text_list(node.at("c").at(1), out);
    else if (type == "Cite") plain_text_list(node.at("c").at(1), out);
    else if (type == "Note" || type == "RawInline") return;
    else if (node.contains("c") && node.at("c").is_array()) plain_text_list(node.at("c"), out);
}

}  // namespace

// Pandoc's attributes are [id, [classes], [[key, value]...]].
std::string attribute(const json& attr, const std::string& key) {
    for (const json& kv : attr.at(2)) {
        if (kv.at(0).get<std::string>() == key) return kv.at(1).get<std::string>();
    }
    return {};
}

Inlines in_language(Inlines content, const std::string& language) {
    if (content.empty()) return content;
    return Inlines{wrap(Inline::Kind::span_lang, std::move(content), language)};
}

std::string describe_attributes(const json& attr) {
    std::string what;
    for (const json& cls : attr.at(1)) what += (what.empty() ? "." : " .") + cls.get<std::string>();
    for (const json& kv : attr.at(2)) {
        what += (what.empty() ? "" : " ") + kv.at(0).get<std::string>() + "=" + kv.at(1).get<std::string>();
    }
    return what;
}

std::string plain_text(const json& inlines) {
    std::string out;
    plain_text_list(inlines, out);
    return out;
}

std::string quote_start(const std::string& raw) {
    // One line of a warning: runs of white space (a code block's lines) become one space.
    std::string text;
    for (char c : raw) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space) text += c;
        else if (!text.empty() && text.back() != ' ') text += ' ';
    }
    constexpr std::size_t most = 40;
    if (text.size() <= most) return "\"" + text + "\"";
    const std::size_t cut = character_start(text, most);  // whole UTF-8 characters
    return "\"" + text.substr(0, cut) + "...\"";
}

void append_text(Inlines& out, const std::string& text) {
    if (text.empty()) return;
    if (!out.empty() && out.back().kind == Inline::Kind::text) out.back().text += text;
    else out.push_back(Inline{Inline::Kind::text, text, {}});
}

Inlines PandocConverter::inlines(const json& list) {
    Inlines out;
    for (const json& node : list) append(out, node);
    return out;
}

// A note holds inline text only (spec 16): its paragraphs are joined by line breaks.
Inlines PandocConverter::note(const json& blocks) {
    Inlines out;
    for (Inlines& paragraph : paragraphs(blocks, "a note")) {
        if (!out.empty()) out.push_back(Inline{Inline::Kind::line_break, {}, {}});
        for (Inline& piece : paragraph) {
            if (piece.kind == Inline::Kind::text) append_text(out, piece.text);
            else out.push_back(std::move(piece));
        }
    }
    return out;
}

void PandocConverter::append(Inlines& out, const json& node) {
    const std::string type = node.at("t").get<std::string>();
    const json none = json::array();
    const json& c = node.contains("c") ? node.at("c") : none;
    if (type == "Str") return append_text(out, c.get<std::string>());
    if (type == "Space" || type == "SoftBreak") return append_text(out, " ");
    if (type == "LineBreak") return out.push_back(Inline{Inline::Kind::line_break, {}, {}});
    if (type == "Emph") return out.push_back(wrap(Inline::Kind::em, inlines(c)));
    if (type == "Strong") return out.push_back(wrap(Inline::Kind::strong, inlines(c)));
    if (type == "SmallCaps") return out.push_back(wrap(Inline::Kind::small_caps, inlines(c)));
    if (type == "Link") return out.push_back(wrap(Inline::Kind::link, inlines(c.at(1)), c.at(2).at(0).get<std::string>()));
    if (type == "Note") return out.push_back(wrap(Inline::Kind::note, note(c)));
    if (type == "Span") return append_span(out, node);
    if (type == "Quoted") {
        // pandoc's `smart` reading turns straight quotes into Quoted nodes; they are
        // written with the curly quotes pandoc's own writers use, as pandoc gives them.
        const bool single = c.at(0).at("t") == "SingleQuote";
        append_text(out, single ? "\u2018" : "\u201C");
        for (const json& inner : c.at(1)) append(out, inner);
        return append_text(out, single ? "\u2019" : "\u201D");
    }
    if (type == "Cite") {
        for (const json& inner : c.at(1)) append(out, inner);
        return;
    }
    const std::string text = plain_text(json::array({node}));
    if (type == "Code") warn("inline code " + quote_start(text) + " has no equivalent in the article format: kept as plain text");
    else if (type == "Math") warn("math " + quote_start(text) + " has no equivalent in the article format: kept as its TeX source");
    else if (type == "Strikeout") warn("strikeout " + quote_start(text) + " has no equivalent in the article format: kept as plain text");
    else if (type == "Underline") warn("underline " + quote_start(text) + " has no equivalent in the article format: kept as plain text");
    else if (type == "Superscript" || type == "Subscript") {
        warn(std::string(type == "Superscript" ? "superscript " : "subscript ") + quote_start(text) +
             " has no equivalent in the article format: kept as plain text");
    } else if (type == "Image") {
        warn("image " + c.at(2).at(0).get<std::string>() +
             " stands inside text: not imported; place it as a figure of its own");
        return;
    } else if (type == "RawInline") {
        warn("raw " + c.at(0).get<std::string>() + " " + quote_start(c.at(1).get<std::string>()) +
             " has no equivalent in the article format: dropped");
        return;
    } else {
        warn("pandoc's " + type + " " + quote_start(text) + " has no equivalent in the article format: kept as plain text");
    }
    if (type == "Code" || type == "Math") return append_text(out, text);
    for (const json& inner : c) append(out, inner);
}

void PandocConverter::append_span(Inlines& out, const json& node) {
    const json& attr = node.at("c").at(0);
    Inlines content = inlines(node.at("c").at(1));
    const std::string lang = attribute(attr, "lang");
    // A language that is no tag ("French") is warned of below, with the other attributes.
    if (!lang.empty() && is_language_tag(lang)) return out.push_back(wrap(Inline::Kind::span_lang, std::move(content), lang));
    if (!attr.at(1).empty() || !attr.at(2).empty()) {
        warn("span {" + describe_attributes(attr) + "} " + quote_start(plain_text(node.at("c").at(1))) +
             " has no equivalent in the article format: markup dropped, text kept");
    }
    // A span with no attributes, or an id only (a bookmark from Word), is grouping
    // without meaning: its text stands as it is.
    for (Inline& piece : content) {
        if (piece.kind == Inline::Kind::text) append_text(out, piece.text);
        else out.push_back(std::move(piece));
    }
}

}  // namespace quire::import
