#pragma once
// Reads an issue: the manifest (schema: src/input/schemas/issue.rng), the layout it
// names and every article, reporting all problems of all files in one go.
#include "core/diagnostics.hpp"
#include "model/issue.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quire::input {

struct ReadOptions {
    // Directories the user allows beyond the manifest's own tree and the project's
    // layouts/ and fonts/ (command line --allow).
    std::vector<std::string> allowed_directories;
    // The layout to use instead of the one the manifest names (command line --layout);
    // empty: the manifest's. Allowed wherever it is: the user named it.
    std::string layout_override;
    // When set, receives the path of every file the read opened or tried to open (the
    // manifest, the layout, articles, fonts, images): what `quire watch` watches.
    std::vector<std::string>* inputs = nullptr;
};

// Returns the issue when every file read without errors; otherwise nullopt, with
// every error in `sink`.
std::optional<model::Issue> read_issue(const std::string& manifest_path, const ReadOptions& options,
                                       DiagnosticSink& sink);

}  // namespace quire::input
