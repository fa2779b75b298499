#pragma once
// `quire watch`: builds the issue, then rebuilds it whenever a file the last build read
// changes (the manifest, its articles, the layout, a font, an image), until SIGINT or
// SIGTERM. A failed build prints its diagnostics and leaves the last good PDF alone
// (build_issue never replaces it on failure). One Typesetter serves every build, so
// fonts stay loaded and shaped words stay cached.
#include "pipeline.hpp"

#include <iosfwd>

namespace quire::cli {

// Returns the exit code for quire: exit_ok when stopped by a signal, exit_output_error
// when watching itself failed (no inotify).
int run_watch(BuildRequest request, std::ostream& log);

}  // namespace quire::cli
