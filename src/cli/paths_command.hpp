#pragma once
// `quire paths`: where this quire finds its data, hyphenation patterns and sRGB
// profile, and every place it looks, one "what: where" line each, for a user whose
// install finds the wrong thing (and for the install test, which checks that a moved
// install uses its own data, not the build's).
#include "core/search_path.hpp"

#include <iosfwd>

namespace quire::cli {

// Returns quire's exit code: 0, or 3 when quire's data is nowhere to be found.
int run_paths(const SearchPath& hyphen_dirs, const SearchPath& srgb_profiles, const SearchPath& cmyk_profiles,
              std::ostream& out, std::ostream& err);

}  // namespace quire::cli
