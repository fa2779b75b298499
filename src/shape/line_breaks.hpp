#pragma once
// Unicode line-break opportunities (UAX #14) from ICU's line break iterator, tailored
// per language. This is where words end: shaping and hyphenation work between these.
//
// Chinese and Japanese break between any two ideographs or kana, except where kinsoku
// forbids it (UAX #14's classes do: no line starts with 、。」）・ー or a small kana, none
// ends with 「（【); Japanese asks ICU for its strict rules (JIS X 4051) for that.
// Korean breaks only at spaces (see keeps_words_whole in the .cpp).
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

// A stretch of a text in one language, ending before byte `end` (the one before it
// ends where it begins).
struct LanguageSpan {
    std::size_t end = 0;
    std::string_view language;  // BCP 47
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

    // The same for a text in several languages (a Chinese name in an English
    // sentence): a break where the languages differ must suit both, so each is kept
    // only if the language of the character before it and that of the one after it
    // both offer it. `spans` cover the text, in order; one language: as find above.
    std::vector<BreakOpportunity> find(std::string_view text, const std::vector<LanguageSpan>& spans);

private:
    struct Iterator;
    std::map<std::string, std::unique_ptr<Iterator>, std::less<>> iterators_;
};

}  // namespace quire::shape
