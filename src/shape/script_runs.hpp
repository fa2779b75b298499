#pragma once
// Itemizing text by script (UAX #24 as HarfBuzz's Unicode functions report it), so
// each piece is shaped with its own script's rules. Common and Inherited characters
// (spaces, punctuation, digits, combining marks) join the script around them.
#include <hb.h>

#include <string_view>
#include <vector>

namespace quire::shape {

struct ScriptSpan {
    std::size_t begin = 0, end = 0;  // bytes
    hb_script_t script = HB_SCRIPT_LATIN;
};

// Maximal spans of one script. Text with no script of its own (all digits and
// punctuation) is Latin: the fonts quire sets are Latin fonts, and Common would
// switch off the Latin features (onum, smcp) such text is often styled with.
std::vector<ScriptSpan> script_runs(std::string_view text);

}  // namespace quire::shape
