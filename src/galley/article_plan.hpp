#pragma once
// What page composition must know of an article before its galley is set (titles and
// bylines for the contents, the disclaimer for page sharing, the figures' credits for
// the credits list's length), read from the model alone: cheap, so every article's
// plan can exist while only one galley does.
#include "model/issue.hpp"
#include "page/issue_composer.hpp"

namespace quire::galley {

page::ArticlePlan plan_article(const model::Article& article, const model::IssueMeta& meta);

// The disclaimer printed with an article: its own, else the issue's; none for notes.
const model::TextBlock* disclaimer_of(const model::Article& article, const model::IssueMeta& meta);

}  // namespace quire::galley
