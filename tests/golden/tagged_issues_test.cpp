// The archive's PDFs as a reader that reads by structure takes them (issue 17): the
// test issues and the sample built by the real binary, then read back with poppler's
// pdfinfo -struct-text and PoDoFo. Every article's words come back in reading order
// from the structure alone, one Art per article however many pages it runs over;
// figures carry their alt text; every link is a Link element; `quire verify` holds
// each file, and each article's own PDF, to PDF/A-2a and PDF/UA-1; --draft stays
// untagged.
#include "input/issue_reader.hpp"
#include "issue_words.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>
#include <podofo/podofo.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace quire;
using namespace quire::test;

namespace {

struct Built {
    ScratchDir dir;
    std::string pdf, articles;
};

const Built& built(const std::string& manifest) {
    static std::map<std::string, Built> cache;
    Built& b = cache[manifest];
    if (b.pdf.empty()) {
        b.pdf = b.dir.file("issue.pdf");
        b.articles = b.dir.file("articles");
        const ToolResult r = run_tool("env SOURCE_DATE_EPOCH=0 " + quire::test::quoted(QUIRE_BINARY) + " build " + quire::test::quoted(manifest) +
                                      " -o " + quire::test::quoted(b.pdf) + " --articles " + quire::test::quoted(b.articles));
        REQUIRE(r.exit_code == 0);
    }
    return b;
}

const char* const manifests[] = {"issues/2025-spring/issue.xml", "tests/golden/long-issue/issue.xml",
                                 "tests/golden/features-issue/issue.xml", "tests/golden/notes-issue/issue.xml"};

// pdfinfo -struct-text: an element per line ("Art "Title"", "P (block)"), each
// marked-content sequence's text as a quoted line under it.
struct StructureText {
    std::string text;                    // the sequences joined, elements apart by a space
    std::map<std::string, int> elements; // how many of each type
};

StructureText structure_text(const std::string& pdf) {
    const ToolResult r = run_tool("pdfinfo -struct-text " + quire::test::quoted(pdf));
    REQUIRE(r.exit_code == 0);
    StructureText out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        const std::size_t start = line.find_first_not_of(' ');
        if (start == std::string::npos) continue;
        if (line[start] == '"' && line.size() > start + 1 && line.back() == '"') {
            out.text += line.substr(start + 1, line.size() - start - 2);  // a word may run on
        } else if (line[start] != '/') {  // not an attribute line ("/Scope /Column")
            const std::string type = line.substr(start, line.find_first_of(" :", start) - start);
            ++out.elements[type];
            // An element starts a new word, but a link or a span goes on with the
            // paragraph's text (as does a link's annotation, "Object 12 0").
            if (type != "Link" && type != "Span" && type != "Object") out.text += ' ';
        }
    }
    return out;
}

model::Issue read(const std::string& manifest) {
    DiagnosticSink sink;
    std::optional<model::Issue> issue = input::read_issue(manifest, {}, sink);
    REQUIRE(issue);
    return std::move(*issue);
}

std::vector<std::string> figure_alts(const model::Issue& issue) {
    std::vector<std::string> alts;
    if (issue.cover && !issue.cover->image.empty()) alts.push_back(issue.cover->alt);
    for (const model::Article& a : issue.articles) {
        for (const model::Block& b : a.body) {
            if (const auto* f = std::get_if<model::Figure>(&b)) alts.push_back(f->alt);
        }
    }
    return alts;
}

// The objects of `pdf` whose dictionary has `key` = /`name`.
std::vector<PoDoFo::PdfObject*> objects_with(PoDoFo::PdfMemDocument& doc, const char* key, const char* name) {
    std::vector<PoDoFo::PdfObject*> found;
    for (PoDoFo::PdfObject* o : doc.GetObjects()) {
        if (o == nullptr || !o->IsDictionary()) continue;
        const PoDoFo::PdfObject* v = o->GetDictionary().GetKey(key);
        if (v != nullptr && v->IsName() && v->GetName() == name) found.push_back(o);
    }
    return found;
}

}  // namespace

TEST_CASE("the structure gives every article's words in reading order, one Art per article", "[golden][tagged]") {
    for (const char* manifest : manifests) {
        INFO(manifest);
        const model::Issue issue = read(manifest);
        const StructureText st = structure_text(built(manifest).pdf);
        const std::vector<std::string> expected = article_words(issue);
        const std::vector<std::string> found = words_of(st.text);
        const std::size_t next = words_in_order(expected, found);
        INFO("stops before: " << (next < expected.size() ? expected[next] : std::string("(end)")));
        CHECK(next == expected.size());
        CHECK(st.elements.at("Art") == static_cast<int>(issue.articles.size()));
        CHECK(st.elements.count("Document") == 1);
        // No word is cut in two by a line's end: the words read back are the text's.
        for (const std::string& w : found) CHECK(w.find("\u00AD") == std::string::npos);
    }
}

TEST_CASE("headings, lists, quotations, tables and notes have their elements", "[golden][tagged]") {
    const StructureText st = structure_text(built("tests/golden/features-issue/issue.xml").pdf);
    for (const char* type : {"H1", "H2", "L", "LI", "Lbl", "LBody", "BlockQuote", "Table", "TR", "TH", "TD", "Note", "Link",
                             "Caption", "Span"}) {
        INFO(type);
        CHECK(st.elements.count(type) == 1);  // present
    }
    // No heading level is skipped in any issue: an H3 only under an H2.
    for (const char* manifest : manifests) {
        const StructureText s = structure_text(built(manifest).pdf);
        if (s.elements.count("H3")) CHECK(s.elements.count("H2"));
    }
}

TEST_CASE("figures carry their alt text, links their Link element", "[golden][tagged]") {
    for (const char* manifest : manifests) {
        INFO(manifest);
        const model::Issue issue = read(manifest);
        PoDoFo::PdfMemDocument doc(built(manifest).pdf.c_str());
        std::vector<std::string> alts;
        for (PoDoFo::PdfObject* figure : objects_with(doc, "S", "Figure")) {
            const PoDoFo::PdfObject* alt = figure->GetDictionary().GetKey("Alt");
            REQUIRE(alt != nullptr);
            alts.push_back(alt->GetString().GetStringUtf8());
        }
        std::vector<std::string> expected = figure_alts(issue);
        std::sort(alts.begin(), alts.end());
        std::sort(expected.begin(), expected.end());
        CHECK(alts == expected);

        // Every link annotation hangs on the structure, in a Link element.
        const auto links = objects_with(doc, "Subtype", "Link");
        const auto link_elements = objects_with(doc, "S", "Link");
        CHECK(link_elements.size() >= 1);
        for (PoDoFo::PdfObject* link : links) {
            CHECK(link->GetDictionary().HasKey("StructParent"));
            CHECK(link->GetDictionary().HasKey("Contents"));
        }
    }
}

TEST_CASE("quire verify holds the tagged issue and each article's PDF to PDF/A-2a and PDF/UA-1", "[golden][tagged]") {
    for (const char* manifest : manifests) {
        INFO(manifest);
        const Built& b = built(manifest);
        std::string files = quire::test::quoted(b.pdf);
        int articles = 0;
        for (const auto& entry : std::filesystem::directory_iterator(b.articles)) {
            if (entry.path().extension() != ".pdf") continue;
            files += " " + quire::test::quoted(entry.path().string());
            // One article, whole: its own Art and nothing of the others'.
            CHECK(structure_text(entry.path().string()).elements.at("Art") == 1);
            ++articles;
        }
        CHECK(articles > 0);
        const ToolResult v = run_tool(quire::test::quoted(QUIRE_BINARY) + " verify " + files);
        INFO(v.out << v.err);
        CHECK(v.exit_code == 0);
        const ToolResult info = run_tool("pdfinfo " + quire::test::quoted(b.pdf));
        CHECK(info.out.find("Tagged:          yes") != std::string::npos);
    }
}

TEST_CASE("a draft build stays plain: untagged, no PDF/A (--draft)", "[golden][tagged]") {
    ScratchDir dir;
    const std::string pdf = dir.file("draft.pdf");
    REQUIRE(run_tool(quire::test::quoted(QUIRE_BINARY) + " build issues/2025-spring/issue.xml --draft -o " + quire::test::quoted(pdf)).exit_code == 0);
    const ToolResult info = run_tool("pdfinfo " + quire::test::quoted(pdf));
    CHECK(info.out.find("Tagged:          no") != std::string::npos);
    const ToolResult st = run_tool("pdfinfo -struct " + quire::test::quoted(pdf));
    CHECK(st.out.find("Art") == std::string::npos);
}

TEST_CASE("an image without alt text is decoration: no Figure that says nothing", "[golden][tagged]") {
    ScratchDir dir;
    const std::string article = dir.file("issues/2025-spring/articles/scam-compounds.xml");
    copy_project(dir, {"issues/2025-spring"});
    std::string xml = read_bytes(article);
    const std::size_t alt = xml.find(" alt=\"Illustration:");
    REQUIRE(alt != std::string::npos);
    xml.erase(alt, xml.find('"', xml.find('"', alt) + 1) + 1 - alt);
    std::ofstream(article, std::ios::binary) << xml;
    const std::string pdf = dir.file("out.pdf");
    const ToolResult r = run_tool(quire::test::quoted(QUIRE_BINARY) + " build " +
                                  quire::test::quoted(dir.file("issues/2025-spring/issue.xml")) + " -o " + quire::test::quoted(pdf));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("has no alt=") != std::string::npos);
    CHECK(structure_text(pdf).elements.at("Figure") == 1);  // the cover's alone
    CHECK(run_tool(quire::test::quoted(QUIRE_BINARY) + " verify " + quire::test::quoted(pdf)).exit_code == 0);
}

TEST_CASE("running heads and folios are pagination artifacts, the first page's disclaimer is content", "[golden][tagged]") {
    const Built& b = built("issues/2025-spring/issue.xml");
    const std::string qdf = run_tool("qpdf --qdf --object-streams=disable " + quire::test::quoted(b.pdf) + " -").out;
    std::size_t pagination = 0;
    for (std::size_t at = 0; (at = qdf.find("/Artifact <</Type /Pagination>> BDC", at)) != std::string::npos; ++at) {
        ++pagination;
    }
    CHECK(pagination == 3);  // every page with a folio: all but the cover
    // The disclaimer stands in every footer of the article and is read once, at its end.
    const StructureText st = structure_text(b.pdf);
    const std::string disclaimer = "The views and opinions expressed in this article";
    const std::size_t first = st.text.find(disclaimer);
    CHECK(first != std::string::npos);
    CHECK(st.text.find(disclaimer, first + 1) == std::string::npos);
}
