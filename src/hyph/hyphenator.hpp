#pragma once
// Where words may be hyphenated: libhyphen with the language's patterns (design §4),
// plus the rules a magazine needs around them: soft hyphens, explicit hyphens and
// dashes, and words that must be left alone (acronyms, inner capitals, numbers, URLs
// and e-mail addresses).
#include "core/diagnostics.hpp"
#include "core/keyed_by_text.hpp"
#include "core/search_path.hpp"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct _HyphenDict;

namespace quire::hyph {

enum class BreakKind {
    discretionary,    // add a hyphen when breaking here (pattern or soft hyphen U+00AD)
    explicit_hyphen,  // the text already has a hyphen or en dash before this point
    address,          // in a URL, e-mail address or path: broken with no hyphen added
};

// A place to break a word: the first part is word[0, offset), the second word[offset,
// end). For a soft hyphen the first part ends with the (invisible) U+00AD.
struct BreakPoint {
    std::size_t offset = 0;
    BreakKind kind = BreakKind::discretionary;
    // In a capitalised word, offered only because Options::hyphenate_capitalised lets
    // names be hyphenated (a caller may keep such points for a last resort).
    bool in_name = false;
    friend bool operator==(const BreakPoint&, const BreakPoint&) = default;
};

struct Options {
    int min_word = 5;   // letters a word needs before it is hyphenated at all
    int left_min = 2;   // letters before the first hyphen
    int right_min = 3;  // letters after the last hyphen
    // TeX hyphenates "Southeast"; magazines usually leave names whole (InDesign's
    // "Hyphenate Capitalized Words" is a style's choice: hyphenate-capitals). Words
    // with any other capital ("UNODC", "iPhone") are never hyphenated.
    bool hyphenate_capitalised = true;
    // A word all in capitals is an acronym ("UNODC") and left whole, unless it stands
    // in text set in capitals (a legal notice, a shouted line: the caller decides,
    // from its neighbours), where it is hyphenated as its lower-case form, as TeX and
    // InDesign's "Hyphenate Words in CAPS" do.
    bool in_capitals_text = false;

    friend bool operator==(const Options&, const Options&) = default;
};

// One language's patterns (a .dic file), owned.
class Patterns {
public:
    // nullopt if the file cannot be read as a libhyphen dictionary.
    static std::optional<Patterns> load(const std::string& path);
    Patterns(Patterns&&) noexcept = default;
    Patterns& operator=(Patterns&&) noexcept = default;
    ~Patterns();

    // Break points in a word as it stands in the text (UTF-8, may carry punctuation,
    // quotes, curly apostrophes, soft hyphens), in increasing order. Left/right minimums
    // count letters; the pattern file's own minimums apply too (the larger wins).
    std::vector<BreakPoint> break_points(std::string_view word, const Options& options) const;

    // The raw pattern result for a lower-case word of letters only: offsets (bytes)
    // after which libhyphen allows a hyphen, before minimums. For tests and tracing.
    std::vector<std::size_t> pattern_points(std::string_view lower_word) const;

private:
    struct Free { void operator()(_HyphenDict* d) const; };
    explicit Patterns(_HyphenDict* dict);
    std::unique_ptr<_HyphenDict, Free> dict_;
};

// Where a URL, e-mail address or path may break with no hyphen (BreakKind::address):
// after a `/` (not between the two of `//`), after a `.` or `@` followed by a letter or
// digit, and before a `_ - ~ ? # % = &` that follows one (Chicago 7.42), leaving at least three characters of the address before and four after
// (report.pdf stays whole). Empty for a
// word that is not an address. Quotes and punctuation around it do not count.
std::vector<BreakPoint> address_break_points(std::string_view word);

// The Debian 12 package that installs a language's patterns, and the file in it that
// serves the language (for a message that says what to install and where it goes).
struct PatternPackage {
    std::string package;  // "hyphen-fr"
    std::string file;     // "hyph_fr.dic"
};

// The package for a BCP 47 tag ("fr-FR", "pt-BR", "de"); nullopt when Debian has
// none that quire knows of.
std::optional<PatternPackage> pattern_package(std::string_view language);

// Whether text in a BCP 47 language is never hyphenated: Chinese, Japanese and Korean
// ("zh", "zh-Hant-TW", "ja", "ko") break lines between characters or at spaces
// (shape::BreakFinder), never inside a word with a hyphen; Vietnamese writes each
// syllable as a word of its own; Arabic, Persian, Urdu, Pashto, Hebrew and Yiddish
// are set without breaking words; so no patterns are missing.
bool unhyphenated_language(std::string_view language);

// Where pattern files are looked for, at run time: QUIRE_HYPHEN_PATH's directories
// (colon-separated), then where Debian's hyphen-* packages put them (/usr/share/hyphen)
// and where a local install would (/usr/local/share/hyphen).
SearchPath pattern_search_path();

// Patterns per language, loaded once from directories of hyph_<ll>_<CC>.dic files.
class Hyphenator {
public:
    explicit Hyphenator(SearchPath pattern_dirs);

    // The pattern file for a BCP 47 tag: "en-GB" -> hyph_en_GB.dic, "de-DE" ->
    // hyph_de_DE.dic; without a region (or one with no file of its own) the file of
    // the Debian package for the language ("en" -> hyph_en_US.dic, "ru" ->
    // hyph_ru_RU.dic), else hyph_<ll>.dic; from the first directory of the search
    // path that has one of them; empty if none is installed.
    std::string pattern_file(std::string_view language) const;

    // The language's patterns, loaded on first use. nullptr when there are none: text
    // in that language is set without hyphenation. Reported once per language, at the
    // first `loc` that asks: an error naming the Debian package when one brings the
    // language's patterns (installing it is the fix), else a warning; never for an
    // unhyphenated_language.
    const Patterns* patterns(std::string_view language, const SourceLoc& loc, DiagnosticSink& sink);

    // As Patterns::break_points, remembered per language, options and word: a magazine
    // repeats its words, and libhyphen is the dearer part of setting them.
    const std::vector<BreakPoint>& break_points(std::string_view language, std::string_view word,
                                                const Options& options, const SourceLoc& loc, DiagnosticSink& sink);

private:
    void report_missing(std::string_view language, const SourceLoc& loc, DiagnosticSink& sink) const;

    SearchPath dirs_;
    std::map<std::string, std::optional<Patterns>, std::less<>> loaded_;
    // What is known, in two levels: per language and options (a handful), then per
    // word, found by its own bytes without building a key (issue 19).
    using KnownWords = TextMap<std::vector<BreakPoint>>;
    struct KnownFor {
        std::string language;
        Options options;
        KnownWords words;
    };
    RecentTable<KnownFor> known_;  // the break points handed out stay where they are
    KnownWords& known_words(std::string_view language, const Options& options);
    const std::vector<BreakPoint> none_;
};

}  // namespace quire::hyph
