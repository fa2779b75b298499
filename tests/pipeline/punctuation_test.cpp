// punctuation="typographic" end to end: an issue built by the real binary, its text
// read back with pdftotext as a reader's search would find it.
#include "pdf_text.hpp"
#include "punctuation_project.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

using namespace quire::test;

namespace {

std::string built_text(const ScratchDir& dir, const PunctuationIssue& issue) {
    const std::string manifest = write_punctuation_issue(dir, issue);
    const std::string pdf = dir.file("issue.pdf");
    const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " -o " + quoted(pdf));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    return extracted_text(pdf);
}

}  // namespace

TEST_CASE("a typographic issue prints curly quotes, dashes and ellipses", "[pipeline][punctuation]") {
    ScratchDir dir;
    const std::string text = built_text(
        dir, {"typographic", "", "A \"quoted\" title",
              "<p>They said \"no\" -- in 1990--2000 ... and <em>don't</em> type <literal>\"as-is\"--</literal>.</p>"});
    INFO(text);
    CHECK(text.find("“no” – in 1990–2000 … and don’t type \"as-is\"--.") != std::string::npos);
    CHECK(text.find("A “quoted” title") != std::string::npos);
    CHECK(text.find("\"no\"") == std::string::npos);
}

TEST_CASE("an issue without the option prints its text as typed", "[pipeline][punctuation]") {
    ScratchDir dir;
    const std::string text = built_text(dir, {"", "", "A \"quoted\" title", "<p>They said \"no\" -- in 1990--2000 ...</p>"});
    INFO(text);
    CHECK(text.find("They said \"no\" -- in 1990--2000 ...") != std::string::npos);
}

TEST_CASE("a French article prints guillemets with narrow no-break spaces", "[pipeline][punctuation]") {
    ScratchDir dir;
    const std::string text = built_text(dir, {"typographic", "fr-FR", "Un titre", "<p>Il a dit \"oui\" ?</p>"});
    INFO(text);
    // pdftotext gives U+202F back as a plain space; the font's ToUnicode shows it is drawn.
    CHECK(text.find("Il a dit « oui » ?") != std::string::npos);
    const ToolResult r = run_tool("qpdf --qdf --object-streams=disable " + quoted(dir.file("issue.pdf")) + " " +
                                  quoted(dir.file("qdf.pdf")));
    REQUIRE(r.exit_code == 0);
    CHECK(read_bytes(dir.file("qdf.pdf")).find("<202F>") != std::string::npos);
}
