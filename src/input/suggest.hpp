#pragma once
// Errors that teach: for a name the user got wrong (a style, a font family, a template
// field), the nearest name they could have meant, or the names there are.
#include <algorithm>
#include <string>
#include <vector>

namespace quire::input {

// Levenshtein distance: insertions, deletions and substitutions each cost 1.
inline std::size_t name_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// "; did you mean 'body'?" when one of `names` is close to `wrong` (a typo: at most
// two edits, or a third of the word); else, when there are at most `list_up_to` names,
// "; <list_intro> 'a', 'b'"; else "". `open`/`close` quote a name ("'", "{").
inline std::string did_you_mean(const std::string& wrong, const std::vector<std::string>& names,
                                const std::string& list_intro, std::size_t list_up_to = 8,
                                const std::string& open = "'", const std::string& close = "'") {
    const std::string* best = nullptr;
    std::size_t best_distance = std::string::npos;
    for (const std::string& name : names) {
        const std::size_t d = name_distance(wrong, name);
        if (d < best_distance) {
            best_distance = d;
            best = &name;
        }
    }
    if (best && best_distance <= std::max<std::size_t>(2, wrong.size() / 3)) {
        return "; did you mean " + open + *best + close + "?";
    }
    if (names.empty() || names.size() > list_up_to) return "";
    std::string list = "; " + list_intro + " ";
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + open + names[i] + close;
    return list;
}

}  // namespace quire::input
