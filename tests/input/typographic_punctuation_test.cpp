// Typographer's punctuation, by language, on plain strings and on runs of inline text.
#include "input/typographic_punctuation.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using input::typographic_punctuation;

namespace {

std::string en(std::string_view text) { return typographic_punctuation(text, "en-GB"); }
std::string fr(std::string_view text) { return typographic_punctuation(text, "fr-FR"); }

model::InlineRun run(std::string text, std::vector<std::string> styles = {}, bool as_typed = false) {
    return model::InlineRun{std::move(text), std::move(styles), "", {}, as_typed};
}

std::vector<std::string> texts_of(const model::InlineText& text) {
    std::vector<std::string> out;
    for (const model::InlineRun& r : text) out.push_back(r.text);
    return out;
}

}  // namespace

TEST_CASE("English double and single quotes open and close by context", "[punctuation][en]") {
    CHECK(en("\"no\"") == "“no”");
    CHECK(en("He said \"yes\" and 'no'.") == "He said “yes” and ‘no’.");
    CHECK(en("(\"quoted\") [\"too\"]") == "(“quoted”) [“too”]");
    CHECK(en("\"Stop.\" \"Why?\"") == "“Stop.” “Why?”");
    CHECK(en("line one\n\"line two\"") == "line one\n“line two”");
    CHECK(en("She wrote \"yes\"; he, \"no\".") == "She wrote “yes”; he, “no”.");
}

TEST_CASE("English nested quotes", "[punctuation][en]") {
    CHECK(en("\"She said 'hi' to me\"") == "“She said ‘hi’ to me”");
    CHECK(en("\"She said 'hi'\"") == "“She said ‘hi’”");
    CHECK(en("'He called it \"mad\"'") == "‘He called it “mad”’");
    CHECK(en("\"'Tis\" is old") == "“‘Tis” is old");  // a known limit: the elision opens
}

TEST_CASE("English apostrophes inside, before years and after words", "[punctuation][en]") {
    CHECK(en("don't") == "don’t");
    CHECK(en("It's the '90s") == "It’s the ’90s");
    CHECK(en("the students' books") == "the students’ books");
    CHECK(en("'the students' books'") == "‘the students’ books’");
    CHECK(en("O'Brien's") == "O’Brien’s");
}

TEST_CASE("dashes and ellipses", "[punctuation]") {
    CHECK(en("1990--2000") == "1990–2000");
    CHECK(en("pages 3--5, and---at last---the end") == "pages 3–5, and—at last—the end");
    CHECK(en("a - b and well-known") == "a - b and well-known");
    CHECK(en("a rule ---- and ------") == "a rule ---- and ------");
    CHECK(en("Wait... what?") == "Wait… what?");
    CHECK(en("..") == "..");
    CHECK(en("the end....") == "the end....");
    CHECK(en("--\"Yes\" ---'no'") == "–“Yes” —‘no’");
    CHECK(en("-\"Yes\"") == "-“Yes”");
}

TEST_CASE("text already typographic is left as it is", "[punctuation]") {
    const std::string curly = "“Curly” ‘quotes’, don’t – — … « ok »";
    CHECK(en(curly) == curly);
    CHECK(typographic_punctuation(std::string_view("“Anführung”"), "de") == "“Anführung”");
    CHECK(en("") == "");
}

TEST_CASE("URLs and e-mail addresses keep what was typed", "[punctuation]") {
    CHECK(en("see http://x--y.org/a...b now") == "see http://x--y.org/a...b now");
    CHECK(en("see www.a--b.org/x or ftp://f---g") == "see www.a--b.org/x or ftp://f---g");
    CHECK(en("write to a--b@c.org -- soon") == "write to a--b@c.org – soon");
    CHECK(en("\"http://x.org\".") == "“http://x.org”.");
    CHECK(en("(https://a.org/?q=\"x\"--y)") == "(https://a.org/?q=\"x\"--y)");
    CHECK(fr("voir https://x.fr/?a=1:2 ou x@y.fr") == "voir https://x.fr/?a=1:2 ou x@y.fr");
    CHECK(fr("voir https://x.fr/?a=1:2!") == "voir https://x.fr/?a=1:2\u202F!");  // the sentence's mark
    CHECK(en("an @name -- and x@y") == "an @name – and x@y");
}

TEST_CASE("French guillemets with narrow no-break spaces", "[punctuation][fr]") {
    CHECK(fr("\"Bonjour\"") == "«\u202FBonjour\u202F»");
    CHECK(fr("\" Bonjour \"") == "«\u202FBonjour\u202F»");
    CHECK(fr("Il a dit \"oui\".") == "Il a dit «\u202Foui\u202F».");
    CHECK(fr("\"Il a dit 'oui'\"") == "«\u202FIl a dit “oui”\u202F»");
    CHECK(fr("l'homme et l'arbre") == "l’homme et l’arbre");
    CHECK(fr("«Bonjour»") == "«\u202FBonjour\u202F»");
    CHECK(fr("« Bonjour »") == "«\u202FBonjour\u202F»");
    CHECK(fr("«\u00A0Bonjour\u00A0»") == "«\u202FBonjour\u202F»");
}

TEST_CASE("French spaces before colons, semicolons, exclamation and question marks are added once", "[punctuation][fr]") {
    CHECK(fr("Quoi?") == "Quoi\u202F?");
    CHECK(fr("Quoi ?") == "Quoi\u202F?");
    CHECK(fr("Quoi\u00A0?") == "Quoi\u202F?");
    CHECK(fr("Quoi\u202F?") == "Quoi\u202F?");
    CHECK(fr("Quoi ?!") == "Quoi\u202F?!");
    CHECK(fr("Note: voir; lire!") == "Note\u202F: voir\u202F; lire\u202F!");
    CHECK(fr("à 10:30") == "à 10:30");
    CHECK(fr("\"Vraiment?\"") == "«\u202FVraiment\u202F?\u202F»");
    CHECK(fr("?") == "?");
    CHECK(fr("un\n: deux") == "un\n: deux");
    CHECK(fr("1990--2000...") == "1990–2000…");
}

TEST_CASE("German and Swiss German quotes", "[punctuation][de]") {
    auto de = [](std::string_view t) { return typographic_punctuation(t, "de-DE"); };
    CHECK(de("\"Er sagte 'ja'\"") == "„Er sagte ‚ja‘“");
    CHECK(de("Er sagte \"ja\".") == "Er sagte „ja“.");
    CHECK(de("geht's") == "geht’s");
    CHECK(de("Hans' Buch") == "Hans’ Buch");
    CHECK(typographic_punctuation(std::string_view("\"Grüezi 'mitenand'\""), "de-CH") == "«Grüezi ‹mitenand›»");
}

TEST_CASE("quotes of the other languages the Review meets", "[punctuation]") {
    const std::string_view nested = "\"a 'b' c\"";
    CHECK(typographic_punctuation(nested, "es") == "«a “b” c»");
    CHECK(typographic_punctuation(nested, "it-IT") == "«a “b” c»");
    CHECK(typographic_punctuation(nested, "pt-PT") == "«a “b” c»");
    CHECK(typographic_punctuation(nested, "pt-BR") == "“a ‘b’ c”");
    CHECK(typographic_punctuation(nested, "nl") == "“a ‘b’ c”");
    CHECK(typographic_punctuation(nested, "pl") == "„a «b» c”");
    CHECK(typographic_punctuation(std::string_view("\"Да 'нет'\""), "ru") == "«Да „нет“»");
    CHECK(typographic_punctuation(nested, "sv") == "“a ‘b’ c”");   // no table of its own: English
    CHECK(typographic_punctuation(nested, "") == "“a ‘b’ c”");
    CHECK(typographic_punctuation(nested, "FR_ca") == "«\u202Fa “b” c\u202F»");
    CHECK(typographic_punctuation(std::string_view("dell'arte"), "it") == "dell’arte");
}

TEST_CASE("a second pass changes nothing", "[punctuation]") {
    const std::string_view text = "\"She said 'hi'\" -- 1990--2000... l'a \" oui \" ?!: «x» http://a--b.c";
    for (const char* lang : {"en", "fr", "de", "de-CH", "es", "it", "pt", "pt-BR", "nl", "pl", "ru"}) {
        INFO(lang);
        const std::string once = typographic_punctuation(text, lang);
        CHECK(typographic_punctuation(std::string_view(once), lang) == once);
    }
}

TEST_CASE("quote direction is decided across inline runs", "[punctuation][runs]") {
    // "<em>Hammersmith</em>," : the closing quote's context is in the run before.
    model::InlineText text{run("\""), run("Hammersmith", {"em"}), run(",\" he said")};
    model::InlineText out = typographic_punctuation(text, "en-GB");
    CHECK(texts_of(out) == std::vector<std::string>{"“", "Hammersmith", ",” he said"});
    REQUIRE(out.size() == 3);
    CHECK(out[1].character_styles == std::vector<std::string>{"em"});

    model::InlineText strong{run("He said "), run("\"no\"", {"strong"}), run(" and 'left'.")};
    CHECK(texts_of(typographic_punctuation(strong, "en")) ==
          std::vector<std::string>{"He said ", "“no”", " and ‘left’."});

    model::InlineText across{run("\"It"), run("'", {"em"}), run("s\"")};
    CHECK(texts_of(typographic_punctuation(across, "en")) == std::vector<std::string>{"“It", "’", "s”"});
}

TEST_CASE("runs keep their styles, links and locations", "[punctuation][runs]") {
    model::InlineRun link{"the \"report\"", {"link"}, "https://x.org/a--b", SourceLoc{"a.xml", 3, 7}};
    model::InlineText out = typographic_punctuation(model::InlineText{link}, "en");
    REQUIRE(out.size() == 1);
    CHECK(out[0].text == "the “report”");
    CHECK(out[0].href == "https://x.org/a--b");
    CHECK(out[0].loc.line == 3);
    CHECK(out[0].loc.column == 7);
    CHECK(typographic_punctuation(model::InlineText{}, "en").empty());
}

TEST_CASE("runs kept as typed (<literal>) are not converted but give context", "[punctuation][runs]") {
    model::InlineText text{run("Type "), run("ls --all \"My Files\"...", {}, true), run(" and \"Enter\".")};
    CHECK(texts_of(typographic_punctuation(text, "en")) ==
          std::vector<std::string>{"Type ", "ls --all \"My Files\"...", " and “Enter”."});
    // The quote after a literal word closes: its context is the literal's last letter.
    model::InlineText after{run("\""), run("x--y", {}, true), run("\"")};
    CHECK(texts_of(typographic_punctuation(after, "en")) == std::vector<std::string>{"“", "x--y", "”"});
    // French: a space kept as typed is not replaced, and none is added beside it.
    model::InlineText kept{run("mot ", {}, true), run("?")};
    CHECK(texts_of(typographic_punctuation(kept, "fr")) == std::vector<std::string>{"mot ", "?"});
}

TEST_CASE("a French space before a mark replaces the one in the run before", "[punctuation][runs][fr]") {
    // As the reader hands on "<em>mot</em> ?": the space ends the italic run.
    model::InlineText text{run("Le "), run("mot ", {"em"}), run("?")};
    CHECK(texts_of(typographic_punctuation(text, "fr")) == std::vector<std::string>{"Le ", "mot\u202F", "?"});
}

TEST_CASE("a run in another language takes its own quotes and spacing", "[punctuation][fr][en]") {
    // An English paragraph quoting a French phrase marked xml:lang="fr": the French
    // run's quotes are guillemets with narrow no-break spaces, the English ones curly.
    model::InlineRun french = run("\"oui\"!");
    french.language = "fr-FR";
    const model::InlineText out = typographic_punctuation({run("He said \"no\", then "), french}, "en-GB");
    REQUIRE(out.size() == 2);
    CHECK(out[0].text == "He said \u201Cno\u201D, then ");
    CHECK(out[1].text == "\u00AB\u202Foui\u202F\u00BB\u202F!");
}
