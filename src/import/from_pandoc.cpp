// The document as a whole: metadata (title, subtitle, authors, abstract, language),
// a title from the first level-1 heading when the metadata has none, then the body.
#include "import/pandoc_converter.hpp"

#include <regex>

namespace quire::import {

bool is_language_tag(const std::string& text) {
    // A language subtag of two or three letters (ISO 639), then any subtags.
    static const std::regex bcp47("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    return std::regex_match(text, bcp47);
}

namespace {

// Metadata values: MetaInlines and MetaString in every reader, MetaBlocks for
// multi-paragraph fields, MetaList for repeated ones (authors).
Inlines meta_inlines(PandocConverter& converter, const json& value) {
    const std::string type = value.at("t").get<std::string>();
    if (type == "MetaInlines") return converter.inlines(value.at("c"));
    if (type == "MetaString") return Inlines{Inline{Inline::Kind::text, value.at("c").get<std::string>(), {}}};
    if (type == "MetaBlocks") {
        Inlines out;
        for (Inlines& p : converter.paragraphs(value.at("c"), "the metadata")) {
            if (!out.empty()) append_text(out, " ");
            for (Inline& piece : p) out.push_back(std::move(piece));
        }
        return out;
    }
    if (type == "MetaList" && !value.at("c").empty()) return meta_inlines(converter, value.at("c").at(0));
    return {};
}

std::vector<Inlines> meta_list(PandocConverter& converter, const json& value) {
    std::vector<Inlines> out;
    if (value.at("t") == "MetaList") {
        for (const json& entry : value.at("c")) out.push_back(meta_inlines(converter, entry));
    } else {
        out.push_back(meta_inlines(converter, value));
    }
    std::erase_if(out, [](const Inlines& i) { return i.empty(); });
    return out;
}

std::string meta_text(const json& value) {
    if (value.at("t") == "MetaString") return value.at("c").get<std::string>();
    if (value.at("t") == "MetaInlines") return plain_text(value.at("c"));
    return {};
}

// The first level-1 heading, when it is to be the title: its index among the blocks.
std::ptrdiff_t title_heading(const json& blocks) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const json& b = blocks.at(i);
        if (b.at("t") == "Header" && b.at("c").at(0).get<int>() == 1) return static_cast<std::ptrdiff_t>(i);
    }
    return -1;
}

}  // namespace

Article from_pandoc(const json& document, const FromPandocOptions& options, DiagnosticSink& sink) {
    PandocConverter converter(options, sink);
    Article article;
    const json& version = document.at("pandoc-api-version");
    if (version.at(0).get<int>() != 1 || version.at(1).get<int>() != 22) {
        // The tree's shape changes between API versions (tables did at 1.21, figures at 1.23).
        converter.warn("pandoc's document tree is API version " + version.dump() +
                       "; quire reads 1.22 (pandoc 2.17): check the article closely");
    }
    const json& meta = document.at("meta");
    const json& blocks = document.at("blocks");
    if (meta.contains("title")) article.title = meta_inlines(converter, meta.at("title"));
    if (meta.contains("subtitle")) article.subtitle = meta_inlines(converter, meta.at("subtitle"));
    if (meta.contains("author")) article.bylines = meta_list(converter, meta.at("author"));
    if (meta.contains("lang")) {
        article.lang = meta_text(meta.at("lang"));
        if (!is_language_tag(article.lang)) {
            converter.warn("language \"" + article.lang + "\" is not a language tag (en-GB, fr): not written");
            article.lang.clear();
        }
    }
    if (meta.contains("keywords")) {
        // A list (YAML's [a, b], Word's keywords) or one string: joined as the article
        // format writes them, "a; b".
        const json& value = meta.at("keywords");
        std::vector<std::string> words;
        if (value.at("t") == "MetaList") {
            for (const json& entry : value.at("c")) words.push_back(meta_text(entry));
        } else {
            words.push_back(meta_text(value));
        }
        for (const std::string& w : words) {
            if (!w.empty()) article.keywords += (article.keywords.empty() ? "" : "; ") + w;
        }
    }
    for (const auto& [key, value] : meta.items()) {
        if (key != "title" && key != "subtitle" && key != "author" && key != "lang" && key != "keywords") {
            converter.warn("metadata field \"" + key + "\" has no place in the article format: not imported");
        }
    }
    const std::ptrdiff_t from_heading = article.title.empty() ? title_heading(blocks) : -1;
    if (from_heading >= 0) article.title = converter.inlines(blocks.at(from_heading).at("c").at(2));
    if (article.title.empty()) converter.warn("no title (neither in the metadata nor a level-1 heading): fill in <title>");
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (static_cast<std::ptrdiff_t>(i) != from_heading) converter.body_block(blocks.at(i), article.body);
    }
    if (article.body.empty()) converter.warn("no text: the article's body is empty");
    return article;
}

}  // namespace quire::import
