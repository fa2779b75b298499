#include "input/file_limits.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace quire::input {
namespace fs = std::filesystem;

namespace {

// As check_regular_file, with the file's size for a caller that reads it.
std::optional<std::uintmax_t> checked_size(const std::string& path, std::uintmax_t max_bytes, DiagnosticSink& sink,
                                           const SourceLoc& loc, const std::string& what) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        sink.error(loc, what + " not found: " + path);
        return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
        sink.error(loc, what + " is not a regular file: " + path);
        return std::nullopt;
    }
    std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        sink.error(loc, "cannot read " + what + " " + path + ": " + ec.message());
        return std::nullopt;
    }
    if (size > max_bytes) {
        sink.error(loc, what + " " + path + " is too large (" + std::to_string(size) + " bytes; the limit is " +
                            std::to_string(max_bytes) + ")");
        return std::nullopt;
    }
    return size;
}

}  // namespace

bool check_regular_file(const std::string& path, std::uintmax_t max_bytes, DiagnosticSink& sink,
                        const SourceLoc& loc, const std::string& what) {
    return checked_size(path, max_bytes, sink, loc, what).has_value();
}

std::optional<std::uintmax_t> open_regular_file(const std::string& path, std::uintmax_t max_bytes, std::ifstream& in,
                                                DiagnosticSink& sink, const SourceLoc& loc, const std::string& what) {
    const std::optional<std::uintmax_t> size = checked_size(path, max_bytes, sink, loc, what);
    if (!size) return std::nullopt;
    in.open(path, std::ios::binary);
    if (!in) {
        // Say why: "Permission denied" tells the user what to fix.
        sink.error(loc, "cannot read " + (what == "file" ? "" : what + " ") + path + ": " + std::strerror(errno));
        return std::nullopt;
    }
    return size;
}

bool read_regular_file(const std::string& path, std::uintmax_t max_bytes, std::string& out, DiagnosticSink& sink,
                       const SourceLoc& loc, const std::string& what) {
    std::ifstream in;
    const std::optional<std::uintmax_t> size = open_regular_file(path, max_bytes, in, sink, loc, what);
    if (!size) return false;
    // Into a buffer of the file's size, in one read: appending 64 KiB blocks to a
    // growing string copied a font some ten times over into fresh memory (issue 19).
    // A file that changed size since it was measured is still read to its end.
    out.resize(static_cast<std::size_t>(*size));
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    out.resize(static_cast<std::size_t>(in.gcount()));
    char block[1 << 16];
    while (in && (in.read(block, sizeof block) || in.gcount() > 0))
        out.append(block, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        sink.error(loc, "error reading " + path);
        return false;
    }
    return true;
}

void PathPolicy::allow_tree(const fs::path& directory) {
    std::error_code ec;
    fs::path canonical = fs::canonical(directory, ec);
    if (!ec) trees_.push_back(canonical);
}

void PathPolicy::allow_file(const fs::path& file) {
    std::error_code ec;
    fs::path canonical = fs::canonical(file, ec);
    if (!ec) files_.push_back(canonical);
}

std::optional<fs::path> PathPolicy::find_project_root(const fs::path& manifest) {
    std::error_code ec;
    fs::path dir = fs::absolute(manifest, ec).parent_path();
    while (!dir.empty()) {
        if (fs::is_directory(dir / "layouts", ec) && fs::is_directory(dir / "fonts", ec)) return dir;
        if (dir == dir.parent_path()) break;
        dir = dir.parent_path();
    }
    return std::nullopt;
}

bool PathPolicy::allowed(const fs::path& canonical) const {
    for (const fs::path& file : files_) {
        if (canonical == file) return true;
    }
    for (const fs::path& tree : trees_) {
        auto [tree_end, path_it] = std::mismatch(tree.begin(), tree.end(), canonical.begin(), canonical.end());
        if (tree_end == tree.end()) return true;
    }
    return false;
}

std::optional<std::string> PathPolicy::resolve(const std::string& from, const std::string& href, const SourceLoc& loc,
                                               const std::string& what, DiagnosticSink& sink) const {
    if (href.empty()) {
        sink.error(loc, "empty path for " + what);
        return std::nullopt;
    }
    if (href.find("://") != std::string::npos || href.rfind("file:", 0) == 0) {
        sink.error(loc, what + " path '" + href + "' is a URL; quire reads local files only");
        return std::nullopt;
    }
    fs::path written(href);
    if (written.is_absolute()) {
        sink.error(loc, what + " path '" + href + "' is absolute; write it relative to " + from);
        return std::nullopt;
    }
    fs::path resolved = (fs::path(from).parent_path() / written).lexically_normal();
    std::string shown = resolved.empty() ? std::string(".") : resolved.string();
    if (record_) record_->push_back(shown);
    std::error_code ec;
    if (!fs::exists(resolved, ec)) {
        sink.error(loc, what + " not found: " + shown);
        return std::nullopt;
    }
    fs::path canonical = fs::canonical(resolved, ec);
    if (ec || !allowed(canonical)) {
        sink.error(loc, what + " '" + shown +
                            "' is outside the issue's directory and the project's layouts/ and fonts/; "
                            "pass --allow DIR to read it");
        return std::nullopt;
    }
    if (!fs::is_regular_file(canonical, ec)) {
        sink.error(loc, what + " is not a regular file: " + shown);
        return std::nullopt;
    }
    // Report a file that cannot be opened here, where it is named, not in the file.
    if (std::ifstream probe(resolved, std::ios::binary); !probe) {
        sink.error(loc, "cannot read " + what + " " + shown + ": " + std::strerror(errno));
        return std::nullopt;
    }
    return shown;
}

}  // namespace quire::input
