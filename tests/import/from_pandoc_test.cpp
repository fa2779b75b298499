// Pandoc's JSON tree -> the article, on small hand-written trees (pandoc 2.17's shape).
#include "import_test_support.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::import;
using namespace quire::import::test;

TEST_CASE("paragraphs keep emphasis, strong, links, line breaks and small caps", "[import]") {
    DiagnosticSink sink;
    const std::string blocks = R"([{"t":"Para","c":[{"t":"Emph","c":[{"t":"Str","c":"One"}]},{"t":"Space"},
        {"t":"Strong","c":[{"t":"Str","c":"two"}]},{"t":"SoftBreak"},
        {"t":"Link","c":[["",[],[]],[{"t":"Str","c":"UNODC"}],["https://www.unodc.org/?a=1&b=2",""]]},
        {"t":"LineBreak"},{"t":"SmallCaps","c":[{"t":"Str","c":"NATO"}]},{"t":"Str","c":"<&>"}]}])";
    CHECK(body_xml(blocks, sink) ==
          "<p><em>One</em> <strong>two</strong> <a href=\"https://www.unodc.org/?a=1&amp;b=2\">UNODC</a><br/>"
          "<span style=\"small-caps\">NATO</span>&lt;&amp;&gt;</p>\n");
    CHECK(sink.all().empty());
}

TEST_CASE("smart quotes come out curly, dashes and ellipses stay as pandoc gave them", "[import]") {
    DiagnosticSink sink;
    const std::string blocks = R"([{"t":"Para","c":[{"t":"Quoted","c":[{"t":"DoubleQuote"},[{"t":"Str","c":"no"}]]},
        {"t":"Space"},{"t":"Str","c":"1990\u20132000\u2026"},{"t":"Space"},
        {"t":"Quoted","c":[{"t":"SingleQuote"},[{"t":"Str","c":"yes"}]]}]}])";
    CHECK(body_xml(blocks, sink) == "<p>\u201Cno\u201D 1990\u20132000\u2026 \u2018yes\u2019</p>\n");
}

TEST_CASE("the title comes from the metadata, else the first level-1 heading", "[import]") {
    DiagnosticSink sink;
    const std::string blocks = "[" R"({"t":"Header","c":[1,["",[],[]],[)" + words("The Title") + "]]}," +
                               R"({"t":"Header","c":[1,["",[],[]],[)" + words("Part one") + "]]}," +
                               R"({"t":"Header","c":[2,["",[],[]],[)" + words("Two") + "]]}," +
                               R"({"t":"Header","c":[4,["",[],[]],[)" + words("Four") + "]]}]";
    SECTION("no metadata: the first level-1 heading, the others h2; level 3 and more h3") {
        const Article a = from_pandoc(document(blocks, "{}"), {"in.md"}, sink);
        const std::string xml = article_xml(a);
        CHECK(xml.find("<title>The Title</title>") != std::string::npos);
        CHECK(body_xml(blocks, sink, "{}") == "<h2>Part one</h2>\n<h2>Two</h2>\n<h3>Four</h3>\n");
        CHECK(xml.find("xml:lang") == std::string::npos);
    }
    SECTION("metadata: title, subtitle, each author a byline, the language") {
        const std::string meta = R"({"title":{"t":"MetaInlines","c":[)" + words("Meta title") + R"(]},
            "subtitle":{"t":"MetaString","c":"Sub"},
            "author":{"t":"MetaList","c":[{"t":"MetaInlines","c":[)" + words("Jane Doe") + R"(]},
                                          {"t":"MetaInlines","c":[)" + words("John Roe") + R"(]}]},
            "lang":{"t":"MetaInlines","c":[{"t":"Str","c":"en-GB"}]}})";
        const std::string xml = article_xml(from_pandoc(document(blocks, meta), {"in.md"}, sink));
        CHECK(xml.find("<article version=\"1\" xml:lang=\"en-GB\">\n  <title>Meta title</title>\n"
                       "  <subtitle>Sub</subtitle>\n  <byline>Jane Doe</byline>\n  <byline>John Roe</byline>\n") !=
              std::string::npos);
        CHECK(xml.find("<h2>The Title</h2>") != std::string::npos);
    }
}

TEST_CASE("a block quotation's last paragraph starting with a dash is its attribution", "[import]") {
    DiagnosticSink sink;
    const std::string blocks = R"([{"t":"BlockQuote","c":[)" + para("We have spent thirty years.") + "," +
                               para("\u2014 a minister") + "]}," + R"({"t":"BlockQuote","c":[)" +
                               para("\u2014 alone, it stays a paragraph") + "]}]";
    CHECK(body_xml(blocks, sink) ==
          "<quote>\n<p>We have spent thirty years.</p>\n<attribution>\u2014 a minister</attribution>\n</quote>\n"
          "<quote>\n<p>\u2014 alone, it stays a paragraph</p>\n</quote>\n");
}

TEST_CASE("lists: bullets and numbers, two levels, a third flattened with a warning", "[import]") {
    DiagnosticSink sink;
    const std::string third = R"({"t":"BulletList","c":[[)" + plain("deep") + "]]}";
    const std::string second = R"({"t":"BulletList","c":[[)" + plain("b1") + "," + third + "],[" + plain("b2") + "]]}";
    const std::string blocks = R"([{"t":"OrderedList","c":[[3,{"t":"Decimal"},{"t":"Period"}],[[)" + plain("a1") +
                               "," + second + "],[" + para("a2 first") + "," + para("a2 second") + "]]]}]";
    CHECK(body_xml(blocks, sink) ==
          "<list type=\"number\" start=\"3\">\n"
          "<item>a1\n<list type=\"bullet\">\n<item>b1</item>\n<item>deep</item>\n<item>b2</item>\n</list>\n</item>\n"
          "<item>\n<p>a2 first</p>\n<p>a2 second</p>\n</item>\n"
          "</list>\n");
    CHECK(warnings(sink) == "in.md: warning: a list nested more than two levels deep: its items were moved up to the second level\n");
}

TEST_CASE("a note is inline, its paragraphs are joined with line breaks", "[import]") {
    DiagnosticSink sink;
    const std::string blocks = R"([{"t":"Para","c":[{"t":"Str","c":"Text."},{"t":"Note","c":[)" + para("One.") + "," +
                               para("Two.") + "]}]}]";
    CHECK(body_xml(blocks, sink) == "<p>Text.<note>One.<br/>Two.</note></p>\n");
    CHECK(sink.all().empty());
}

TEST_CASE("an image alone in a paragraph is a figure, with an empty credit and a warning", "[import]") {
    DiagnosticSink sink;
    const std::string blocks = R"([{"t":"Para","c":[{"t":"Image","c":[["",[],[]],[)" + words("A harbour") +
                               R"(],["images/harbour.jpg","fig:"]]}]}])";
    CHECK(body_xml(blocks, sink) == "<figure src=\"images/harbour.jpg\" alt=\"A harbour\">\n"
                                    "<caption>A harbour</caption>\n<credit></credit>\n</figure>\n");
    CHECK(warnings(sink) == "in.md: warning: image images/harbour.jpg has no credit: fill in <credit> before printing\n");
}

TEST_CASE("a table: caption, widths, a header row, cells", "[import]") {
    DiagnosticSink sink;
    const auto cell = [](const std::string& text) { return R"([["",[],[]],{"t":"AlignDefault"},1,1,[)" + plain(text) + "]]"; };
    const auto row = [&](const std::string& a, const std::string& b) { return R"([["",[],[]],[)" + cell(a) + "," + cell(b) + "]]"; };
    const std::string blocks = R"([{"t":"Table","c":[["",[],[]],[null,[)" + plain("Spending") + R"(]],
        [[{"t":"AlignLeft"},{"t":"ColWidth","c":0.25}],[{"t":"AlignLeft"},{"t":"ColWidth","c":0.75}]],
        [["",[],[]],[)" + row("Year", "Sum") + R"(]],
        [[["",[],[]],0,[],[)" + row("2024", "1") + "," + row("2025", "2") + R"(]]],
        [["",[],[]],[]]]}])";
    CHECK(body_xml(blocks, sink) == "<table>\n<caption>Spending</caption>\n<column width=\"25%\"/>\n<column width=\"75%\"/>\n"
                                    "<row header=\"yes\">\n<cell>Year</cell>\n<cell>Sum</cell>\n</row>\n"
                                    "<row>\n<cell>2024</cell>\n<cell>1</cell>\n</row>\n"
                                    "<row>\n<cell>2025</cell>\n<cell>2</cell>\n</row>\n</table>\n");
    CHECK(sink.all().empty());
}

TEST_CASE("a table column aligned right is a warning, not dropped in silence", "[import]") {
    DiagnosticSink sink;
    const auto cell = [](const std::string& text) { return R"([["",[],[]],{"t":"AlignDefault"},1,1,[)" + plain(text) + "]]"; };
    const std::string blocks = R"([{"t":"Table","c":[["",[],[]],[null,[]],
        [[{"t":"AlignRight"},{"t":"ColWidthDefault"}]],
        [["",[],[]],[]],
        [[["",[],[]],0,[],[[["",[],[]],[)" + cell("12") + R"(]]]]],
        [["",[],[]],[]]]}])";
    CHECK(body_xml(blocks, sink).find("<cell>12</cell>") != std::string::npos);
    CHECK(warnings(sink).find("in.md: warning: a table column aligned Right") != std::string::npos);
}

TEST_CASE("a code block is a warning naming it, its text kept as a paragraph", "[import]") {
    DiagnosticSink sink;
    const std::string blocks = R"([{"t":"CodeBlock","c":[["",[],[]],"int main() {\n  return 0;\n}"]}])";
    CHECK(body_xml(blocks, sink) == "<p>int main() {<br/>  return 0;<br/>}</p>\n");
    CHECK(warnings(sink) == "in.md: warning: code block \"int main() { return 0; }\" has no equivalent in the "
                            "article format: kept as a plain paragraph\n");
}

TEST_CASE("what has no equivalent is named, never dropped in silence", "[import]") {
    DiagnosticSink sink;
    const std::string blocks = R"([{"t":"HorizontalRule"},{"t":"RawBlock","c":["html","<div>"]},
        {"t":"Para","c":[{"t":"Strikeout","c":[{"t":"Str","c":"old"}]},{"t":"Math","c":[{"t":"InlineMath"},"x^2"]},
        {"t":"Span","c":[["",[],[["lang","fr"]]],[{"t":"Str","c":"bonjour"}]]}]},
        {"t":"DefinitionList","c":[[[{"t":"Str","c":"Term"}],[[)" + plain("Meaning") + "]]]]}]";
    CHECK(body_xml(blocks, sink) ==
          "<p>oldx^2<span xml:lang=\"fr\">bonjour</span></p>\n<p><strong>Term</strong></p>\n<p>Meaning</p>\n");
    const std::string said = warnings(sink);
    CHECK(said.find("in.md: warning: horizontal rule") != std::string::npos);
    CHECK(said.find("in.md: warning: raw html block \"<div>\"") != std::string::npos);
    CHECK(said.find("in.md: warning: strikeout \"old\"") != std::string::npos);
    CHECK(said.find("in.md: warning: math \"x^2\"") != std::string::npos);
    CHECK(said.find("in.md: warning: definition list") != std::string::npos);
    CHECK(sink.all().size() == 5);
}

TEST_CASE("a language span is written as one", "[import]") {
    DiagnosticSink sink;
    const nlohmann::json doc = document(R"([{"t":"Para","c":[{"t":"Span","c":[["",[],[["lang","fr"]]],[{"t":"Str","c":"oui"}]]}]}])");
    const std::string xml = article_xml(from_pandoc(doc, {"in.md"}, sink));
    CHECK(xml.find("<p><span xml:lang=\"fr\">oui</span></p>") != std::string::npos);
    CHECK(sink.all().empty());
}

TEST_CASE("a tree of another pandoc API version is read with a warning, a malformed one throws", "[import]") {
    DiagnosticSink sink;
    nlohmann::json doc = document("[" + para("x") + "]");
    doc["pandoc-api-version"] = {1, 23};
    from_pandoc(doc, {"in.md"}, sink);
    CHECK(warnings(sink).find("API version [1,23]") != std::string::npos);
    CHECK_THROWS_AS(from_pandoc(nlohmann::json::parse(R"({"pandoc-api-version":[1,22],"meta":{},"blocks":[{"t":"Para"}]})"),
                                {"in.md"}, sink),
                    nlohmann::json::exception);
}

TEST_CASE("a paragraph under a figure saying its alternative text is its caption (Word's captions)", "[import]") {
    DiagnosticSink sink;
    const std::string image = R"({"t":"Para","c":[{"t":"Image","c":[["",[],[]],[)" + words("A harbour") +
                              R"(],["media/rId9.jpg",""]]}]})";
    CHECK(body_xml("[" + image + "," + para("A harbour") + "]", sink) ==
          "<figure src=\"media/rId9.jpg\" alt=\"A harbour\">\n<caption>A harbour</caption>\n<credit></credit>\n</figure>\n");
    CHECK(body_xml("[" + image + "," + para("Other words") + "]", sink) ==
          "<figure src=\"media/rId9.jpg\" alt=\"A harbour\">\n<credit></credit>\n</figure>\n<p>Other words</p>\n");
}

TEST_CASE("a division's blocks are kept, its classes and attributes are named in a warning", "[import]") {
    DiagnosticSink sink;
    CHECK(body_xml(R"([{"t":"Div","c":[["x",[],[]],[)" + para("plain") + "]]}]", sink) == "<p>plain</p>\n");
    CHECK(sink.all().empty());
    // Its language goes to its paragraphs' text; the class has no equivalent.
    CHECK(body_xml(R"([{"t":"Div","c":[["",["aside"],[["lang","de"]]],[)" + para("Wort") + "]]}]", sink) ==
          "<p><span xml:lang=\"de\">Wort</span></p>\n");
    CHECK(warnings(sink) == "in.md: warning: division {.aside} has no equivalent in the "
                            "article format: markup dropped, text kept\n");
}

TEST_CASE("a division's language reaches paragraphs in quotations, a list in it is named", "[import]") {
    DiagnosticSink sink;
    const std::string quoted = R"([{"t":"BlockQuote","c":[{"t":"Div","c":[["",[],[["lang","fr"]]],[)" + para("Oui") + "]]}]}]";
    CHECK(body_xml(quoted, sink) == "<quote>\n<p><span xml:lang=\"fr\">Oui</span></p>\n</quote>\n");
    CHECK(sink.all().empty());
    const std::string list = R"({"t":"BulletList","c":[[)" + para("Eins") + "]]}";
    body_xml(R"([{"t":"Div","c":[["",[],[["lang","de"]]],[)" + list + "]]}]", sink);
    CHECK(warnings(sink).find("division {lang=de} keeps the article's language") != std::string::npos);
    DiagnosticSink bad;
    CHECK(body_xml(R"([{"t":"Div","c":[["",[],[["lang","French"]]],[)" + para("Non") + "]]}]", bad) == "<p>Non</p>\n");
    CHECK(warnings(bad) == "in.md: warning: division language \"French\" is not a language tag (en-GB, fr): not written\n");
}

TEST_CASE("the document's keywords become the article's own", "[import]") {
    DiagnosticSink sink;
    const std::string meta = R"({"title":{"t":"MetaInlines","c":[{"t":"Str","c":"T"}]},
        "keywords":{"t":"MetaList","c":[{"t":"MetaInlines","c":[{"t":"Str","c":"NATO"}]},
                                        {"t":"MetaInlines","c":[{"t":"Str","c":"burden"},{"t":"Space"},{"t":"Str","c":"sharing"}]}]}})";
    const std::string xml = article_xml(from_pandoc(document("[" + para("x") + "]", meta), {"in.md"}, sink));
    CHECK(xml.find("<article version=\"1\" keywords=\"NATO; burden sharing\">") != std::string::npos);
    CHECK(sink.all().empty());
}

TEST_CASE("no title anywhere, other metadata and a language that is no tag are warnings", "[import]") {
    DiagnosticSink sink;
    const std::string meta = R"({"date":{"t":"MetaString","c":"2025"},"lang":{"t":"MetaString","c":"en GB!"}})";
    const std::string xml = article_xml(from_pandoc(document("[" + para("x") + "]", meta), {"in.md"}, sink));
    CHECK(xml.find("<title></title>") != std::string::npos);
    CHECK(xml.find("xml:lang") == std::string::npos);
    CHECK(warnings(sink) ==
          "in.md: warning: language \"en GB!\" is not a language tag (en-GB, fr): not written\n"
          "in.md: warning: metadata field \"date\" has no place in the article format: not imported\n"
          "in.md: warning: no title (neither in the metadata nor a level-1 heading): fill in <title>\n");
}
