#include "shape/script_runs.hpp"

#include "core/utf8.hpp"

namespace quire::shape {

std::vector<ScriptSpan> script_runs(std::string_view text) {
    hb_unicode_funcs_t* ufuncs = hb_unicode_funcs_get_default();
    struct Char {
        std::size_t begin, end;
        hb_script_t script;
    };
    // ASCII, most of a European text, answered without asking: its letters are
    // Latin, the rest (digits, punctuation, space) Common, as the Unicode tables say.
    auto script_of = [ufuncs](char32_t c) {
        if (c < 0x80) return (c | 0x20) >= U'a' && (c | 0x20) <= U'z' ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON;
        if (c == replacement_character) return HB_SCRIPT_COMMON;
        return hb_unicode_script(ufuncs, static_cast<hb_codepoint_t>(c));
    };
    std::vector<Char> chars;
    chars.reserve(text.size());
    for (const CodePoint& cp : decode_utf8(text)) chars.push_back({cp.begin, cp.end, script_of(cp.value)});
    auto neutral = [](hb_script_t sc) { return sc == HB_SCRIPT_COMMON || sc == HB_SCRIPT_INHERITED || sc == HB_SCRIPT_UNKNOWN; };
    // Neutrals take the script before them; leading neutrals the first real script after.
    hb_script_t first_real = HB_SCRIPT_LATIN;
    for (const Char& ch : chars)
        if (!neutral(ch.script)) {
            first_real = ch.script;
            break;
        }
    hb_script_t current = first_real;
    std::vector<ScriptSpan> spans;
    for (const Char& ch : chars) {
        if (!neutral(ch.script)) current = ch.script;
        if (!spans.empty() && spans.back().script == current)
            spans.back().end = ch.end;
        else
            spans.push_back({ch.begin, ch.end, current});
    }
    return spans;
}

}  // namespace quire::shape
