#include "init_command.hpp"

#include "pipeline.hpp"

#include <unistd.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <system_error>

namespace quire::cli {

namespace fs = std::filesystem;

namespace {

// The regular files under `folder` (symlinks followed: a packaged font may be a link
// to the system's copy, and the magazine gets the file), as `under`/relative path.
void add_tree(const fs::path& folder, const fs::path& under, std::vector<InitFile>& files) {
    std::vector<InitFile> found;
    for (const fs::directory_entry& entry :
         fs::recursive_directory_iterator(folder, fs::directory_options::follow_directory_symlink)) {
        if (entry.is_regular_file()) found.push_back({entry.path(), under / entry.path().lexically_relative(folder)});
    }
    std::sort(found.begin(), found.end(), [](const InitFile& a, const InitFile& b) { return a.to < b.to; });
    files.insert(files.end(), found.begin(), found.end());
}

// Why DIR cannot take a new magazine, or "" when it can (absent, or an empty folder).
std::string refusal(const fs::path& dir) {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(dir, ec);
    if (!fs::exists(status)) return "";
    if (!fs::is_directory(status)) return "'" + dir.string() + "' exists and is not a folder; quire init makes a new one";
    if (!fs::is_empty(dir, ec) || ec) {
        return "'" + dir.string() + "' is not empty; quire init starts a magazine in a new or empty folder "
                                    "and overwrites nothing";
    }
    return "";
}

// Copies every file into `staging` (a new folder); false after reporting what failed.
bool copy_all(const std::vector<InitFile>& files, const fs::path& staging, std::ostream& err) {
    for (const InitFile& file : files) {
        std::error_code ec;
        const fs::path target = staging / file.to;
        fs::create_directories(target.parent_path(), ec);
        if (!ec) fs::copy_file(file.from, target, fs::copy_options::none, ec);
        if (ec) {
            err << "quire: error: cannot copy " << file.from.string() << " to " << target.string() << ": "
                << ec.message() << "\n";
            return false;
        }
    }
    return true;
}

}  // namespace

std::vector<InitFile> init_files(const DataDir& data) {
    std::vector<InitFile> files;
    add_tree(data.init_template, "", files);
    add_tree(data.layouts, "layouts", files);
    add_tree(data.fonts, "fonts", files);
    return files;
}

int run_init(const fs::path& dir, std::ostream& out, std::ostream& err) {
    if (const std::string why = refusal(dir); !why.empty()) {
        err << "quire: error: " << why << "\n";
        return exit_input_error;
    }
    const std::optional<DataDir> data = find_data_dir();
    if (!data) {
        err << "quire: error: " << no_data_dir_message() << "\n";
        return exit_output_error;
    }
    // Made beside DIR and renamed onto it (rename replaces an empty folder).
    const fs::path target = fs::absolute(dir).lexically_normal();
    const fs::path parent = target.has_filename() ? target.parent_path() : target.parent_path().parent_path();
    const std::string name = (target.has_filename() ? target : target.parent_path()).filename().string();
    const fs::path staging = parent / ("." + name + ".quire-init-" + std::to_string(::getpid()));
    std::error_code ec;
    if (!fs::create_directory(staging, ec) || ec) {
        err << "quire: error: cannot make a folder in " << parent.string() << ": "
            << (ec ? ec.message() : std::string("it exists")) << "\n";
        return exit_output_error;
    }
    if (!copy_all(init_files(*data), staging, err)) {
        fs::remove_all(staging, ec);
        return exit_output_error;
    }
    fs::rename(staging, parent / name, ec);
    if (ec) {
        err << "quire: error: cannot move the new magazine into " << dir.string() << ": " << ec.message() << "\n";
        fs::remove_all(staging, ec);
        return exit_output_error;
    }
    out << "quire: started a magazine in " << dir.string() << "; build its first issue with: quire build "
        << (dir / "issues/first-issue/issue.xml").string() << "\n";
    return exit_ok;
}

}  // namespace quire::cli
