#pragma once
// Reading files named by the user or by their files: regular files only, with a size
// cap, and paths that stay inside the trees the user allowed.
#include "core/diagnostics.hpp"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace quire::input {

inline constexpr std::uintmax_t max_xml_file_bytes = 16u << 20;    // a whole issue's text is ~1 MB
inline constexpr std::uintmax_t max_font_file_bytes = 64u << 20;   // CJK fonts reach ~20 MB
inline constexpr std::uintmax_t max_image_file_bytes = 128u << 20; // a 600 dpi A3 scan
// Hostile-input bounds (design §5b): each is far beyond a real magazine and keeps the
// work of one run bounded. An issue has tens of articles, a long paragraph a few
// thousand characters; Unicode's stream-safe format (UAX #15) allows 30 combining
// marks in a row.
inline constexpr std::size_t max_articles = 1000;
inline constexpr std::size_t max_paragraph_chars = 100'000;
inline constexpr std::size_t max_combining_marks = 30;
// Decoded pixels, checked from the image's header before anything is decoded: a 600
// dpi A3 scan has 70 million; a few bytes of PNG header can claim billions.
inline constexpr std::uint64_t max_image_pixels = 100'000'000;

// Reads `path` into `out` if it is a regular file no larger than `max_bytes`;
// otherwise reports why at `loc` and returns false.
// `what` names the file in messages ("image", "font").
bool read_regular_file(const std::string& path, std::uintmax_t max_bytes, std::string& out,
                       DiagnosticSink& sink, const SourceLoc& loc, const std::string& what = "file");

// Opens `path` for reading (binary) into `in` if it is a regular file no larger than
// `max_bytes` and returns its size; otherwise reports why at `loc` and returns nullopt.
// For a reader that wants only parts of a file.
std::optional<std::uintmax_t> open_regular_file(const std::string& path, std::uintmax_t max_bytes, std::ifstream& in,
                                                DiagnosticSink& sink, const SourceLoc& loc, const std::string& what);

// Checks that a regular file exists at `path` and is no larger than `max_bytes`.
bool check_regular_file(const std::string& path, std::uintmax_t max_bytes, DiagnosticSink& sink,
                        const SourceLoc& loc, const std::string& what);

// The directory trees files may come from: the manifest's own directory, the project's
// layouts/ and fonts/, and whatever the user names on the command line. A path in a
// file is relative to that file; absolute paths and URLs are refused, and a path that
// leaves the allowed trees (by `..` or by a symlink) is refused too.
class PathPolicy {
public:
    void allow_tree(const std::filesystem::path& directory);
    void allow_file(const std::filesystem::path& file);

    // The project root of a manifest: the nearest directory above it with both
    // layouts/ and fonts/ in it (a checkout of quire, or an editor's own project).
    static std::optional<std::filesystem::path> find_project_root(const std::filesystem::path& manifest);

    // Resolves `href`, written in file `from` at `loc`, naming a `what` ("article",
    // "image", ...). Returns the path to open (relative to the working directory when
    // `from` was) or reports an error and returns nullopt.
    std::optional<std::string> resolve(const std::string& from, const std::string& href, const SourceLoc& loc,
                                       const std::string& what, DiagnosticSink& sink) const;

    const std::vector<std::filesystem::path>& trees() const { return trees_; }

    // Every path resolve() is asked for from now on (found or not) is appended to
    // `inputs`, which must outlive the policy; null: none recorded.
    void record_into(std::vector<std::string>* inputs) { record_ = inputs; }

private:
    bool allowed(const std::filesystem::path& canonical) const;
    std::vector<std::filesystem::path> trees_;  // canonical directories
    std::vector<std::filesystem::path> files_;  // canonical files
    std::vector<std::string>* record_ = nullptr;
};

}  // namespace quire::input
