#include "font/fallback.hpp"

#include <unicode/uchar.h>
#include "core/utf8.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <algorithm>
#include <hb.h>

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
    const std::size_t from = character_start(text, begin > 20 ? begin - 20 : 0);
    const std::size_t to = character_end(text, std::min(text.size(), end + 20));
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
    // A character no scalar value (a surrogate) has no glyph to show.
    if (!u_iscntrl(static_cast<UChar32>(c)) && c <= 0x10FFFF && !U_IS_SURROGATE(c)) {
        out += " '";
        append_utf8(out, c);
        out += "'";
    }
    return out;
}

std::optional<FontId> SystemFallback::load(const SystemFonts::Candidate& candidate) {
    if (auto it = loaded_.find(candidate.file); it != loaded_.end()) return it->second;
    // A broken or unembeddable installed font is passed over, not reported: the text
    // never asked for it by name.
    DiagnosticSink quiet;
    std::optional<FontId> id = registry_.load(candidate.file.path, SourceLoc{}, quiet, candidate.file.index);
    if (id && !registry_.metrics(*id).embeddable) id.reset();
    loaded_.emplace(candidate.file, id);
    return id;
}

std::optional<FontId> SystemFallback::face_for(char32_t c, FontId primary, std::string_view language) {
    const std::lock_guard<std::mutex> lock(lock_);
    const std::string fc_language = fontconfig_language(language);
    const auto key = std::make_tuple(c, primary, fc_language);
    if (auto it = answers_.find(key); it != answers_.end()) return it->second;
    const FaceMetrics& main = registry_.metrics(primary);
    const FacePreference preference{main.bold, main.italic, main.sans, fc_language};
    // fontconfig ranks by language before the generic family: for Arabic in a serif
    // text it puts DejaVu Sans first. So first the faces of the text's kind (serif or
    // sans, proportional), in fontconfig's order; then any face that has it.
    std::optional<FontId> answer;
    const std::vector<SystemFonts::Candidate>& candidates = fonts_.candidates(preference);
    for (const bool of_its_kind : {true, false}) {
        for (const SystemFonts::Candidate& candidate : candidates) {
            if (of_its_kind && (candidate.mono || candidate.sans != main.sans)) continue;
            if (!SystemFonts::has_char(candidate, c) || !(answer = load(candidate)) || !registry_.has_glyph(*answer, c)) {
                answer.reset();
                continue;
            }
            if (std::none_of(chosen_.begin(), chosen_.end(), [&](const auto& f) { return f.first == *answer; }))
                chosen_.emplace_back(*answer, candidate.family);
            break;
        }
        if (answer) break;
    }
    answers_.emplace(key, answer);
    return answer;
}

std::vector<std::pair<FontId, std::string>> SystemFallback::chosen() const {
    const std::lock_guard<std::mutex> lock(lock_);
    return chosen_;
}

namespace {

// An installed face standing in for a letter with case is scaled so its x-height
// matches the main face's (a Cyrillic word in Noto Serif beside EB Garamond would
// otherwise look a size too big). Other scripts keep the text's size: their letters
// are drawn to sit with the face's own Latin, and CJK ones fill the em.
int size_permille(const FontRegistry& registry, FontId primary, FontId face, char32_t c) {
    if (!u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASED)) return 1000;
    const FaceMetrics& p = registry.metrics(primary);
    const FaceMetrics& f = registry.metrics(face);
    if (p.x_height <= 0 || f.x_height <= 0) return 1000;
    const std::int64_t permille = (std::int64_t{2000} * p.x_height * f.units_per_em / (std::int64_t{p.units_per_em} * f.x_height) + 1) / 2;
    return static_cast<int>(std::clamp<std::int64_t>(permille, 700, 1400));
}

// The layout's own fonts, in order: the style's face, then its fallback families'.
std::optional<FontId> layout_face(const FontRegistry& registry, const FontChain& chain, char32_t c) {
    if (registry.has_glyph(chain.primary, c)) return chain.primary;
    for (FontId f : chain.fallback)
        if (registry.has_glyph(f, c)) return f;
    return std::nullopt;
}

}  // namespace

void MissingGlyphs::add(char32_t c, std::string_view text, std::size_t begin, std::size_t end, const FontChain& chain,
                        const SourceLoc& loc) {
    if (characters_.empty()) {
        context_ = context_around(text, begin, end);
        loc_ = loc;
        primary_ = chain.primary;
    }
    if (std::find(characters_.begin(), characters_.end(), c) == characters_.end()) characters_.push_back(c);
    const auto note_tried = [&](FontId f) {
        if (std::find(tried_.begin(), tried_.end(), f) == tried_.end()) tried_.push_back(f);
    };
    note_tried(chain.primary);
    for (FontId f : chain.fallback) note_tried(f);
    system_tried_ = system_tried_ || chain.system;
}

void MissingGlyphs::report(const FontRegistry& registry, DiagnosticSink& sink) const {
    if (characters_.empty()) return;
    constexpr std::size_t listed = 8;
    std::string chars;
    for (std::size_t i = 0; i < characters_.size() && i < listed; ++i)
        chars += (i ? ", " : "") + describe_codepoint(characters_[i]);
    if (characters_.size() > listed) chars += " and " + std::to_string(characters_.size() - listed) + " more";
    std::string tried;
    for (FontId f : tried_) {
        const FaceMetrics& m = registry.metrics(f);
        tried += (tried.empty() ? "" : ", ") + (m.postscript_name.empty() ? m.path : m.postscript_name);
    }
    tried += system_tried_ ? " and the installed fonts" : "; installed fonts not searched (--no-system-fonts)";
    // What the reader sees: nothing in a PDF/A, which may not draw .notdef (the PDF
    // writer leaves it out), and the main face's .notdef in a --draft PDF.
    hb_glyph_extents_t notdef{};
    const bool box = hb_font_get_glyph_extents(registry.hb_font(primary_), 0, &notdef) && notdef.width != 0;
    const bool one = characters_.size() == 1;
    std::string shows = one ? "a gap in its place" : "gaps in their place";
    if (box) shows += one ? " (an empty box with --draft)" : " (empty boxes with --draft)";
    sink.warning(loc_, std::string("no font has ") + (one ? "a glyph for " : "glyphs for ") + chars + " in \"" + context_ +
                           "\" (tried " + tried + "); the page shows " + shows);
}

std::vector<FontSpan> assign_fonts(const FontRegistry& registry, std::string_view text, const FontChain& chain,
                                   const SourceLoc& loc, MissingGlyphs& missing) {
    std::vector<FontSpan> spans;
    FontSpan current{0, 0, chain.primary, 1000};
    // Printable ASCII, most of a European text: never a control, an ignorable or a
    // mark, and whether the primary face has it is asked once per character, not
    // once per occurrence (issue 19). 0: not asked yet, 1: it has, -1: it has not.
    std::array<std::int8_t, 128> primary_has{};
    for (const CodePoint& cp : decode_utf8(text)) {
        const char32_t c = cp.value;
        FontSpan chosen = current;
        const bool ascii = c >= 0x20 && c < 0x7F;
        if (ascii && primary_has[c] == 0) primary_has[c] = registry.has_glyph(chain.primary, c) ? 1 : -1;
        if (ascii && primary_has[c] > 0) {
            chosen = {0, 0, chain.primary, 1000};
        } else if (c == replacement_character) {
            // malformed UTF-8: the readers should not let it through
        } else if (draws_nothing(c) || (is_mark(c) && !spans.empty() && registry.has_glyph(current.font, c))) {
            // stays with the character it belongs to
        } else if (auto face = layout_face(registry, chain, c)) {
            chosen = {0, 0, *face, 1000};
        } else if (auto installed = chain.system ? chain.system->face_for(c, chain.primary, chain.language) : std::nullopt) {
            chosen = {0, 0, *installed, size_permille(registry, chain.primary, *installed, c)};
        } else {
            chosen = {0, 0, chain.primary, 1000};
            missing.add(c, text, cp.begin, cp.end, chain, loc);
        }
        current = chosen;
        if (!spans.empty() && spans.back().font == chosen.font && spans.back().size_permille == chosen.size_permille)
            spans.back().end = cp.end;
        else
            spans.push_back({cp.begin, cp.end, chosen.font, chosen.size_permille});
    }
    return spans;
}

}  // namespace quire::font
