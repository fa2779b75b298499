#pragma once
// The two levels of quire's word caches (shape::Shaper's glyphs, hyph::Hyphenator's
// break points): a handful of settings (a style, a language and its minimums), each
// with a map from a word's text to what is known of it (issue 19).
#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace quire {

// A map keyed by text that is searched with a std::string_view: a lookup builds no key.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

// A few entries found by a linear search, the one found last tried first: nearly every
// lookup asks for the same setting as the one before. A deque, so that an entry, and
// what it holds, stays where it is as others are added.
template <typename Entry>
class RecentTable {
public:
    // The entry `matches` accepts; else a new one from `make`.
    template <typename Matches, typename Make>
    Entry& find_or_add(Matches matches, Make make) {
        if (last_ < entries_.size() && matches(entries_[last_])) return entries_[last_];
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            if (matches(entries_[i])) {
                last_ = i;
                return entries_[i];
            }
        }
        entries_.push_back(make());
        last_ = entries_.size() - 1;
        return entries_.back();
    }
    typename std::deque<Entry>::const_iterator begin() const { return entries_.begin(); }
    typename std::deque<Entry>::const_iterator end() const { return entries_.end(); }

private:
    std::deque<Entry> entries_;
    std::size_t last_ = 0;
};

}  // namespace quire
