// The notes test issue (tests/golden/notes-issue): William Morris's prose with two long
// footnotes, each referenced where it cannot stand whole at its column's foot (issue 16).
// Built by the real binary in both shipped layouts and read back: each note begins
// under its reference and continues at the foot of the next column or page (TeX's
// split insertions), and its words come back whole and in order.
#include "input/issue_reader.hpp"
#include "issue_words.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace quire;
using namespace quire::test;

namespace {

const std::string manifest = "tests/golden/notes-issue/issue.xml";

// The first word `text` on `page`, or the last one anywhere (`last`).
const WordBox* find_word(const std::vector<WordBox>& words, const std::string& text, bool last = false) {
    const WordBox* found = nullptr;
    for (const WordBox& w : words) {
        if (w.text != text) continue;
        found = &w;
        if (!last) break;
    }
    return found;
}

}  // namespace

TEST_CASE("a long footnote continues at the foot of the next column or page", "[golden][notes]") {
    DiagnosticSink sink;
    auto issue = input::read_issue(manifest, {}, sink);
    REQUIRE(issue);
    REQUIRE(issue->articles.size() == 1);
    REQUIRE(issue->articles[0].notes.size() == 2);

    struct Case {
        const char* layout;
        int note;                            // 1-based
        const char* reference;               // the word carrying its mark, as pdftotext reads it
        const char *first_word, *last_word;  // of the note
        int first_page, last_page;
    };
    // In the Review's layout note 1 begins at the foot of page 1's second column and ends
    // at the foot of page 2's first; in A5 note 2 runs from page 4 to page 5.
    const Case cases[] = {
        {"layouts/review.xml", 1, "so.1", "smiling,", "bridge.", 1, 2},
        {"layouts/a5-single.xml", 2, "case.2", "stammering,", "colour.", 4, 5},
    };
    for (const Case& c : cases) {
        INFO(c.layout);
        ScratchDir dir;
        const std::string pdf = dir.file("notes.pdf");
        const ToolResult run = run_tool("env SOURCE_DATE_EPOCH=0 " + quoted(QUIRE_BINARY) + " build " + quoted(manifest) +
                                        " --layout " + quoted(c.layout) + " -o " + quoted(pdf));
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        CHECK(run.err.empty());
        const WordBoxes boxes = word_boxes(pdf);
        const std::vector<WordBox>& words = boxes.words;
        const WordBox* mark = find_word(words, c.reference);
        const WordBox* first = find_word(words, c.first_word);
        const WordBox* last = find_word(words, c.last_word, true);
        REQUIRE(mark);
        REQUIRE(first);
        REQUIRE(last);
        // The note begins on its reference's page, in its column, below it.
        CHECK(first->page == c.first_page);
        CHECK(mark->page == first->page);
        CHECK(first->y0 > mark->y1);
        CHECK(std::abs(first->x0 - mark->x0) < boxes.page_width / 2);
        // It ends on the next page, at the foot: no text of its column below it.
        CHECK(last->page == c.last_page);
        for (const WordBox& w : words) {
            if (w.page == last->page && w.x0 <= last->x1 && w.x1 >= last->x0 - 200 && w.y0 > last->y1) {
                FAIL_CHECK("'" << w.text << "' stands below the note's end");
            }
        }
        // The note's words come back in order, none lost at the split.
        const model::Note& note = issue->articles[0].notes[static_cast<std::size_t>(c.note - 1)];
        const std::vector<std::string> expected = words_of(model::plain_text(note.text));
        const std::vector<std::string> found = words_of(extracted_text(pdf, TextOrder::content_stream));
        const std::size_t next = words_in_order(expected, found);
        INFO("first note word not found in order: " << (next < expected.size() ? expected[next] : "(none)"));
        CHECK(next == expected.size());
    }
}
