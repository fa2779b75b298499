#pragma once
// The state one conversion shares between its inline and block halves
// (pandoc_inlines.cpp, pandoc_blocks.cpp): the options and the warnings' sink.
#include "import/from_pandoc.hpp"

namespace quire::import {

using nlohmann::json;

class PandocConverter {
public:
    PandocConverter(const FromPandocOptions& options, DiagnosticSink& sink) : options_(options), sink_(sink) {}

    // pandoc_inlines.cpp
    Inlines inlines(const json& list);
    Inlines note(const json& blocks);

    // pandoc_blocks.cpp
    void body_block(const json& block, std::vector<Block>& out);
    // Blocks where only paragraphs may stand (a quotation, an item, a cell): anything
    // else is flattened to paragraphs of its text, with a warning naming `where`.
    std::vector<Inlines> paragraphs(const json& blocks, const std::string& where);

    void warn(const std::string& message) { sink_.warning({options_.source, 0, 0}, message); }

private:
    void append(Inlines& out, const json& node);
    void append_span(Inlines& out, const json& node);
    List list(const json& node, int level);
    ListItem item(const json& blocks, int level, std::vector<ListItem>& flattened);
    Quote quote(const json& blocks);
    Table table(const json& node);
    bool figure(const json& para, std::vector<Block>& out);
    void flatten(const json& block, const std::string& where, std::vector<Inlines>& out);
    std::string division_language(const json& attr);

    const FromPandocOptions& options_;
    DiagnosticSink& sink_;
};

// The characters of an inline list, markup dropped: alt text, and what a warning quotes.
std::string plain_text(const json& inlines);
// The start of `text`, quoted, so a warning without a line number can still be found.
std::string quote_start(const std::string& text);
// Pandoc's attributes [id, [classes], [[key, value]...]] as Markdown writes them: ".aside lang=de".
std::string describe_attributes(const json& attr);
// The value of one of pandoc's attributes (lang), or "".
std::string attribute(const json& attr, const std::string& key);
// A BCP 47 tag as the schemas' xml:lang takes it (en-GB, fr): anything else would fail
// `quire check`.
bool is_language_tag(const std::string& text);
// `content` marked as in `language` (<span xml:lang>).
Inlines in_language(Inlines content, const std::string& language);
// Adds `text` to `out`, joined to a text node already last there.
void append_text(Inlines& out, const std::string& text);

}  // namespace quire::import
