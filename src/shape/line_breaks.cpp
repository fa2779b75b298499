#include "shape/line_breaks.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <stdexcept>

namespace quire::shape {

struct BreakFinder::Iterator {
    std::unique_ptr<icu::BreakIterator> it;
};

BreakFinder::BreakFinder() = default;
BreakFinder::~BreakFinder() = default;

namespace {

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

// UAX 14 allows a break before an em dash (class B2) as after it; but a dash set close
// to the word before it belongs to that word's line ("as if to myself—" never leaves
// the dash alone at the head of the next line, Chicago 6.85; TeX breaks only after it).
bool dash_held_back(std::string_view text, std::size_t at) {
    if (at == 0 || at >= text.size()) return false;
    const std::string_view rest = text.substr(at);
    const bool dash = rest.rfind("\u2014", 0) == 0 || rest.rfind("\u2015", 0) == 0;
    const char before = text[at - 1];
    return dash && before != ' ' && before != '\t' && before != '\n';
}

}  // namespace

std::vector<BreakOpportunity> BreakFinder::find(std::string_view text, std::string_view language) {
    auto found = iterators_.find(language);
    if (found == iterators_.end()) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Locale locale = icu::Locale::forLanguageTag(std::string(language), status);
        UErrorCode status2 = U_ZERO_ERROR;
        auto it = std::unique_ptr<icu::BreakIterator>(
            icu::BreakIterator::createLineInstance(U_SUCCESS(status) ? locale : icu::Locale::getRoot(), status2));
        // Without ICU's rule data nothing can be typeset: a broken install, not a user error.
        if (U_FAILURE(status2) || !it) throw std::runtime_error(std::string("ICU line break iterator: ") + u_errorName(status2));
        found = iterators_.emplace(std::string(language), std::make_unique<Iterator>(Iterator{std::move(it)})).first;
    }
    icu::BreakIterator& it = *found->second->it;

    std::vector<BreakOpportunity> out;
    if (text.empty()) return out;
    // A UTF-8 UText makes ICU's indices byte offsets into our own string: no UTF-16
    // copy and no index conversion.
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> ut(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU utext_openUTF8: ") + u_errorName(status));
    it.setText(ut.get(), status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU BreakIterator::setText: ") + u_errorName(status));
    for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
        const int32_t rule = it.getRuleStatus();
        const bool hard = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
        if (!hard && dash_held_back(text, static_cast<std::size_t>(b))) continue;
        out.push_back({static_cast<std::size_t>(b), hard ? BreakKind::mandatory : BreakKind::allowed});
    }
    // The iterator keeps a pointer into `text`; leave it on nothing.
    it.setText(icu::UnicodeString());
    return out;
}

}  // namespace quire::shape
