#include "shape/bidi.hpp"

#include "core/utf8.hpp"

#include <unicode/locid.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <cassert>
#include <memory>
#include <string>

namespace quire::shape {
namespace {

bool is_rtl_type(char32_t c) {
    switch (u_charDirection(static_cast<UChar32>(c))) {
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC:
    case U_RIGHT_TO_LEFT_EMBEDDING:
    case U_RIGHT_TO_LEFT_OVERRIDE:
    case U_RIGHT_TO_LEFT_ISOLATE:
        return true;
    default:
        return false;
    }
}

struct BidiCloser {
    void operator()(UBiDi* b) const { ubidi_close(b); }
};
using BidiHandle = std::unique_ptr<UBiDi, BidiCloser>;

// The level of an explicit span in a paragraph at `para`: the next level of its
// direction's parity above the paragraph's (as RLE and LRE would give), or the
// paragraph's own when they agree.
UBiDiLevel embedding_level(Direction d, UBiDiLevel para) {
    const UBiDiLevel parity = d == Direction::rtl ? 1 : 0;
    return (para & 1) == parity ? para : static_cast<UBiDiLevel>(para + 1);
}

}  // namespace

bool has_rtl_characters(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) < 0x80) continue;
        for (const CodePoint& cp : decode_utf8(text.substr(i))) {
            if (is_rtl_type(cp.value)) return true;
        }
        return false;
    }
    return false;
}

bool needs_bidi(std::string_view text, Direction base, const std::vector<DirectionSpan>& explicit_spans) {
    return base == Direction::rtl || !explicit_spans.empty() || has_rtl_characters(text);
}

Direction language_direction(std::string_view bcp47) {
    if (bcp47.empty() || bcp47.starts_with("en")) return Direction::ltr;  // the common case, without ICU's tables
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(std::string(bcp47), status);
    return U_SUCCESS(status) && locale.isRightToLeft() ? Direction::rtl : Direction::ltr;
}

std::vector<LevelSpan> resolve_levels(std::string_view text, Direction base,
                                      const std::vector<DirectionSpan>& explicit_spans) {
    if (text.empty()) return {};
    const std::vector<CodePoint> chars = decode_utf8(text);
    // UTF-16 for ICU, and which code point each of its units belongs to.
    std::u16string units;
    std::vector<std::size_t> char_of_unit;
    units.reserve(text.size());
    for (std::size_t c = 0; c < chars.size(); ++c) {
        UChar buf[2];
        int32_t n = 0;
        U16_APPEND_UNSAFE(buf, n, static_cast<UChar32>(chars[c].value));  // decode_utf8 gives scalars only
        for (int32_t k = 0; k < n; ++k) {
            units.push_back(buf[k]);
            char_of_unit.push_back(c);
        }
    }
    const UBiDiLevel para = base_level(base);
    // Explicit directions as preset embedding levels (ubidi_setPara's embeddingLevels),
    // which ICU reads as it would RLE/LRE ... PDF around the span.
    std::vector<UBiDiLevel> preset;
    if (!explicit_spans.empty()) {
        preset.assign(units.size(), para);
        for (std::size_t u = 0; u < units.size(); ++u) {
            const std::size_t at = chars[char_of_unit[u]].begin;
            for (const DirectionSpan& s : explicit_spans)
                if (at >= s.begin && at < s.end) preset[u] = embedding_level(s.direction, para);
        }
    }
    UErrorCode status = U_ZERO_ERROR;
    BidiHandle bidi(ubidi_openSized(static_cast<int32_t>(units.size()), 0, &status));
    ubidi_setPara(bidi.get(), units.data(), static_cast<int32_t>(units.size()), para,
                  preset.empty() ? nullptr : preset.data(), &status);
    const UBiDiLevel* levels = U_SUCCESS(status) ? ubidi_getLevels(bidi.get(), &status) : nullptr;
    std::vector<LevelSpan> spans;
    for (std::size_t u = 0; u < units.size(); ++u) {
        const CodePoint& cp = chars[char_of_unit[u]];
        if (u > 0 && char_of_unit[u - 1] == char_of_unit[u]) continue;  // a surrogate pair's second unit
        const std::uint8_t level = U_SUCCESS(status) && levels ? levels[u] : para;
        if (!spans.empty() && spans.back().level == level) spans.back().end = cp.end;
        else spans.push_back({cp.begin, cp.end, level});
    }
    assert(!spans.empty() && spans.back().end == text.size());
    return spans;
}

std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& levels) {
    std::vector<int32_t> map(levels.size());
    if (!levels.empty()) ubidi_reorderVisual(levels.data(), static_cast<int32_t>(levels.size()), map.data());
    return {map.begin(), map.end()};
}

}  // namespace quire::shape
