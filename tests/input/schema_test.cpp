// The schema's explanations: one problem is one diagnostic, and what is valid is never
// reported, however many other problems the file has.
#include "input/schema.hpp"
#include "input/schema_rules.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace quire;

namespace {

std::string write_article(const std::string& name, const std::string& body) {
    auto dir = std::filesystem::temp_directory_path() / "quire-schema-test";
    std::filesystem::create_directories(dir);
    auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << "<article version=\"1\">\n<title>T</title>\n<body>\n" << body
                                          << "\n</body>\n</article>\n";
    return path;
}

std::vector<std::string> problems_of(const std::string& path) {
    DiagnosticSink sink;
    auto file = input::XmlFile::read(path, sink);
    REQUIRE(file);
    input::validate(*file, input::SchemaKind::article, sink);
    std::vector<std::string> out;
    for (const Diagnostic& d : sink.all()) out.push_back(format_diagnostic(d));
    return out;
}

struct SchemaDocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

input::SchemaRules article_rules() {
    const std::string_view text = input::schema_text(input::SchemaKind::article);
    std::unique_ptr<xmlDoc, SchemaDocFree> doc(
        xmlReadMemory(text.data(), static_cast<int>(text.size()), "article.rng", nullptr, XML_PARSE_NONET));
    REQUIRE(doc);
    return input::read_schema_rules(doc.get());
}

}  // namespace

TEST_CASE("inline elements hold text and inline markup wherever they stand", "[schema]") {
    const input::SchemaRules rules = article_rules();
    for (const char* name : {"em", "strong", "span", "a", "p", "title", "caption"}) {
        INFO(name);
        const input::ElementRule& rule = rules.elements.at(name);
        CHECK(rule.text);
        for (const char* child : {"em", "strong", "span", "a", "br"}) CHECK(rule.children.count(child));
    }
    CHECK(rules.elements.at("a").attributes.at("href").required);
    CHECK_FALSE(rules.elements.at("span").attributes.at("style").required);  // a span may mark a language only
    CHECK_FALSE(rules.elements.at("br").text);
}

TEST_CASE("after one real error, valid markup is not reported", "[schema]") {
    const std::string path = write_article("cascade.xml",
                                           "<p>A <footnote>note</footnote> here.</p>\n"
                                           "<p>Then <em>valid <strong>nested</strong> markup</em> and <a href=\"x\">a "
                                           "<em>link</em></a>.</p>");
    // One problem, the real one (the list of what <p> allows grows with the format).
    const std::vector<std::string> problems = problems_of(path);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].rfind(path + ":4:6: error: unknown element <footnote> in <p>", 0) == 0);
}

TEST_CASE("names from HTML are answered by meaning where the meaning is allowed", "[schema]") {
    const std::string path = write_article("meaning.xml", "<p><i>a</i> <b>b</b></p>\n<h1>c</h1>");
    CHECK(problems_of(path) == std::vector<std::string>{
                                   path + ":4:4: error: unknown element <i> in <p>; did you mean <em>?",
                                   path + ":4:13: error: unknown element <b> in <p>; did you mean <strong>?",
                                   path + ":5:1: error: unknown element <h1> in <body>; did you mean <h2>?"});
}

TEST_CASE("style names: the form the schema gives them", "[schema]") {
    CHECK(input::is_style_name("body-first"));
    CHECK(input::is_style_name("h_2"));
    CHECK_FALSE(input::is_style_name(""));
    CHECK_FALSE(input::is_style_name("2col"));
    CHECK_FALSE(input::is_style_name("two words"));
}
