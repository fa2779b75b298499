// The print stage without a PDF: sheet order, imposition as a transform, marks beyond
// the bleed, colour for the press.
#include "print/impose.hpp"
#include "print/preflight.hpp"
#include "print/marks.hpp"
#include "print/press_colour.hpp"
#include "style/style_sheet.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace quire;
using namespace quire::print;

namespace {

const Length w = Length::from_pt(595), h = Length::from_pt(842), b = Length::from_pt(9);

render::DisplayList labelled_pages(int count) {
    render::DisplayList list;
    for (int i = 0; i < count; ++i) {
        render::Page page;
        page.width = w, page.height = h, page.bleed = b;
        page.label = std::to_string(i + 1);
        render::DrawRule rule;  // one rule per page, its position naming the page
        rule.x1 = Length::from_pt(10);
        rule.x2 = Length::from_pt(20);
        rule.y1 = rule.y2 = Length::from_pt(100 + i);
        rule.thickness = Length::from_pt(1);
        page.ops.push_back(rule);
        list.pages.push_back(page);
    }
    return list;
}

// The page a sheet half shows, by the rule's position; -1 for a blank half.
int page_on(const render::Page& sheet, int half) {
    for (const render::DrawOp& op : sheet.ops) {
        const auto& rule = std::get<render::DrawRule>(op);
        const bool right = rule.x1 >= w;
        if (right == (half == 1)) return static_cast<int>(std::lround(rule.y1.pt())) - 100;
    }
    return -1;
}

// Nest the sheets (sheet 1 outermost), fold them, and read the booklet front to back:
// each sheet's front right half, then its back left half, outside in; then the back
// right and front left halves, inside out.
std::vector<int> read_folded(const std::vector<SheetSide>& sides) {
    std::vector<int> pages;
    const std::size_t sheets = sides.size() / 2;
    for (std::size_t s = 0; s < sheets; ++s) {
        pages.push_back(sides[2 * s].right);
        pages.push_back(sides[2 * s + 1].left);
    }
    for (std::size_t s = sheets; s-- > 0;) {
        pages.push_back(sides[2 * s + 1].right);
        pages.push_back(sides[2 * s].left);
    }
    return pages;
}

}  // namespace

TEST_CASE("booklet: sheet 1 front carries the last page and page 1") {
    const std::vector<SheetSide> sides = sheet_order(8, Imposition::booklet);
    CHECK(sides == std::vector<SheetSide>{{7, 0}, {1, 6}, {5, 2}, {3, 4}});
}

TEST_CASE("booklet: folded sheets read in page order, blanks at the end") {
    for (int n : {1, 4, 6, 8, 13, 16, 30}) {
        INFO(n << " pages");
        const std::vector<SheetSide> sides = sheet_order(n, Imposition::booklet);
        const int padded = (n + 3) / 4 * 4;
        REQUIRE(static_cast<int>(sides.size()) == padded / 2);
        std::vector<int> expected;
        for (int i = 0; i < padded; ++i) expected.push_back(i < n ? i : -1);
        CHECK(read_folded(sides) == expected);
    }
}

TEST_CASE("two-up: 1-2, 3-4, and a blank half for an odd count") {
    CHECK(sheet_order(5, Imposition::two_up) == std::vector<SheetSide>{{0, 1}, {2, 3}, {4, -1}});
}

TEST_CASE("impose moves each page's drawing onto its half of the sheet") {
    DiagnosticSink sink;
    const render::DisplayList sheets = impose(labelled_pages(6), Imposition::booklet, {"issue.xml", 0, 0}, sink);
    REQUIRE(sheets.pages.size() == 4);
    for (const render::Page& sheet : sheets.pages) {
        CHECK(sheet.width == w * 2);
        CHECK(sheet.height == h);
        CHECK(sheet.bleed == b);
    }
    // 6 pages padded to 8: (blank, 1) (2, blank) (6, 3) (4, 5), 0-based below.
    CHECK(page_on(sheets.pages[0], 0) == -1);
    CHECK(page_on(sheets.pages[0], 1) == 0);
    CHECK(page_on(sheets.pages[1], 0) == 1);
    CHECK(page_on(sheets.pages[1], 1) == -1);
    CHECK(page_on(sheets.pages[2], 0) == 5);
    CHECK(page_on(sheets.pages[2], 1) == 2);
    CHECK(page_on(sheets.pages[3], 0) == 3);
    CHECK(page_on(sheets.pages[3], 1) == 4);
    CHECK(sheets.pages[2].label == "sheet 2 front: 6 | 3");
    // The right half is moved by exactly one page width.
    const auto& rule = std::get<render::DrawRule>(sheets.pages[0].ops.at(0));
    CHECK(rule.x1 == w + Length::from_pt(10));
    // The padding is announced, at the manifest.
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]) ==
          "issue.xml: warning: booklet: 6 pages are not a multiple of four; 2 blank pages added at the end");
}

TEST_CASE("impose: links and outlines follow their pages to the sheets") {
    render::DisplayList list = labelled_pages(8);
    render::LinkArea link;
    link.target_page = 6;  // page 7 is on sheet 1 back (1 | 6)
    list.pages[0].ops.push_back(link);
    list.outlines.push_back({"Page 4", 3, Length{}, {}});
    DiagnosticSink sink;
    const render::DisplayList sheets = impose(list, Imposition::booklet, {}, sink);
    const auto* moved = std::get_if<render::LinkArea>(&sheets.pages[0].ops.back());
    REQUIRE(moved);
    CHECK(moved->target_page == 1);
    CHECK(moved->x == w);  // page 1 is the right half of sheet 1 front
    CHECK(sheets.outlines.at(0).page == 3);  // (3, 4) is sheet 2 back
}

TEST_CASE("impose refuses pages of different sizes") {
    render::DisplayList list = labelled_pages(4);
    list.pages[2].width = Length::from_pt(420);
    DiagnosticSink sink;
    CHECK(impose(list, Imposition::two_up, {}, sink).pages.empty());
    CHECK(sink.has_errors());
}

TEST_CASE("impose warns of drawing that crosses the fold") {
    render::DisplayList list = labelled_pages(4);
    list.pages[0].ops.push_back(render::DrawImage{"full-bleed.jpg", -b, -b, w + b * 2, h + b * 2});
    DiagnosticSink sink;
    impose(list, Imposition::booklet, {}, sink);
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].message.find("image full-bleed.jpg reaches past the fold") != std::string::npos);
}

TEST_CASE("marks: crop, fold and registration marks lie beyond the bleed, in registration colour") {
    render::DisplayList list = labelled_pages(2);
    MarkOptions options;
    options.registration = true;
    options.fold = true;
    options.slug_line = true;
    options.slug_prefix = "Review";
    int slug_calls = 0;
    add_marks(list, options, [&](const std::string& text) {
        ++slug_calls;
        CHECK(text == (slug_calls == 1 ? "Review \xC2\xB7 page 1" : "Review \xC2\xB7 page 2"));
        render::DrawGlyphs run;
        run.size = Length::from_pt(6);
        run.glyphs.push_back({1, 0, Length::from_pt(30), {}, {}});
        run.text = text;
        return std::vector<render::DrawOp>{run};
    });
    CHECK(slug_calls == 2);
    for (const render::Page& page : list.pages) {
        CHECK(page.slug == options.slug);
        REQUIRE(page.ops.size() == 1 + 8 + 2 + 4 * 6 + 1);  // content, crop, fold, 4 targets, slug
        for (std::size_t i = 1; i < page.ops.size(); ++i) {
            if (const auto* rule = std::get_if<render::DrawRule>(&page.ops[i])) {
                INFO("mark " << i << ": " << rule->x1.pt() << "," << rule->y1.pt() << " " << rule->x2.pt() << ","
                             << rule->y2.pt());
                CHECK(rule->color.space == render::Color::Space::registration);
                const Length half = rule->thickness / 2;
                const Length x0 = std::min(rule->x1, rule->x2), x1 = std::max(rule->x1, rule->x2);
                const Length y0 = std::min(rule->y1, rule->y2), y1 = std::max(rule->y1, rule->y2);
                // Outside the bleed box on some side (a line's width counts across it,
                // not along it: butt caps end where the line does).
                const bool horizontal = y0 == y1;
                const Length xs = horizontal ? Length{} : half, ys = horizontal ? half : Length{};
                const bool outside = x1 + xs <= -b || x0 - xs >= w + b || y1 + ys <= -b || y0 - ys >= h + b;
                CHECK(outside);
                // And within the media box.
                CHECK(x0 >= -b - options.slug);
                CHECK(x1 <= w + b + options.slug);
                CHECK(y0 >= -b - options.slug);
                CHECK(y1 <= h + b + options.slug);
            } else if (const auto* run = std::get_if<render::DrawGlyphs>(&page.ops[i])) {
                CHECK(run->color.space == render::Color::Space::registration);
                CHECK(run->y - run->size >= h + b);  // below the bleed
                CHECK(run->y + run->size <= h + b + options.slug);
            }
        }
    }
    // Crop marks continue the trim lines: the top-left pair.
    const auto& first = std::get<render::DrawRule>(list.pages[0].ops[1]);
    CHECK(first.y1 == Length{});
    CHECK(first.x1 == -b);
    CHECK(first.x2 == -b - options.length);
}

TEST_CASE("layout colours: cmyk() with fractions or percentages, #RRGGBB") {
    CHECK(style::parse_color("cmyk(0,0.2,0.9,0)") == style::TextColor{style::Cmyk{0, 0.2, 0.9, 0}});
    CHECK(style::parse_color("cmyk(0%, 20%, 90%, 100%)") == style::TextColor{style::Cmyk{0, 0.2, 0.9, 1}});
    CHECK(style::parse_color("#ff0000") == style::TextColor{style::Rgb{1, 0, 0}});
}

TEST_CASE("press colour: greys stay one ink, colours become CMYK, text is never rich black") {
    DiagnosticSink sink;
    std::optional<PressProfile> profile = find_press_profile("", sink);
    REQUIRE(profile);
    std::unique_ptr<PressColour> press = PressColour::open(profile->path, sink);
    REQUIRE(press);

    const render::Color red = press->cmyk_of(0.8, 0.1, 0.1);
    CHECK(red.space == render::Color::Space::cmyk);
    CHECK(red.c[0] < 0.3);   // little cyan
    CHECK(red.c[1] > 0.7);   // magenta
    CHECK(red.c[2] > 0.6);   // and yellow make red

    render::DisplayList list;
    list.pages.emplace_back();
    render::DrawGlyphs grey, dark, coloured, rich;
    grey.color = render::Color::rgb(0.3, 0.3, 0.3);
    dark.color = render::Color::rgb(0.05, 0.05, 0.1);
    coloured.color = render::Color::rgb(0.54, 0.11, 0.11);
    rich.color = render::Color{render::Color::Space::cmyk, {0.6, 0.4, 0.4, 1}};
    for (const auto& run : {grey, dark, coloured, rich}) list.pages[0].ops.push_back(run);
    render::DrawRule rule;
    rule.color = render::Color::rgb(0, 0.5, 1);
    list.pages[0].ops.push_back(rule);
    CHECK(press->convert(list) == 4);
    auto colour = [&](std::size_t i) {
        const render::DrawOp& op = list.pages[0].ops[i];
        if (const auto* run = std::get_if<render::DrawGlyphs>(&op)) return run->color;
        return std::get<render::DrawRule>(op).color;
    };
    CHECK(colour(0).space == render::Color::Space::gray);
    CHECK(colour(0).c[0] == Approx(0.3));
    CHECK(colour(1).space == render::Color::Space::gray);  // near-black text: the black plate alone
    CHECK(colour(2).space == render::Color::Space::cmyk);
    CHECK(colour(3).space == render::Color::Space::cmyk);
    CHECK((colour(3).c[0] == 0 && colour(3).c[1] == 0 && colour(3).c[2] == 0 && colour(3).c[3] == 1));
    CHECK(colour(4).space == render::Color::Space::cmyk);
}

// Issue 14: one warning per paragraph and page, not one per line.
TEST_CASE("text near the trim: one warning per paragraph and page, with the closest line") {
    render::DisplayList list = labelled_pages(2);
    auto line = [](double x_pt, double y_pt, double size_pt, const std::string& text) {
        render::DrawGlyphs run;
        run.x = Length::from_pt(x_pt);
        run.y = Length::from_pt(y_pt);
        run.size = Length::from_pt(size_pt);
        run.text = text;
        shape::Glyph glyph;
        glyph.gid = 1;
        glyph.advance = Length::from_pt(100);
        run.glyphs.push_back(glyph);
        return run;
    };
    // Page 1: a paragraph of 30 lines 1 mm from the left edge (one 0.5 mm), a heading at
    // another size, then a second paragraph at the first size near the right edge.
    for (int i = 0; i < 30; ++i) list.pages[0].ops.push_back(line(i == 7 ? 1.4 : 2.83, 100 + i * 13, 10.5, "line " + std::to_string(i)));
    list.pages[0].ops.push_back(line(2.83, 520, 14, "A heading"));
    for (int i = 0; i < 5; ++i) list.pages[0].ops.push_back(line(492.165, 560 + i * 13, 10.5, "right " + std::to_string(i)));
    // Page 2: well inside the margins.
    for (int i = 0; i < 5; ++i) list.pages[1].ops.push_back(line(60, 100 + i * 13, 10.5, "fine"));
    DiagnosticSink sink;
    check_safe_margin(list, Length::from_pt(3 * 72 / 25.4), SourceLoc{"layout.xml", 3, 1}, nullptr, sink);
    REQUIRE(sink.all().size() == 3);
    CHECK(format_diagnostic(sink.all()[0]) ==
          "layout.xml:3:1: warning: page 1: text \"line 0\" and 29 more lines at the left stand 0.5 mm from the trim; "
          "keep text 3 mm inside it");
    CHECK(format_diagnostic(sink.all()[1]) ==
          "layout.xml:3:1: warning: page 1: text \"A heading\" at the left stands 1 mm from the trim; keep text 3 mm "
          "inside it");
    CHECK(format_diagnostic(sink.all()[2]) ==
          "layout.xml:3:1: warning: page 1: text \"right 0\" and 4 more lines at the right stand 1 mm from the trim; "
          "keep text 3 mm inside it");
}

namespace {

render::DrawGlyphs line_at(double x_pt, double y_pt, const std::string& text, int node, SourceLoc loc) {
    render::DrawGlyphs run;
    run.x = Length::from_pt(x_pt);
    run.y = Length::from_pt(y_pt);
    run.size = Length::from_pt(10);
    run.text = text;
    run.node = node;
    run.loc = std::move(loc);
    shape::Glyph glyph;
    glyph.gid = 1;
    glyph.advance = Length::from_pt(100);
    run.glyphs.push_back(glyph);
    return run;
}

std::unique_ptr<PressColour> open_press(DiagnosticSink& sink) {
    std::optional<PressProfile> profile = find_press_profile("", sink);
    REQUIRE(profile);
    std::unique_ptr<PressColour> press = PressColour::open(profile->path, sink);
    REQUIRE(press);
    return press;
}

model::Layout styled_layout() {
    model::Layout layout;
    layout.path = "layouts/test.xml";
    for (const char* name : {"section", "title"}) {
        model::ParagraphStyle style;
        style.name = name;
        style.text.color = "#8a1c1c";
        style.loc = {"layouts/test.xml", name[0] == 's' ? 10 : 11, 3};
        layout.paragraph_styles.push_back(style);
    }
    model::CharacterStyle cap;
    cap.name = "section";  // a character style of the same name as a paragraph style
    cap.text.color = "#8a1c1c";
    cap.loc = {"layouts/test.xml", 12, 3};
    layout.character_styles.push_back(cap);
    return layout;
}

std::vector<std::string> lines_of(const DiagnosticSink& sink) {
    std::vector<std::string> out;
    for (const Diagnostic& d : sink.all()) out.push_back(format_diagnostic(d));
    return out;
}

}  // namespace

// Issue 18: at the paragraph's place in the user's files, once per paragraph and page;
// a link inside the paragraph is part of it.
TEST_CASE("text near the trim: at the paragraph's source location, once per paragraph and page") {
    render::DisplayList list = labelled_pages(2);
    const int first = list.structure.add(render::StructureKind::paragraph, -1);
    const int link = list.structure.add(render::StructureKind::link, first);
    const int second = list.structure.add(render::StructureKind::paragraph, -1);
    for (int i = 0; i < 20; ++i) {
        list.pages[0].ops.push_back(line_at(2.83, 100 + i * 13, "first " + std::to_string(i), i == 5 ? link : first,
                                            {"articles/a.xml", 20 + i / 4, 5}));
    }
    for (int i = 0; i < 10; ++i) {
        list.pages[0].ops.push_back(line_at(2.83, 400 + i * 13, "second " + std::to_string(i), second,
                                            {"articles/a.xml", 40, 5 + i}));
    }
    // The first paragraph runs on to page 2.
    for (int i = 0; i < 3; ++i) {
        list.pages[1].ops.push_back(line_at(2.83, 100 + i * 13, "more " + std::to_string(i), first, {"articles/a.xml", 26, 1}));
    }
    list.pages[1].ops.push_back(line_at(2.83, 800, "2", -1, {}));  // a folio: furniture, no source
    DiagnosticSink sink;
    check_safe_margin(list, Length::from_pt(3 * 72 / 25.4), SourceLoc{"issue.xml", 0, 0}, nullptr, sink);
    CHECK(lines_of(sink) ==
          std::vector<std::string>{
              "articles/a.xml:20:5: warning: page 1: text \"first 0\" and 19 more lines at the left stand 1 mm from "
              "the trim; keep text 3 mm inside it",
              "articles/a.xml:40:5: warning: page 1: text \"second 0\" and 9 more lines at the left stand 1 mm from "
              "the trim; keep text 3 mm inside it",
              "articles/a.xml:26:1: warning: page 2: text \"more 0\" and 2 more lines at the left stand 1 mm from the "
              "trim; keep text 3 mm inside it",
              "issue.xml: warning: page 2: text \"2\" at the left stands 1 mm from the trim; keep text 3 mm inside it",
          });
}

// Issue 18: near-black RGB text goes on the black plate alone; the warning quotes that,
// not the four-colour mix lcms2 would give.
TEST_CASE("colour preflight quotes what print output writes") {
    DiagnosticSink sink;
    const std::unique_ptr<PressColour> press = open_press(sink);
    model::Layout layout;
    layout.path = "layouts/test.xml";
    model::ParagraphStyle dark, red;
    dark.name = "dark";
    dark.text.color = "#101018";
    dark.loc = {"layouts/test.xml", 4, 3};
    red.name = "red";
    red.text.color = "#8a1c1c";
    red.loc = {"layouts/test.xml", 5, 3};
    layout.paragraph_styles = {dark, red};
    check_layout_colours(layout, *press, sink);
    REQUIRE(sink.all().size() == 2);
    const std::string near_black = format_diagnostic(sink.all()[0]);
    INFO(near_black);
    CHECK(near_black.starts_with("layouts/test.xml:4:3: warning: paragraph style \"dark\" has the RGB colour #101018, "
                                 "which print output sets in black ink alone, cmyk(0,0,0,0.935); give a cmyk() colour"));
    // What convert() writes for that text: one ink, the same K.
    const render::Color written = press->for_press(render::Color::rgb(16 / 255.0, 16 / 255.0, 24 / 255.0), true);
    CHECK(written.space == render::Color::Space::gray);
    CHECK(1 - written.c[0] == Approx(0.935).margin(0.0005));
    const render::Color converted = press->for_press(render::Color::rgb(0x8a / 255.0, 0x1c / 255.0, 0x1c / 255.0), true);
    const std::string red_warning = format_diagnostic(sink.all()[1]);
    char expected[128];
    std::snprintf(expected, sizeof expected, "converts to cmyk(%g,%g,%g,%g)", converted.c[0], converted.c[1],
                  converted.c[2], converted.c[3]);
    CHECK(red_warning.find(expected) != std::string::npos);
}

// Issue 18: <approved> in the layout's <preflight> silences one warning and no other.
TEST_CASE("an approved style colour is quiet, nothing else is") {
    DiagnosticSink sink;
    const std::unique_ptr<PressColour> press = open_press(sink);
    model::Layout layout = styled_layout();
    check_layout_colours(layout, *press, sink);
    const std::vector<std::string> all = lines_of(sink);
    REQUIRE(all.size() == 3);
    // The warning names the line that approves it.
    CHECK(all[0].ends_with("; or approve it for press in the layout's <preflight>: "
                           "<approved paragraph-style=\"section\" color=\"#8a1c1c\"/>"));
    CHECK(all[2].ends_with("<approved character-style=\"section\" color=\"#8a1c1c\"/>"));

    auto after = [&](std::vector<model::Approval> approvals) {
        layout.approved = std::move(approvals);
        DiagnosticSink quiet;
        check_layout_colours(layout, *press, quiet);
        std::vector<int> lines;
        for (const Diagnostic& d : quiet.all()) lines.push_back(d.loc.line);
        return lines;
    };
    using model::ApprovalCheck;
    CHECK(after({{ApprovalCheck::paragraph_colour, "section", "#8a1c1c", {}}}) == std::vector<int>{11, 12});
    CHECK(after({{ApprovalCheck::character_colour, "section", "#8a1c1c", {}}}) == std::vector<int>{10, 11});
    // Approved for another colour: the style's colour has changed since.
    CHECK(after({{ApprovalCheck::paragraph_colour, "section", "#8a1c1d", {}}}) == std::vector<int>{10, 11, 12});
    CHECK(after({{ApprovalCheck::paragraph_colour, "section", "#8a1c1c", {}},
                 {ApprovalCheck::paragraph_colour, "title", "#8a1c1c", {}},
                 {ApprovalCheck::character_colour, "section", "#8a1c1c", {}}})
              .empty());
}

TEST_CASE("an approved image check is quiet, the image's other check is not") {
    const std::string image = std::filesystem::path(QUIRE_SOURCE_DIR "/issues/2025-spring/images/compound-at-night.jpg")
                                  .lexically_normal()
                                  .string();
    REQUIRE(image_components(image) == 3);  // RGB
    render::DisplayList list = labelled_pages(1);
    render::DrawImage placed;
    placed.path = image;
    placed.width = Length::from_pt(4000);  // far too large for its pixels: under 300 dpi
    placed.height = Length::from_pt(3000);
    list.pages[0].ops.push_back(placed);
    const std::map<std::string, SourceLoc> locs{{image, {"articles/a.xml", 24, 5}}};
    model::Layout layout;
    layout.path = QUIRE_SOURCE_DIR "/layouts/review.xml";

    auto warnings = [&](std::vector<model::Approval> approvals) {
        layout.approved = std::move(approvals);
        DiagnosticSink sink;
        check_images(list, locs, 300, false, &layout, sink);
        return lines_of(sink);
    };
    const std::vector<std::string> all = warnings({});
    REQUIRE(all.size() == 2);
    CHECK(all[0].starts_with("articles/a.xml:24:5: warning: image compound-at-night.jpg prints at "));
    CHECK(all[0].ends_with("<approved image=\"../issues/2025-spring/images/compound-at-night.jpg\" for=\"resolution\"/>"));
    CHECK(all[1].ends_with("<approved image=\"../issues/2025-spring/images/compound-at-night.jpg\" for=\"rgb\"/>"));
    using model::ApprovalCheck;
    CHECK(warnings({{ApprovalCheck::image_rgb, image, "", {}}}) == std::vector<std::string>{all[0]});
    CHECK(warnings({{ApprovalCheck::image_resolution, image, "", {}}}) == std::vector<std::string>{all[1]});
    CHECK(warnings({{ApprovalCheck::image_rgb, image + "x", "", {}}}) == all);  // another image
    CHECK(warnings({{ApprovalCheck::image_rgb, image, "", {}}, {ApprovalCheck::image_resolution, image, "", {}}}).empty());
    // With --convert-images quire separates the picture itself: only its resolution is said.
    DiagnosticSink converted;
    layout.approved.clear();
    check_images(list, locs, 300, true, &layout, converted);
    CHECK(lines_of(converted) == std::vector<std::string>{all[0]});
}

// Issue 18: a layout margin under the safe margin is one mistake: one warning at the
// layout's <page>, naming the pages, and none for the lines beside it; text near
// another edge is still reported.
TEST_CASE("text near the trim: a layout margin that is too small is one warning") {
    render::DisplayList list = labelled_pages(2);
    const int para = list.structure.add(render::StructureKind::paragraph, -1);
    const int other = list.structure.add(render::StructureKind::paragraph, -1);
    model::Layout layout;
    layout.page.facing = true;
    layout.page.margin_top = layout.page.margin_bottom = layout.page.margin_inside = Length::from_pt(20 * 72 / 25.4);
    layout.page.margin_outside = Length::from_pt(72 / 25.4);  // 1 mm
    layout.page.loc = {"layouts/test.xml", 6, 3};
    // Page 1, a recto: its outside is on the right.
    for (int i = 0; i < 10; ++i) list.pages[0].ops.push_back(line_at(492.165, 100 + i * 13, "outer", para, {"a.xml", 9, 1}));
    list.pages[0].ops.push_back(line_at(2.83, 400, "inner", other, {"a.xml", 30, 1}));  // near the inside edge: its own mistake
    // Page 2, a verso: its outside is on the left.
    for (int i = 0; i < 10; ++i) list.pages[1].ops.push_back(line_at(2.83, 100 + i * 13, "outer", para, {"a.xml", 12, 1}));
    DiagnosticSink sink;
    check_safe_margin(list, Length::from_pt(3 * 72 / 25.4), SourceLoc{"issue.xml", 0, 0}, &layout, sink);
    CHECK(lines_of(sink) ==
          std::vector<std::string>{
              "a.xml:30:1: warning: page 1: text \"inner\" at the left stands 1 mm from the trim; keep text 3 mm inside it",
              "layouts/test.xml:6:3: warning: <page> margin-outside is 1 mm: text beside it stands within 3 mm of the "
              "trim (pages 1, 2); keep text 3 mm inside it",
          });
}
