#pragma once
// BCP 47 language tags (xml:lang) as the stages ask of them.
#include <cctype>
#include <string>
#include <string_view>

namespace quire {

// The primary language subtag, lower case: "zh-Hant-TW" -> "zh", "JA_jp" -> "ja".
inline std::string primary_language(std::string_view tag) {
    std::string out(tag.substr(0, tag.find_first_of("-_")));
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace quire
