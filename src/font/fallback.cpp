#include "font/fallback.hpp"

#include <unicode/uchar.h>
#include "core/utf8.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <set>

namespace quire::font {

namespace {

// Characters that need no glyph of their own: HarfBuzz hides them, so they must not
// force a font switch or a warning.
bool draws_nothing(char32_t c) {
    return u_iscntrl(static_cast<UChar32>(c)) ||
           u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool is_mark(char32_t c) {
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
    return (mask & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_MC_MASK)) != 0;
}

std::string context_around(std::string_view text, std::size_t begin, std::size_t end) {
    // Up to about 20 bytes either side, cut at character boundaries.
    std::size_t from = begin > 20 ? begin - 20 : 0;
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    std::size_t to = std::min(text.size(), end + 20);
    while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
    std::string out;
    if (from > 0) out += "…";
    out += text.substr(from, to - from);
    if (to < text.size()) out += "…";
    for (char& ch : out)
        if (ch == '\n') ch = ' ';
    return out;
}

}  // namespace

std::string describe_codepoint(char32_t c) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
    std::string out = hex;
    if (!u_iscntrl(static_cast<UChar32>(c))) {
        char utf8[4];
        int32_t n = 0;
        UBool error = false;
        U8_APPEND(utf8, n, 4, static_cast<UChar32>(c), error);
        if (!error) out += " '" + std::string(utf8, static_cast<std::size_t>(n)) + "'";
    }
    return out;
}

std::vector<FontSpan> assign_fonts(const FontRegistry& registry, std::string_view text, FontId primary,
                                   std::span<const FontId> fallback, const SourceLoc& loc, DiagnosticSink& sink) {
    std::vector<FontSpan> spans;
    std::set<char32_t> reported;
    FontId current = primary;
    // Printable ASCII, most of a European text: never a control, an ignorable or a
    // mark, and whether the primary face has it is asked once per character, not
    // once per occurrence (issue 19). 0: not asked yet, 1: it has, -1: it has not.
    std::array<std::int8_t, 128> primary_has{};
    for (const CodePoint& cp : decode_utf8(text)) {
        const std::size_t start = cp.begin, i = cp.end;
        const char32_t c = cp.value;
        FontId chosen = current;
        const bool ascii = c >= 0x20 && c < 0x7F;
        if (ascii && primary_has[c] == 0) primary_has[c] = registry.has_glyph(primary, c) ? 1 : -1;
        if (ascii && primary_has[c] > 0) {
            chosen = primary;
        } else if (c == replacement_character) {
            chosen = current;  // malformed UTF-8: the readers should not let it through
        } else if (draws_nothing(c) ||
                   (is_mark(c) && !spans.empty() && registry.has_glyph(current, c))) {
            chosen = current;
        } else if (registry.has_glyph(primary, c)) {
            chosen = primary;
        } else {
            bool found = false;
            for (FontId f : fallback)
                if (registry.has_glyph(f, c)) {
                    chosen = f;
                    found = true;
                    break;
                }
            if (!found) {
                chosen = primary;
                if (reported.insert(c).second) {
                    std::string tried = registry.metrics(primary).postscript_name;
                    for (FontId f : fallback) tried += ", " + registry.metrics(f).postscript_name;
                    sink.warning(loc, "no font has a glyph for " + describe_codepoint(c) +
                                          " in \"" + context_around(text, start, i) +
                                          "\" (tried " + tried + "); it will print as a blank box");
                }
            }
        }
        current = chosen;
        if (!spans.empty() && spans.back().font == chosen)
            spans.back().end = i;
        else
            spans.push_back({start, i, chosen});
    }
    return spans;
}

}  // namespace quire::font
