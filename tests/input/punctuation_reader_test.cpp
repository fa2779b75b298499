// <literal> and the manifest's punctuation= as the readers hand them on.
#include "input/issue_reader.hpp"
#include "punctuation_project.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace quire;
using namespace quire::test;

namespace {

model::Issue read(const std::string& manifest) {
    DiagnosticSink sink;
    auto issue = input::read_issue(manifest, {}, sink);
    for (const Diagnostic& d : sink.all()) UNSCOPED_INFO(format_diagnostic(d));
    REQUIRE(issue);
    REQUIRE(sink.all().empty());
    REQUIRE(issue->articles.size() == 1);
    return std::move(*issue);
}

const model::InlineText& first_paragraph(const model::Issue& issue) {
    const auto& body = issue.articles.front().body;
    REQUIRE(!body.empty());
    REQUIRE(std::holds_alternative<model::Paragraph>(body.front()));
    return std::get<model::Paragraph>(body.front()).text;
}

}  // namespace

TEST_CASE("<literal> reads as a run kept as typed, in no style of its own", "[reader][punctuation]") {
    ScratchDir dir;
    const model::Issue issue = read(write_punctuation_issue(
        dir, {"", "", "T", "<p>Type <literal>ls --all \"x\"</literal> or <em>see <literal>a--b</literal></em></p>"}));
    const model::InlineText& text = first_paragraph(issue);
    REQUIRE(text.size() == 5);
    CHECK(text[0].text == "Type ");
    CHECK_FALSE(text[0].as_typed);
    CHECK(text[1].text == "ls --all \"x\" ");  // the space after it goes with the text before, as always
    CHECK(text[1].as_typed);
    CHECK(text[1].character_styles.empty());
    CHECK(text[2].text == "or ");
    CHECK_FALSE(text[2].as_typed);
    CHECK(text[3].text == "see ");
    CHECK(text[4].text == "a--b");
    CHECK(text[4].as_typed);
    CHECK(text[4].character_styles == std::vector<std::string>{"em"});
}

TEST_CASE("an issue reads as typed unless its manifest asks for typographic punctuation", "[reader][punctuation]") {
    const std::string body = "<p>\"no\" -- 1990--2000 ... <literal>\"kept\"--</literal></p>";
    ScratchDir plain_dir, asked_dir, typographic_dir;
    const model::Issue plain = read(write_punctuation_issue(plain_dir, {"", "", "A \"quoted\" title", body}));
    CHECK(plain.punctuation == model::Punctuation::as_typed);
    CHECK(model::plain_text(first_paragraph(plain)) == "\"no\" -- 1990--2000 ... \"kept\"--");
    CHECK(plain.meta.title == "The \"Review\"");
    const model::Issue asked = read(write_punctuation_issue(asked_dir, {"as-typed", "", "A \"quoted\" title", body}));
    CHECK(model::plain_text(first_paragraph(asked)) == "\"no\" -- 1990--2000 ... \"kept\"--");

    const model::Issue typo = read(write_punctuation_issue(typographic_dir, {"typographic", "", "A \"quoted\" title", body}));
    CHECK(typo.punctuation == model::Punctuation::typographic);
    CHECK(model::plain_text(first_paragraph(typo)) == "“no” – 1990–2000 … \"kept\"--");
    CHECK(model::plain_text(typo.articles.front().title.text) == "A “quoted” title");
    CHECK(typo.meta.title == "The “Review”");
}

TEST_CASE("each article's text is converted by its own language", "[reader][punctuation]") {
    ScratchDir dir;
    const std::string manifest = write_punctuation_issue(
        dir, {"typographic", "fr-FR", "Un \"titre\"",
              "<p>Il a dit \"oui\" ?</p>\n"
              "<figure src=\"../images/x.jpg\" alt=\"Un \'ciel\'\"><caption>La nuit...</caption>"
              "<credit>Image : Reuters</credit></figure>"});
    std::filesystem::create_directories(dir.path() / "issues/p/images");
    std::filesystem::copy_file("issues/2025-spring/images/compound-at-night.jpg", dir.file("issues/p/images/x.jpg"));
    const model::Issue issue = read(manifest);
    const model::Article& article = issue.articles.front();
    CHECK(model::plain_text(first_paragraph(issue)) == "Il a dit «\u202Foui\u202F»\u202F?");
    CHECK(model::plain_text(article.title.text) == "Un «\u202Ftitre\u202F»");
    REQUIRE(article.body.size() == 2);
    const auto& figure = std::get<model::Figure>(article.body[1]);
    REQUIRE(figure.caption);
    CHECK(model::plain_text(figure.caption->text) == "La nuit…");
    CHECK(model::plain_text(figure.credit.text) == "Image\u202F: Reuters");
    CHECK(figure.alt == "Un “ciel”");
    CHECK(issue.meta.title == "The “Review”");  // the manifest's text: the issue's language
}
