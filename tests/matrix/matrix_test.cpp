// The matrix (issue 14): every shipped layout x the issue shapes of issue_shapes.cpp x
// every output mode, each built by the real binary and read back by real readers:
// qpdf --check, and the articles' words in order (pdftotext). One test case per layout
// and mode, looping over the shapes; `ctest -L matrix` runs them all, and in the
// sanitize preset that is the whole matrix under ASan and UBSan.
#include "input/issue_reader.hpp"
#include "issue_shapes.hpp"
#include "issue_words.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <filesystem>
#include <map>

using namespace quire;
using namespace quire::test;
namespace fs = std::filesystem;

namespace {

enum class Mode { plain, draft, proof, print, booklet, articles };

std::string mode_options(Mode mode, const std::string& articles_dir) {
    switch (mode) {
        case Mode::plain: return "";
        case Mode::draft: return " --draft";
        case Mode::proof: return " --proof";
        case Mode::print: return " --print";
        case Mode::booklet: return " --print --impose booklet";
        case Mode::articles: return " --articles " + quoted(articles_dir);
    }
    return "";
}

std::vector<std::string> pdf_words(const std::string& pdf) {
    return words_of(extracted_text(pdf, TextOrder::content_stream));
}

void check_pdf(const std::string& pdf) {
    const ToolResult qpdf = run_tool("qpdf --check " + quoted(pdf));
    INFO(pdf << "\n" << qpdf.out << qpdf.err);
    CHECK(qpdf.exit_code == 0);
}

// Every expected word is somewhere in `found`, as often as expected: an imposed
// booklet's pages come in the order of the printed sheets, not of reading.
void check_words_present(const std::vector<std::string>& expected, const std::vector<std::string>& found) {
    std::map<std::string, int> missing;
    for (const std::string& w : expected) ++missing[w];
    for (const std::string& w : found) {
        if (auto it = missing.find(w); it != missing.end()) --it->second;
    }
    std::string absent;
    for (const auto& [w, n] : missing) {
        if (n > 0) absent += w + " ";
    }
    INFO("words missing: " << absent);
    CHECK(absent.empty());
}

// The words around where the reading lost its way: what was expected there, and what
// the PDF gives after the last word that matched.
std::string where_lost(const std::vector<std::string>& expected, const std::vector<std::string>& found,
                       std::size_t got) {
    std::size_t matched = 0, at = 0;
    for (; at < found.size() && matched < got; ++at) {
        if (found[at] == expected[matched]) ++matched;
    }
    std::string out = "expected:";
    for (std::size_t i = got; i < std::min(expected.size(), got + 12); ++i) out += " " + expected[i];
    out += "\nthe PDF has:";
    for (std::size_t i = at; i < std::min(found.size(), at + 24); ++i) out += " " + found[i];
    return out;
}

void check_words_in_order(const std::vector<std::string>& expected, const std::vector<std::string>& found) {
    const std::size_t got = words_in_order(expected, found);
    INFO("in order up to word " << got << " of " << expected.size() << "\n"
                                << (got < expected.size() ? where_lost(expected, found, got) : std::string()));
    CHECK(got == expected.size());
}

// Each article's own PDF from --articles: a sound file with that article's words.
void check_article_copies(const model::Issue& issue, const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".pdf") files.push_back(entry.path().string());
    }
    CHECK(files.size() == issue.articles.size());
    for (const model::Article& article : issue.articles) {
        const std::string suffix = "-" + article.id + ".pdf";
        const auto file = std::find_if(files.begin(), files.end(), [&](const std::string& f) {
            return f.size() > suffix.size() && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0;
        });
        INFO("article " << article.id);
        REQUIRE(file != files.end());
        check_pdf(*file);
        model::Issue one = issue;
        one.articles = {article};
        check_words_in_order(article_words(one), pdf_words(*file));
    }
}

void run_shape(const IssueShape& shape, const std::string& layout, Mode mode) {
    ScratchDir dir;
    const std::string manifest = write_issue(dir, shape, layout);
    const std::string pdf = dir.file("out.pdf"), articles = dir.file("articles");
    const ToolResult run = run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " -o " + quoted(pdf) +
                                    mode_options(mode, articles));
    INFO("shape: " << shape.name << "; layout " << layout << "\n" << run.err);
    REQUIRE(run.exit_code == 0);
    check_pdf(pdf);

    DiagnosticSink sink;
    const auto issue = input::read_issue(manifest, {}, sink);
    REQUIRE(issue);
    const std::vector<std::string> expected = article_words(*issue);
    REQUIRE(expected.size() > 50);
    if (mode == Mode::booklet) {
        check_words_present(expected, pdf_words(pdf));
    } else {
        check_words_in_order(expected, pdf_words(pdf));
    }
    if (mode == Mode::plain) {
        const ToolResult verify = run_tool(quoted(QUIRE_BINARY) + " verify " + quoted(pdf));
        INFO(verify.out << verify.err);
        CHECK(verify.exit_code == 0);
    }
    if (mode == Mode::print || mode == Mode::booklet) {  // the press's copy: PDF/X-4
        const ToolResult verify = run_tool(quoted(QUIRE_BINARY) + " verify --flavour x4 " + quoted(pdf));
        INFO(verify.out << verify.err);
        CHECK(verify.exit_code == 0);
    }
    if (mode == Mode::articles) check_article_copies(*issue, articles);
}

// Every layout the project ships (layouts/*.xml), so a new one joins the matrix.
std::vector<std::string> shipped_layouts() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator("layouts")) {
        if (entry.path().extension() == ".xml") names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    REQUIRE(names.size() >= 2);
    return names;
}

void run_matrix(Mode mode) {
    for (const std::string& layout : shipped_layouts()) {
        for (const IssueShape& shape : issue_shapes()) run_shape(shape, layout, mode);
    }
}

}  // namespace

TEST_CASE("matrix: every layout and shape with default", "[matrix]") { run_matrix(Mode::plain); }
TEST_CASE("matrix: every layout and shape with --draft", "[matrix]") { run_matrix(Mode::draft); }
TEST_CASE("matrix: every layout and shape with --proof", "[matrix]") { run_matrix(Mode::proof); }
TEST_CASE("matrix: every layout and shape with --print", "[matrix]") { run_matrix(Mode::print); }
TEST_CASE("matrix: every layout and shape with --print --impose booklet", "[matrix]") { run_matrix(Mode::booklet); }
TEST_CASE("matrix: every layout and shape with --articles", "[matrix]") { run_matrix(Mode::articles); }

// Not run by default: writes one shape's project for a look by hand, e.g.
//   QUIRE_MATRIX_SHAPE=4 QUIRE_MATRIX_LAYOUT=a5-single.xml QUIRE_MATRIX_OUT=/tmp/m
//   build/release/tests/matrix/test_matrix "[.write-shape]"
TEST_CASE("matrix: write one shape's project", "[.write-shape]") {
    const char* number = std::getenv("QUIRE_MATRIX_SHAPE");
    const char* layout = std::getenv("QUIRE_MATRIX_LAYOUT");
    const char* out = std::getenv("QUIRE_MATRIX_OUT");
    REQUIRE((number && layout && out));
    ScratchDir dir;
    const std::string manifest = write_issue(dir, issue_shapes().at(std::stoul(number) - 1), layout);
    fs::remove_all(out);
    fs::copy(dir.path(), out, fs::copy_options::recursive);
    std::cout << out << "/issues/matrix/issue.xml\n";
}
