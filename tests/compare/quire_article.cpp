// Sets the sample article's body with quire at the Review's column measure on one
// tall page, as tests/compare/lualatex_article.py does with LuaLaTeX, so that
// ../shared/tools/typo-metrics.py can compare the two. Not a test: a measuring tool.
//   build/release/tests/compare/quire_article OUT.pdf
#include "font/family_table.hpp"
#include "font/font_registry.hpp"
#include "galley/measures.hpp"
#include "galley/paragraph_setter.hpp"
#include "input/issue_reader.hpp"
#include "pdf/pdf_writer.hpp"

#include <chrono>
#include <iostream>

using namespace quire;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: quire_article OUT.pdf\n";
        return 2;
    }
    DiagnosticSink sink;
    auto issue = input::read_issue("issues/2025-spring/issue.xml", {}, sink);
    if (!issue) {
        print_diagnostics(std::cerr, sink);
        return 1;
    }
    style::StyleSheet styles(issue->layout);
    font::FontRegistry registry;
    font::FamilyTable families(registry, issue->layout.families);
    galley::FontStyles fonts(families, issue->layout.fallback, sink);
    shape::Shaper shaper(registry);
    shape::BreakFinder breaks;
    hyph::Hyphenator hyphenator(hyph::pattern_search_path());
    galley::ParagraphSetter setter(styles, fonts, shaper, breaks, hyphenator, sink);
    if (std::getenv("QUIRE_TRACE")) setter.trace_to(&std::cerr);

    const galley::Measures measures = galley::measures_of(issue->layout);
    const Length column = measures.column;
    const Length grid = measures.grid;

    render::DisplayList list;
    render::Page out;
    out.width = column;
    out.height = Length::from_pt(2000 * 72 / 25.4);
    Length y = Length::from_pt(5 * 72 / 25.4) + grid;
    int lines = 0, hyphenated = 0, paragraphs = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const model::Block& block : issue->articles.at(1).body) {
        const model::TextBlock* text = nullptr;
        if (const auto* p = std::get_if<model::Paragraph>(&block)) text = p;
        else if (const auto* h = std::get_if<model::Heading>(&block)) text = h;
        if (!text) continue;
        ++paragraphs;
        galley::SetParagraph set = setter.set(text->text, styles.paragraph(text->style), column, "en-GB", text->loc,
                                              std::get_if<model::Paragraph>(&block) ? std::nullopt : std::optional<Length>{});
        hyphenated += set.hyphenated_lines;
        for (galley::Line& line : set.lines) {
            for (render::DrawOp op : line.ops) {
                if (auto* g = std::get_if<render::DrawGlyphs>(&op)) g->y += y;
                out.ops.push_back(std::move(op));
            }
            y += grid;
            ++lines;
        }
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    list.pages.push_back(std::move(out));
    for (font::FontId id = 0; id < registry.size(); ++id) list.fonts.push_back({registry.metrics(id).path, 0});
    list.info.title = "quire: the sample article at the Review's measure";
    list.info.language = "en-GB";
    list.info.producer = "quire";
    bool ok = pdf::write_pdf(list, pdf::PdfOptions{}, argv[1], sink);
    print_diagnostics(std::cerr, sink);
    std::cerr << paragraphs << " paragraphs, " << lines << " lines, " << hyphenated << " hyphenated, set in " << ms
              << " ms (shaping cache hit rate " << shaper.stats().hit_rate() << ")\n";
    return ok ? 0 : 3;
}
