#include "verify/file_syntax.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace quire::verify {

namespace {

bool is_white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_eol(char c) { return c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_delimiter(char c) { return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '%'; }

// Length of the end-of-line marker ending just before `at` (0 when none).
std::size_t eol_before(std::string_view s, std::size_t at) {
    if (at >= 2 && s[at - 2] == '\r' && s[at - 1] == '\n') return 2;
    if (at >= 1 && is_eol(s[at - 1])) return 1;
    return 0;
}

// Just past the literal string that opens at `at` ("("): balanced parentheses, with
// backslash escapes; the end of `s` when it does not close.
std::size_t literal_string_end(std::string_view s, std::size_t at) {
    int parens = 1;
    std::size_t i = at + 1;
    for (; i < s.size() && parens > 0; ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '(') ++parens;
        else if (s[i] == ')') --parens;
    }
    return std::min(i, s.size());
}

// The end of a dictionary that opens at `at` ("<<"), skipping strings and comments;
// npos when it does not close.
std::size_t dictionary_end(std::string_view s, std::size_t at) {
    int depth = 0;
    for (std::size_t i = at; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '(') {
            i = literal_string_end(s, i) - 1;
        } else if (c == '%') {
            while (i < s.size() && !is_eol(s[i])) ++i;
        } else if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
            ++depth;
            ++i;
        } else if (c == '>' && i + 1 < s.size() && s[i + 1] == '>') {
            --depth;
            ++i;
            if (depth == 0) return i + 1;
        }
    }
    return std::string_view::npos;
}

// The end of the object that begins at `at` inside a dictionary or array: a nested
// dictionary, an array, a literal or hex string, a name or another token.
std::size_t value_end(std::string_view s, std::size_t at) {
    if (s.compare(at, 2, "<<") == 0) {
        const std::size_t end = dictionary_end(s, at);
        return end == std::string_view::npos ? s.size() : end;
    }
    const char c = s[at];
    if (c == '[') {
        std::size_t i = at + 1;
        while (i < s.size() && s[i] != ']') {
            if (is_white(s[i])) ++i;
            else i = value_end(s, i);
        }
        return std::min(i + 1, s.size());
    }
    if (c == '(') return literal_string_end(s, at);
    if (c == '<') {
        const std::size_t end = s.find('>', at);
        return end == std::string_view::npos ? s.size() : end + 1;
    }
    std::size_t i = at + 1;  // a name's slash, or a token's first character
    while (i < s.size() && !is_white(s[i]) && !is_delimiter(s[i])) ++i;
    return i;
}

// The keys of a dictionary's own level (`dict` opens with "<<"), not those of the
// dictionaries inside it: a font's resources may well name a font /F.
std::vector<std::string_view> top_level_keys(std::string_view dict) {
    std::vector<std::string_view> values;  // keys and values in turn, an "N G R" as one
    std::size_t i = 2;
    while (i < dict.size()) {
        if (is_white(dict[i])) {
            ++i;
        } else if (dict[i] == '%') {
            while (i < dict.size() && !is_eol(dict[i])) ++i;
        } else if (dict.compare(i, 2, ">>") == 0) {
            break;
        } else {
            const std::size_t end = value_end(dict, i);
            values.push_back(dict.substr(i, end - i));
            i = end;
            const std::size_t n = values.size();
            const auto is_int = [](std::string_view t) {
                return !t.empty() && std::all_of(t.begin(), t.end(), [](char ch) { return is_digit(ch); });
            };
            if (n >= 3 && values[n - 1] == "R" && is_int(values[n - 2]) && is_int(values[n - 3]) && n % 2 == 0) {
                values.resize(n - 2);  // the reference is the value: "N G R" counted once
            }
        }
    }
    std::vector<std::string_view> keys;
    for (std::size_t k = 0; k < values.size(); k += 2) keys.push_back(values[k]);
    return keys;
}

// The direct integer value of /Length in a dictionary's text, or of the object it
// refers to; -1 when unknown.
long long stream_length(std::string_view s, std::string_view dict) {
    std::size_t at = 0;
    while ((at = dict.find("/Length", at)) != std::string_view::npos) {
        at += 7;
        if (at < dict.size() && (std::isalnum(static_cast<unsigned char>(dict[at])))) continue;  // /Length1
        std::size_t i = at;
        while (i < dict.size() && is_white(dict[i])) ++i;
        std::size_t j = i;
        while (j < dict.size() && is_digit(dict[j])) ++j;
        if (j == i) return -1;
        const long long first = std::stoll(std::string(dict.substr(i, j - i)));
        std::size_t k = j;
        while (k < dict.size() && is_white(dict[k])) ++k;
        std::size_t l = k;
        while (l < dict.size() && is_digit(dict[l])) ++l;
        std::size_t m = l;
        while (m < dict.size() && is_white(dict[m])) ++m;
        if (l > k && m < dict.size() && dict[m] == 'R') {
            // An indirect length: find "first gen obj" and read its integer.
            const std::string header = std::to_string(first) + " " + std::string(dict.substr(k, l - k)) + " obj";
            std::size_t h = 0;
            while ((h = s.find(header, h)) != std::string_view::npos) {
                if (h == 0 || !is_digit(s[h - 1])) break;
                ++h;
            }
            if (h == std::string_view::npos) return -1;
            std::size_t v = h + header.size();
            while (v < s.size() && is_white(s[v])) ++v;
            std::size_t w = v;
            while (w < s.size() && is_digit(s[w])) ++w;
            if (w == v) return -1;
            return std::stoll(std::string(s.substr(v, w - v)));
        }
        return first;
    }
    return -1;
}

struct Reporter {
    std::vector<Failure>& failures;
    std::set<std::string> said;
    void fail(const std::string& clause, const std::string& message) {
        if (said.insert(clause + message).second) failures.push_back({clause, message});
    }
};

void check_header(std::string_view s, Reporter& r) {
    // 6.1.2: "%PDF-1.n" at byte 0, then a comment of at least four bytes above 127.
    if (s.size() < 8 || s.substr(0, 7) != "%PDF-1." || s[7] < '0' || s[7] > '7') {
        r.fail("6.1.2", "the file does not begin with the header %PDF-1.n");
        return;
    }
    std::size_t i = 8;
    if (i < s.size() && !is_eol(s[i])) {
        r.fail("6.1.2", "the header line has more than %PDF-1.n");
        while (i < s.size() && !is_eol(s[i])) ++i;
    }
    // One end-of-line marker, then the comment.
    if (s.compare(i, 2, "\r\n") == 0) i += 2;
    else if (i < s.size() && is_eol(s[i])) ++i;
    bool binary = i + 4 < s.size() && s[i] == '%';
    for (std::size_t k = 1; binary && k <= 4; ++k) binary = static_cast<unsigned char>(s[i + k]) > 127;
    if (!binary) r.fail("6.1.2", "the header is not followed by a comment of four bytes above 127 (binary file marker)");
}

void check_end(std::string_view s, Reporter& r) {
    // 6.1.3: nothing after the last %%EOF but one end-of-line marker.
    const std::size_t eof = s.rfind("%%EOF");
    if (eof == std::string_view::npos) {
        r.fail("6.1.3", "no %%EOF marker");
        return;
    }
    const std::string_view after = s.substr(eof + 5);
    if (!(after.empty() || after == "\n" || after == "\r" || after == "\r\n")) {
        r.fail("6.1.3", "data follows the last %%EOF marker");
    }
}

void check_xref_sections(std::string_view s, Reporter& r) {
    // 6.1.4: "xref" alone on its line, then subsection headers "first count" with one
    // space between and an end-of-line after.
    std::size_t at = 0;
    while ((at = s.find("xref", at)) != std::string_view::npos) {
        const std::size_t here = at;
        at += 4;
        if (here >= 5 && s.substr(here - 5, 5) == "start") continue;
        if (here > 0 && !is_eol(s[here - 1])) continue;  // not a keyword at a line start
        std::size_t i = here + 4;
        std::size_t eol = 0;
        if (i + 1 < s.size() && s[i] == '\r' && s[i + 1] == '\n') eol = 2;
        else if (i < s.size() && is_eol(s[i])) eol = 1;
        if (eol == 0) {
            r.fail("6.1.4", "the xref keyword is not followed by an end-of-line marker alone");
            continue;
        }
        i += eol;
        // Subsection headers, each followed by its entries (20 bytes each).
        while (i < s.size() && is_digit(s[i])) {
            std::size_t j = i;
            while (j < s.size() && is_digit(s[j])) ++j;
            if (j >= s.size() || s[j] != ' ' || j + 1 >= s.size() || !is_digit(s[j + 1])) {
                r.fail("6.1.4", "an xref subsection header is not two numbers separated by one space");
                break;
            }
            std::size_t k = j + 1;
            while (k < s.size() && is_digit(s[k])) ++k;
            const long long count = std::stoll(std::string(s.substr(j + 1, k - j - 1)));
            std::size_t e = k;
            while (e < s.size() && s[e] == ' ') ++e;  // trailing spaces are tolerated by no one, but seen
            if (e != k || e >= s.size() || !is_eol(s[e])) {
                r.fail("6.1.4", "an xref subsection header is not followed by an end-of-line marker");
                break;
            }
            i = e + ((s[e] == '\r' && e + 1 < s.size() && s[e + 1] == '\n') ? 2 : 1);
            i += static_cast<std::size_t>(count) * 20;
        }
    }
}

void check_objects(std::string_view s, Reporter& r) {
    std::size_t at = 0;
    while ((at = s.find("obj", at)) != std::string_view::npos) {
        const std::size_t keyword = at;
        at += 3;
        if (keyword >= 3 && s.substr(keyword - 3, 3) == "end") continue;
        if (at < s.size() && !is_white(s[at]) && !is_delimiter(s[at])) continue;  // "object", ...
        // Back over "N G ": digits, white space, digits, white space.
        std::size_t i = keyword;
        std::size_t gap2 = 0;
        while (i > 0 && is_white(s[i - 1])) { --i; ++gap2; }
        std::size_t gen_end = i;
        while (i > 0 && is_digit(s[i - 1])) --i;
        if (i == gen_end || gap2 == 0) continue;
        std::size_t gap1 = 0;
        while (i > 0 && is_white(s[i - 1])) { --i; ++gap1; }
        std::size_t num_end = i;
        while (i > 0 && is_digit(s[i - 1])) --i;
        if (i == num_end || gap1 == 0) continue;
        const std::size_t start = i;
        if (start > 0 && !is_white(s[start - 1]) && !is_delimiter(s[start - 1])) continue;
        const std::string id = std::string(s.substr(start, num_end - start)) + " " +
                               std::string(s.substr(num_end + gap1, gen_end - num_end - gap1));
        // 6.1.9: one space between number and generation and before "obj"; the object
        // header begins a line and ends with an end-of-line marker.
        if (gap1 != 1 || s[num_end] != ' ' || gap2 != 1 || s[gen_end] != ' ') {
            r.fail("6.1.9", "object " + id + ": its header is not \"N G obj\" with single spaces");
        }
        if (start > 0 && !is_eol(s[start - 1])) {
            r.fail("6.1.9", "object " + id + ": its header does not begin a line");
        }
        std::size_t body = at;
        if (body >= s.size() || !is_eol(s[body])) {
            r.fail("6.1.9", "object " + id + ": the obj keyword is not followed by an end-of-line marker");
        }
        while (body < s.size() && is_white(s[body])) ++body;
        std::size_t after = body;
        if (s.compare(body, 2, "<<") == 0) {
            const std::size_t end = dictionary_end(s, body);
            if (end == std::string_view::npos) continue;
            const std::string_view dict = s.substr(body, end - body);
            std::size_t k = end;
            while (k < s.size() && is_white(s[k])) ++k;
            after = end;
            if (s.compare(k, 6, "stream") == 0 && (k + 6 >= s.size() || !std::isalpha(static_cast<unsigned char>(s[k + 6])))) {
                // 6.1.7.1: "stream" then CR LF or LF; the data, Length bytes long; an
                // end-of-line marker; "endstream". No external-file keys.
                std::size_t data = k + 6;
                if (s.compare(data, 2, "\r\n") == 0) {
                    data += 2;
                } else if (data < s.size() && s[data] == '\n') {
                    data += 1;
                } else {
                    r.fail("6.1.7.1", "object " + id + ": the stream keyword is not followed by CR LF or LF");
                    if (data < s.size() && is_eol(s[data])) ++data;
                }
                const std::size_t end_stream = s.find("endstream", data);
                if (end_stream == std::string_view::npos) {
                    r.fail("6.1.7.1", "object " + id + ": the stream has no endstream keyword");
                    return;
                }
                const std::size_t eol = eol_before(s, end_stream);
                if (eol == 0) r.fail("6.1.7.1", "object " + id + ": endstream is not preceded by an end-of-line marker");
                const long long length = stream_length(s, dict);
                const long long real = static_cast<long long>(end_stream - eol - data);
                if (length >= 0 && length != real && !(eol == 2 && length == real + 1)) {
                    r.fail("6.1.7.1", "object " + id + ": the stream's Length is " + std::to_string(length) + " but it has " +
                                          std::to_string(real) + " bytes");
                }
                for (const std::string_view key : top_level_keys(dict)) {
                    if (key == "/F" || key == "/FFilter" || key == "/FDecodeParms") {
                        r.fail("6.1.7.1", "object " + id + ": the stream dictionary refers to an external file (" +
                                              std::string(key) + ")");
                        break;
                    }
                }
                after = end_stream + 9;
            }
        }
        const std::size_t endobj = s.find("endobj", after);
        if (endobj == std::string_view::npos) {
            r.fail("6.1.9", "object " + id + ": no endobj keyword");
            at = after;
            continue;
        }
        if (eol_before(s, endobj) == 0) {
            r.fail("6.1.9", "object " + id + ": endobj is not preceded by an end-of-line marker");
        }
        if (endobj + 6 < s.size() && !is_eol(s[endobj + 6])) {
            r.fail("6.1.9", "object " + id + ": endobj is not followed by an end-of-line marker");
        }
        at = endobj + 6;
    }
}

// Whether a trailer dictionary's /ID is an array of two non-empty strings.
bool has_id(std::string_view dict) {
    std::size_t at = dict.find("/ID");
    if (at == std::string_view::npos) return false;
    at += 3;
    while (at < dict.size() && is_white(dict[at])) ++at;
    if (at >= dict.size() || dict[at] != '[') return false;
    for (int n = 0; n < 2; ++n) {
        ++at;
        while (at < dict.size() && is_white(dict[at])) ++at;
        if (at + 1 >= dict.size() || (dict[at] != '<' && dict[at] != '(')) return false;
        const char close = dict[at] == '<' ? '>' : ')';
        const std::size_t end = dict.find(close, at + 1);
        if (end == std::string_view::npos || end == at + 1) return false;  // an empty string
        at = end;
    }
    return true;
}

void check_trailer(std::string_view s, Reporter& r) {
    // 6.1.3: the trailer has an ID (in a linearized file, the first page's trailer,
    // which comes first) and none has Encrypt. Files with only cross-reference
    // streams are left to PoDoFo.
    std::vector<std::string_view> trailers;
    for (std::size_t at = 0; (at = s.find("trailer", at)) != std::string_view::npos; at += 7) {
        const std::size_t open = s.find("<<", at);
        if (open == std::string_view::npos) break;
        const std::size_t end = dictionary_end(s, open);
        if (end == std::string_view::npos) break;
        trailers.push_back(s.substr(open, end - open));
    }
    if (trailers.empty()) return;
    const std::size_t head = s.find("obj");
    const bool linearized = head != std::string_view::npos && s.substr(head, 1024).find("/Linearized") != std::string_view::npos;
    if (!has_id(linearized ? trailers.front() : trailers.back())) {
        r.fail("6.1.3", linearized ? "the first page trailer of this linearized file has no /ID of two strings"
                                   : "the trailer has no /ID of two strings");
    }
    for (std::string_view t : trailers) {
        if (t.find("/Encrypt") != std::string_view::npos) {
            r.fail("6.1.3", "the trailer has /Encrypt: the file is encrypted");
            break;
        }
    }
}

}  // namespace

void check_file_syntax(std::string_view bytes, std::vector<Failure>& failures) {
    Reporter r{failures, {}};
    check_header(bytes, r);
    check_end(bytes, r);
    check_trailer(bytes, r);
    check_xref_sections(bytes, r);
    check_objects(bytes, r);
}

}  // namespace quire::verify
