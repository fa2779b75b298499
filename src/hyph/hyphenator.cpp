#include "hyph/hyphenator.hpp"

#include "core/utf8.hpp"

#include <hyphen.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string_view>

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

bool is_alnum(char32_t c) { return is_letter(c) || u_isdigit(static_cast<UChar32>(c)); }

}  // namespace

std::vector<BreakPoint> address_break_points(std::string_view word) {
    std::vector<BreakPoint> out;
    // Asked of every word the setter meets: most have none of an address's marks
    // (looks_like_address's), and need no decoding.
    if (word.find_first_of("@/\\_=?&#.:") == std::string_view::npos) return out;
    const std::vector<Char> chars = decode_utf8(word);
    if (!looks_like_address(chars)) return out;
    // The address proper: from its first to its last letter or digit ("<url>," or a
    // quoted address leaves its punctuation out), a / at its end kept.
    std::size_t first = 0, last = chars.size();
    while (first < last && !is_alnum(chars[first].value)) ++first;
    while (last > first && !is_alnum(chars[last - 1].value) && chars[last - 1].value != U'/') --last;
    // Characters kept before and after a break: a file's extension stays with its name.
    constexpr std::size_t keep_before = 3, keep_after = 4;
    for (std::size_t i = first; i + 1 < last; ++i) {
        const char32_t c = chars[i].value, next = chars[i + 1].value;
        const bool after_slash = c == U'/' && next != U'/';
        const bool after_dot_or_at = (c == U'.' || c == U'@') && is_alnum(next);
        // Chicago's breaks before the marks a reader might take for the line's own
        // (a hyphen, an underscore) or that start a part (?query #fragment).
        const bool before_mark = is_alnum(c) && std::u32string_view(U"_-~?#%=&").find(next) != std::u32string_view::npos;
        if (!after_slash && !after_dot_or_at && !before_mark) continue;
        if (i + 1 - first < keep_before || last - (i + 1) < keep_after) continue;
        out.push_back({chars[i].end, BreakKind::address});
    }
    return out;
}

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
            const bool in_name = caps_ok && !capitals_allow(chars, comp_begin, comp_end, false, options.in_capitals_text);
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
                        out.push_back({chars[run + before - 1].end, BreakKind::discretionary, in_name});
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

namespace {

// A BCP 47 tag's language (lower case) and region (upper case; 2 letters or 3 digits,
// empty if none). Any script subtag ("en-Latn-GB") is skipped.
struct LanguageTag {
    std::string language, region;
};

LanguageTag parse_tag(std::string_view tag) {
    std::vector<std::string> subtags;
    std::string current;
    for (char c : tag) {
        if (c == '-' || c == '_') {
            subtags.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    subtags.push_back(current);
    LanguageTag out{subtags[0], {}};
    for (char& c : out.language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t i = 1; i < subtags.size(); ++i)
        if (subtags[i].size() == 2 || (subtags[i].size() == 3 && std::isdigit(static_cast<unsigned char>(subtags[i][0])))) {
            out.region = subtags[i];
            for (char& c : out.region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            break;
        }
    return out;
}

// Checked with `dpkg -L` on Debian 12: each package installs the file named (and more
// regional variants, found by their own names). A region listed first wins over the
// language alone.
struct KnownPatterns {
    const char* language;
    const char* region;  // "" for the language's default
    const char* package;
    const char* file;
};
constexpr KnownPatterns known_patterns[] = {
    {"en", "GB", "hyphen-en-gb", "hyph_en_GB.dic"}, {"en", "AU", "hyphen-en-gb", "hyph_en_AU.dic"},
    {"en", "ZA", "hyphen-en-gb", "hyph_en_ZA.dic"}, {"en", "", "hyphen-en-us", "hyph_en_US.dic"},
    {"fr", "", "hyphen-fr", "hyph_fr.dic"},         {"de", "", "hyphen-de", "hyph_de_DE.dic"},
    {"es", "", "hyphen-es", "hyph_es_ES.dic"},      {"it", "", "hyphen-it", "hyph_it_IT.dic"},
    {"pt", "BR", "hyphen-pt-br", "hyph_pt_BR.dic"}, {"pt", "", "hyphen-pt-pt", "hyph_pt_PT.dic"},
    {"ru", "", "hyphen-ru", "hyph_ru_RU.dic"},      {"nl", "", "hyphen-nl", "hyph_nl_NL.dic"},
    {"pl", "", "hyphen-pl", "hyph_pl_PL.dic"},
};

const KnownPatterns* known_for(const LanguageTag& tag) {
    const KnownPatterns* fallback = nullptr;
    for (const KnownPatterns& k : known_patterns) {
        if (tag.language != k.language) continue;
        if (tag.region == k.region) return &k;
        if (*k.region == '\0') fallback = &k;
    }
    return fallback;
}

bool is_lower_word(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

bool unhyphenated_language(std::string_view language) {
    const std::string primary = parse_tag(language).language;
    static constexpr std::string_view never[] = {"zh", "ja", "ko", "vi", "ar", "fa", "ur", "ps", "he", "yi"};
    return std::find(std::begin(never), std::end(never), primary) != std::end(never);
}

std::optional<PatternPackage> pattern_package(std::string_view language) {
    const KnownPatterns* known = known_for(parse_tag(language));
    if (!known) return std::nullopt;
    return PatternPackage{known->package, known->file};
}

SearchPath pattern_search_path() {
    return search_path("QUIRE_HYPHEN_PATH", {"/usr/share/hyphen", "/usr/local/share/hyphen"});
}

Hyphenator::Hyphenator(SearchPath pattern_dirs) : dirs_(std::move(pattern_dirs)) {}

std::string Hyphenator::pattern_file(std::string_view language) const {
    const LanguageTag tag = parse_tag(language);
    // Only letters and digits reach a file name: "../../etc/passwd" names no file.
    if (!is_lower_word(tag.language)) return {};
    if (!std::all_of(tag.region.begin(), tag.region.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) return {};
    std::vector<std::string> candidates;
    if (!tag.region.empty()) candidates.push_back("hyph_" + tag.language + "_" + tag.region + ".dic");
    if (const KnownPatterns* known = known_for(tag)) candidates.push_back(known->file);
    candidates.push_back("hyph_" + tag.language + ".dic");
    // A directory the user named wins over the system's, whichever file it has.
    for (const std::string& dir : dirs_.places) {
        for (const std::string& name : candidates) {
            std::error_code ec;
            const std::filesystem::path path = std::filesystem::path(dir) / name;
            if (std::filesystem::is_regular_file(path, ec)) return path.string();
        }
    }
    return {};
}

void Hyphenator::report_missing(std::string_view language, const SourceLoc& loc, DiagnosticSink& sink) const {
    const std::string quoted = "'" + std::string(language) + "'";
    const std::string where = " in " + dirs_.listed();
    const std::string point = "set " + dirs_.variable + " to a directory that has it";
    if (const auto package = pattern_package(language)) {
        sink.error(loc, "no hyphenation patterns for language " + quoted + " (" + package->file + where +
                            "); install Debian's " + package->package + ", or " + point);
    } else {
        sink.warning(loc, "no hyphenation patterns for language " + quoted + where +
                              "; text in it will not be hyphenated (" + point + ")");
    }
}

const Patterns* Hyphenator::patterns(std::string_view language, const SourceLoc& loc, DiagnosticSink& sink) {
    if (auto it = loaded_.find(language); it != loaded_.end()) return it->second ? &*it->second : nullptr;
    std::optional<Patterns> patterns;
    if (unhyphenated_language(language)) {  // nothing is missing: remembered as none, unreported
        loaded_.emplace(std::string(language), std::nullopt);
        return nullptr;
    }
    const std::string file = pattern_file(language);
    if (file.empty())
        report_missing(language, loc, sink);
    else if (!(patterns = Patterns::load(file)))
        sink.warning(loc, "cannot read hyphenation patterns '" + file + "'; text in '" + std::string(language) +
                              "' will not be hyphenated");
    auto [it, inserted] = loaded_.emplace(std::string(language), std::move(patterns));
    return it->second ? &*it->second : nullptr;
}

Hyphenator::KnownWords& Hyphenator::known_words(std::string_view language, const Options& options) {
    auto same = [&](const KnownFor& k) { return k.language == language && k.options == options; };
    return known_.find_or_add(same, [&] { return KnownFor{std::string(language), options, {}}; }).words;
}

const std::vector<BreakPoint>& Hyphenator::break_points(std::string_view language, std::string_view word,
                                                        const Options& options, const SourceLoc& loc,
                                                        DiagnosticSink& sink) {
    const Patterns* p = patterns(language, loc, sink);
    if (!p) return none_;
    // Most of a text's words are too short for any break, and are answered before a
    // key is built: fewer bytes (so fewer letters) than the patterns' minimums, no
    // room for a soft hyphen between two letters (4 bytes), and no hyphen of their own.
    const int shortest = std::max(options.min_word, std::max(options.left_min, 1) + std::max(options.right_min, 1));
    if (word.size() < 4 && word.size() < static_cast<std::size_t>(shortest) && word.find('-') == std::string_view::npos) {
        return none_;
    }
    KnownWords& known = known_words(language, options);
    auto found = known.find(word);
    if (found == known.end()) found = known.emplace(std::string(word), p->break_points(word, options)).first;
    return found->second;
}

}  // namespace quire::hyph
