// The checker of widows, orphans and stranded headings (tests/support/column_rules)
// proved on made-up structured text, so that its "none found" on real issues means
// something.
#include "column_rules.hpp"

#include <catch2/catch.hpp>

using namespace quire::test;

namespace {

// One line of mutool stext: its font, and chars laid left to right from x, 5pt each.
std::string line(const std::string& font, double size, double x, double baseline, const std::string& text,
                 double width = 0) {
    const double advance = width > 0 ? width / static_cast<double>(text.size()) : 5.0;
    std::string s = "<line><font name=\"" + font + "\" size=\"" + std::to_string(size) + "\">";
    for (char c : text) {
        const double x1 = x + advance;
        s += "<char quad=\"" + std::to_string(x) + " 0 " + std::to_string(x1) + " 0 0 0 0 0\" x=\"" + std::to_string(x) +
             "\" y=\"" + std::to_string(baseline) + "\" c=\"" + std::string(1, c) + "\"/>";
        x = x1;
    }
    return s + "</font></line>";
}

std::string body(double x, double baseline, const std::string& text, double width) {
    return line("EBGaramond12-Regular", 10.5, x, baseline, text, width);
}

std::string page(const std::string& lines) {
    return "<page width=\"600\" height=\"800\"><block>" + lines + "</block></page>";
}

std::string document(const std::string& pages) { return "<?xml version=\"1.0\"?><document>" + pages + "</document>"; }

}  // namespace

TEST_CASE("the column-rule checker passes a column that keeps the rules", "[golden][rules]") {
    // Two full lines, a short paragraph end, a new indented paragraph of two lines.
    const std::string column = body(50, 100, "aaaaaaaaaa", 200) + body(50, 113, "bbbbbbbbbb", 200) +
                               body(50, 126, "ccccc", 80) + body(60, 139, "dddddddddd", 190) +
                               body(50, 152, "eeeeeeeeee", 200);
    const ColumnCheck check = column_rule_breaks(document(page(column)));
    CHECK(check.breaks.empty());
    CHECK(check.body_lines == 5);
}

TEST_CASE("the column-rule checker finds a widow, an orphan and a stranded heading", "[golden][rules]") {
    // Left column: starts with a paragraph's short last line (a widow), ends with an
    // indented full first line (an orphan). Right column: ends with a heading.
    const std::string left = body(50, 100, "aaaa", 60) + body(60, 113, "bbbbbbbbbb", 190) +
                             body(50, 126, "cccccccccc", 200) + body(50, 139, "ddd", 50) +
                             body(60, 152, "eeeeeeeeee", 190);
    const std::string right = body(320, 100, "ffffffffff", 200) + body(320, 113, "ggg", 60) +
                              line("Inter-SemiBold", 10.5, 320, 139, "Heading");
    const auto breaks = column_rule_breaks(document(page(left + right)));
    INFO(describe(breaks));
    REQUIRE(breaks.breaks.size() == 3);
    CHECK(breaks.breaks[0].rule == "orphan");
    CHECK(breaks.breaks[0].line == "eeeeeeeeee");
    CHECK(breaks.breaks[1].rule == "widow");
    CHECK(breaks.breaks[1].line == "aaaa");
    CHECK(breaks.breaks[2].rule == "stranded heading");
    CHECK(breaks.breaks[2].column == 1);
}

TEST_CASE("the column-rule checker: a heading followed by smaller text is not stranded, the footer is not the column",
          "[golden][rules]") {
    // A heading, then credit lines in a small sans (not body, not heading), then the
    // folio and a disclaimer in the footer zone, which must not hide a stranded heading.
    const std::string listed = line("Inter-SemiBold", 10.5, 50, 100, "Image credits") +
                               line("Inter-Regular", 7, 50, 112, "Page 3: someone");
    const std::string stranded = line("Inter-SemiBold", 10.5, 320, 700, "Heading") +
                                 line("EBGaramond12-Italic", 8, 320, 790, "The views are the author's own.");
    const auto breaks = column_rule_breaks(document(page(listed + stranded)));
    INFO(describe(breaks));
    REQUIRE(breaks.breaks.size() == 1);
    CHECK(breaks.breaks[0].rule == "stranded heading");
    CHECK(breaks.breaks[0].column == 1);
}

TEST_CASE("the column-rule checker counts a heading's lone first line at the foot as an orphan", "[golden][rules]") {
    const std::string column = body(50, 100, "aaaaaaaaaa", 200) + body(50, 113, "bb", 40) +
                               line("Inter-SemiBold", 10.5, 50, 139, "Heading") + body(50, 152, "cccccccccc", 200);
    const auto breaks = column_rule_breaks(document(page(column)));
    INFO(describe(breaks));
    REQUIRE(breaks.breaks.size() == 1);
    CHECK(breaks.breaks[0].rule == "orphan");
    CHECK(breaks.breaks[0].line == "cccccccccc");
}

TEST_CASE("the column-rule checker finds a heading off the grid: a hole above or below it", "[golden][rules]") {
    // On a 13 pt grid: the first heading stands two lines below the text and one above
    // its own (good); the second has a blank line under it; the third a hole of three
    // lines above it.
    const std::string column = body(50, 100, "aaaaaaaaaa", 200) + body(50, 113, "bb", 40) +
                               line("Inter-SemiBold", 10.5, 50, 139, "Good") + body(50, 152, "cccccccccc", 200) +
                               body(50, 165, "dd", 40) + line("Inter-SemiBold", 10.5, 50, 191, "Under") +
                               body(50, 217, "eeeeeeeeee", 200) + body(50, 230, "ff", 40) +
                               line("Inter-SemiBold", 10.5, 50, 282, "Above") + body(50, 295, "gggggggggg", 200) +
                               body(50, 308, "hhhhhhhhhh", 200);
    const auto plain = column_rule_breaks(document(page(column)));
    CHECK(plain.breaks.empty());  // no grid given: not checked
    const auto breaks = column_rule_breaks(document(page(column)), review_grid());
    INFO(describe(breaks));
    REQUIRE(breaks.breaks.size() == 2);
    CHECK(breaks.breaks[0].rule == "heading spacing");
    CHECK(breaks.breaks[0].line == "Under");
    CHECK(breaks.breaks[1].rule == "heading spacing");
    CHECK(breaks.breaks[1].line == "Above");
}
