#pragma once
// What page composition must know of an article before its galley is set (titles and
// bylines for the contents, the disclaimer for page sharing, the figures' credits for
// the credits list's length), read from the model alone: cheap, so every article's
// plan can exist while only one galley does.
#include "model/issue.hpp"

#include <string>
#include <vector>

namespace quire::galley {

// What composition needs to know of an article before its galley is set
// (page/issue_composer.hpp); its galley carries the same (ArticleGalley::plan).
struct ArticlePlan {
    std::string title, byline;   // plain text, for the contents' entries, running heads, outlines
    std::string disclaimer;      // plain text for {article.disclaimer}; empty when none. Articles
                                 // sharing a page share a footer
    bool is_note = false;           // an editorial note (the welcome): no disclaimer, no opener furniture
    bool on_contents_page = false;  // a note set on the contents page, with no pages of its own
    // Each figure's credit (plain; may be empty): the credits list's length. Every model
    // figure is an image (pull quotes across the columns, figures without one, are not
    // model figures), so every figure is counted.
    std::vector<std::string> figure_credits;
};

ArticlePlan plan_article(const model::Article& article, const model::IssueMeta& meta);

// The disclaimer printed with an article: its own, else the issue's; none for notes.
const model::TextBlock* disclaimer_of(const model::Article& article, const model::IssueMeta& meta);

}  // namespace quire::galley
