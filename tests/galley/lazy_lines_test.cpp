// LazyLines (issue 19): a paragraph's other settings are made only when asked for,
// once, with every adjustment made to them in order, before or after.
#include "galley/galley.hpp"

#include <catch2/catch.hpp>

using namespace quire;

namespace {

galley::Line line_of(Length width) {
    galley::Line line;
    line.width = width;
    return line;
}

}  // namespace

TEST_CASE("lazy lines are made when first asked for, and only once", "[galley][run-long]") {
    int made = 0;
    galley::LazyLines lines([&made] {
        ++made;
        return std::vector<galley::Line>{line_of(Length::from_pt(10)), line_of(Length::from_pt(20))};
    });
    CHECK(made == 0);
    lines.adjust([](std::vector<galley::Line>& l) { l.front().width += Length::from_pt(1); });
    CHECK(made == 0);  // an adjustment waits for the lines
    CHECK(lines.get().size() == 2);
    CHECK(made == 1);
    CHECK(lines.get().front().width == Length::from_pt(11));
    lines.adjust([](std::vector<galley::Line>& l) { l.back().width += Length::from_pt(2); });  // made: applied now
    CHECK(lines.get().back().width == Length::from_pt(22));
    CHECK(!lines.empty());
    CHECK(made == 1);
    lines.clear();
    CHECK(lines.empty());
    CHECK(made == 1);
}

TEST_CASE("a copy of lazy lines makes its own, with the adjustments made so far", "[galley][run-long]") {
    int made = 0;
    galley::LazyLines original([&made] {
        ++made;
        return std::vector<galley::Line>{line_of(Length::from_pt(5))};
    });
    original.adjust([](std::vector<galley::Line>& l) { l.front().width += Length::from_pt(1); });
    galley::LazyLines copy = original;
    copy.adjust([](std::vector<galley::Line>& l) { l.front().width += Length::from_pt(10); });
    CHECK(original.get().front().width == Length::from_pt(6));
    CHECK(copy.get().front().width == Length::from_pt(16));
    CHECK(made == 2);
    galley::LazyLines none;
    CHECK(none.empty());
}
