// Reading the article format's quotations, lists and bios into the model (issue 16).
#include "input/article_reader.hpp"
#include "input/file_limits.hpp"

#include <catch2/catch.hpp>

using namespace quire;

namespace {

std::optional<model::Article> read(const std::string& path, DiagnosticSink& sink) {
    input::PathPolicy paths;
    paths.allow_tree(".");
    return input::read_article(path, nullptr, "en-GB", paths, sink);
}

}  // namespace

TEST_CASE("an article's lists: kind, start, levels, items' paragraphs and styles", "[input][list]") {
    DiagnosticSink sink;
    auto article = read("tests/golden/features-issue/articles/munich.xml", sink);
    REQUIRE(article);
    std::vector<const model::List*> lists;
    for (const model::Block& b : article->body) {
        if (const auto* l = std::get_if<model::List>(&b)) lists.push_back(l);
    }
    REQUIRE(lists.size() == 2);
    const model::List& numbered = *lists[0];
    CHECK(numbered.kind == model::ListKind::number);
    CHECK(numbered.start == 1);
    CHECK(numbered.level == 1);
    REQUIRE(numbered.items.size() == 4);
    CHECK(numbered.items[0].paragraphs.size() == 1);
    CHECK(numbered.items[0].paragraphs[0].style == "list-item");
    CHECK(model::plain_text(numbered.items[0].paragraphs[0].text).rfind("whether the NATO alliance", 0) == 0);
    // The third item's own text stops where its inner list begins; the list follows it.
    const model::ListItem& third = numbered.items[2];
    CHECK(model::plain_text(third.paragraphs[0].text).find("deepen") == std::string::npos);
    REQUIRE(third.sublists.size() == 1);
    CHECK(third.sublists[0].level == 2);
    CHECK(third.sublists[0].items.size() == 2);
    CHECK(third.sublists[0].items[0].paragraphs[0].style == "list-item-2");
    CHECK(lists[1]->kind == model::ListKind::bullet);
}

TEST_CASE("an article's quotation and bio", "[input][quote]") {
    DiagnosticSink sink;
    auto article = read("tests/golden/features-issue/articles/munich.xml", sink);
    REQUIRE(article);
    const model::Quote* quote = nullptr;
    for (const model::Block& b : article->body) {
        if (const auto* q = std::get_if<model::Quote>(&b)) quote = q;
    }
    REQUIRE(quote);
    REQUIRE(quote->paragraphs.size() == 2);
    CHECK(quote->paragraphs[1].style == "quote");
    REQUIRE(quote->attribution);
    CHECK(quote->attribution->style == "quote-attribution");
    REQUIRE(article->bio.size() == 1);
    CHECK(article->bio[0].style == "bio");

    auto arctic = read("tests/golden/features-issue/articles/arctic.xml", sink);
    REQUIRE(arctic);
    CHECK(arctic->bio.size() == 2);  // written as two <p>
    CHECK(sink.error_count() == 0);
}

TEST_CASE("notes are numbered in reading order, each reference is a run of its own", "[input][notes]") {
    DiagnosticSink sink;
    auto article = read("tests/golden/features-issue/articles/munich.xml", sink);
    REQUIRE(article);
    REQUIRE(article->notes.size() == 3);
    CHECK(article->notes[0].number == 1);
    CHECK(model::plain_text(article->notes[0].text).rfind("It was founded", 0) == 0);
    CHECK_FALSE(article->notes[0].place);
    const auto* first = std::get_if<model::Paragraph>(&article->body.front());
    REQUIRE(first);
    int marks = 0;
    for (const model::InlineRun& run : first->text) {
        if (run.note == 0) continue;
        ++marks;
        CHECK(run.text == "1");
        CHECK(run.character_styles.back() == "note-reference");
    }
    CHECK(marks == 1);
    // The note's own text is not part of the paragraph's.
    CHECK(model::plain_text(first->text).find("Wehrkunde") == std::string::npos);

    auto arctic = read("tests/golden/features-issue/articles/arctic.xml", sink);
    REQUIRE(arctic);
    REQUIRE(arctic->notes.size() == 2);
    CHECK(arctic->notes[1].place == model::NotePlace::end);
}

TEST_CASE("a table's caption, columns, header and body rows, cells and source", "[input][table]") {
    DiagnosticSink sink;
    auto article = read("tests/golden/features-issue/articles/arctic.xml", sink);
    REQUIRE(article);
    const model::Table* table = nullptr;
    for (const model::Block& b : article->body) {
        if (const auto* t = std::get_if<model::Table>(&b)) table = t;
    }
    REQUIRE(table);
    REQUIRE(table->caption);
    CHECK(table->caption->style == "table-caption");
    REQUIRE(table->columns.size() == 4);
    CHECK(table->columns[0].amount == 3);
    CHECK_FALSE(table->columns[0].percent);
    REQUIRE(table->rows.size() == 6);
    CHECK(table->rows[0].header);
    CHECK_FALSE(table->rows[1].header);
    CHECK(table->rows[0].cells[0][0].style == "table-header");
    CHECK(table->rows[1].cells[0][0].style == "table-cell");
    CHECK(model::plain_text(table->rows[1].cells[0][0].text) == "Russia");
    REQUIRE(table->source);
    CHECK(table->source->style == "table-source");
}
