#pragma once
// Unicode line-break opportunities (UAX #14) from ICU's line break iterator, tailored
// per language. This is where words end: shaping and hyphenation work between these.
#include <memory>
#include <map>
#include <string>
#include <string_view>
#include <vector>


namespace quire::shape {

enum class BreakKind {
    allowed,    // a line may end here (after spaces, after a hyphen or dash, in a URL ...)
    mandatory,  // a line must end here (after "\n", U+2028 ...)
};

// A line may end before byte `offset` of the text.
struct BreakOpportunity {
    std::size_t offset = 0;
    BreakKind kind = BreakKind::allowed;
    friend bool operator==(const BreakOpportunity&, const BreakOpportunity&) = default;
};

// Keeps one ICU iterator per language: making one loads rule data, which costs far
// more than using it. Not thread-safe (ICU iterators are not).
class BreakFinder {
public:
    BreakFinder();
    ~BreakFinder();
    BreakFinder(const BreakFinder&) = delete;
    BreakFinder& operator=(const BreakFinder&) = delete;

    // Opportunities in UTF-8 `text` for a BCP 47 language, in order, offsets > 0; the
    // last is always text.size() (the end of the text, where ICU reports one).
    std::vector<BreakOpportunity> find(std::string_view text, std::string_view language);

private:
    struct Iterator;
    std::map<std::string, std::unique_ptr<Iterator>, std::less<>> iterators_;
};

}  // namespace quire::shape
