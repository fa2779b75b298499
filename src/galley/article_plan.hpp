#pragma once
// What page composition must know of an article before its galley is set (titles and
// bylines for the contents, the disclaimer for page sharing, the figures' credits for
// the credits list's length), read from the model alone: cheap, so every article's
// plan can exist while only one galley does.
#include "model/issue.hpp"

#include <string>
#include <vector>

namespace quire::galley {

// What composition needs to know of an article before its galley is set (page/issue_composer.hpp).
struct ArticlePlan {
    std::string title, byline;   // plain text, for the contents' entries
    std::string disclaimer;      // plain text: articles sharing a page share a footer
    bool is_note = false;
    bool on_contents_page = false;
    std::vector<std::string> figure_credits;  // each image figure's credit (plain; may be
                                              // empty): the credits list's length
};

ArticlePlan plan_article(const model::Article& article, const model::IssueMeta& meta);

// The disclaimer printed with an article: its own, else the issue's; none for notes.
const model::TextBlock* disclaimer_of(const model::Article& article, const model::IssueMeta& meta);

}  // namespace quire::galley
