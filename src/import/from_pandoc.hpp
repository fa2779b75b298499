#pragma once
// Pandoc's JSON document tree (pandoc-api-version 1.22, pandoc 2.17) -> the article
// an import makes. Takes the parsed JSON and the source file's name (for warnings);
// returns the article. Everything pandoc has that the article format cannot hold is
// a warning naming it, with its text kept as paragraphs where that makes sense.
// Throws nlohmann::json::exception when the tree is not pandoc's shape (a bug or a
// pandoc we do not know: the caller reports it as an internal error).
#include "core/diagnostics.hpp"
#include "import/article_tree.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace quire::import {

struct FromPandocOptions {
    std::string source;  // the input file, as the user typed it: every warning names it
};

Article from_pandoc(const nlohmann::json& document, const FromPandocOptions& options, DiagnosticSink& sink);

}  // namespace quire::import
