#pragma once
// Composes a whole issue one article at a time, handing each page on as soon as it is
// final, so that a long issue is never held in memory whole: the galley of an article
// is asked for only when its turn comes, and its pages go to a PageSink (the PDF
// writer, or a display list) and are let go.
//
// Order of work, and why:
//   1. the cover (page 0 when there is one);
//   2. the contents' length, from the plans alone (titles and bylines; the numbers
//      have a fixed width), so the first article's first page is known -- its parity
//      decides its margins;
//   3. the articles in order, each galley made, composed, dropped; an article's last
//      page is held back only while the next article may still start in one of its
//      columns (<flow article-start="column">);
//   4. the contents pages, now that every article's page is known, given their place
//      before the articles (the sink takes pages in any order);
//   5. the image credits after the last article, when they are not on the contents page.
// Returns the outlines and how many pages there are.
#include "core/diagnostics.hpp"
#include "galley/article_plan.hpp"
#include "galley/galley.hpp"
#include "model/layout.hpp"
#include "page/build_pages.hpp"
#include "render/display_list.hpp"

#include <functional>
#include <string>
#include <vector>

namespace quire::page {

// Where finished pages go. `index` is the page's place in the document; pages arrive
// out of order (the contents after the articles). `structure` is the issue's as far
// as it is known: it names every node the page's ops do.
class PageSink {
public:
    virtual ~PageSink() = default;
    virtual void take(int index, render::Page page, const render::StructureTree& structure) = 0;
};

// Keeps every page, in document order: the whole issue as one display list.
class DisplayListSink : public PageSink {
public:
    void take(int index, render::Page page, const render::StructureTree& structure) override;
    std::vector<render::Page> pages;
};

// Sets article i's galley. Called once per article, in galley_order.
using GalleyMaker = std::function<galley::ArticleGalley(std::size_t article)>;
// Takes back article i's galley once its pages are composed (what is left of it), so
// that the thread that made it can free it.
using GalleyDone = std::function<void(std::size_t article, galley::ArticleGalley&&)>;

// The order compose_issue asks for galleys in: the articles in order, but that notes
// on the contents page come first.
std::vector<std::size_t> galley_order(const std::vector<galley::ArticlePlan>& plans, const IssueFurniture& furniture);

struct ComposedIssue {
    int page_count = 0;
    std::vector<render::Outline> outlines;
    // What the pages' ops are, in reading order: the cover, the contents (and the notes
    // set there), the articles in issue order, the image credits.
    render::StructureTree structure;
};

ComposedIssue compose_issue(const std::vector<galley::ArticlePlan>& plans, const GalleyMaker& make_galley,
                            const IssueFurniture& furniture, const model::Layout& layout, const galley::LineSetter& setter,
                            PageSink& out, DiagnosticSink& sink, const GalleyDone& done = {});

}  // namespace quire::page
