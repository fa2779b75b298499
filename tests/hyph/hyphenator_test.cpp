#include "hyph/hyphenator.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace quire;
using namespace quire::hyph;

namespace {

// Debian's patterns, where the hyphen-* packages (.ci/setup) put them.
const std::string debian_dir = "/usr/share/hyphen";
SearchPath debian_patterns() { return {{debian_dir}, "QUIRE_HYPHEN_PATH"}; }

// The word with "=" at discretionary breaks and "|" at explicit ones.
std::string marked(const Patterns& patterns, const std::string& word, const Options& options = {}) {
    std::string out;
    std::size_t prev = 0;
    for (const BreakPoint& b : patterns.break_points(word, options)) {
        REQUIRE(b.offset > prev);
        out += word.substr(prev, b.offset - prev) + (b.kind == BreakKind::explicit_hyphen ? "|" : "=");
        prev = b.offset;
    }
    return out + word.substr(prev);
}

struct Fixture {
    DiagnosticSink sink;
    Hyphenator hyphenator{debian_patterns()};
    const Patterns& gb = *hyphenator.patterns("en-GB", {}, sink);
    const Patterns& us = *hyphenator.patterns("en-US", {}, sink);
};

}  // namespace

TEST_CASE("language tags map to Debian's pattern files", "[hyph]") {
    Hyphenator h(debian_patterns());
    const std::string dir = debian_dir;
    CHECK(h.pattern_file("en-GB") == dir + "/hyph_en_GB.dic");
    CHECK(h.pattern_file("en-gb") == dir + "/hyph_en_GB.dic");
    CHECK(h.pattern_file("en_GB") == dir + "/hyph_en_GB.dic");
    CHECK(h.pattern_file("en-US") == dir + "/hyph_en_US.dic");
    CHECK(h.pattern_file("en") == dir + "/hyph_en_US.dic");
    CHECK(h.pattern_file("en-Latn-GB") == dir + "/hyph_en_GB.dic");
    CHECK(h.pattern_file("xx").empty());
    CHECK(h.pattern_file("../../etc/passwd").empty());
}

TEST_CASE("an unknown language means no hyphenation and one warning", "[hyph]") {
    DiagnosticSink sink;
    Hyphenator h(debian_patterns());
    CHECK(h.patterns("xx-YY", {"a.xml", 1, 20}, sink) == nullptr);
    CHECK(h.break_points("xx-YY", "internationalisation", {}, {"a.xml", 9, 1}, sink).empty());
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]).starts_with("a.xml:1:20: warning: no hyphenation patterns for language 'xx-YY'"));
    // Patterns are loaded once per language.
    CHECK(h.patterns("en-GB", {}, sink) == h.patterns("en-GB", {}, sink));
}

TEST_CASE("Chinese, Japanese, Korean, Vietnamese, Arabic and Hebrew are never hyphenated, and nothing is reported missing", "[hyph][cjk]") {
    DiagnosticSink sink;
    Hyphenator h(debian_patterns());
    for (const char* language : {"zh", "zh-Hans-CN", "zh-TW", "ja", "ja-JP", "ko", "KO-kr", "vi", "vi-VN", "ar", "ar-EG", "fa", "he", "yi"}) {
        INFO(language);
        CHECK(unhyphenated_language(language));
        CHECK(h.patterns(language, {"a.xml", 1, 1}, sink) == nullptr);
        CHECK(h.break_points(language, "\u5916\u4EA4\u653F\u7B56\u7814\u7A76", {}, {"a.xml", 2, 1}, sink).empty());
        CHECK(h.break_points(language, "internationalisation", {}, {"a.xml", 3, 1}, sink).empty());
    }
    CHECK(sink.all().empty());
    // Languages that are hyphenated stay so (and a missing one is still reported).
    CHECK_FALSE(unhyphenated_language("en-GB"));
    CHECK_FALSE(unhyphenated_language("zu"));
    CHECK(h.patterns("xx", {"a.xml", 4, 1}, sink) == nullptr);
    CHECK(sink.all().size() == 1);
}

TEST_CASE_METHOD(Fixture, "British patterns hyphenate known words", "[hyph]") {
    CHECK(marked(gb, "hyphenation") == "hy=phen=a=tion");
    CHECK(marked(gb, "international") == "in=ter=na=tional");
    CHECK(marked(gb, "cryptocurrency") == "crypto=cur=rency");
    CHECK(marked(gb, "organizations") == "or=gan=iz=a=tions");
    CHECK(marked(gb, "cybersecurity") == "cy=ber=se=cur=ity");
    CHECK(marked(gb, "trafficking") == "traf=fick=ing");
}

TEST_CASE_METHOD(Fixture, "American patterns differ from British ones", "[hyph]") {
    CHECK(marked(us, "hyphenation") == "hy=phen=ation");
    CHECK(marked(us, "organizations") == "or=ga=ni=za=tions");
    CHECK(marked(gb, "philosophy") == "philo=sophy");
    CHECK(marked(us, "philosophy") == "phi=los=o=phy");
    CHECK(marked(gb, "knowledge") == "know=ledge");
    CHECK(marked(us, "knowledge") == "knowl=edge");
}

TEST_CASE_METHOD(Fixture, "minimums: word length and letters before and after a hyphen", "[hyph]") {
    CHECK(marked(gb, "hyphenation", {5, 3, 3, true}) == "hyphen=a=tion");
    CHECK(marked(gb, "hyphenation", {5, 2, 5, true}) == "hy=phen=ation");
    CHECK(marked(gb, "hyphenation", {12, 2, 3, true}) == "hyphenation");
    CHECK(marked(gb, "project") == "pro=ject");
    CHECK(marked(gb, "project", {8, 2, 3, true}) == "project");
    // The pattern file's own minimums (2 and 3) still hold when a style asks for less.
    CHECK(marked(gb, "hyphenation", {1, 1, 1, true}) == "hy=phen=a=tion");
}

TEST_CASE_METHOD(Fixture, "punctuation and quotes around a word are not letters", "[hyph]") {
    CHECK(marked(gb, "\u201Cinternational\u201D,") == "\u201Cin=ter=na=tional\u201D,");
    CHECK(marked(gb, "(trafficking).") == "(traf=fick=ing).");
}

TEST_CASE_METHOD(Fixture, "a curly apostrophe belongs to the word but is never a break", "[hyph]") {
    CHECK(marked(gb, "organization\u2019s") == "or=gan=iz=a=tion\u2019s");
    CHECK(marked(gb, "don\u2019t") == "don\u2019t");
    CHECK(marked(gb, "organization's") == "or=gan=iz=a=tion's");
}

TEST_CASE_METHOD(Fixture, "acronyms, inner capitals, numbers, URLs and addresses are left alone", "[hyph]") {
    CHECK(gb.break_points("UNODC", {}).empty());
    CHECK(gb.break_points("INTERNATIONAL", {}).empty());
    CHECK(gb.break_points("iPhone", {}).empty());
    CHECK(gb.break_points("McDonaldization", {}).empty());
    CHECK(gb.break_points("200,000", {}).empty());
    CHECK(gb.break_points("COVID-19", {}).empty());
    CHECK(gb.break_points("international2", {}).empty());
    CHECK(gb.break_points("https://www.example.com/international", {}).empty());
    CHECK(gb.break_points("www.", {}).empty());
    CHECK(gb.break_points("fareview@st-andrews.ac.uk", {}).empty());
    CHECK(gb.break_points("andrews.ac.uk", {}).empty());
}

namespace {

// The address with "|" where it may break (after the character before it).
std::string address_marked(const std::string& word) {
    std::string out;
    std::size_t prev = 0;
    for (const BreakPoint& b : address_break_points(word)) {
        CHECK(b.kind == BreakKind::address);
        out += word.substr(prev, b.offset - prev) + "|";
        prev = b.offset;
    }
    return out + word.substr(prev);
}

}  // namespace

TEST_CASE("URLs and addresses break after / . and @ with no hyphen", "[hyph]") {
    CHECK(address_marked("https://www.unodc.org/roseap/2023/report.pdf") == "https://|www.|unodc.|org/|roseap/|2023/|report.pdf");
    CHECK(address_marked("fareview@st-andrews.ac.uk") == "fareview@|st|-andrews.|ac.uk");
    // Before an underscore, hyphen or query, so the mark starts the next line.
    CHECK(address_marked("example.org/in_persons-2023?id=7") == "example.|org/|in|_persons|-2023|?id=7");
    // Punctuation around it is not the address: nothing breaks before "pdf" or after ").
    CHECK(address_marked("(example.org/annex/tables.csv).") == "(example.|org/|annex/|tables.csv).");
    CHECK(address_marked("https://example.org/") == "https://|example.|org/");
    // Words that are not addresses: no address breaks (the patterns hyphenate them).
    CHECK(address_break_points("international").empty());
    CHECK(address_break_points("e.g.").empty());
    CHECK(address_break_points("U.S.").empty());
}

TEST_CASE_METHOD(Fixture, "capitalised words hyphenate unless the style says not to", "[hyph]") {
    CHECK(marked(gb, "Southeast") == "South=east");
    CHECK(marked(gb, "Cambodia") == "Cam=bodia");
    Options no_capitals;
    no_capitals.hyphenate_capitalised = false;
    CHECK(marked(gb, "Southeast", no_capitals) == "Southeast");
    CHECK(marked(gb, "southeast", no_capitals) == "south=east");
}

TEST_CASE_METHOD(Fixture, "a point that exists only because a name may be hyphenated says so", "[hyph]") {
    for (const BreakPoint& b : gb.break_points("Hammersmith", {})) CHECK(b.in_name);
    for (const BreakPoint& b : gb.break_points("hammersmith", {})) CHECK_FALSE(b.in_name);
    REQUIRE_FALSE(gb.break_points("Hammersmith", {}).empty());
    // A hyphen in the text is a break whatever the word: not a name's.
    for (const BreakPoint& b : gb.break_points("Anglo-Saxon", {})) {
        if (b.kind == BreakKind::explicit_hyphen) CHECK_FALSE(b.in_name);
    }
}

TEST_CASE_METHOD(Fixture, "a word in capitals is left whole, unless it stands in text set in capitals", "[hyph]") {
    Options no_capitals;
    no_capitals.hyphenate_capitalised = false;
    CHECK(marked(gb, "MERCHANTABILITY", no_capitals) == "MERCHANTABILITY");  // an acronym, as far as it knows
    CHECK(marked(gb, "UNODC", no_capitals) == "UNODC");
    Options caps_text = no_capitals;
    caps_text.in_capitals_text = true;
    CHECK(marked(gb, "MERCHANTABILITY", caps_text) == "MER=CHANT=AB=IL=ITY");
    CHECK(marked(gb, "WARRANTY,", caps_text) == "WAR=RANTY,");
    CHECK(marked(gb, "Southeast", caps_text) == "Southeast");  // still a name
    CHECK(marked(gb, "McKinsey", caps_text) == "McKinsey");
}

TEST_CASE_METHOD(Fixture, "a soft hyphen is the only break point and is kept in the first part", "[hyph]") {
    const std::string word = "co\u00ADoperation";
    const auto points = gb.break_points(word, {});
    REQUIRE(points.size() == 1);
    CHECK(points[0] == BreakPoint{4, BreakKind::discretionary});  // after the two bytes of U+00AD
    CHECK(word.substr(0, 4) == "co\u00AD");
    // Even where the patterns and minimums would say otherwise.
    CHECK(marked(gb, "hyphen\u00ADation") == "hyphen\u00AD=ation");
    CHECK(marked(gb, "a\u00ADb") == "a\u00AD=b");
}

TEST_CASE_METHOD(Fixture, "explicit hyphens and en dashes are breaks that add no hyphen", "[hyph]") {
    CHECK(marked(gb, "self-evident") == "self-|evid=ent");
    CHECK(marked(gb, "well\u2013being") == "well\u2013|be=ing");
    CHECK(marked(gb, "UN-backed") == "UN-|backed");
    // A non-breaking hyphen (U+2011) is not a break; the parts may still hyphenate.
    CHECK(marked(gb, "self\u2011evident") == "self\u2011evid=ent");
    // A dash at the edge of the word is no break inside it.
    CHECK(marked(gb, "-international") == "-in=ter=na=tional");
}

TEST_CASE_METHOD(Fixture, "letters beyond ASCII are lower-cased and counted as letters", "[hyph]") {
    CHECK(marked(gb, "D\u00E9sorganisation") == "D\u00E9sor=gan=isa=tion");
    CHECK(marked(gb, "encyclop\u00E6dia") == "en=cyc=lop\u00E6=dia");
}

// The languages the Review meets (issue 16): .ci/setup installs these Debian packages.
TEST_CASE("each language the Review meets has its Debian patterns installed", "[hyph][languages]") {
    Hyphenator h(debian_patterns());
    const std::string dir = debian_dir + "/";
    CHECK(h.pattern_file("fr-FR") == dir + "hyph_fr_FR.dic");
    CHECK(h.pattern_file("fr") == dir + "hyph_fr.dic");
    CHECK(h.pattern_file("de-DE") == dir + "hyph_de_DE.dic");
    CHECK(h.pattern_file("de") == dir + "hyph_de_DE.dic");
    CHECK(h.pattern_file("es") == dir + "hyph_es_ES.dic");  // Debian has no hyph_es.dic
    CHECK(h.pattern_file("it-IT") == dir + "hyph_it_IT.dic");
    CHECK(h.pattern_file("pt") == dir + "hyph_pt_PT.dic");
    CHECK(h.pattern_file("pt-BR") == dir + "hyph_pt_BR.dic");
    CHECK(h.pattern_file("ru") == dir + "hyph_ru_RU.dic");
    CHECK(h.pattern_file("nl") == dir + "hyph_nl_NL.dic");
    CHECK(h.pattern_file("pl") == dir + "hyph_pl_PL.dic");
    DiagnosticSink sink;
    for (const char* language : {"en-GB", "en-US", "fr-FR", "de-DE", "es-ES", "it-IT", "pt-PT", "pt-BR", "ru-RU",
                                 "nl-NL", "pl-PL"}) {
        INFO(language);
        CHECK(h.patterns(language, {}, sink) != nullptr);
    }
    CHECK(sink.all().empty());
}

TEST_CASE("a language's Debian package and the file it brings", "[hyph][languages]") {
    auto package = [](const char* language) {
        auto p = pattern_package(language);
        return p ? p->package + " " + p->file : std::string("none");
    };
    CHECK(package("fr-FR") == "hyphen-fr hyph_fr.dic");
    CHECK(package("de") == "hyphen-de hyph_de_DE.dic");
    CHECK(package("de-CH") == "hyphen-de hyph_de_DE.dic");
    CHECK(package("pt-BR") == "hyphen-pt-br hyph_pt_BR.dic");
    CHECK(package("pt-PT") == "hyphen-pt-pt hyph_pt_PT.dic");
    CHECK(package("en-GB") == "hyphen-en-gb hyph_en_GB.dic");
    CHECK(package("en") == "hyphen-en-us hyph_en_US.dic");
    CHECK(package("ru") == "hyphen-ru hyph_ru_RU.dic");
    CHECK(package("pl") == "hyphen-pl hyph_pl_PL.dic");
    CHECK(package("xx-YY") == "none");
}

TEST_CASE("missing patterns name the Debian package that brings them, where quire looked, and the variable",
          "[hyph][languages]") {
    const std::filesystem::path empty = std::filesystem::temp_directory_path() / "quire-no-patterns";
    std::filesystem::create_directories(empty);
    DiagnosticSink sink;
    Hyphenator h(SearchPath{{empty.string(), "/nowhere/hyphen"}, "QUIRE_HYPHEN_PATH"});
    CHECK(h.patterns("fr-FR", {"article.xml", 1, 40}, sink) == nullptr);
    CHECK(h.patterns("fr-FR", {"article.xml", 9, 1}, sink) == nullptr);  // once per language
    CHECK(h.patterns("pt-BR", {"article.xml", 2, 3}, sink) == nullptr);
    CHECK(h.patterns("xx-YY", {"article.xml", 3, 1}, sink) == nullptr);
    REQUIRE(sink.all().size() == 3);
    const std::string where = " in " + empty.string() + ", /nowhere/hyphen";
    CHECK(format_diagnostic(sink.all()[0]) == "article.xml:1:40: error: no hyphenation patterns for language 'fr-FR' "
                                              "(hyph_fr.dic" + where + "); install Debian's hyphen-fr, or set "
                                              "QUIRE_HYPHEN_PATH to a directory that has it");
    CHECK(format_diagnostic(sink.all()[1]) == "article.xml:2:3: error: no hyphenation patterns for language 'pt-BR' "
                                              "(hyph_pt_BR.dic" + where + "); install Debian's hyphen-pt-br, or set "
                                              "QUIRE_HYPHEN_PATH to a directory that has it");
    CHECK(format_diagnostic(sink.all()[2]) == "article.xml:3:1: warning: no hyphenation patterns for language 'xx-YY'" +
                                                  where + "; text in it will not be hyphenated (set QUIRE_HYPHEN_PATH "
                                                  "to a directory that has it)");
}

// Issue 21: patterns are found at run time, QUIRE_HYPHEN_PATH's directories first.
TEST_CASE("QUIRE_HYPHEN_PATH's directories are searched first, in order, then the system's", "[hyph]") {
    const std::filesystem::path own = std::filesystem::temp_directory_path() / "quire-own-patterns";
    std::filesystem::create_directories(own);
    std::ofstream(own / "hyph_en_GB.dic") << "UTF-8\n";
    ::setenv("QUIRE_HYPHEN_PATH", ("::/nowhere:" + own.string()).c_str(), 1);
    const SearchPath path = pattern_search_path();
    ::unsetenv("QUIRE_HYPHEN_PATH");
    CHECK(path.variable == "QUIRE_HYPHEN_PATH");
    CHECK(path.places == std::vector<std::string>{"/nowhere", own.string(), "/usr/share/hyphen", "/usr/local/share/hyphen"});
    Hyphenator h(path);
    CHECK(h.pattern_file("en-GB") == (own / "hyph_en_GB.dic").string());  // the user's directory wins
    CHECK(h.pattern_file("en-US") == debian_dir + "/hyph_en_US.dic");    // the rest come from the system
    CHECK(pattern_search_path().places == std::vector<std::string>{"/usr/share/hyphen", "/usr/local/share/hyphen"});
}

TEST_CASE("French and German patterns hyphenate their own words", "[hyph][languages]") {
    DiagnosticSink sink;
    Hyphenator h(debian_patterns());
    const Patterns* fr = h.patterns("fr-FR", {}, sink);
    const Patterns* de = h.patterns("de-DE", {}, sink);
    REQUIRE(fr);
    REQUIRE(de);
    CHECK(marked(*fr, "constitutionnelle") == "consti=tu=tion=nelle");
    CHECK(marked(*fr, "gouvernement") == "gou=ver=ne=ment");
    CHECK(marked(*fr, "n\u2019importe") == "n\u2019im=porte");  // the elided article is no syllable
    CHECK(marked(*de, "Bundesregierung") == "Bun=des=re=gie=rung");
    CHECK(marked(*de, "Verhandlungen") == "Ver=hand=lun=gen");
}

// Issue 19: Hyphenator::break_points answers short words without a lookup; what it
// answers must be what the patterns themselves say, whatever the minimums.
TEST_CASE_METHOD(Fixture, "short words are answered as the patterns would answer them", "[hyph]") {
    const Patterns* patterns = hyphenator.patterns("en-GB", {}, sink);
    REQUIRE(patterns);
    int with_points = 0;
    for (const Options options : {Options{5, 2, 3}, Options{2, 1, 1}, Options{1, 1, 1}, Options{3, 1, 2}}) {
        for (const char* word : {"a", "ab", "the", "a-b", "x-y", "co\u00ADop", "ab\u00AD", "go", "up-", "-up", "a\u2013b"}) {
            INFO(word << " min_word " << options.min_word << " left " << options.left_min << " right " << options.right_min);
            const std::vector<BreakPoint> direct = patterns->break_points(word, options);
            const std::vector<BreakPoint>& answered = hyphenator.break_points("en-GB", word, options, {}, sink);
            REQUIRE(answered.size() == direct.size());
            for (std::size_t i = 0; i < direct.size(); ++i) {
                CHECK(answered[i].offset == direct[i].offset);
                CHECK(answered[i].kind == direct[i].kind);
            }
            with_points += !direct.empty();
        }
    }
    CHECK(with_points > 0);  // "a-b" and the soft hyphen's word have points: the shortcut must not hide them
}
