#include "data_dirs.hpp"

#include "hyph/hyphenator.hpp"

#include <system_error>

namespace quire::cli {

namespace fs = std::filesystem;

namespace {

// The folder of the running program, through /proc so that a moved or symlinked
// install finds the data that came with it; empty when the kernel will not say.
fs::path program_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

DataDir installed_at(const fs::path& root) {
    return {root, root / "layouts", root / "fonts", root / "template"};
}

bool same_directory(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

}  // namespace

std::vector<DataDir> data_dir_candidates() {
    std::vector<DataDir> candidates;
    const fs::path here = program_dir();
    if (!here.empty()) candidates.push_back(installed_at((here / QUIRE_DATADIR_FROM_BINDIR).lexically_normal()));
    // Only the binary the build tree made may use the source tree: an installed quire
    // must never quietly serve a checkout's files.
    if (!here.empty() && same_directory(here, QUIRE_BUILD_DIR)) {
        const fs::path source = QUIRE_SOURCE_DIR;
        candidates.push_back({source, source / "layouts", source / "fonts", source / "src/cli/init_template"});
    }
    candidates.push_back(installed_at(QUIRE_INSTALL_DATADIR));
    return candidates;
}

std::optional<DataDir> find_data_dir() {
    for (const DataDir& candidate : data_dir_candidates()) {
        std::error_code ec;
        if (fs::is_directory(candidate.layouts, ec) && fs::is_directory(candidate.fonts, ec) &&
            fs::is_directory(candidate.init_template, ec)) {
            return candidate;
        }
    }
    return std::nullopt;
}

std::string data_dir_places() {
    std::string out;
    for (const DataDir& candidate : data_dir_candidates()) out += (out.empty() ? "" : ", ") + candidate.root.string();
    return out;
}

std::string no_data_dir_message() {
    return "cannot find quire's data (layouts, fonts, the magazine template); looked in " + data_dir_places();
}

SearchPath hyphen_dirs(const std::string& option, const std::optional<DataDir>& data) {
    SearchPath path = hyph::pattern_search_path();
    if (!option.empty()) path.places.insert(path.places.begin(), option);
    if (data) path.places.push_back((data->root / "hyphen").string());
    return path;
}

}  // namespace quire::cli
