#pragma once
// Text written into XML we make ourselves (XMP metadata, the archive record).
#include <string>
#include <string_view>

namespace quire {

// Escapes &, <, > and " so that `text` stands as character data or an attribute value.
inline std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace quire
