#pragma once
// What an issue's PDF must give back: the words of its articles' titles, paragraphs
// and headings in reading order (figures float, so their credits are left out), and how
// far into them a reader's text gets in order.
#include "model/issue.hpp"
#include "pdf_text.hpp"

#include <string>
#include <vector>

namespace quire::test {

// A list's items in order, each item's own list after its paragraphs (markers left out).
template <class Add>
void add_list_words(const model::List& list, const Add& add) {
    for (const model::ListItem& item : list.items) {
        for (const model::Paragraph& p : item.paragraphs) add(p.text);
        for (const model::List& inner : item.sublists) add_list_words(inner, add);
    }
}

inline std::vector<std::string> article_words(const model::Issue& issue) {
    std::vector<std::string> words;
    auto add = [&](const model::InlineText& text) {
        for (std::string& w : words_of(model::plain_text(text))) words.push_back(std::move(w));
    };
    for (const model::Article& article : issue.articles) {
        add(article.title.text);
        for (const model::Block& block : article.body) {
            if (const auto* p = std::get_if<model::Paragraph>(&block)) add(p->text);
            if (const auto* h = std::get_if<model::Heading>(&block)) add(h->text);
            if (const auto* q = std::get_if<model::Quote>(&block)) {
                for (const model::Paragraph& p : q->paragraphs) add(p.text);
                if (q->attribution) add(q->attribution->text);
            }
            if (const auto* l = std::get_if<model::List>(&block)) add_list_words(*l, add);
            if (const auto* t = std::get_if<model::Table>(&block)) {
                if (t->caption) add(t->caption->text);
                for (const model::TableRow& row : t->rows) {
                    for (const auto& cell : row.cells) {
                        for (const model::Paragraph& p : cell) add(p.text);
                    }
                }
                if (t->source) add(t->source->text);
            }
        }
        for (const model::Paragraph& p : article.bio) add(p.text);
    }
    return words;
}

// How many of `expected` appear in `found` in order, other words (running heads,
// folios, disclaimers) allowed between them: expected.size() when all do.
inline std::size_t words_in_order(const std::vector<std::string>& expected, const std::vector<std::string>& found) {
    std::size_t next = 0;
    for (const std::string& w : found) {
        if (next < expected.size() && w == expected[next]) ++next;
    }
    return next;
}

}  // namespace quire::test
