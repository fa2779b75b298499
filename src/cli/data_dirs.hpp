#pragma once
// Where quire finds its own data (the default layouts, the fonts with their licences,
// and the new magazine's template for `quire init`), the one way it is looked for:
//   1. beside the program: <bin>/../share/quire (an installed quire, wherever its
//      prefix has been moved);
//   2. the source tree, only for the program in the build tree that made it;
//   3. the configured install prefix's share/quire.
// The system's hyphenation patterns and sRGB profile are the hyph/ and pdf/ search
// paths; the data directory adds its hyphen/ folder to the first.
#include "core/search_path.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace quire::cli {

struct DataDir {
    std::filesystem::path root;           // what `quire paths` reports
    std::filesystem::path layouts;        // layouts/*.xml
    std::filesystem::path fonts;          // fonts/<family>/*, fonts/README.md
    std::filesystem::path init_template;  // what `quire init` writes besides those two
};

// The places in the order they are tried (a DataDir each).
std::vector<DataDir> data_dir_candidates();

// The first candidate that has all three folders; nullopt when none has.
std::optional<DataDir> find_data_dir();

// The candidates' roots as a message lists them.
std::string data_dir_places();

// The error when find_data_dir finds none: what is missing and where quire looked.
std::string no_data_dir_message();

// Where hyphenation patterns are looked for: `option` (--hyphen-dir) first, then
// hyph::pattern_search_path(), then the data directory's hyphen/.
SearchPath hyphen_dirs(const std::string& option, const std::optional<DataDir>& data);

}  // namespace quire::cli
