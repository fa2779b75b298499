#include "magazine_pdf.hpp"

#include "pdf_text.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace quire::test {

void check_first_issue_pdf(const std::string& pdf) {
    const ToolResult check = run_tool("qpdf --check " + quoted(pdf));
    INFO(check.out + check.err);
    CHECK(check.exit_code == 0);

    const ToolResult fonts = run_tool("pdffonts " + quoted(pdf));
    INFO(fonts.out);
    REQUIRE(fonts.exit_code == 0);
    std::istringstream lines(fonts.out);
    std::string line;
    std::getline(lines, line);  // header
    std::getline(lines, line);  // rule
    int embedded = 0;
    while (std::getline(lines, line)) {
        INFO(line);
        CHECK(line.find(" yes yes yes ") != std::string::npos);  // emb, sub, uni
        ++embedded;
    }
    CHECK(embedded >= 2);  // EB Garamond for the text, Inter for title and furniture

    // The words with single spaces between them, wherever pdftotext broke the lines.
    std::string text;
    for (const std::string& word : words_of(extracted_text(pdf))) text += (text.empty() ? "" : " ") + word;
    INFO(text);
    // (The first paragraph's "I" is a drop cap, which pdftotext runs into "went".)
    for (const char* words : {"Where I Lived, and What I Lived For", "to the woods because I wished to live deliberately",
                              "Simplicity, simplicity, simplicity!", "my next excursion."}) {
        CHECK(text.find(words) != std::string::npos);
    }
}

}  // namespace quire::test
