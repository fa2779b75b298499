#include "hyph/hyphenator.hpp"

#include "core/utf8.hpp"

#include <hyphen.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace quire::hyph {

namespace {

using Char = CodePoint;  // value, begin, end: bytes in the word

bool is_letter(char32_t c) { return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC); }
bool is_upper(char32_t c) { return u_isUUppercase(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }
// Hyphens and en dash that break a compound; U+2011 is the non-breaking hyphen and is
// deliberately absent.
bool is_explicit_hyphen(char32_t c) { return c == U'-' || c == U'\u2010' || c == U'\u2013'; }
constexpr char32_t soft_hyphen = U'\u00AD';

// URLs, e-mail addresses, paths and domain names: breaking them with a hyphen would
// change what a reader types.
bool looks_like_address(const std::vector<Char>& chars) {
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const char32_t c = chars[i].value;
        if (c == U'@' || c == U'/' || c == U'\\' || c == U'_' || c == U'=' || c == U'?' || c == U'&' || c == U'#') return true;
        if ((c == U'.' || c == U':') && i + 1 < chars.size() && is_letter(chars[i + 1].value) && i > 0) return true;
    }
    return false;
}

// Only "word" or "Word" may be hyphenated by patterns; "UNODC", "iPhone", "McKinsey" not
// ("WARRANTY" in text set in capitals: all_caps_ok).
bool capitals_allow(const std::vector<Char>& chars, std::size_t from, std::size_t to, bool capitalised_ok,
                    bool all_caps_ok) {
    bool all_upper = from < to;
    for (std::size_t i = from; i < to; ++i)
        if (is_letter(chars[i].value) && !is_upper(chars[i].value)) all_upper = false;
    if (all_upper && all_caps_ok) return true;
    for (std::size_t i = from; i < to; ++i)
        if (is_upper(chars[i].value) && (i != from || !capitalised_ok)) return false;
    return true;
}

}  // namespace

void Patterns::Free::operator()(_HyphenDict* d) const { hnj_hyphen_free(d); }

Patterns::Patterns(_HyphenDict* dict) : dict_(dict) {}
Patterns::~Patterns() = default;

std::optional<Patterns> Patterns::load(const std::string& path) {
    HyphenDict* dict = hnj_hyphen_load(path.c_str());
    if (!dict) return std::nullopt;
    return Patterns(dict);
}

std::vector<std::size_t> Patterns::pattern_points(std::string_view lower) const {
    std::vector<std::size_t> points;
    // libhyphen's patterns are for words, and its work arrays scale with length; a
    // hundred-byte "word" is not one.
    if (lower.empty() || lower.size() > 100) return points;
    std::vector<char> hyphens(lower.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const std::string word(lower);
    const int failed = hnj_hyphen_hyphenate2(dict_.get(), word.c_str(), static_cast<int>(word.size()), hyphens.data(),
                                             nullptr, &rep, &pos, &cut);
    const std::vector<Char> chars = decode_utf8(lower);
    if (!failed) {
        // For UTF-8 dictionaries libhyphen indexes the result by character, not byte.
        const std::size_t n = dict_->utf8 ? chars.size() : word.size();
        for (std::size_t i = 0; i + 1 < n; ++i) {
            if ((hyphens[i] - '0') % 2 == 0) continue;
            // Non-standard breaks (a spelling change such as German "Schiff=fahrt")
            // cannot be expressed as a break offset; English has none.
            if (rep && rep[i]) continue;
            points.push_back(dict_->utf8 ? chars[i].end : i + 1);
        }
    }
    if (rep) {
        for (std::size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return points;
}

std::vector<BreakPoint> Patterns::break_points(std::string_view word, const Options& options) const {
    std::vector<BreakPoint> out;
    const std::vector<Char> chars = decode_utf8(word);
    for (const Char& ch : chars)
        if (u_isdigit(static_cast<UChar32>(ch.value))) return out;
    if (looks_like_address(chars)) return out;

    // The word proper: from its first to its last letter, leaving quotes and
    // punctuation around it out of the count.
    std::size_t first = 0, last = chars.size();
    while (first < chars.size() && !is_letter(chars[first].value)) ++first;
    while (last > first && !is_letter(chars[last - 1].value)) --last;
    if (first >= last) return out;

    const bool has_soft_hyphen =
        std::any_of(chars.begin() + first, chars.begin() + last, [](const Char& ch) { return ch.value == soft_hyphen; });

    // Components are separated by explicit hyphens or en dashes; each is hyphenated on
    // its own, and the dash itself is an explicit break.
    std::size_t comp_begin = first;
    for (std::size_t i = first; i <= last; ++i) {
        if (i < last && !is_explicit_hyphen(chars[i].value)) continue;
        const std::size_t comp_end = i;
        if (has_soft_hyphen) {
            // The author's soft hyphens are the only discretionary breaks, placed
            // whatever the minimums (as TeX's \-), but not at a component's edge.
            for (std::size_t k = comp_begin; k < comp_end; ++k)
                if (chars[k].value == soft_hyphen && k > comp_begin && k + 1 < comp_end)
                    out.push_back({chars[k].end, BreakKind::discretionary});
        } else {
            // Within a component, runs of letters between apostrophes (and any other
            // non-letter) are hyphenated separately: "don’t" never breaks at the ’.
            std::size_t run = comp_begin;
            const bool caps_ok =
                capitals_allow(chars, comp_begin, comp_end, options.hyphenate_capitalised, options.in_capitals_text);
            for (std::size_t k = comp_begin; k <= comp_end && caps_ok; ++k) {
                if (k < comp_end && is_letter(chars[k].value)) continue;
                const std::size_t letters = k - run;
                if (letters >= static_cast<std::size_t>(std::max(options.min_word, 1))) {
                    std::string lower;
                    std::vector<std::size_t> lower_char_end;  // byte end of each char in `lower`
                    for (std::size_t m = run; m < k; ++m) {
                        append_utf8(lower, static_cast<char32_t>(u_tolower(static_cast<UChar32>(chars[m].value))));
                        lower_char_end.push_back(lower.size());
                    }
                    for (std::size_t p : pattern_points(lower)) {
                        // p is a byte offset in `lower`; find how many letters precede it.
                        const auto before = static_cast<std::size_t>(
                            std::lower_bound(lower_char_end.begin(), lower_char_end.end(), p) - lower_char_end.begin() + 1);
                        if (before < static_cast<std::size_t>(std::max(options.left_min, 1)) ||
                            letters - before < static_cast<std::size_t>(std::max(options.right_min, 1)))
                            continue;
                        out.push_back({chars[run + before - 1].end, BreakKind::discretionary});
                    }
                }
                run = k + 1;
            }
        }
        if (i < last && i > comp_begin && i + 1 < last && is_letter(chars[i - 1].value) && is_letter(chars[i + 1].value))
            out.push_back({chars[i].end, BreakKind::explicit_hyphen});
        comp_begin = i + 1;
    }
    return out;
}

Hyphenator::Hyphenator(std::string pattern_dir) : dir_(std::move(pattern_dir)) {}

std::string Hyphenator::pattern_file(std::string_view language) const {
    // BCP 47 subtags: language (lower case), then an optional script (4 letters) and
    // region (2 letters or 3 digits).
    std::vector<std::string> tags;
    std::string current;
    for (char c : language) {
        if (c == '-' || c == '_') {
            tags.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    tags.push_back(current);
    std::string lang = tags[0], region;
    for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t i = 1; i < tags.size(); ++i)
        if (tags[i].size() == 2 || (tags[i].size() == 3 && std::isdigit(static_cast<unsigned char>(tags[i][0])))) {
            region = tags[i];
            for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            break;
        }
    if (lang.empty() || !std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return {};
    if (!std::all_of(region.begin(), region.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) return {};
    std::vector<std::string> candidates;
    if (!region.empty()) candidates.push_back("hyph_" + lang + "_" + region + ".dic");
    if (lang == "en") candidates.push_back("hyph_en_US.dic");  // plain "en" is American in Debian's set
    candidates.push_back("hyph_" + lang + ".dic");
    for (const std::string& name : candidates) {
        std::error_code ec;
        const std::filesystem::path path = std::filesystem::path(dir_) / name;
        if (std::filesystem::is_regular_file(path, ec)) return path.string();
    }
    return {};
}

const Patterns* Hyphenator::patterns(std::string_view language, const SourceLoc& loc, DiagnosticSink& sink) {
    if (auto it = loaded_.find(language); it != loaded_.end()) return it->second ? &*it->second : nullptr;
    std::optional<Patterns> patterns;
    const std::string file = pattern_file(language);
    if (file.empty())
        sink.warning(loc, "no hyphenation patterns for language '" + std::string(language) + "' in " + dir_ +
                              "; text in it will not be hyphenated");
    else if (!(patterns = Patterns::load(file)))
        sink.warning(loc, "cannot read hyphenation patterns '" + file + "'; text in '" + std::string(language) +
                              "' will not be hyphenated");
    auto [it, inserted] = loaded_.emplace(std::string(language), std::move(patterns));
    return it->second ? &*it->second : nullptr;
}

const std::vector<BreakPoint>& Hyphenator::break_points(std::string_view language, std::string_view word,
                                                        const Options& options, const SourceLoc& loc,
                                                        DiagnosticSink& sink) {
    const Patterns* p = patterns(language, loc, sink);
    if (!p) return none_;
    // The options as bytes (each is a small count or a flag), the language, the word.
    key_.clear();
    for (int n : {options.min_word, options.left_min, options.right_min, options.hyphenate_capitalised ? 1 : 0,
                  options.in_capitals_text ? 1 : 0}) {
        key_ += static_cast<char>(n & 0xFF);
    }
    key_ += language;
    key_ += '\0';
    key_ += word;
    auto found = known_.find(key_);
    if (found == known_.end()) found = known_.emplace(key_, p->break_points(word, options)).first;
    return found->second;
}

}  // namespace quire::hyph
