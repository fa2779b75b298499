#include "shape/script_runs.hpp"

#include "core/utf8.hpp"

namespace quire::shape {

std::vector<ScriptSpan> script_runs(std::string_view text) {
    hb_unicode_funcs_t* ufuncs = hb_unicode_funcs_get_default();
    struct Char {
        std::size_t begin, end;
        hb_script_t script;
    };
    std::vector<Char> chars;
    for (const CodePoint& cp : decode_utf8(text)) {
        chars.push_back({cp.begin, cp.end,
                         cp.value == replacement_character ? HB_SCRIPT_COMMON
                                                           : hb_unicode_script(ufuncs, static_cast<hb_codepoint_t>(cp.value))});
    }
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
