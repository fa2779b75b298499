#include "galley/article_plan.hpp"

namespace quire::galley {

const model::TextBlock* disclaimer_of(const model::Article& article, const model::IssueMeta& meta) {
    if (article.kind == model::ArticleKind::note) return nullptr;
    return article.disclaimer ? &*article.disclaimer : meta.disclaimer ? &*meta.disclaimer : nullptr;
}

ArticlePlan plan_article(const model::Article& article, const model::IssueMeta& meta) {
    ArticlePlan plan;
    plan.title = model::plain_text(article.title.text);
    for (const model::TextBlock& byline : article.bylines) {
        if (!plan.byline.empty()) plan.byline += ", ";
        plan.byline += model::plain_text(byline.text);
    }
    if (const model::TextBlock* disclaimer = disclaimer_of(article, meta)) plan.disclaimer = model::plain_text(disclaimer->text);
    plan.is_note = article.kind == model::ArticleKind::note;
    plan.on_contents_page = article.on_contents_page;
    for (const model::Block& block : article.body) {
        if (const auto* figure = std::get_if<model::Figure>(&block)) {
            plan.figure_credits.push_back(model::plain_text(figure->credit.text));
        }
    }
    return plan;
}

}  // namespace quire::galley
