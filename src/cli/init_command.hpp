#pragma once
// `quire init DIR`: starts a new magazine in DIR (new, or an empty folder): the shipped
// layouts/ and fonts/ (with their licences), a README.md, and issues/first-issue/ with
// a one-article issue that builds as it stands. It overwrites nothing: a DIR that is
// not empty is refused and nothing is written; the magazine is made in a folder beside
// DIR and renamed into place, so a failure half-way leaves no half a magazine.
#include "data_dirs.hpp"

#include <filesystem>
#include <iosfwd>
#include <vector>

namespace quire::cli {

// A file to write: where it comes from, and where it goes relative to DIR.
struct InitFile {
    std::filesystem::path from;
    std::filesystem::path to;
};

// Every file `quire init` writes, in a stable order.
std::vector<InitFile> init_files(const DataDir& data);

// Returns quire's exit code: 0; 1 when DIR exists and is not an empty folder; 3 when
// quire's data cannot be found or writing fails. Errors go to `err`, one line each;
// what to do next to `out`.
int run_init(const std::filesystem::path& dir, std::ostream& out, std::ostream& err);

}  // namespace quire::cli
