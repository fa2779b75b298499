#include "input/issue_punctuation.hpp"

#include "input/typographic_punctuation.hpp"

#include <type_traits>

namespace quire::input {
namespace {

void convert(model::TextBlock& block, const std::string& language) {
    block.text = typographic_punctuation(std::move(block.text), language);
}

void convert(std::optional<model::TextBlock>& block, const std::string& language) {
    if (block) convert(*block, language);
}

void convert(std::string& text, const std::string& language) { text = typographic_punctuation(text, language); }

void convert(model::Figure& figure, const std::string& language) {
    convert(figure.caption, language);
    convert(figure.credit, language);
    convert(figure.alt, language);
}

void convert(model::Quote& quote, const std::string& language) {
    for (model::Paragraph& p : quote.paragraphs) convert(p, language);
    convert(quote.attribution, language);
}

void convert(model::List& list, const std::string& language) {
    for (model::ListItem& item : list.items) {
        for (model::Paragraph& p : item.paragraphs) convert(p, language);
        for (model::List& inner : item.sublists) convert(inner, language);
    }
}

void convert(model::Table& table, const std::string& language) {
    convert(table.caption, language);
    for (model::TableRow& row : table.rows) {
        for (std::vector<model::Paragraph>& cell : row.cells) {
            for (model::Paragraph& p : cell) convert(p, language);
        }
    }
    convert(table.source, language);
}

// Each kind of block by name, with no catch-all: a new kind of block fails to compile
// here until its text is converted too.
void convert(model::Block& block, const std::string& language) {
    std::visit(
        [&](auto& b) {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, model::Figure> || std::is_same_v<T, model::Quote> ||
                          std::is_same_v<T, model::List> || std::is_same_v<T, model::Table>) {
                convert(b, language);
            } else {
                static_assert(std::is_base_of_v<model::TextBlock, T>, "convert this kind of block's text");
                convert(static_cast<model::TextBlock&>(b), language);
            }
        },
        block);
}

}  // namespace

void apply_typographic_punctuation(model::Article& article) {
    const std::string& lang = article.language;
    convert(article.section, lang);
    convert(article.short_title, lang);
    convert(article.title, lang);
    convert(article.subtitle, lang);
    for (model::TextBlock& byline : article.bylines) convert(byline, lang);
    convert(article.standfirst, lang);
    for (model::Block& block : article.body) convert(block, lang);
    for (model::Paragraph& p : article.bio) convert(p, lang);
    convert(article.disclaimer, lang);
}

void apply_typographic_punctuation(model::Issue& issue) {
    const std::string& lang = issue.language;
    model::IssueMeta& meta = issue.meta;
    for (std::string* text : {&meta.title, &meta.subtitle, &meta.number, &meta.publisher, &meta.rights}) {
        convert(*text, lang);
    }
    for (std::string& editor : meta.editors) convert(editor, lang);
    convert(meta.disclaimer, lang);
    if (issue.cover) convert(issue.cover->credit, lang);
    if (issue.contents) convert(issue.contents->title, lang);
    for (model::Article& article : issue.articles) apply_typographic_punctuation(article);
}

}  // namespace quire::input
