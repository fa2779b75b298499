#pragma once
// The manifest's punctuation="typographic" applied after reading: typographer's
// punctuation (input/typographic_punctuation.hpp) for every text an issue prints.
#include "model/article.hpp"
#include "model/issue.hpp"

namespace quire::input {

// Every text of the article (title, subtitle, bylines, standfirst, body, captions,
// credits, alt text, disclaimer, section, short title), by the article's language.
void apply_typographic_punctuation(model::Article& article);

// The issue's own printed texts (metadata, default disclaimer, cover credit, contents
// title) by the issue's language, and each article by its own.
void apply_typographic_punctuation(model::Issue& issue);

}  // namespace quire::input
