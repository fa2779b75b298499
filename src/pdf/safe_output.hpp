#pragma once
// Replaces a file only once its new content is complete and on disk: written to a
// temporary file beside the target, fsynced, then renamed over it. A reader (or a
// crash) sees the old file or the new one, never half of one.
#include "core/diagnostics.hpp"

#include <string>
#include <string_view>

namespace quire::pdf {

// Writes `bytes` to `path`. On failure reports an error, leaves any existing file at
// `path` untouched and removes the temporary file.
bool replace_file(const std::string& path, std::string_view bytes, DiagnosticSink& diagnostics);

}  // namespace quire::pdf
