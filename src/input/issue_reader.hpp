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
};

// Returns the issue when every file read without errors; otherwise nullopt, with
// every error in `sink`.
std::optional<model::Issue> read_issue(const std::string& manifest_path, const ReadOptions& options,
                                       DiagnosticSink& sink);

}  // namespace quire::input
