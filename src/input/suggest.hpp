#pragma once
// Errors that teach: for a name the user got wrong (a style, a font family, a template
// field), the nearest name they could have meant, or the names there are.
#include <algorithm>
#include <string>
#include <utility>
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

// Whether `name` is a typo of `wrong`: at most two edits, or a third of the word, and
// not every letter replaced (two edits turn <ul> into <h2>, which is no typo of it).
inline bool close_in_spelling(const std::string& wrong, const std::string& name) {
    const std::size_t d = name_distance(wrong, name);
    return d <= std::max<std::size_t>(2, wrong.size() / 3) && d < std::max(wrong.size(), name.size());
}

// "; did you mean 'body'?" when one of `names` is close to `wrong` in spelling; else,
// when there are at most `list_up_to` names, "; <list_intro> 'a', 'b'"; else "".
// `open`/`close` quote a name ("'", "{").
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
    if (best && close_in_spelling(wrong, *best)) return "; did you mean " + open + *best + close + "?";
    if (names.empty() || names.size() > list_up_to) return "";
    std::string list = "; " + list_intro + " ";
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + open + names[i] + close;
    return list;
}

// The article elements that mean what an element of HTML, DocBook or a word
// processor's export means, best first (issue 16's list, /work/spec16.md). Writers
// type the names they know; <i> is a typo of nothing, but it means <em>.
inline std::vector<std::string> article_meanings(std::string name) {
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    static const std::vector<std::pair<std::string, std::vector<std::string>>> meanings = {
        {"i", {"em"}},          {"b", {"strong"}},     {"ul", {"list"}},           {"ol", {"list"}},
        {"li", {"item", "list"}}, {"blockquote", {"quote"}}, {"footnote", {"note"}}, {"endnote", {"note"}},
        {"fn", {"note"}},       {"lang", {"span"}},    {"acronym", {"abbr"}},      {"tr", {"row"}},
        {"td", {"cell"}},       {"th", {"cell"}},      {"thead", {"row"}},         {"tbody", {"row"}},
        {"aside", {"pullquote"}}, {"h1", {"h2"}},      {"h4", {"h3"}},
    };
    for (const auto& [from, to] : meanings) {
        if (from == name) return to;
    }
    return {};
}

// For an element not allowed where it stands: "; did you mean <em>?" for the first
// element that means the same and is allowed here (a meaning the schema does not
// allow at this place would only lead to a second error); else as did_you_mean, by
// spelling, with every allowed element listed.
inline std::string suggest_element(const std::string& wrong, const std::vector<std::string>& allowed,
                                   const std::string& open = "<", const std::string& close = ">") {
    for (const std::string& meant : article_meanings(wrong)) {
        if (std::find(allowed.begin(), allowed.end(), meant) != allowed.end()) {
            return "; did you mean " + open + meant + close + "?";
        }
    }
    return did_you_mean(wrong, allowed, "expected", allowed.size(), open, close);
}

}  // namespace quire::input
