#pragma once
// Reads one article file (schema: src/input/schemas/article.rng) into the model.
#include "core/diagnostics.hpp"
#include "input/file_limits.hpp"
#include "model/article.hpp"
#include "model/layout.hpp"

#include <optional>
#include <string>

namespace quire::input {

// Which of an article's paragraph styles are checked against the layout: every one,
// or only those named in style="..." (when the layout had errors and only its style
// names are known: a missing default style is the layout's problem, reported there).
enum class StyleCheck { every_style, named_styles };

// `layout` checks the style names the article uses; null skips that (the layout could
// not be read at all). `issue_language` applies when the article names none. An
// article that breaks the schema is still read for the problems the schema cannot
// see (style names, images), so that every problem comes out in one run; it returns
// nullopt then, as for any error.
std::optional<model::Article> read_article(const std::string& path, const model::Layout* layout,
                                           const std::string& issue_language, const PathPolicy& paths,
                                           DiagnosticSink& sink, StyleCheck style_check = StyleCheck::every_style);

}  // namespace quire::input
