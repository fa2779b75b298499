#include "fake_issue.hpp"

#include <cctype>
#include <sstream>

namespace quire::page::testing {

namespace {
model::ParagraphStyle style(const std::string& name, double leading, double before = 0, double after = 0) {
    model::ParagraphStyle s;
    s.name = name;
    s.text.size = pt(leading * 0.8);
    s.leading = pt(leading);
    if (before > 0) s.space_before = Dimension{pt(before), 0, false};
    if (after > 0) s.space_after = Dimension{pt(after), 0, false};
    return s;
}
}  // namespace

model::Layout small_layout() {
    model::Layout l;
    l.name = "small";
    auto& p = l.page;
    p.width = pt(300);
    p.height = pt(420);
    p.bleed = pt(9);
    p.facing = true;
    p.margin_top = pt(36);
    p.margin_bottom = pt(48);
    p.margin_inside = pt(30);
    p.margin_outside = pt(20);
    p.columns = 2;
    p.gutter = pt(10);
    p.baseline_grid = pt(12);
    for (auto s : {style("body", 12), style("heading", 12, 12), style("title", 24, 0, 6), style("contents-title", 24, 0, 6),
                   style("contents-entry", 14), style("byline", 12), style("running-head", 9), style("folio", 9),
                   style("disclaimer", 10), style("credit", 9)}) {
        l.paragraph_styles.push_back(s);
    }
    using P = model::SlotPosition;
    using G = model::SlotPages;
    model::Master opener{"opener", {}, {}, model::RunningLine{"folio", false, {{P::outside, G::all, "{page}", {}}}, {}}, {}};
    model::Master body{"body", {},
                       model::RunningLine{"running-head", true,
                                          {{P::outside, G::verso, "{page}", {}},
                                           {P::inside, G::verso, "{issue.title}", {}},
                                           {P::inside, G::recto, "{article.short-title}", {}},
                                           {P::outside, G::recto, "{page}", {}}},
                                          {}},
                       model::RunningLine{"disclaimer", false, {{P::left, G::all, "{article.disclaimer}", {}}}, {}},
                       {}};
    model::Master contents{"contents", 1, {}, model::RunningLine{"folio", false, {{P::outside, G::all, "{page}", {}}}, {}}, {}};
    l.masters = {opener, body, contents};
    return l;
}

galley::Line fake_line(const std::string& text, Length width, Length ascent, Length descent) {
    galley::Line l;
    l.width = width;
    l.ascent = ascent;
    l.descent = descent;
    render::DrawGlyphs g;
    g.size = pt(10);
    g.text = text;
    for (std::size_t i = 0; i < text.size(); ++i) {
        g.glyphs.push_back(shape::Glyph{1, static_cast<std::uint32_t>(i), pt(4), {}, {}});
    }
    l.natural_width = std::min(width, pt(4) * static_cast<std::int64_t>(text.size()));
    l.ops.push_back(std::move(g));
    return l;
}

galley::LineSetter stub_setter() {
    return [](const std::string& text, const std::string&, Length width) {
        std::vector<galley::Line> lines;
        std::stringstream in(text);
        std::string part;
        while (std::getline(in, part)) lines.push_back(fake_line(part, width, pt(7), pt(2)));
        return lines;
    };
}

galley::ArticleGalley make_article(int a, const std::string& title, const std::vector<std::string>& spec,
                           const std::string& disclaimer, const std::string& short_title) {
    const Length text_width = pt(250), column = pt(120);
    const std::string A = "a" + std::to_string(a);
    galley::ArticleGalley g;
    g.id = A;
    g.plan.title = title;
    g.short_title = short_title;
    g.section = "Section " + std::to_string(a);
    g.plan.byline = "By Author " + std::to_string(a);
    g.plan.disclaimer = disclaimer;
    g.loc = SourceLoc{"articles/" + A + ".xml", 1, 1};

    galley::TextBlock section;
    section.role = galley::BlockRole::furniture;
    section.lines = {fake_line(A + " s0", text_width, pt(7), pt(2))};
    section.leading = pt(12);
    section.keep_with_next = true;
    galley::TextBlock t;
    t.role = galley::BlockRole::furniture;
    t.lines = {fake_line(A + " t0", text_width, pt(18), pt(5)), fake_line(A + " t1", text_width, pt(18), pt(5))};
    t.leading = pt(24);
    t.space_after = pt(6);
    t.keep_with_next = true;
    galley::TextBlock by;
    by.role = galley::BlockRole::furniture;
    by.lines = {fake_line(A + " b0", text_width, pt(7), pt(2))};
    by.leading = pt(12);
    by.space_after = pt(6);
    g.opener = {section, t, by};

    int para = 0, head = 0, fig = 0;
    for (const std::string& s : spec) {
        if (s[0] == 'p') {
            galley::TextBlock b;
            b.role = galley::BlockRole::body;
            b.leading = pt(12);
            b.snap_to_grid = true;
            int n = std::stoi(s.substr(1));
            std::string P = A + " p" + std::to_string(para++);
            for (int j = 0; j < n; ++j) b.lines.push_back(fake_line(P + " l" + std::to_string(j), column));
            b.loc = SourceLoc{g.loc.file, 10 + para, 1};
            g.body.emplace_back(std::in_place_type<galley::TextBlock>, std::move(b));  // in place: GCC 12 misreads a moved variant
        } else if (s == "h") {
            galley::TextBlock b;
            b.role = galley::BlockRole::heading;
            b.leading = pt(12);
            b.space_before = pt(12);
            b.keep_with_next = true;
            std::string H = A + " h" + std::to_string(head++);
            b.lines = {fake_line(H, column, pt(8), pt(3))};
            b.outline_title = "Heading " + H;
            g.body.emplace_back(std::in_place_type<galley::TextBlock>, std::move(b));
        } else {
            galley::FigureBlock f;
            std::string F = A + " f" + std::to_string(fig++);
            f.image_path = A + "-f" + std::to_string(fig - 1) + ".png";
            f.placement = s == "fh" ? galley::FigureBlock::Placement::here : galley::FigureBlock::Placement::top;
            f.span = s == "fs" ? galley::Span::all_columns : galley::Span::column;
            Length w = f.span == galley::Span::all_columns ? text_width : column;
            f.aspect = f.span == galley::Span::all_columns ? 0.4 : 0.75;
            f.caption = {fake_line(F + " cap", w, pt(6), pt(2))};
            f.caption_leading = pt(9);
            f.credit_leading = pt(8);
            f.gap = pt(4);
            if (s != "fn") {
                f.credit = {fake_line(F + " credit", w, pt(5), pt(2))};
                f.credit_text = "Credit for " + F;
            }
            g.plan.figure_credits.push_back(f.credit_text);  // as plan_article counts every figure
            f.alt = "Alt text for " + F;
            f.loc = SourceLoc{g.loc.file, 50 + fig, 3};
            g.body.push_back(std::move(f));
        }
    }
    return g;
}

std::vector<galley::ArticleGalley> fake_issue() {
    std::vector<galley::ArticleGalley> v;
    v.push_back(make_article(0, "Welcome", {"p4", "p6", "p3", "p2", "p5"}));
    v.back().plan.is_note = true;
    v.push_back(make_article(1, "Scam compounds of the Mekong", {"p8", "ft", "p7", "h", "p5", "p12", "p3", "h", "p9", "p2", "p6", "fs",
                                  "p10", "p14", "h", "p4", "p7", "p11", "p3", "p5", "p9", "p6", "h", "p8", "p4",
                                  "p13", "p2", "p7", "h", "p5", "p3"},
                             "The views expressed are the author's own.\nThey are not the Review's.", "Scams"));
    v.push_back(make_article(2, "Arctic routes", {"p6", "fh", "p9", "h", "p3", "p11", "fn", "p5", "p7", "h", "p4", "p10", "p6",
                                  "p3", "p8", "h", "p2", "p9"},
                             "Opinions are the author's."));
    return v;
}

IssueFurniture fake_furniture() {
    IssueFurniture f;
    f.meta.title = "The Review";
    f.meta.number = "Spring 2025";
    f.meta.date = "2025-03-01";
    f.language = "en-GB";
    return f;
}

LineId parse_line_id(const std::string& text) {
    LineId id;
    if (text.size() < 4 || text[0] != 'a' || !std::isdigit(static_cast<unsigned char>(text[1]))) return id;
    std::istringstream in(text);
    std::string a, b, c;
    in >> a >> b >> c;
    id.article = std::stoi(a.substr(1));
    id.kind = b[0];
    id.block = std::stoi(b.substr(1));
    if (c.size() > 1 && c[0] == 'l') id.line = std::stoi(c.substr(1));
    id.credit = c == "credit";
    return id;
}

}  // namespace quire::page::testing
