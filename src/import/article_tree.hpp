#pragma once
// The article an import makes, as plain data: what pandoc's document tree becomes
// (from_pandoc.hpp) and what the article writer turns into XML (article_xml.hpp).
// Only what the article format can hold lives here, so the writer needs no checks.
#include <string>
#include <variant>
#include <vector>

namespace quire::import {

struct Inline {
    enum class Kind {
        text,        // `text` is the characters, as pandoc gave them
        em,
        strong,
        small_caps,  // <span style="small-caps">
        span_lang,   // <span xml:lang="text">, where the schema allows it
        link,        // `text` is the href
        line_break,  // <br/>
        note,        // <note>: inline content only, its paragraphs joined by line breaks
    };
    Kind kind = Kind::text;
    std::string text;
    std::vector<Inline> children;
};

using Inlines = std::vector<Inline>;

struct Paragraph {
    Inlines content;
};

struct Heading {
    int level = 2;  // 2 or 3: the article's own title is the only level 1
    Inlines content;
};

struct Quote {
    std::vector<Inlines> paragraphs;
    Inlines attribution;  // empty: none
};

struct List;

// An item is inline text (one paragraph) or paragraphs, then at most one nested list.
struct ListItem {
    std::vector<Inlines> paragraphs;
    std::vector<List> sublist;  // zero or one: a vector, so List may stay incomplete here
};

struct List {
    bool numbered = false;
    int start = 1;
    std::vector<ListItem> items;
};

struct Figure {
    std::string src, alt;
    Inlines caption;
};

struct TableCell {
    std::vector<Inlines> paragraphs;
};

struct TableRow {
    bool header = false;
    std::vector<TableCell> cells;
};

struct Table {
    Inlines caption;
    std::vector<std::string> column_widths;  // "30%" each, or empty when pandoc gave none
    std::vector<TableRow> rows;
};

using Block = std::variant<Paragraph, Heading, Quote, List, Figure, Table>;

struct Article {
    std::string lang;  // BCP 47 from pandoc's `lang` metadata; empty: inherit the issue's
    std::string keywords;  // from pandoc's `keywords`, "a; b": the article's own, for its archive copy
    Inlines title, subtitle;
    std::vector<Inlines> bylines;
    std::vector<Block> body;
};

}  // namespace quire::import
