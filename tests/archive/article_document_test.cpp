// archive::article_document on hand-built pages: an article's copy of a page it shares
// (the welcome note under the contents list; an article starting in a free column of
// the previous one's last page) holds the page's running lines and that article's own
// ops, nothing of the issue's list or the other article; a note moved up to where the
// issue's matter began.
#include "archive/article_document.hpp"

#include <catch2/catch.hpp>

using namespace quire;

namespace {

// A rule whose x1 names it, so that a test can tell which ops a copy kept.
render::DrawOp marker(int id) {
    return render::DrawRule{Length::from_pt(id), Length::from_pt(10), Length::from_pt(id + 1), Length::from_pt(10),
                            Length::from_pt(0.5), {}};
}

std::vector<int> markers(const render::Page& page) {
    std::vector<int> ids;
    for (const render::DrawOp& op : page.ops) {
        if (const auto* rule = std::get_if<render::DrawRule>(&op)) ids.push_back(static_cast<int>(rule->x1.pt()));
    }
    return ids;
}

render::Page a4(const std::string& label) {
    render::Page p;
    p.width = Length::from_pt(595);
    p.height = Length::from_pt(842);
    p.label = label;
    return p;
}

// Cover; the contents page (running lines 1, 2; the list 3, 4; the welcome, article 0,
// 5-7 with a link to the feature's page; the masthead 8); the feature, article 1, on
// pages 3 and 4, its last page shared with article 2, which starts in its free column.
render::DisplayList issue_with_shared_pages() {
    render::DisplayList list;
    list.pages.push_back(a4(""));
    render::Page contents = a4("2");
    for (int id : {1, 2, 3, 4}) contents.ops.push_back(marker(id));
    contents.running_ops = 2;
    contents.ops.push_back(render::LinkArea{Length::from_pt(50), Length::from_pt(100), Length::from_pt(200),
                                            Length::from_pt(20), "", 2, Length::from_pt(60)});  // the list's entry
    const std::size_t note_begin = contents.ops.size();
    for (int id : {5, 6}) contents.ops.push_back(marker(id));
    contents.ops.push_back(render::LinkArea{Length::from_pt(50), Length::from_pt(400), Length::from_pt(100),
                                            Length::from_pt(12), "", 2, Length::from_pt(60)});  // to a page not in its copy
    contents.ops.push_back(marker(7));
    contents.parts.push_back({0, note_begin, contents.ops.size()});
    contents.ops.push_back(marker(8));
    contents.notes = {0};
    list.pages.push_back(contents);

    render::Page feature = a4("3");
    feature.article = 1;
    for (int id : {10, 11, 12}) feature.ops.push_back(marker(id));
    feature.running_ops = 1;
    list.pages.push_back(feature);

    render::Page shared = a4("4");
    shared.article = 1;
    for (int id : {20, 21, 22, 23, 24}) shared.ops.push_back(marker(id));
    shared.running_ops = 1;
    shared.parts = {{1, 1, 3}, {2, 3, 5}};
    shared.notes = {2};
    list.pages.push_back(shared);

    list.outlines = {{"Contents", 1, Length::from_pt(40), {}, -1},
                     {"Welcome", 1, Length::from_pt(380), {}, 0},
                     {"The feature", 2, Length::from_pt(60), {{"A heading", 3, Length::from_pt(100), {}, 1}}, 1},
                     {"The second", 3, Length::from_pt(300), {}, 2}};
    return list;
}

}  // namespace

TEST_CASE("a note's copy of the contents page holds the running lines and the note, not the list", "[archive]") {
    const render::DisplayList issue = issue_with_shared_pages();
    REQUIRE(archive::article_pages(issue, 0).has_value());
    CHECK(archive::article_pages(issue, 0)->first == 1);
    CHECK(archive::article_pages(issue, 0)->last == 1);
    const render::DisplayList copy = archive::article_document(issue, 0, {});
    REQUIRE(copy.pages.size() == 1);
    CHECK(markers(copy.pages[0]) == std::vector<int>{1, 2, 5, 6, 7});
    CHECK(copy.pages[0].label == "2");
    // The link to the feature's page goes with the page it points at; the list's went with the list.
    for (const render::DrawOp& op : copy.pages[0].ops) CHECK_FALSE(std::holds_alternative<render::LinkArea>(op));
    CHECK(copy.pages[0].parts.empty());
    REQUIRE(copy.outlines.size() == 1);  // its own entry; not the issue's "Contents", which points at the same page
    CHECK(copy.outlines[0].title == "Welcome");
    CHECK(copy.outlines[0].page == 0);
}

TEST_CASE("articles sharing a page each take their own ops of it, under running lines that are their own", "[archive]") {
    const render::DisplayList issue = issue_with_shared_pages();
    const render::DisplayList first = archive::article_document(issue, 1, {});
    REQUIRE(first.pages.size() == 2);
    CHECK(markers(first.pages[0]) == std::vector<int>{10, 11, 12});  // a page of its own: whole
    CHECK(markers(first.pages[1]) == std::vector<int>{20, 21, 22});
    REQUIRE(first.outlines.size() == 1);
    CHECK(first.outlines[0].title == "The feature");
    REQUIRE(first.outlines[0].children.size() == 1);
    CHECK(first.outlines[0].children[0].page == 1);

    const render::DisplayList second = archive::article_document(issue, 2, {});
    REQUIRE(second.pages.size() == 1);
    // Not the first article's running lines (20): they would name it.
    CHECK(markers(second.pages[0]) == std::vector<int>{23, 24});
    REQUIRE(second.outlines.size() == 1);
    CHECK(second.outlines[0].title == "The second");
}

TEST_CASE("a note set under the contents list opens its copy where the list began", "[archive]") {
    auto text_at = [](double y) {
        render::DrawGlyphs g;
        g.x = Length::from_pt(50);
        g.y = Length::from_pt(y);
        return render::DrawOp{g};
    };
    render::DisplayList issue;
    render::Page contents = a4("2");
    contents.ops = {text_at(800), text_at(100), text_at(130), text_at(400), text_at(412)};  // folio, list, note
    contents.running_ops = 1;
    contents.parts = {{0, 3, 5}};
    contents.notes = {0};
    issue.pages.push_back(contents);
    issue.outlines = {{"Welcome", 0, Length::from_pt(380), {}, 0}};

    const render::DisplayList copy = archive::article_document(issue, 0, {});
    REQUIRE(copy.pages.size() == 1);
    std::vector<double> ys;
    for (const render::DrawOp& op : copy.pages[0].ops) ys.push_back(std::get<render::DrawGlyphs>(op).y.pt());
    CHECK(ys == std::vector<double>{800, 100, 112});  // the folio stays; the note moves up by 300 pt
    CHECK(copy.pages[0].running_ops == 1);             // the folio is still the page's running line
    REQUIRE(copy.outlines.size() == 1);
    CHECK(copy.outlines[0].y.pt() == Approx(80));      // its bookmark moved with it
}
