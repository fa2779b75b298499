#pragma once
// Reads a layout file (schema: src/input/schemas/layout.rng) into the model and checks
// what the schema cannot: names refer to things that exist, font files are fonts,
// the text area is not negative, templates use known fields.
#include "core/diagnostics.hpp"
#include "input/file_limits.hpp"
#include "model/layout.hpp"

#include <optional>
#include <string>

namespace quire::input {

std::optional<model::Layout> read_layout(const std::string& path, const PathPolicy& paths, DiagnosticSink& sink);

// Only the names of the paragraph and character styles a layout defines (with its path),
// reporting nothing; nullopt if it is no well-formed <layout>. For a layout that had
// errors: the articles are still checked against its style names in the same run.
std::optional<model::Layout> read_layout_style_names(const std::string& path);

}  // namespace quire::input
