// Composes the fake issue (three articles, headings, figures of every placement,
// disclaimers) and checks the rules of issue 5 on the display list itself.
#include "fake_issue.hpp"
#include "input/layout_reader.hpp"
#include "page/build_pages.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace quire;
using namespace quire::page;
using namespace quire::page::testing;

namespace {

const Length margin_top = pt(36), grid = pt(12);

struct Seen {
    int page;
    LineId id;
    Length x, y;
    std::string text;
};

struct Composed {
    render::DisplayList dl;
    DiagnosticSink sink;
    std::vector<Seen> glyphs;
    std::vector<galley::ArticleGalley> articles;

    bool recto(int page) const { return std::stoi(dl.pages[static_cast<std::size_t>(page)].label) % 2 == 1; }
    Length column_x(int page, int c) const { return (recto(page) ? pt(30) : pt(20)) + pt(130) * c; }
    int column_of(const Seen& s) const { return s.x >= column_x(s.page, 1) ? 1 : 0; }
    std::vector<Seen> on_page(int page) const {
        std::vector<Seen> v;
        for (const Seen& s : glyphs) if (s.page == page) v.push_back(s);
        return v;
    }
    std::set<int> pages_of(int article) const {
        std::set<int> v;
        for (const Seen& s : glyphs) if (s.id.article == article) v.insert(s.page);
        return v;
    }
    const Seen* find(const std::string& text) const {
        for (const Seen& s : glyphs) if (s.text == text) return &s;
        return nullptr;
    }
};

Composed compose(std::vector<galley::ArticleGalley> articles, const IssueFurniture& fu,
                 const model::Layout& layout = small_layout()) {
    Composed c;
    c.articles = std::move(articles);
    c.dl = build_pages(c.articles, fu, layout, stub_setter(), c.sink);
    for (std::size_t p = 0; p < c.dl.pages.size(); ++p) {
        for (const render::DrawOp& op : c.dl.pages[p].ops) {
            if (const auto* g = std::get_if<render::DrawGlyphs>(&op)) {
                c.glyphs.push_back({static_cast<int>(p), parse_line_id(g->text), g->x, g->y, g->text});
            }
        }
    }
    return c;
}

const Composed& issue() {
    static const Composed c = compose(fake_issue(), fake_furniture());
    return c;
}

bool is_flow(const Seen& s) { return s.id.kind == 'p' || s.id.kind == 'h'; }

}  // namespace

TEST_CASE("every body line sits on the baseline grid", "[page][compose]") {
    const Composed& c = issue();
    int n = 0;
    for (const Seen& s : c.glyphs) {
        if (s.id.kind != 'p') continue;
        ++n;
        INFO(s.text << " on page " << s.page << " at " << s.y.pt());
        CHECK(s.y > margin_top);
        CHECK((s.y - margin_top).sp % grid.sp == 0);
    }
    CHECK(n > 250);
}

TEST_CASE("the articles' text comes out complete and in reading order", "[page][compose]") {
    const Composed& c = issue();
    std::vector<Seen> flow;
    for (const Seen& s : c.glyphs) if (is_flow(s)) flow.push_back(s);
    std::stable_sort(flow.begin(), flow.end(), [&](const Seen& a, const Seen& b) {
        if (a.page != b.page) return a.page < b.page;
        if (c.column_of(a) != c.column_of(b)) return c.column_of(a) < c.column_of(b);
        return a.y < b.y;
    });
    std::vector<std::string> expected, got;
    for (const galley::ArticleGalley& g : c.articles) {
        for (const galley::Block& b : g.body) {
            if (const auto* t = std::get_if<galley::TextBlock>(&b)) {
                for (const galley::Line& l : t->lines) expected.push_back(std::get<render::DrawGlyphs>(l.ops[0]).text);
            }
        }
    }
    for (const Seen& s : flow) got.push_back(s.text);
    CHECK(got == expected);
}

TEST_CASE("no column ends with a heading", "[page][compose]") {
    const Composed& c = issue();
    std::map<std::pair<int, int>, Seen> last;  // (page, column) -> lowest flow line
    for (const Seen& s : c.glyphs) {
        if (!is_flow(s)) continue;
        auto key = std::make_pair(s.page, c.column_of(s));
        if (!last.count(key) || last.at(key).y < s.y) last.insert_or_assign(key, s);
    }
    int headings = 0;
    for (const Seen& s : c.glyphs) headings += s.id.kind == 'h';
    CHECK(headings == 8);
    for (const auto& [key, s] : last) {
        INFO("page " << key.first << " column " << key.second << " ends with " << s.text);
        CHECK(s.id.kind != 'h');
    }
}

TEST_CASE("no widows and no orphans, short paragraphs never split", "[page][compose]") {
    const Composed& c = issue();
    // (article, paragraph) -> lines per (page, column), in order
    std::map<std::pair<int, int>, std::map<std::pair<int, int>, int>> pieces;
    for (const Seen& s : c.glyphs) {
        if (s.id.kind == 'p') pieces[{s.id.article, s.id.block}][{s.page, c.column_of(s)}]++;
    }
    int split = 0;
    for (const auto& [para, parts] : pieces) {
        int total = 0;
        for (const auto& [where, n] : parts) total += n;
        INFO("a" << para.first << " p" << para.second << " in " << parts.size() << " pieces");
        if (total <= 3) CHECK(parts.size() == 1);
        if (parts.size() > 1) {
            ++split;
            CHECK(parts.begin()->second >= 2);   // orphan rule at the foot
            CHECK(parts.rbegin()->second >= 2);  // widow rule at the head
        }
    }
    CHECK(split >= 3);  // the data does split paragraphs, so the rule is exercised
}

TEST_CASE("an article's last page has its columns balanced", "[page][compose]") {
    const Composed& c = issue();
    for (int a = 0; a < 3; ++a) {
        int last = *c.pages_of(a).rbegin();
        Length bottom[2] = {};
        int lines[2] = {0, 0};
        for (const Seen& s : c.on_page(last)) {
            if (!is_flow(s) || s.id.article != a) continue;
            int col = c.column_of(s);
            lines[col]++;
            bottom[col] = std::max(bottom[col], s.y);
        }
        INFO("article " << a << " page " << last << ": " << lines[0] << " / " << lines[1] << " lines, feet at "
                        << bottom[0].pt() << " / " << bottom[1].pt());
        CHECK(lines[1] > 0);
        // Never the right column longer; the left longer by more than its odd line
        // only where widow and orphan rules leave no better break (exact cases are in
        // the next test).
        CHECK(bottom[0] >= bottom[1]);
        CHECK(bottom[0] - bottom[1] <= grid * 3);
    }
}

TEST_CASE("balancing: equal columns, the left taking the odd line, within the widow rules", "[page][compose]") {
    struct Case { std::vector<std::string> spec; int left, right; };
    for (const Case& k : {Case{{"p9"}, 5, 4}, Case{{"p10"}, 5, 5}, Case{{"p4", "p6"}, 6, 4}, Case{{"p4", "p5"}, 6, 3}, Case{{"p2", "p2", "p3"}, 4, 3},
                          Case{{"p30", "p21"}, 0, 0}}) {
        Composed c = compose({make_article(0, "T", k.spec)}, fake_furniture());
        int last = *c.pages_of(0).rbegin();
        int lines[2] = {0, 0};
        for (const Seen& s : c.on_page(last)) if (is_flow(s)) lines[c.column_of(s)]++;
        INFO(k.spec.size() << " paragraphs: " << lines[0] << " / " << lines[1]);
        if (k.left == 0) {
            // 51 lines: a full first page (26 + 27 less the opener), the rest balanced
            CHECK(lines[0] - lines[1] >= 0);
            CHECK(lines[0] - lines[1] <= 1);
        } else {
            CHECK(lines[0] == k.left);
            CHECK(lines[1] == k.right);
        }
    }
}

TEST_CASE("every figure has its caption and credit directly under it on its page", "[page][compose]") {
    const Composed& c = issue();
    int figures = 0;
    for (std::size_t p = 0; p < c.dl.pages.size(); ++p) {
        for (const render::DrawOp& op : c.dl.pages[p].ops) {
            const auto* im = std::get_if<render::DrawImage>(&op);
            if (!im) continue;
            ++figures;
            std::string stem = im->path.substr(0, im->path.size() - 4);  // "a1-f0"
            std::string name = stem.substr(0, 2) + " " + stem.substr(3);   // "a1 f0"
            const Seen* credit = c.find(name + " credit");
            const Seen* caption = c.find(name + " cap");
            REQUIRE(caption);
            INFO(name);
            CHECK(caption->page == static_cast<int>(p));
            CHECK(caption->x == im->x);
            CHECK(caption->y > im->y + im->height);
            CHECK(caption->y - (im->y + im->height) < pt(12));
            if (name == "a2 f1") { CHECK_FALSE(credit); continue; }  // the uncredited one
            REQUIRE(credit);
            CHECK(credit->page == static_cast<int>(p));
            CHECK(credit->x == im->x);
            CHECK(credit->y == caption->y + pt(8));
            // Nothing else stands between the image and its credit.
            for (const Seen& s : c.on_page(static_cast<int>(p))) {
                if (s.text == caption->text || s.text == credit->text) continue;
                bool over = s.x < im->x + im->width && s.x >= im->x;
                CHECK_FALSE((over && s.y > im->y && s.y <= credit->y + pt(3)));
            }
            // The image is scaled to its measure, keeping its aspect.
            CHECK((im->width == pt(120) || im->width == pt(250)));
        }
    }
    CHECK(figures == 4);
}

TEST_CASE("an uncredited figure is a warning naming its source", "[page][compose]") {
    const Composed& c = issue();
    int warnings = 0;
    for (const Diagnostic& d : c.sink.all()) {
        if (d.message.find("no credit") != std::string::npos) {
            ++warnings;
            CHECK(d.severity == Severity::warning);
            CHECK(d.loc.file == "articles/a2.xml");
        }
    }
    CHECK(warnings == 1);
    CHECK_FALSE(c.sink.has_errors());
}

TEST_CASE("figures at the column top and across the columns stand where asked", "[page][compose]") {
    const Composed& c = issue();
    for (std::size_t p = 0; p < c.dl.pages.size(); ++p) {
        for (const render::DrawOp& op : c.dl.pages[p].ops) {
            const auto* im = std::get_if<render::DrawImage>(&op);
            if (!im) continue;
            INFO(im->path << " on page " << p);
            if (im->path == "a1-f1.png") {  // across both columns, at the top of a page
                CHECK(im->width == pt(250));
                CHECK(im->x == c.column_x(static_cast<int>(p), 0));
                CHECK(im->y == margin_top);
                for (const Seen& s : c.on_page(static_cast<int>(p))) {
                    if (is_flow(s)) CHECK(s.y > im->y + im->height);
                }
            } else if (im->path == "a1-f0.png" || im->path == "a2-f1.png") {  // column tops
                CHECK(im->width == pt(120));
                bool opener = c.find(im->path.substr(0, 2) + " t0")->page == static_cast<int>(p);
                if (!opener) CHECK(im->y == margin_top);
                int col = im->x == c.column_x(static_cast<int>(p), 1) ? 1 : 0;
                CHECK(im->x == c.column_x(static_cast<int>(p), col));
                for (const Seen& s : c.on_page(static_cast<int>(p))) {
                    if (is_flow(s) && c.column_of(s) == col) CHECK(s.y > im->y + im->height);
                }
            }
        }
    }
}

TEST_CASE("running heads name the page's article on rectos and the issue on versos", "[page][compose]") {
    const Composed& c = issue();
    int checked = 0;
    for (int a = 0; a < 3; ++a) {
        std::set<int> pages = c.pages_of(a);
        int first = c.find("a" + std::to_string(a) + " t0")->page;
        for (int p : pages) {
            std::vector<std::string> head;
            for (const Seen& s : c.on_page(p)) if (s.y < margin_top) head.push_back(s.text);
            INFO("article " << a << " page " << p);
            if (p == first) { CHECK(head.empty()); continue; }  // the opener has no running head
            std::string expected = c.recto(p) ? (c.articles[a].short_title.empty() ? c.articles[a].plan.title
                                                                                   : c.articles[a].short_title)
                                              : std::string("The Review");
            CHECK(std::count(head.begin(), head.end(), expected) == 1);
            CHECK(std::count(head.begin(), head.end(), c.dl.pages[p].label) == 1);  // the folio
            ++checked;
        }
    }
    CHECK(checked >= 4);
}

TEST_CASE("every page of an article with a disclaimer carries it in the foot, clear of the text", "[page][compose]") {
    const Composed& c = issue();
    for (int a = 0; a < 3; ++a) {
        std::string first_line = c.articles[a].plan.disclaimer.substr(0, c.articles[a].plan.disclaimer.find('\n'));
        for (int p : c.pages_of(a)) {
            Length text_foot, disclaimer_top = pt(10000);
            int found = 0;
            for (const Seen& s : c.on_page(p)) {
                if (s.id.article == a) text_foot = std::max(text_foot, s.y + pt(3));
                if (!first_line.empty() && s.text == first_line) { ++found; disclaimer_top = s.y - pt(7); }
            }
            INFO("article " << a << " page " << p);
            if (first_line.empty()) {
                CHECK(found == 0);
            } else {
                CHECK(found == 1);
                CHECK(text_foot < disclaimer_top);
            }
        }
    }
    // Article 0 (the note) has none and nobody else's leaks onto its pages.
    for (int p : c.pages_of(0)) {
        for (const Seen& s : c.on_page(p)) CHECK(s.text.find("author's") == std::string::npos);
    }
}

TEST_CASE("the contents lists each article with the page its title stands on, linked there", "[page][compose]") {
    const Composed& c = issue();
    const auto& page0 = c.dl.pages[0];
    std::vector<const render::LinkArea*> links;
    for (const auto& op : page0.ops) if (const auto* l = std::get_if<render::LinkArea>(&op)) links.push_back(l);
    REQUIRE(links.size() == 3);
    REQUIRE(c.find("Contents"));
    CHECK(c.find("Contents")->page == 0);
    for (int a = 0; a < 3; ++a) {
        const Seen* entry = c.find(c.articles[a].plan.title);
        const Seen* title = c.find("a" + std::to_string(a) + " t0");
        REQUIRE(entry);
        REQUIRE(title);
        CHECK(entry->page == 0);
        // The number on the entry's baseline, right-aligned to the text area.
        const Seen* number = nullptr;
        const std::vector<Seen> page0_glyphs = c.on_page(0);  // `number` points into it
        for (const Seen& s : page0_glyphs) if (s.y == entry->y && s.x > entry->x && s.text != entry->text) number = &s;
        REQUIRE(number);
        CHECK(number->text == c.dl.pages[static_cast<std::size_t>(title->page)].label);
        CHECK(number->x + pt(4) * static_cast<int>(number->text.size()) == pt(30 + 250));
        CHECK(links[a]->target_page == title->page);
        CHECK(links[a]->target_y == c.find("a" + std::to_string(a) + " s0")->y - pt(7));  // first furniture line
        CHECK(links[a]->y <= entry->y);
        CHECK(links[a]->y + links[a]->height >= entry->y);
    }
    CHECK(c.find("By Author 1"));  // bylines are listed
}

TEST_CASE("outlines: one per article at its title, headings as children, page labels are folios", "[page][compose]") {
    const Composed& c = issue();
    // Contents, then the three articles. The image credits stand in the contents
    // page's foot here, under its bookmark; set on a page of their own they get one
    // (the <flow image-credits="end"> test below).
    REQUIRE(c.dl.outlines.size() == 4);
    CHECK(c.dl.outlines[0].title == "Contents");
    CHECK(c.dl.outlines[0].page == 0);
    for (int a = 0; a < 3; ++a) {
        const render::Outline& o = c.dl.outlines[static_cast<std::size_t>(a + 1)];
        CHECK(o.title == c.articles[a].plan.title);
        CHECK(o.page == c.find("a" + std::to_string(a) + " t0")->page);
        std::vector<std::string> headings;
        for (const galley::Block& b : c.articles[a].body) {
            if (const auto* t = std::get_if<galley::TextBlock>(&b); t && t->role == galley::BlockRole::heading) headings.push_back(t->outline_title);
        }
        REQUIRE(o.children.size() == headings.size());
        for (std::size_t i = 0; i < headings.size(); ++i) {
            CHECK(o.children[i].title == headings[i]);
            const Seen* h = c.find("a" + std::to_string(a) + " h" + std::to_string(i));
            CHECK(o.children[i].page == h->page);
            CHECK(o.children[i].y == h->y - pt(8));
        }
    }
    for (std::size_t i = 0; i < c.dl.pages.size(); ++i) CHECK(c.dl.pages[i].label == std::to_string(i + 1));
}

TEST_CASE("facing pages: the text block moves with the inside margin", "[page][compose]") {
    const Composed& c = issue();
    for (std::size_t p = 1; p < c.dl.pages.size(); ++p) {
        Length left = pt(10000);
        for (const Seen& s : c.on_page(static_cast<int>(p))) if (is_flow(s)) left = std::min(left, s.x);
        if (left == pt(10000)) continue;
        INFO("page " << p);
        CHECK(left == (c.recto(static_cast<int>(p)) ? pt(30) : pt(20)));
        const auto& pg = c.dl.pages[p];
        CHECK(pg.width == pt(300));
        CHECK(pg.height == pt(420));
        CHECK(pg.bleed == pt(9));
    }
}

TEST_CASE("the image credits list names each credit with its page", "[page][compose]") {
    const Composed& c = issue();
    int listed = 0;
    for (std::size_t p = 0; p < c.dl.pages.size(); ++p) {
        for (const render::DrawOp& op : c.dl.pages[p].ops) {
            const auto* im = std::get_if<render::DrawImage>(&op);
            if (!im) continue;
            std::string stem = im->path.substr(0, im->path.size() - 4);
            std::string name = stem.substr(0, 2) + " " + stem.substr(3);
            std::string credit = name == "a2 f1" ? "uncredited image" : "Credit for " + name;
            // On the contents page, under the masthead: "p. 5<en space>Credit for a0 f0".
            const Seen* entry = c.find("p. " + c.dl.pages[p].label + "\u2002" + credit);
            INFO(name);
            REQUIRE(entry);
            CHECK(entry->page < *c.pages_of(0).begin());  // before the first article
            ++listed;
        }
    }
    CHECK(listed == 4);
}

TEST_CASE("<flow image-credits=\"end\">: the credits list follows the last article, not the contents", "[page][compose]") {
    model::Layout layout = small_layout();
    layout.flow.image_credits = model::CreditsPlacement::end;
    Composed c = compose(fake_issue(), fake_furniture(), layout);
    int last_article_page = 0;
    for (int a = 0; a < 3; ++a) last_article_page = std::max(last_article_page, *c.pages_of(a).rbegin());
    const Seen* heading = c.find("Image credits");
    REQUIRE(heading);
    CHECK(heading->page > last_article_page);
    const Seen* entry = c.find("Page 3: Credit for a1 f0");
    REQUIRE(entry);
    CHECK(entry->page == heading->page);
    for (const Seen& s : c.on_page(0)) CHECK(s.text.find("Credit for") == std::string::npos);
    CHECK(c.dl.outlines.back().title == "Image credits");
}

TEST_CASE("a cover comes first: nameplate, picture with its credit, cover lines at the foot, no folio", "[page][compose]") {
    IssueFurniture fu = fake_furniture();
    fu.cover = CoverSpec{"cover.jpg", 0.5, "Cover credit", "A picture", {{"World", "a0 t0", "A subtitle", "By Someone"}}};
    Composed c = compose(fake_issue(), fu);
    REQUIRE(c.dl.pages.size() == issue().dl.pages.size() + 1);
    CHECK(c.dl.pages[0].label.empty());
    CHECK(c.dl.pages[1].label == "2");
    std::vector<std::string> texts;
    for (const Seen& s : c.on_page(0)) texts.push_back(s.text);
    CHECK(texts == std::vector<std::string>{"The Review", "Spring 2025", "Cover credit", "World", "a0 t0", "A subtitle",
                                            "By Someone"});
    const render::DrawImage* img = nullptr;
    for (const render::DrawOp& op : c.dl.pages[0].ops) {
        if (const auto* i = std::get_if<render::DrawImage>(&op)) img = i;
    }
    REQUIRE(img);
    const auto on_cover = c.on_page(0);
    // The picture stands under the issue line, at the text area's left edge and width
    // (the small layout's cover page is a recto: 30pt inside margin, 250pt text), with
    // its credit under it and the cover lines below that, the last one on the text foot.
    CHECK(img->x == pt(30));
    CHECK(img->width == pt(250));
    CHECK(img->height == pt(125));
    CHECK(img->y > on_cover[1].y);
    CHECK(on_cover[2].y > img->y + img->height);
    CHECK(on_cover[3].y > on_cover[2].y);
    CHECK(on_cover.back().y + pt(2) <= c.dl.pages[0].height - pt(36));
    // Its credit heads the credits list, as the cover's.
    CHECK(c.find("Cover\u2002Cover credit"));
    CHECK(c.find("Contents")->page == 1);
    CHECK(c.find("a0 t0")->page == 0);
}

TEST_CASE("a note on the contents page: under the list, not in it, with an outline entry", "[page][compose]") {
    std::vector<galley::ArticleGalley> articles = fake_issue();
    galley::ArticleGalley note = make_article(9, "Note", {"p3"}, "", "");
    note.plan.is_note = true;
    note.plan.on_contents_page = true;
    articles.insert(articles.begin(), note);
    Composed c = compose(articles, fake_furniture());
    REQUIRE(c.dl.pages.size() == issue().dl.pages.size());
    const Seen* title = c.find("Note");
    REQUIRE(title);
    CHECK(title->page == 0);
    CHECK(c.pages_of(9) == std::set<int>{0});
    CHECK(c.dl.pages[0].notes == std::vector<int>{0});
    CHECK(c.dl.pages[0].article == -1);
    // The list names the three articles but not the note, and the note stands below it.
    for (const Seen& s : c.on_page(0)) {
        if (s.id.article == 9) CHECK(s.y > title->y);
    }
    int listed = 0;
    for (const render::DrawOp& op : c.dl.pages[0].ops) listed += std::holds_alternative<render::LinkArea>(op);
    CHECK(listed == 3);
    bool outlined = false;
    for (const render::Outline& o : c.dl.outlines) outlined |= o.title == "Note" && o.page == 0;
    CHECK(outlined);
}

TEST_CASE("the Review's own layout: A4, two columns on a 13pt grid, disclaimer on the opener too", "[page][compose]") {
    input::PathPolicy paths;
    paths.allow_tree(std::string(QUIRE_SOURCE_DIR));
    DiagnosticSink sink;
    auto layout = input::read_layout(std::string(QUIRE_SOURCE_DIR) + "/layouts/review.xml", paths, sink);
    REQUIRE(layout);
    std::vector<galley::ArticleGalley> articles{make_article(0, "One", {"p12", "h", "p30", "p40", "p20"}, "Views are the author's.")};
    render::DisplayList dl = build_pages(articles, fake_furniture(), *layout, stub_setter(), sink);
    CHECK_FALSE(sink.has_errors());
    REQUIRE(dl.pages.size() >= 3);
    const Length grid13 = pt(13), top = Length::from_pt(20 * 72 / 25.4);
    CHECK(dl.pages[1].width == layout->page.width);
    CHECK(dl.pages[1].bleed == layout->page.bleed);
    for (std::size_t p = 1; p < dl.pages.size(); ++p) {
        int disclaimers = 0;
        std::set<std::int64_t> columns;
        for (const auto& op : dl.pages[p].ops) {
            const auto* g = std::get_if<render::DrawGlyphs>(&op);
            if (!g) continue;
            disclaimers += g->text == "Views are the author's.";
            if (parse_line_id(g->text).kind == 'p') {
                CHECK((g->y - top).sp % grid13.sp == 0);
                columns.insert(g->x.sp);
            }
        }
        INFO("page " << p);
        CHECK(disclaimers == 1);
        CHECK(columns.size() == 2);
    }
}

TEST_CASE("edge cases: no articles, an empty body, a pull quote taller than a column, a huge figure", "[page][compose]") {
    {
        Composed c = compose({}, fake_furniture());
        CHECK(c.dl.pages.size() == 1);  // the contents page alone
        CHECK(c.dl.outlines.size() == 1);
    }
    {
        Composed c = compose({make_article(0, "Empty", {})}, fake_furniture());
        CHECK(c.dl.pages.size() == 2);
        CHECK(c.find("a0 t0"));
    }
    {
        galley::ArticleGalley g = make_article(0, "Tall", {"p4"});
        galley::TextBlock q;
        q.role = galley::BlockRole::pullquote;
        q.leading = pt(12);
        for (int j = 0; j < 40; ++j) q.lines.push_back(fake_line("a0 q0 l" + std::to_string(j), pt(120)));
        q.loc = SourceLoc{"articles/tall.xml", 7, 5};
        g.body.push_back(q);
        g.body.push_back(make_article(0, "x", {"p3"}).body[0]);
        Composed c = compose({g}, fake_furniture());
        int lines = 0;
        for (const Seen& s : c.glyphs) lines += s.text.rfind("a0 q0", 0) == 0;
        CHECK(lines == 40);  // nothing lost
        bool warned = false;
        for (const Diagnostic& d : c.sink.all()) warned = warned || (d.loc.file == "articles/tall.xml" && d.loc.line == 7);
        CHECK(warned);
    }
    {
        galley::ArticleGalley g = make_article(0, "Huge", {"p4", "ft", "p6"});
        std::get<galley::FigureBlock>(g.body[1]).aspect = 20.0;  // 2400pt tall at column width
        Composed c = compose({g}, fake_furniture());
        const render::DrawImage* im = nullptr;
        for (const auto& p : c.dl.pages) for (const auto& op : p.ops) if (auto* i = std::get_if<render::DrawImage>(&op)) im = i;
        REQUIRE(im);
        CHECK(im->y + im->height < pt(372));
        CHECK(im->width * 20 - im->height < pt(1));  // still its aspect
        CHECK(im->width * 20 - im->height > -pt(1));
        const Seen* credit = c.find("a0 f0 credit");
        REQUIRE(credit);
        CHECK(credit->y + pt(2) <= pt(372));
    }
}

TEST_CASE("the issue's document info names its number, editors and articles, not its notes", "[page][unit]") {
    IssueFurniture fu;
    fu.meta.title = "The Review";
    fu.meta.number = "Spring 2025";
    fu.meta.publisher = "The Society";
    fu.meta.keywords = "policy; security";
    fu.meta.date = "2025-03-01";
    fu.language = "en-GB";
    std::vector<galley::ArticlePlan> plans(3);
    plans[0].title = "Welcome";
    plans[0].is_note = true;
    plans[1].title = "Scams";
    plans[2].title = "Arctic routes";
    render::DocumentInfo info = issue_info(fu, plans);
    CHECK(info.title == "The Review, Spring 2025");
    CHECK(info.author == "The Society");  // no editors: the publisher
    CHECK(info.subject == "Scams; Arctic routes");
    CHECK(info.keywords == "policy; security");
    CHECK(info.language == "en-GB");
    CHECK(info.date == "2025-03-01");
    fu.meta.editors = {"Ada", "Ben"};
    fu.meta.number.clear();
    info = issue_info(fu, plans);
    CHECK(info.author == "Ada, Ben");
    CHECK(info.title == "The Review");
}
