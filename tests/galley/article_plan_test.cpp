// plan_article (issue 21): the one builder of what composition knows of an article
// before its galley is set; the galley carries the same plan.
#include "galley/article_plan.hpp"

#include <catch2/catch.hpp>

using namespace quire;

namespace {

model::TextBlock text(const std::string& s) {
    model::InlineRun run;
    run.text = s;
    model::TextBlock block;
    block.text = {run};
    return block;
}

model::Figure figure_credited(const std::string& credit) {
    model::Figure figure;
    figure.image = "images/" + credit + ".jpg";
    figure.credit = text(credit);
    return figure;
}

model::Article feature() {
    model::Article article;
    article.title = text("Scam compounds");
    article.bylines = {text("A. Writer"), text("B. Writer")};
    article.body = {model::Paragraph{text("Text.")}, figure_credited("Reuters"), model::Paragraph{text("More.")},
                    figure_credited("")};
    return article;
}

model::IssueMeta meta_with_disclaimer() {
    model::IssueMeta meta;
    meta.disclaimer = text("Views are the authors' own.");
    return meta;
}

}  // namespace

TEST_CASE("an article's plan: plain title, bylines joined, the issue's disclaimer", "[galley][plan]") {
    const galley::ArticlePlan plan = galley::plan_article(feature(), meta_with_disclaimer());
    CHECK(plan.title == "Scam compounds");
    CHECK(plan.byline == "A. Writer, B. Writer");
    CHECK(plan.disclaimer == "Views are the authors' own.");
    CHECK_FALSE(plan.is_note);
}

TEST_CASE("an article's own disclaimer wins over the issue's, a note has none", "[galley][plan]") {
    model::Article own = feature();
    own.disclaimer = text("Mine.");
    CHECK(galley::plan_article(own, meta_with_disclaimer()).disclaimer == "Mine.");
    model::Article note = feature();
    note.kind = model::ArticleKind::note;
    note.on_contents_page = true;
    const galley::ArticlePlan plan = galley::plan_article(note, meta_with_disclaimer());
    CHECK(plan.disclaimer.empty());
    CHECK(plan.is_note);
    CHECK(plan.on_contents_page);
}

TEST_CASE("every figure's credit is planned, an empty one too: the credits list says 'uncredited image'",
          "[galley][plan]") {
    const galley::ArticlePlan plan = galley::plan_article(feature(), model::IssueMeta{});
    CHECK(plan.figure_credits == std::vector<std::string>{"Reuters", ""});
}
