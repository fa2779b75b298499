#include "fake_issue.hpp"
#include "page/master_selection.hpp"
#include "page/page_frame.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::page;
using namespace quire::page::testing;

TEST_CASE("facing pages mirror the inside and outside margins", "[page][frame]") {
    model::Layout l = small_layout();
    PageFrame recto = make_page_frame(l.page, 3, std::nullopt);
    PageFrame verso = make_page_frame(l.page, 4, std::nullopt);
    CHECK(recto.recto);
    CHECK_FALSE(verso.recto);
    CHECK(recto.text_left == pt(30));                 // inside margin on the left of a recto
    CHECK(verso.text_left == pt(20));                 // outside margin on the left of a verso
    CHECK(recto.text_width == pt(250));
    CHECK(verso.text_right() == pt(300) - pt(30));    // inside margin on the right of a verso
    CHECK(recto.column_width == pt(120));
    CHECK(recto.column_x(1) == pt(30 + 120 + 10));
    CHECK(recto.text_bottom == pt(420 - 48));

    l.page.facing = false;
    CHECK(make_page_frame(l.page, 4, std::nullopt).text_left == pt(30));
}

TEST_CASE("a master's columns override the page setup's", "[page][frame]") {
    model::Layout l = small_layout();
    const model::Master& contents = select_master(l, PageKind::contents);
    CHECK(contents.name == "contents");
    PageFrame f = make_page_frame(l.page, 1, contents.columns);
    CHECK(f.columns == 1);
    CHECK(f.column_width == f.text_width);
}

TEST_CASE("a master the layout lacks falls back to body, the cover to nothing", "[page][frame]") {
    model::Layout l = small_layout();
    l.masters.erase(l.masters.begin());  // no opener
    CHECK(select_master(l, PageKind::opener).name == "body");
    CHECK_FALSE(select_master(l, PageKind::cover).header);
    CHECK_FALSE(select_master(l, PageKind::cover).footer);
}

TEST_CASE("the grid snaps down to the next grid line", "[page][frame]") {
    Grid g{pt(36), pt(12)};
    CHECK(g.snap(pt(36)) == pt(36));
    CHECK(g.snap(pt(36.01)) == pt(48));
    CHECK(g.snap(pt(48)) == pt(48));
    CHECK(g.snap(pt(30)) == pt(36));
    CHECK(g.snap(pt(20)) == pt(24));
    CHECK(g.on_grid(pt(60)));
    CHECK_FALSE(g.on_grid(pt(61)));
}
