#include "page/build_pages.hpp"

#include "page/article_composer.hpp"
#include "page/contents.hpp"
#include "page/credits_list.hpp"
#include "page/figure_layout.hpp"
#include "page/master_selection.hpp"
#include "page/running_lines.hpp"
#include "style/style_sheet.hpp"

#include <algorithm>

namespace quire::page {

namespace {

// Page index i prints as i + 1: the cover, when there is one, is page 1 (a recto) but
// carries no folio, as magazines count it.
std::string folio_of(int index) { return std::to_string(index + 1); }

class Builder {
public:
    Builder(const IssueFurniture& fu, const model::Layout& layout, const LineSetter& setter)
        : fu_(fu), layout_(layout), setter_(setter), styles_(layout) {}

    // Frames and running lines for a page of `article` (null for issue pages).
    StartPage starter(const ArticleGalley* article) const {
        return [this, article](PageKind kind, int index) { return start(kind, index, article); };
    }

    PageStart start(PageKind kind, int index, const ArticleGalley* a) const {
        const model::Master& master = select_master(layout_, kind);
        PageStart ps;
        ps.frame = make_page_frame(layout_.page, index + 1, master.columns);
        if (kind == PageKind::cover) return ps;  // nothing on the cover
        TemplateValues v{
            {"page", folio_of(index)},
            {"issue.title", fu_.meta.title},
            {"issue.number", fu_.meta.number},
            {"issue.date", fu_.meta.date},
        };
        if (a) {
            v["article.title"] = a->title;
            v["article.short-title"] = a->short_title.empty() ? a->title : a->short_title;
            v["article.section"] = a->section;
            v["article.byline"] = a->byline;
            // With <flow disclaimer="end"> it stands once after the text, not in footers.
            if (layout_.flow.disclaimer == model::DisclaimerPlacement::footer) v["article.disclaimer"] = a->disclaimer;
        }
        RunningLineOptions opt;
        opt.implicit_disclaimer = a && !v["article.disclaimer"].empty() && !master_uses_field(master, "article.disclaimer");
        if (!styles_.has_paragraph(opt.disclaimer_style) && master.footer) opt.disclaimer_style = master.footer->style;
        RunningLines rl = set_running_lines(master, ps.frame, v, setter_, styles_, opt);
        ps.running = std::move(rl.ops);
        // The text stops half a grid line above the footer's highest ink.
        ps.frame.text_bottom = std::min(ps.frame.text_bottom, rl.footer_top - ps.frame.grid.step / 2);
        return ps;
    }

    ComposedPage cover(int index) const {
        return compose_cover(*fu_.cover, fu_.meta, start(PageKind::cover, index, nullptr), setter_, styles_);
    }

    const style::StyleSheet& styles() const { return styles_; }

private:
    const IssueFurniture& fu_;
    const model::Layout& layout_;
    const LineSetter& setter_;
    style::StyleSheet styles_;
};

render::Outline outline_of(const ComposedPage& first, const std::string& title, int index) {
    return render::Outline{title, index, first.title_y.value_or(Length{}), {}};
}

// The first page of an article that starts in a free column of `page` (the previous
// article's last) drawn onto it: its content without its own running lines (the page
// keeps the previous article's), its marks, and a note that it carries the article.
void merge_page(ComposedPage& page, ComposedPage&& start, int article) {
    page.ops.insert(page.ops.end(), std::make_move_iterator(start.ops.begin() + static_cast<std::ptrdiff_t>(start.running_ops)),
                    std::make_move_iterator(start.ops.end()));
    page.headings.insert(page.headings.end(), start.headings.begin(), start.headings.end());
    page.credits.insert(page.credits.end(), start.credits.begin(), start.credits.end());
    page.notes.push_back(article);
    page.columns_used = std::max(page.columns_used, start.columns_used);
}

}  // namespace

render::DisplayList build_pages(std::vector<ArticleGalley> articles, const IssueFurniture& fu,
                                const model::Layout& layout, const LineSetter& setter, DiagnosticSink& sink) {
    Builder b(fu, layout, setter);
    // With <flow disclaimer="end">, each article's disclaimer follows its text.
    if (layout.flow.disclaimer == model::DisclaimerPlacement::end) {
        for (ArticleGalley& a : articles) {
            if (a.end_disclaimer) a.body.push_back(*a.end_disclaimer);
        }
    }
    std::vector<ComposedPage> pages;
    if (fu.cover) pages.push_back(b.cover(0));
    const int contents_at = static_cast<int>(pages.size());

    // The contents page carries the masthead and the image credits (a magazine's
    // usual place for them); without a contents page, or when the layout asks for
    // them there, the credits follow the last article.
    const bool credits_on_contents = fu.contents && layout.flow.image_credits == model::CreditsPlacement::contents;
    ContentsExtras extras;
    if (fu.contents) {
        extras.nameplate = fu.meta.title;
        if (!fu.meta.number.empty()) extras.nameplate += "\u2003" + fu.meta.number;
        if (!fu.meta.publisher.empty()) extras.masthead.push_back("Published by " + fu.meta.publisher + ".");
        std::string editors;
        for (const std::string& e : fu.meta.editors) editors += (editors.empty() ? "" : ", ") + e;
        if (!editors.empty()) extras.masthead.push_back("Editors: " + editors + ".");
        if (!fu.meta.contact.empty()) extras.masthead.push_back("Contact the editors: " + fu.meta.contact);
        if (!fu.meta.issn.empty()) extras.masthead.push_back("ISSN " + fu.meta.issn);
        extras.credits_title = fu.credits_title;
        if (credits_on_contents && fu.cover && !fu.cover->image_path.empty()) extras.credits.push_back({"", fu.cover->credit});
        for (const ArticleGalley& a : articles) {
            if (!credits_on_contents) break;
            for (const Block& blk : a.body) {
                if (const auto* fig = std::get_if<FigureBlock>(&blk); fig && fig->kind == FigureBlock::Kind::image) {
                    extras.credits.push_back({"000", fig->credit_text});
                }
            }
        }
    }

    // Pass 1: how many pages the contents takes. Its length does not depend on the
    // numbers (the number column has a fixed width), so placeholders do.
    // Notes on the contents page are part of it, not entries in its list.
    auto on_contents_page = [&](const ArticleGalley& a) { return fu.contents && a.on_contents_page; };
    std::vector<ContentsEntry> entries;
    std::vector<std::size_t> entry_article;  // the article each entry lists
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (on_contents_page(articles[i])) {
            extras.notes.push_back({static_cast<int>(i), &articles[i]});
            continue;
        }
        entries.push_back({articles[i].title, articles[i].byline, "000", 0, {}});
        entry_article.push_back(i);
    }
    int contents_pages = 0;
    if (fu.contents) {
        contents_pages = static_cast<int>(
            compose_contents(fu.contents_title, entries, contents_at, b.starter(nullptr), setter, b.styles(), extras)
                .size());
    }

    // Pass 2: the articles, now that their first page is known (its parity decides
    // the margins, so composing them first and renumbering would not do).
    std::vector<int> first_page(articles.size());
    std::vector<Length> title_y(articles.size());  // where each title stands on its first page
    std::vector<ComposedPage> body;
    int next = contents_at + contents_pages;
    // <flow article-start="column">: an article opens in the next free column of the
    // previous one's last page, when the two share a footer (a page shows one
    // disclaimer); the last page of an article that the next one continues is left
    // unbalanced for it.
    const bool column_start = layout.flow.article_start == model::ArticleStart::column;
    std::vector<std::size_t> paged;  // the articles with pages, in order
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (!on_contents_page(articles[i])) paged.push_back(i);
    }
    auto same_footer = [&](const ArticleGalley& a, const ArticleGalley& b) {
        return layout.flow.disclaimer != model::DisclaimerPlacement::footer || a.disclaimer == b.disclaimer;
    };
    // Once an article's lines are on its pages, only its title, byline and disclaimer
    // are needed still: a long issue is not held twice over.
    auto let_go_of_lines = [](ArticleGalley& a) {
        a.opener = {};
        a.body = {};
        a.end_disclaimer.reset();
    };
    for (std::size_t k = 0; k < paged.size(); ++k) {
        const std::size_t i = paged[k];
        ComposeOptions options;
        options.balance_last_page =
            !column_start || k + 1 == paged.size() || !same_footer(articles[i], articles[paged[k + 1]]);
        if (column_start && k > 0 && same_footer(articles[paged[k - 1]], articles[i]) &&
            body.back().columns_used < body.back().frame.columns) {
            ComposedPage& shared = body.back();
            options.first_column = shared.columns_used;
            options.first_region_top = shared.region_top;
            options.first_kind = shared.kind;
            first_page[i] = next - 1;
            auto composed = compose_galley(articles[i], static_cast<int>(i), next - 1, b.starter(&articles[i]),
                                           options, sink);
            title_y[i] = composed.front().title_y.value_or(Length{});
            merge_page(shared, std::move(composed.front()), static_cast<int>(i));
            for (std::size_t p = 1; p < composed.size(); ++p) body.push_back(std::move(composed[p]));
            next += static_cast<int>(composed.size()) - 1;
            let_go_of_lines(articles[i]);
            continue;
        }
        // <flow article-start="recto">: a feature opens on a right-hand page, leaving
        // the verso before it blank (no running lines, no folio, as printers leave it).
        if (layout.flow.article_start == model::ArticleStart::recto && !articles[i].is_note && (next + 1) % 2 == 0) {
            ComposedPage blank;
            blank.kind = PageKind::body;
            blank.frame = make_page_frame(layout.page, next + 1, select_master(layout, PageKind::body).columns);
            body.push_back(std::move(blank));
            ++next;
        }
        first_page[i] = next;
        auto composed = compose_galley(articles[i], static_cast<int>(i), next, b.starter(&articles[i]),
                                       options, sink);
        title_y[i] = composed.front().title_y.value_or(Length{});
        next += static_cast<int>(composed.size());
        for (auto& p : composed) body.push_back(std::move(p));
        let_go_of_lines(articles[i]);
    }

    // Pass 3: the contents with the real numbers, link targets and credit pages.
    if (fu.contents) {
        for (std::size_t e = 0; e < entries.size(); ++e) {
            const std::size_t i = entry_article[e];
            entries[e].folio = folio_of(first_page[i]);
            entries[e].target_page = first_page[i];
            entries[e].target_y = title_y[i];
        }
        extras.credits.clear();
        if (credits_on_contents) {
            for (const ComposedPage& p : pages) {  // the cover
                for (const std::string& c : p.credits) extras.credits.push_back({"", c});
            }
            // Figures of notes on the contents page: their page is known only once it is
            // composed, and their count (all the credits list's length depends on) is.
            std::vector<ComposedPage> probe = compose_contents(fu.contents_title, entries, contents_at, b.starter(nullptr),
                                                               setter, b.styles(), extras);
            for (std::size_t k = 0; k < probe.size(); ++k) {
                for (const std::string& c : probe[k].credits) {
                    extras.credits.push_back({folio_of(contents_at + static_cast<int>(k)), c});
                }
            }
            for (std::size_t k = 0; k < body.size(); ++k) {
                for (const std::string& c : body[k].credits) {
                    extras.credits.push_back({folio_of(contents_at + contents_pages + static_cast<int>(k)), c});
                }
            }
        }
        auto contents = compose_contents(fu.contents_title, entries, contents_at, b.starter(nullptr), setter,
                                         b.styles(), extras);
        // Same entries, same widths: the page count cannot change between passes.
        if (static_cast<int>(contents.size()) != contents_pages) {
            sink.error({}, "internal: the contents changed length between passes");
        }
        for (auto& p : contents) pages.push_back(std::move(p));
    }
    for (auto& p : body) pages.push_back(std::move(p));

    // Without them on a contents page, the image credits in page order after everything else.
    std::vector<CreditEntry> credits;
    for (std::size_t i = 0; i < pages.size() && !credits_on_contents; ++i) {
        const bool cover = pages[i].kind == PageKind::cover;
        for (const std::string& c : pages[i].credits) credits.push_back({cover ? "" : folio_of(static_cast<int>(i)), c});
    }
    ArticleGalley credits_galley;
    int credits_at = -1;
    if (!credits.empty()) {
        const model::Master& m = select_master(layout, PageKind::body);
        PageFrame f = make_page_frame(layout.page, 1, m.columns);
        credits_galley = make_credits_galley(fu.credits_title, credits, f.column_width, f.text_width, setter, b.styles());
        credits_at = static_cast<int>(pages.size());
        auto composed = compose_galley(credits_galley, -1, credits_at, b.starter(&credits_galley),
                                       ComposeOptions{PageKind::body, PageKind::body, true}, sink);
        for (auto& p : composed) pages.push_back(std::move(p));
    }

    render::DisplayList dl;
    dl.fonts = fu.fonts;
    dl.info.title = fu.meta.title;
    dl.info.subject = fu.meta.subtitle;
    dl.info.keywords = fu.meta.keywords;
    dl.info.language = fu.language;
    dl.info.date = fu.meta.date;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const ComposedPage& p = pages[i];  // its ops are moved out below; the rest stays for outlines
        render::Page rp;
        rp.width = p.frame.width;
        rp.height = p.frame.height;
        rp.bleed = p.frame.bleed;
        rp.label = p.kind == PageKind::cover ? "" : folio_of(static_cast<int>(i));
        rp.article = p.article;  // per-article PDFs (pipeline) take the pages of one article
        rp.notes = p.notes;
        rp.ops = std::move(pages[i].ops);
        dl.pages.push_back(std::move(rp));
    }
    if (fu.contents && contents_pages > 0) {
        dl.outlines.push_back(render::Outline{fu.contents_title, contents_at, {}, {}});
    }
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (on_contents_page(articles[i])) {  // its entry points at its title there
            for (int pi = contents_at; pi < contents_at + contents_pages; ++pi) {
                for (const HeadingMark& h : pages[static_cast<std::size_t>(pi)].headings) {
                    if (h.title == articles[i].title) dl.outlines.push_back(render::Outline{h.title, pi, h.y, {}});
                }
            }
            continue;
        }
        render::Outline o{articles[i].title, first_page[i], title_y[i], {}};
        for (int pi = first_page[i]; pi < static_cast<int>(pages.size()); ++pi) {
            for (const HeadingMark& h : pages[pi].headings) {
                if (h.article == static_cast<int>(i)) o.children.push_back({h.title, pi, h.y, {}});
            }
        }
        dl.outlines.push_back(std::move(o));
    }
    if (credits_at >= 0) dl.outlines.push_back(outline_of(pages[credits_at], fu.credits_title, credits_at));
    return dl;
}

}  // namespace quire::page
