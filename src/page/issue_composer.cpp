#include "page/issue_composer.hpp"

#include "page/article_composer.hpp"
#include "page/contents.hpp"
#include "page/credits_list.hpp"
#include "page/master_selection.hpp"
#include "page/running_lines.hpp"
#include "style/style_sheet.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <optional>

namespace quire::page {

namespace {

// Page index i prints as i + 1: the cover, when there is one, is page 1 (a recto) but
// carries no folio, as magazines count it.
std::string folio_of(int index) { return std::to_string(index + 1); }

// Frames and running lines of a page, from the masters, the issue and the article.
class PageStarter {
public:
    PageStarter(const IssueFurniture& fu, const model::Layout& layout, const galley::LineSetter& setter)
        : fu_(fu), layout_(layout), setter_(setter), styles_(layout) {}

    // For a page of `article` (null for issue pages). Its first page's footer carries
    // the disclaimer as content (ArticleGalley::disclaimer_node); the rest's, furniture.
    StartPage starter(const galley::ArticleGalley* article) const {
        auto first = std::make_shared<int>(-1);
        return [this, article, first](PageKind kind, int index) {
            if (*first < 0) *first = index;
            const bool tagged = article != nullptr && index == *first;
            return start(kind, index, article, tagged ? article->disclaimer_node : -1);
        };
    }

    PageStart start(PageKind kind, int index, const galley::ArticleGalley* a, int disclaimer_node = -1) const {
        const model::Master& master = select_master(layout_, kind);
        PageStart ps;
        ps.frame = make_page_frame(layout_.page, index + 1, master.columns);
        if (kind == PageKind::cover) return ps;  // nothing on the cover
        if (a) ps.frame.columns_from_right = a->right_to_left;
        TemplateValues v{
            {"page", folio_of(index)},
            {"issue.title", fu_.meta.title},
            {"issue.number", fu_.meta.number},
            {"issue.date", fu_.meta.date},
        };
        if (a) {
            v["article.title"] = a->plan.title;
            v["article.short-title"] = a->short_title.empty() ? a->plan.title : a->short_title;
            v["article.section"] = a->section;
            v["article.byline"] = a->plan.byline;
            // With <flow disclaimer="end"> it stands once after the text, not in footers.
            if (layout_.flow.disclaimer == model::DisclaimerPlacement::footer) v["article.disclaimer"] = a->plan.disclaimer;
        }
        RunningLineOptions opt;
        opt.disclaimer_node = disclaimer_node;
        opt.implicit_disclaimer = a && !v["article.disclaimer"].empty() && !master_uses_field(master, "article.disclaimer");
        if (!styles_.has_paragraph(opt.disclaimer_style) && master.footer) opt.disclaimer_style = master.footer->style;
        RunningLines rl = set_running_lines(master, ps.frame, v, setter_, styles_, opt);
        ps.running = std::move(rl.ops);
        // The text stops half a grid line above the footer's highest ink.
        ps.frame.text_bottom = std::min(ps.frame.text_bottom, rl.footer_top - ps.frame.grid.step / 2);
        return ps;
    }

    const style::StyleSheet& styles() const { return styles_; }

private:
    const IssueFurniture& fu_;
    const model::Layout& layout_;
    const galley::LineSetter& setter_;
    style::StyleSheet styles_;
};

// The first page of an article that starts in a free column of `page` (the previous
// article's last) drawn onto it: its content without its own running lines (the page
// keeps the previous article's), its marks, and a note that it carries the article.
void merge_page(ComposedPage& page, ComposedPage&& start, int article) {
    // Which ops are whose, for the articles' archive copies: the page's own articles'
    // (an earlier merge may have claimed some already), then the newcomer's.
    if (page.parts.empty() && page.article >= 0) page.parts.push_back({page.article, page.running_ops, page.ops.size()});
    const std::size_t begin = page.ops.size();
    page.ops.insert(page.ops.end(), std::make_move_iterator(start.ops.begin() + static_cast<std::ptrdiff_t>(start.running_ops)),
                    std::make_move_iterator(start.ops.end()));
    page.headings.insert(page.headings.end(), start.headings.begin(), start.headings.end());
    page.credits.insert(page.credits.end(), start.credits.begin(), start.credits.end());
    page.parts.push_back({article, begin, page.ops.size()});
    page.notes.push_back(article);
    page.columns_used = std::max(page.columns_used, start.columns_used);
}

// Moves the structure nodes that ops [from, to) name up by `offset`: an article's
// local ids (galley::ArticleGalley::structure) become the issue's.
void shift_nodes(std::vector<render::DrawOp>& ops, std::size_t from, std::size_t to, int offset) {
    for (std::size_t k = from; k < to && k < ops.size(); ++k) {
        int& node = render::node_of(ops[k]);
        if (node >= 0) node += offset;
    }
}

// An article's composed pages, its ops (all but the running lines) moved into the
// issue's structure.
void shift_pages(std::vector<ComposedPage>& pages, int offset) {
    for (ComposedPage& p : pages) shift_nodes(p.ops, p.running_ops, p.ops.size(), offset);
}

// The issue's structure: its root, the document, in the issue's language.
render::StructureTree document_structure(const IssueFurniture& fu) {
    render::StructureTree tree;
    render::StructureNode root;
    root.kind = render::StructureKind::document;
    root.language = fu.language;
    root.title = fu.meta.title;
    tree.add(std::move(root), -1);
    return tree;
}

// The contents page's nameplate and masthead, from the issue's metadata.
ContentsExtras contents_extras(const IssueFurniture& fu) {
    ContentsExtras extras;
    extras.nameplate = fu.meta.title;
    if (!fu.meta.number.empty()) extras.nameplate += "\u2003" + fu.meta.number;
    if (!fu.meta.publisher.empty()) extras.masthead.push_back("Published by " + fu.meta.publisher + ".");
    std::string editors;
    for (const std::string& e : fu.meta.editors) editors += (editors.empty() ? "" : ", ") + e;
    if (!editors.empty()) extras.masthead.push_back("Editors: " + editors + ".");
    if (!fu.meta.contact.empty()) extras.masthead.push_back("Contact the editors: " + fu.meta.contact);
    if (!fu.meta.issn.empty()) extras.masthead.push_back("ISSN " + fu.meta.issn);
    extras.credits_title = fu.credits_title;
    return extras;
}

// A note set on the contents page (the welcome), with no pages of its own.
bool set_on_contents_page(const galley::ArticlePlan& plan, const IssueFurniture& fu) {
    return fu.contents && plan.on_contents_page;
}

class IssueComposer {
public:
    IssueComposer(const std::vector<galley::ArticlePlan>& plans, const GalleyMaker& make_galley, const GalleyDone& done,
                  const IssueFurniture& fu, const model::Layout& layout, const galley::LineSetter& setter, PageSink& out,
                  DiagnosticSink& sink)
        : plans_(plans), make_galley_(make_galley), done_(done), fu_(fu), layout_(layout), setter_(setter), out_(out), sink_(sink),
          starter_(fu, layout, setter),
          credits_on_contents_(fu.contents && layout.flow.image_credits == model::CreditsPlacement::contents),
          column_start_(layout.flow.article_start == model::ArticleStart::column),
          first_page_(plans.size(), -1), title_y_(plans.size()), headings_(plans.size()),
          structure_(document_structure(fu)), article_offset_(plans.size(), 0) {}

    ComposedIssue run();

private:
    bool on_contents_page(std::size_t i) const { return set_on_contents_page(plans_[i], fu_); }
    bool same_footer(const galley::ArticlePlan& a, const galley::ArticlePlan& b) const {
        return layout_.flow.disclaimer != model::DisclaimerPlacement::footer || a.disclaimer == b.disclaimer;
    }
    galley::ArticleGalley galley(std::size_t i);
    void plan_contents();
    void compose_articles();
    void compose_contents_pages();
    void compose_credits_list();
    void emit(int index, ComposedPage page);
    ComposedIssue outlines();

    const std::vector<galley::ArticlePlan>& plans_;
    const GalleyMaker& make_galley_;
    const GalleyDone& done_;
    const IssueFurniture& fu_;
    const model::Layout& layout_;
    const galley::LineSetter& setter_;
    PageSink& out_;
    DiagnosticSink& sink_;
    PageStarter starter_;
    const bool credits_on_contents_;
    const bool column_start_;

    int contents_at_ = 0, contents_pages_ = 0, next_ = 0;
    ContentsExtras extras_;
    std::vector<ContentsEntry> entries_;
    std::vector<std::size_t> entry_article_;   // the article each entry lists
    std::vector<galley::ArticleGalley> notes_;          // galleys of the notes on the contents page
    std::vector<int> note_article_;

    // What the pages leave behind for later passes, by page index.
    std::vector<int> first_page_;
    std::vector<Length> title_y_;
    std::vector<std::vector<render::Outline>> headings_;  // per article
    std::vector<std::pair<int, HeadingMark>> contents_headings_;
    std::map<int, std::vector<std::string>> credits_;     // credit texts by page
    int credits_at_ = -1;
    Length credits_title_y_;

    // The issue's structure, the articles' grafted in as their galleys are made; where
    // each article's local ids start in it.
    render::StructureTree structure_;
    std::vector<int> article_offset_;
    int contents_node_ = -1;
};

galley::ArticleGalley IssueComposer::galley(std::size_t i) {
    galley::ArticleGalley g = make_galley_(i);
    article_offset_[i] = structure_.graft(g.structure, 0);
    if (g.disclaimer_node >= 0) g.disclaimer_node += article_offset_[i];
    // With <flow disclaimer="end">, each article's disclaimer follows its text.
    if (layout_.flow.disclaimer == model::DisclaimerPlacement::end && g.end_disclaimer) {
        g.body.push_back(std::move(*g.end_disclaimer));
        g.end_disclaimer.reset();
    }
    return g;
}

// Hands a finished page on, keeping only its marks.
void IssueComposer::emit(int index, ComposedPage p) {
    for (const HeadingMark& h : p.headings) {
        if (h.article >= 0 && static_cast<std::size_t>(h.article) < headings_.size() && !on_contents_page(h.article)) {
            headings_[static_cast<std::size_t>(h.article)].push_back({h.title, index, h.y, {}, h.article});
        } else if (p.kind == PageKind::contents) {
            contents_headings_.push_back({index, h});
        }
    }
    if (!p.credits.empty()) credits_[index] = p.credits;
    render::Page rp;
    rp.width = p.frame.width;
    rp.height = p.frame.height;
    rp.bleed = p.frame.bleed;
    rp.label = p.kind == PageKind::cover ? "" : folio_of(index);
    rp.article = p.article;  // per-article PDFs (pipeline) take the pages of one article
    rp.notes = std::move(p.notes);
    rp.ops = std::move(p.ops);
    rp.running_ops = p.running_ops;
    rp.parts = std::move(p.parts);
    out_.take(index, std::move(rp), structure_);
}

// The contents' length from the plans: entries with placeholder numbers, the notes
// set under them, the credits list with placeholder pages.
void IssueComposer::plan_contents() {
    contents_at_ = next_;
    if (!fu_.contents) return;
    // Before the notes' galleys: the contents read before the welcome under them.
    contents_node_ = structure_.add(render::StructureKind::division, 0);
    extras_ = contents_extras(fu_);
    if (credits_on_contents_) {
        if (fu_.cover && !fu_.cover->image_path.empty()) extras_.credits.push_back({"", fu_.cover->credit});
        for (const galley::ArticlePlan& plan : plans_) {
            for (const std::string& credit : plan.figure_credits) extras_.credits.push_back({"000", credit});
        }
    }
    for (std::size_t i = 0; i < plans_.size(); ++i) {
        if (on_contents_page(i)) {
            notes_.push_back(galley(i));
            note_article_.push_back(static_cast<int>(i));
            continue;
        }
        entries_.push_back({plans_[i].title, plans_[i].byline, "000", 0, {}});
        entry_article_.push_back(i);
    }
    for (std::size_t n = 0; n < notes_.size(); ++n) extras_.notes.push_back({note_article_[n], &notes_[n]});
    contents_pages_ = static_cast<int>(compose_contents(fu_.contents_title, entries_, contents_at_, starter_.starter(nullptr),
                                                        setter_, starter_.styles(), extras_)
                                           .size());
    next_ += contents_pages_;
}

void IssueComposer::compose_articles() {
    std::vector<std::size_t> paged;  // the articles with pages, in order
    for (std::size_t i = 0; i < plans_.size(); ++i) {
        if (!on_contents_page(i)) paged.push_back(i);
    }
    // <flow article-start="column">: an article opens in the next free column of the
    // previous one's last page, when the two share a footer (a page shows one
    // disclaimer); so that page is held back until the next article is composed, and
    // is left unbalanced for it.
    std::optional<ComposedPage> held;
    int held_index = -1;
    for (std::size_t k = 0; k < paged.size(); ++k) {
        const std::size_t i = paged[k];
        galley::ArticleGalley article = galley(i);
        ComposeOptions options;
        const bool next_may_share = column_start_ && k + 1 < paged.size() && same_footer(plans_[i], plans_[paged[k + 1]]);
        options.balance_last_page = !next_may_share;
        std::vector<ComposedPage> composed;
        if (held && held->columns_used < held->frame.columns) {
            options.first_column = held->columns_used;
            options.first_region_top = held->region_top;
            options.first_kind = held->kind;
            first_page_[i] = held_index;
            composed = compose_galley(article, static_cast<int>(i), held_index, starter_.starter(&article), options, sink_);
            shift_pages(composed, article_offset_[i]);
            title_y_[i] = composed.front().title_y.value_or(Length{});
            merge_page(*held, std::move(composed.front()), static_cast<int>(i));
            composed.erase(composed.begin());
            if (composed.empty()) {
                // The whole article fits in the held page's free columns: it stays held
                // for the next one.
                if (next_may_share) continue;
            }
            emit(held_index, std::move(*held));
            held.reset();
        } else {
            if (held) {
                emit(held_index, std::move(*held));
                held.reset();
            }
            // <flow article-start="recto">: a feature opens on a right-hand page, leaving
            // the verso before it blank (no running lines, no folio, as printers leave it).
            if (layout_.flow.article_start == model::ArticleStart::recto && !plans_[i].is_note && (next_ + 1) % 2 == 0) {
                ComposedPage blank;
                blank.kind = PageKind::body;
                blank.frame = make_page_frame(layout_.page, next_ + 1, select_master(layout_, PageKind::body).columns);
                emit(next_++, std::move(blank));
            }
            first_page_[i] = next_;
            composed = compose_galley(article, static_cast<int>(i), next_, starter_.starter(&article), options, sink_);
            shift_pages(composed, article_offset_[i]);
            title_y_[i] = composed.front().title_y.value_or(Length{});
        }
        for (std::size_t p = 0; p < composed.size(); ++p) {
            const int index = next_++;
            if (p + 1 == composed.size() && next_may_share) {
                held = std::move(composed[p]);
                held_index = index;
            } else {
                emit(index, std::move(composed[p]));
            }
        }
        if (done_) done_(i, std::move(article));
    }
    if (held) emit(held_index, std::move(*held));
}

// The contents with the real numbers, link targets and the credits with their pages.
void IssueComposer::compose_contents_pages() {
    if (!fu_.contents) return;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
        const std::size_t i = entry_article_[e];
        entries_[e].folio = folio_of(first_page_[i]);
        entries_[e].target_page = first_page_[i];
        entries_[e].target_y = title_y_[i];
    }
    extras_.credits.clear();
    if (credits_on_contents_) {
        // The cover's first; then the figures of notes on the contents page (their
        // page is known only once it is composed); then every article's, in page order.
        if (contents_at_ > 0) {
            for (const std::string& c : credits_[0]) extras_.credits.push_back({"", c});
        }
        std::vector<ComposedPage> probe = compose_contents(fu_.contents_title, entries_, contents_at_,
                                                           starter_.starter(nullptr), setter_, starter_.styles(), extras_);
        for (std::size_t k = 0; k < probe.size(); ++k) {
            for (const std::string& c : probe[k].credits) {
                extras_.credits.push_back({folio_of(contents_at_ + static_cast<int>(k)), c});
            }
        }
        for (const auto& [index, texts] : credits_) {
            if (index < contents_at_ + contents_pages_) continue;
            for (const std::string& c : texts) extras_.credits.push_back({folio_of(index), c});
        }
    }
    // The last pass, tagged: the contents' own text in the issue's structure, the notes'
    // (their galleys' local ids) moved into it.
    extras_.structure = &structure_;
    extras_.parent = contents_node_;
    std::vector<ComposedPage> contents = compose_contents(fu_.contents_title, entries_, contents_at_,
                                                          starter_.starter(nullptr), setter_, starter_.styles(), extras_);
    for (ComposedPage& page : contents) {
        for (const render::OpSpan& part : page.parts) {
            shift_nodes(page.ops, part.begin, part.end, article_offset_[static_cast<std::size_t>(part.article)]);
        }
    }
    // Same entries, same widths: the page count cannot change between passes.
    if (static_cast<int>(contents.size()) != contents_pages_) {
        sink_.error({}, "internal: the contents changed length between passes");
        return;
    }
    for (std::size_t k = 0; k < contents.size(); ++k) emit(contents_at_ + static_cast<int>(k), std::move(contents[k]));
}

// Without them on a contents page, the image credits in page order after everything else.
void IssueComposer::compose_credits_list() {
    if (credits_on_contents_) return;
    std::vector<CreditEntry> credits;
    for (const auto& [index, texts] : credits_) {
        const bool cover = fu_.cover && index == 0;
        for (const std::string& c : texts) credits.push_back({cover ? "" : folio_of(index), c});
    }
    if (credits.empty()) return;
    const model::Master& m = select_master(layout_, PageKind::body);
    const PageFrame f = make_page_frame(layout_.page, 1, m.columns);
    const galley::ArticleGalley list =
        make_credits_galley(fu_.credits_title, credits, f.column_width, f.text_width, setter_, starter_.styles());
    const int offset = structure_.graft(list.structure, 0);
    credits_at_ = next_;
    ComposeOptions options;
    options.first_kind = PageKind::body;  // a list, not an article: no opener master
    std::vector<ComposedPage> composed = compose_galley(list, -1, credits_at_, starter_.starter(&list), options, sink_);
    shift_pages(composed, offset);
    credits_title_y_ = composed.front().title_y.value_or(Length{});
    for (ComposedPage& p : composed) emit(next_++, std::move(p));
}

ComposedIssue IssueComposer::outlines() {
    ComposedIssue issue;
    issue.structure = std::move(structure_);
    issue.page_count = next_;
    if (fu_.contents && contents_pages_ > 0) issue.outlines.push_back(render::Outline{fu_.contents_title, contents_at_, {}, {}, -1});
    for (std::size_t i = 0; i < plans_.size(); ++i) {
        if (on_contents_page(i)) {  // its entry points at its title there
            for (const auto& [index, h] : contents_headings_) {
                if (h.article == static_cast<int>(i)) issue.outlines.push_back(render::Outline{h.title, index, h.y, {}, h.article});
            }
            continue;
        }
        if (first_page_[i] < 0) continue;
        render::Outline o{plans_[i].title, first_page_[i], title_y_[i], headings_[i], static_cast<int>(i)};
        // In page order (an article's pages may have been handed on out of order).
        std::stable_sort(o.children.begin(), o.children.end(),
                         [](const render::Outline& a, const render::Outline& b) { return a.page < b.page; });
        issue.outlines.push_back(std::move(o));
    }
    if (credits_at_ >= 0) issue.outlines.push_back(render::Outline{fu_.credits_title, credits_at_, credits_title_y_, {}, -1});
    return issue;
}

ComposedIssue IssueComposer::run() {
    if (fu_.cover) {
        const CoverTags tags{&structure_, structure_.add(render::StructureKind::division, 0)};
        emit(next_, compose_cover(*fu_.cover, fu_.meta, starter_.start(PageKind::cover, next_, nullptr), setter_,
                                  starter_.styles(), tags));
        ++next_;
    }
    plan_contents();
    compose_articles();
    compose_contents_pages();
    compose_credits_list();
    ComposedIssue composed = outlines();
    if (done_) {
        for (std::size_t n = 0; n < notes_.size(); ++n) done_(static_cast<std::size_t>(note_article_[n]), std::move(notes_[n]));
    }
    return composed;
}

}  // namespace

void DisplayListSink::take(int index, render::Page page, const render::StructureTree&) {
    if (static_cast<std::size_t>(index) >= pages.size()) pages.resize(static_cast<std::size_t>(index) + 1);
    pages[static_cast<std::size_t>(index)] = std::move(page);
}

ComposedIssue compose_issue(const std::vector<galley::ArticlePlan>& plans, const GalleyMaker& make_galley,
                            const IssueFurniture& furniture, const model::Layout& layout, const galley::LineSetter& setter,
                            PageSink& out, DiagnosticSink& sink, const GalleyDone& done) {
    IssueComposer composer(plans, make_galley, done, furniture, layout, setter, out, sink);
    return composer.run();
}

std::vector<std::size_t> galley_order(const std::vector<galley::ArticlePlan>& plans, const IssueFurniture& furniture) {
    std::vector<std::size_t> order(plans.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_partition(order.begin(), order.end(),
                          [&](std::size_t i) { return set_on_contents_page(plans[i], furniture); });
    return order;
}

}  // namespace quire::page
