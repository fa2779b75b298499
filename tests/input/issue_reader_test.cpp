// The sample issue read end to end: what the readers hand on is what the files say.
#include "input/issue_reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

using namespace quire;

namespace {

const model::Issue& sample_issue() {
    static const model::Issue issue = [] {
        DiagnosticSink sink;
        auto read = input::read_issue("issues/2025-spring/issue.xml", {}, sink);
        for (const Diagnostic& d : sink.all()) UNSCOPED_INFO(format_diagnostic(d));
        REQUIRE(read);
        REQUIRE(sink.all().empty());
        return *read;
    }();
    return issue;
}

template <typename T>
std::vector<const T*> blocks_of(const model::Article& article) {
    std::vector<const T*> out;
    for (const model::Block& b : article.body) {
        if (auto* x = std::get_if<T>(&b)) out.push_back(x);
    }
    return out;
}

}  // namespace

TEST_CASE("the sample manifest's metadata and article order", "[reader][sample]") {
    const model::Issue& issue = sample_issue();
    CHECK(issue.language == "en-GB");
    CHECK(issue.meta.title == "St Andrews Foreign Affairs Review");
    CHECK(issue.meta.date == "2025-04-01");
    CHECK(issue.meta.contact == "fareview@st-andrews.ac.uk");
    REQUIRE(issue.meta.disclaimer);
    CHECK(model::plain_text(issue.meta.disclaimer->text) ==
          "The views and opinions expressed in this article are those of the author and do not necessarily reflect "
          "those of the wider St. Andrews Foreign Affairs Review team.");
    REQUIRE(issue.articles.size() == 2);
    CHECK(issue.articles[0].id == "welcome");
    CHECK(issue.articles[0].kind == model::ArticleKind::note);
    CHECK(issue.articles[1].id == "scam-compounds");
    CHECK(issue.layout_path == "layouts/review.xml");
}

TEST_CASE("the scam-compounds article as the author meant it", "[reader][sample]") {
    const model::Article& a = sample_issue().articles[1];
    CHECK(a.language == "en-GB");
    CHECK(a.section == "Asia-Pacific");
    CHECK(model::plain_text(a.title.text) == "How Does Poor Cybersecurity Lead to Human Trafficking?");
    REQUIRE(a.subtitle);
    CHECK(model::plain_text(a.subtitle->text) == "Transnational Crimes in Southeast Asia");

    auto headings = blocks_of<model::Heading>(a);
    REQUIRE(headings.size() == 2);
    CHECK(model::plain_text(headings[0]->text) == "Why don’t countries want to act?");
    CHECK(model::plain_text(headings[1]->text) == "What is effective?");
    CHECK(headings[0]->style == "heading");

    auto paragraphs = blocks_of<model::Paragraph>(a);
    CHECK(paragraphs.size() == 14);  // 15 in the seed, one of them cut in two
    CHECK(paragraphs[0]->style == "body-first");
    CHECK(paragraphs[1]->style == "body");
    // The mended paragraph, whitespace collapsed across the source's line breaks.
    CHECK(model::plain_text(paragraphs[2]->text).find("trained to commit fraud. If they prove unwilling") !=
          std::string::npos);
    for (const model::Paragraph* p : paragraphs) {
        std::string text = model::plain_text(p->text);
        CHECK(text.find("  ") == std::string::npos);
        CHECK(text.find('\n') == std::string::npos);
        CHECK(text.front() != ' ');
        CHECK(text.back() != ' ');
    }
    // Typographic quotes survive reading.
    CHECK(model::plain_text(paragraphs[5]->text).find("“No More Bets”") != std::string::npos);

    auto figures = blocks_of<model::Figure>(a);
    REQUIRE(figures.size() == 1);
    CHECK(figures[0]->image == "issues/2025-spring/images/compound-at-night.jpg");
    CHECK(model::plain_text(figures[0]->credit.text) == "Image courtesy of Reuters, ©2025. Some rights reserved.");
    CHECK(figures[0]->placement == model::FigurePlacement::top);
    CHECK_FALSE(figures[0]->alt.empty());
    CHECK_FALSE(a.disclaimer);  // the issue's default disclaimer applies
}

TEST_CASE("inline markup becomes styled runs with links", "[reader][sample]") {
    const model::Article& welcome = sample_issue().articles[0];
    auto paragraphs = blocks_of<model::Paragraph>(welcome);
    REQUIRE(paragraphs.size() == 1);
    const model::InlineText& runs = paragraphs[0]->text;
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].text == "Welcome to the official publication of the St Andrews Foreign Affairs Society. Feel free to "
                          "reach out to the editors at ");
    CHECK(runs[0].character_styles.empty());
    CHECK(runs[1].text == "fareview@st-andrews.ac.uk");
    CHECK(runs[1].href == "mailto:fareview@st-andrews.ac.uk");
    CHECK(runs[1].character_styles == std::vector<std::string>{"link"});
    CHECK(runs[1].loc.file == "issues/2025-spring/articles/welcome.xml");
    CHECK(runs[1].loc.line == 7);
}

TEST_CASE("the Review's layout", "[reader][sample]") {
    const model::Layout& layout = sample_issue().layout;
    CHECK(layout.page.width == Length::from_pt(210 * 72.0 / 25.4));
    CHECK(layout.page.height == Length::from_pt(297 * 72.0 / 25.4));
    CHECK(layout.page.columns == 2);
    CHECK(layout.page.baseline_grid == Length::from_pt(13));
    CHECK(layout.page.bleed == Length::from_pt(3 * 72.0 / 25.4));
    REQUIRE(layout.family("Serif"));
    CHECK(layout.family("Serif")->regular == "fonts/EBGaramond/EBGaramond12-Regular.otf");
    CHECK(layout.family("Serif")->bold_italic.empty());
    CHECK(layout.fallback == std::vector<std::string>{"Serif", "Sans"});
    // Each family's protrusion table from the file shipped beside its fonts, not the
    // default (which hangs a full stop 70 %).
    const model::ProtrusionTable& serif = layout.family("Serif")->protrusion;
    CHECK(serif.at(U'.') == model::Protrusion{0, 800});
    CHECK(serif.at(U'\u201C') == model::Protrusion{500, 0});
    CHECK(serif.at(U'\u2013') == model::Protrusion{350, 350});
    CHECK(serif.count(U'x') == 0);
    CHECK(layout.family("Sans")->protrusion.at(U',') == model::Protrusion{0, 600});
    CHECK(model::default_protrusion().at(U'.') == model::Protrusion{0, 700});
    const model::ParagraphStyle* body = layout.paragraph_style("body");
    REQUIRE(body);
    CHECK(body->text.size == Length::from_pt(10.5));
    CHECK(body->leading == Length::from_pt(13));
    CHECK(body->align == model::Align::justify);
    CHECK(body->indent->relative);
    CHECK(body->indent->em == 1.0);
    const model::ParagraphStyle* first = layout.paragraph_style("body-first");
    REQUIRE(first);
    CHECK(first->based_on == "body");
    CHECK_FALSE(first->text.size);  // inherited: the cascade is style/'s job
    const model::Master* master = layout.master("body");
    REQUIRE(master);
    REQUIRE(master->header);
    CHECK(master->header->slots.size() == 4);
    CHECK(master->header->slots[2].text == "{article.short-title}");
    CHECK(master->header->slots[2].pages == model::SlotPages::recto);
}

TEST_CASE("the layout's notes: where they go and the rule over footnotes", "[reader]") {
    // The shipped layout says nothing: footnotes under a 0.4 pt rule a third of the column long.
    const model::NoteSettings& shipped = sample_issue().layout.notes;
    CHECK_FALSE(shipped.at_end);
    CHECK(shipped.rule_thickness == Length::from_pt(0.4));
    CHECK(shipped.rule_length == 33);
    // A designer's <notes> after <page>, in a copy of the layout beside the shipped one.
    std::string layout;
    {
        std::ifstream in("layouts/review.xml");
        layout.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::size_t page_end = layout.find("/>", layout.find("<page ")) + 2;
    layout.insert(page_end, "\n  <notes place=\"end\" title=\"Endnotes\" rule-thickness=\"1pt\" rule-length=\"50%\"/>");
    // Beside the shipped one, so that its font paths hold; named for this process.
    const std::string path = "layouts/test-notes-" + std::to_string(::getpid()) + ".xml";
    std::ofstream(path) << layout;
    DiagnosticSink sink;
    input::ReadOptions options;
    options.layout_override = path;
    auto read = input::read_issue("issues/2025-spring/issue.xml", options, sink);
    std::filesystem::remove(path);
    for (const Diagnostic& d : sink.all()) UNSCOPED_INFO(format_diagnostic(d));
    REQUIRE(read);
    const model::NoteSettings& notes = read->layout.notes;
    CHECK(notes.at_end);
    CHECK(notes.title == "Endnotes");
    CHECK(notes.rule_thickness == Length::from_pt(1));
    CHECK(notes.rule_length == 50);
}
