#include "core/source_loc.hpp"

#include <deque>
#include <mutex>
#include <ostream>
#include <unordered_map>

namespace quire {

const std::string SourcePath::empty_;

namespace {

// The interned paths. A deque never moves its elements, so the pointers handed out
// stay valid; the index finds a path's one copy (its keys view the deque's strings).
// Guarded, so a path may be interned from any thread.
struct PathTable {
    std::mutex mutex;
    std::deque<std::string> texts;
    std::unordered_map<std::string_view, const std::string*> index;
};

PathTable& path_table() {
    static PathTable* table = new PathTable;  // never destroyed: paths outlive every static
    return *table;
}

}  // namespace

std::ostream& operator<<(std::ostream& out, SourcePath path) { return out << path.str(); }

SourcePath::SourcePath(std::string_view path) {
    if (path.empty()) return;
    PathTable& table = path_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    if (auto it = table.index.find(path); it != table.index.end()) {
        text_ = it->second;
        return;
    }
    const std::string& text = table.texts.emplace_back(path);
    table.index.emplace(std::string_view(text), &text);
    text_ = &text;
}

}  // namespace quire
