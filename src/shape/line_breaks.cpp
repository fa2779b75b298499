#include "shape/line_breaks.hpp"

#include "core/language_tag.hpp"
#include "core/utf8.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cassert>
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

// ICU's "ja" rules are CSS's line-break: normal, which lets a line start with a small
// kana (ょ っ) or the prolonged sound mark ー. Japanese books keep them from it (JIS X
// 4051's strict kinsoku, which ICU's root and "zh" rules already follow), so Japanese
// asks for ICU's strict rules unless its tag chooses (a -u- extension: "ja-u-lb-loose").
std::string icu_language_tag(std::string_view language) {
    std::string tag(language);
    if (primary_language(language) == "ja" && tag.find("-u-") == std::string::npos) tag += "-u-lb-strict";
    return tag;
}

// Korean sets spaces between words and breaks lines only there, the usual style (CSS's
// word-break: keep-all). UAX #14 breaks between any two Hangul syllables, as between
// ideographs, and ICU 72 ignores the keep-all keyword (lw=keepall), so Korean drops the
// breaks between two letters, syllables or digits (CSS keep-all's classes: AL, AI, NU,
// ID and Hangul's H2, H3, JL, JV, JT).
bool keeps_words_whole(std::string_view text, std::size_t at) {
    if (at == 0 || at >= text.size()) return false;
    std::size_t i = at;
    const char32_t before = previous_code_point(text, i);
    i = at;
    const char32_t after = next_code_point(text, i);
    const auto letter = [](char32_t c) {
        if (c == replacement_character) return false;  // malformed UTF-8 (U+FFFD itself is no letter either)
        switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK)) {
        case U_LB_ALPHABETIC: case U_LB_AMBIGUOUS: case U_LB_NUMERIC: case U_LB_IDEOGRAPHIC:
        case U_LB_H2: case U_LB_H3: case U_LB_JL: case U_LB_JV: case U_LB_JT: return true;
        default: return false;
        }
    };
    return letter(before) && letter(after);
}

}  // namespace

std::vector<BreakOpportunity> BreakFinder::find(std::string_view text, std::string_view language) {
    auto found = iterators_.find(language);
    if (found == iterators_.end()) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Locale locale = icu::Locale::forLanguageTag(icu_language_tag(language), status);
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
    const bool korean = primary_language(language) == "ko";
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
        if (!hard && korean && keeps_words_whole(text, static_cast<std::size_t>(b))) continue;
        out.push_back({static_cast<std::size_t>(b), hard ? BreakKind::mandatory : BreakKind::allowed});
    }
    // The iterator keeps a pointer into `text`; leave it on nothing.
    it.setText(icu::UnicodeString());
    return out;
}

std::vector<BreakOpportunity> BreakFinder::find(std::string_view text, const std::vector<LanguageSpan>& spans) {
    assert(!spans.empty() && spans.back().end == text.size());
    const std::string_view first = spans.front().language;
    std::vector<BreakOpportunity> out = find(text, first);
    if (std::all_of(spans.begin(), spans.end(), [&](const LanguageSpan& s) { return s.language == first; })) return out;
    std::map<std::string_view, std::vector<BreakOpportunity>> offered_in{{first, out}};
    const auto language_at = [&](std::size_t offset) {
        auto span = std::upper_bound(spans.begin(), spans.end(), offset,
                                     [](std::size_t o, const LanguageSpan& s) { return o < s.end; });
        return span == spans.end() ? spans.back().language : span->language;
    };
    const auto offered = [&](std::string_view language, std::size_t offset) {
        auto known = offered_in.find(language);
        if (known == offered_in.end()) known = offered_in.emplace(language, find(text, language)).first;
        return std::binary_search(known->second.begin(), known->second.end(), BreakOpportunity{offset},
                                  [](const BreakOpportunity& a, const BreakOpportunity& b) { return a.offset < b.offset; });
    };
    std::erase_if(out, [&](const BreakOpportunity& b) {
        if (b.kind == BreakKind::mandatory || b.offset >= text.size()) return false;
        return !offered(language_at(b.offset - 1), b.offset) || !offered(language_at(b.offset), b.offset);
    });
    return out;
}

}  // namespace quire::shape
