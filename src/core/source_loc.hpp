#pragma once
// Where a piece of input came from, so every diagnostic can point at it.
#include <iosfwd>
#include <string>
#include <string_view>

namespace quire {

// A file's path, interned: every word, glyph run and item of an issue carries a
// SourceLoc, and copying the path as a std::string with each was a tenth of a build's
// time (issue 19). An interned path is one pointer to the one copy of its text, which
// lives as long as the program; the same text always gives the same pointer.
class SourcePath {
public:
    SourcePath() = default;
    SourcePath(std::string_view path);  // NOLINT: implicit, so a path reads as a SourcePath
    SourcePath(const std::string& path) : SourcePath(std::string_view(path)) {}  // NOLINT
    SourcePath(const char* path) : SourcePath(std::string_view(path)) {}         // NOLINT

    const std::string& str() const { return *text_; }
    operator const std::string&() const { return *text_; }  // NOLINT: reads as the path
    bool empty() const { return text_->empty(); }
    std::size_t size() const { return text_->size(); }
    friend bool operator==(SourcePath a, SourcePath b) { return a.text_ == b.text_; }
    friend std::ostream& operator<<(std::ostream& out, SourcePath path);

private:
    static const std::string empty_;
    const std::string* text_ = &empty_;
};

struct SourceLoc {
    SourcePath file;   // path as the user would type it (relative to the working directory)
    int line = 0;      // 1-based; 0 when the whole file is meant
    int column = 0;    // 1-based; 0 when unknown
};

}  // namespace quire
