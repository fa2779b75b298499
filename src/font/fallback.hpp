#pragma once
// The fallback chain: which font sets each character of a run. The style's own font
// wins whenever it has the glyph; otherwise the first font of the layout's fallback
// families that has it; otherwise (unless --no-system-fonts) an installed font that
// has it, chosen by fontconfig for the text's style and language (SystemFallback).
// Characters no font has are gathered over a paragraph (MissingGlyphs) and reported
// as one warning, never silent tofu.
#include "core/diagnostics.hpp"
#include "font/font_registry.hpp"
#include "font/system_fonts.hpp"

#include <map>
#include <mutex>
#include <span>
#include <string_view>
#include <tuple>
#include <vector>

namespace quire::font {

// Installed faces for characters the layout's fonts lack, loaded into the registry as
// they are chosen. The face for a character depends only on the character, the main
// face's style and the language, so the threads that set galleys agree (and the PDF
// is the same with any --jobs).
class SystemFallback {
public:
    SystemFallback(FontRegistry& registry, SystemFonts& fonts) : registry_(registry), fonts_(fonts) {}

    // The first installed face, in fontconfig's order for `primary`'s style (weight,
    // slant, serif or sans) and `language`, that has `c` and may be embedded.
    std::optional<FontId> face_for(char32_t c, FontId primary, std::string_view language);

    // Every face it chose, in the order first chosen, with the family fontconfig named.
    std::vector<std::pair<FontId, std::string>> chosen() const;

private:
    std::optional<FontId> load(const SystemFonts::Candidate& candidate);

    FontRegistry& registry_;
    SystemFonts& fonts_;
    std::map<std::tuple<char32_t, FontId, std::string>, std::optional<FontId>> answers_;
    std::map<SystemFontFile, std::optional<FontId>, std::less<>> loaded_;  // failed loads too
    std::vector<std::pair<FontId, std::string>> chosen_;
    mutable std::mutex lock_;
};

// The fonts a run may use, best first.
struct FontChain {
    FontId primary = 0;                 // the style's own face
    std::span<const FontId> fallback;   // the layout's fallback families' faces
    SystemFallback* system = nullptr;   // installed fonts; null: none (--no-system-fonts)
    std::string_view language{};        // BCP 47 (xml:lang): which installed font suits
};

// A stretch of text [begin, end) (byte offsets) set in one font. An installed face
// standing in for a cased script (Latin, Greek, Cyrillic ...) is set at size_permille
// of the text's size so that its x-height matches the main face's.
struct FontSpan {
    std::size_t begin = 0, end = 0;
    FontId font = 0;
    int size_permille = 1000;
};

// Characters no font had, gathered over one paragraph so that it is one warning.
class MissingGlyphs {
public:
    void add(char32_t c, std::string_view text, std::size_t begin, std::size_t end, const FontChain& chain,
             const SourceLoc& loc);
    bool empty() const { return characters_.empty(); }
    // One warning at the first one's run: the characters with their code points, the
    // fonts tried, and what the page shows in their place.
    void report(const FontRegistry& registry, DiagnosticSink& sink) const;

private:
    std::vector<char32_t> characters_;  // in order of first appearance, each once
    std::vector<FontId> tried_;         // faces tried, in order, each once
    bool system_tried_ = false;
    FontId primary_ = 0;
    std::string context_;               // a little text around the first
    SourceLoc loc_;
};

// Splits `text` (UTF-8) into maximal spans by chosen font. Characters that draw nothing
// (controls, default-ignorables such as U+00AD, ZWJ, variation selectors) and combining
// marks the previous font has stay with the previous character's font, so clusters are
// not torn apart. A character no font has stays in the primary face (it will draw as
// .notdef) and goes into `missing`, with `loc`.
std::vector<FontSpan> assign_fonts(const FontRegistry& registry, std::string_view text, const FontChain& chain,
                                   const SourceLoc& loc, MissingGlyphs& missing);

// "U+1F600 '😀'": how diagnostics name a character.
std::string describe_codepoint(char32_t codepoint);

}  // namespace quire::font
