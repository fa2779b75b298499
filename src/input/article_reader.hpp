#pragma once
// Reads one article file (schema: src/input/schemas/article.rng) into the model.
#include "core/diagnostics.hpp"
#include "input/file_limits.hpp"
#include "model/article.hpp"
#include "model/layout.hpp"

#include <optional>
#include <string>

namespace quire::input {

// `layout` checks the style names the article uses; null skips that (the layout had
// errors of its own). `issue_language` applies when the article names none.
std::optional<model::Article> read_article(const std::string& path, const model::Layout* layout,
                                           const std::string& issue_language, const PathPolicy& paths,
                                           DiagnosticSink& sink);

}  // namespace quire::input
