#include "page/build_pages.hpp"

#include "page/issue_composer.hpp"

namespace quire::page {

render::DocumentInfo issue_info(const IssueFurniture& fu, const std::vector<galley::ArticlePlan>& plans) {
    const model::IssueMeta& meta = fu.meta;
    render::DocumentInfo info;
    info.title = meta.number.empty() ? meta.title : meta.title + ", " + meta.number;
    for (const std::string& editor : meta.editors) info.author += (info.author.empty() ? "" : ", ") + editor;
    if (info.author.empty()) info.author = meta.publisher;
    for (const galley::ArticlePlan& plan : plans) {
        if (!plan.is_note) info.subject += (info.subject.empty() ? "" : "; ") + plan.title;
    }
    info.keywords = meta.keywords;
    info.language = fu.language;
    info.date = meta.date;
    info.producer = "quire";
    return info;
}

render::DisplayList build_pages(std::vector<galley::ArticleGalley> articles, const IssueFurniture& fu,
                                const model::Layout& layout, const galley::LineSetter& setter, DiagnosticSink& sink) {
    std::vector<galley::ArticlePlan> plans;
    for (const galley::ArticleGalley& a : articles) plans.push_back(a.plan);
    // Each galley is handed over when its turn comes, and let go once composed.
    const GalleyMaker hand_over = [&articles](std::size_t i) { return std::move(articles[i]); };
    DisplayListSink pages;
    ComposedIssue issue = compose_issue(plans, hand_over, fu, layout, setter, pages, sink);

    render::DisplayList dl;
    dl.fonts = fu.fonts;
    dl.info = issue_info(fu, plans);
    dl.pages = std::move(pages.pages);
    dl.outlines = std::move(issue.outlines);
    return dl;
}

}  // namespace quire::page
