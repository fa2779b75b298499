#pragma once
// Where quire looks, at run time, for what Debian packages bring and quire does not
// ship (hyphenation patterns, the sRGB profile): the places the user named first (an
// option, then an environment variable's colon-separated list), then the standard
// places, in order. A message about something not found lists them all and names the
// variable, so the user can point quire elsewhere.
#include <string>
#include <vector>

namespace quire {

struct SearchPath {
    std::vector<std::string> places;  // directories or files, searched in this order
    std::string variable;             // the environment variable that adds places ("QUIRE_HYPHEN_PATH")

    // The places as a message lists them: "/a, /b, /c".
    std::string listed() const;
};

// The variable's entries (colon-separated; empty ones skipped), then `standard`.
SearchPath search_path(const std::string& variable, const std::vector<std::string>& standard);

// The first place that is a regular file (symlinks followed), or "".
std::string first_file(const SearchPath& files);

}  // namespace quire
