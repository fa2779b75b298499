// `quire import`, run as an editor would: a Markdown file written here, and .docx and
// .odt files that pandoc itself makes from it, imported; the articles pass `quire check`
// in a manifest with layouts/review.xml, and their structure is what the source says.
#include "tool_run.hpp"

#include <catch2/catch.hpp>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <filesystem>
#include <fstream>
#include <memory>

using namespace quire::test;
namespace fs = std::filesystem;

namespace {

const std::string quire_bin = QUIRE_BINARY;

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// The article format has no <note> until main's schema gains it (spec 16); until then
// the article that must pass `quire check` is imported from the text without its note.
bool schema_has_note() {
    return read_bytes(std::string(QUIRE_SOURCE_DIR) + "/src/input/schemas/article.rng").find("name=\"note\"") !=
           std::string::npos;
}

const std::string front_matter = R"(---
title: Europe's "Defence" Moment
author: [Jane Doe, John Roe]
lang: en-GB
---

)";

// Every construct the importer maps, once.
const std::string body_text = R"(# What changed

The war made *defence* a **European** question -- see [the report](https://example.org/report?a=1&b=2).
Acronyms such as [NATO]{.smallcaps} stay small.

## The first answers

> We have spent thirty years assuming that the hard questions had been answered.
>
> --- a European defence minister

- whether the alliance can keep its promises;
- what the Union should do next:
    - deepen the single market;
    - borrow jointly.

1. first
2. second

### Money

Plain text to end.
)";

const std::string note_text = "\nA claim that needs a source.[^1]\n\n[^1]: The source.\n\n    Its second paragraph.\n";

// The article's structure, one element a line: its name, its attributes, the text
// directly inside it; indented by depth.
void outline_of(xmlNode* node, int depth, std::string& out) {
    for (xmlNode* n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + reinterpret_cast<const char*>(n->name);
        for (xmlAttr* a = n->properties; a; a = a->next) {
            std::unique_ptr<xmlChar, void (*)(void*)> v(xmlNodeGetContent(a->children), xmlFree);
            const std::string prefix = a->ns && a->ns->prefix ? reinterpret_cast<const char*>(a->ns->prefix) + std::string(":") : "";
            out += " " + prefix + reinterpret_cast<const char*>(a->name) + "=" + reinterpret_cast<const char*>(v.get());
        }
        std::string text;
        for (xmlNode* c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE) text += reinterpret_cast<const char*>(c->content);
        }
        std::string trimmed;
        for (char ch : text) {
            if (ch == '\n') ch = ' ';
            if (ch == ' ' && (trimmed.empty() || trimmed.back() == ' ')) continue;
            trimmed += ch;
        }
        while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
        out += trimmed.empty() ? "\n" : ": " + trimmed + "\n";
        outline_of(n->children, depth + 1, out);
    }
}

std::string outline(const std::string& path) {
    std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET), xmlFreeDoc);
    REQUIRE(doc);
    std::string out;
    outline_of(xmlDocGetRootElement(doc.get()), 0, out);
    return out;
}

const std::string expected_outline = R"(article version=1 xml:lang=en-GB
  title: Europe’s “Defence” Moment
  byline: Jane Doe
  byline: John Roe
  body
    h2: What changed
    p: The war made a question – see . Acronyms such as stay small.
      em: defence
      strong: European
      a href=https://example.org/report?a=1&b=2: the report
      span style=small-caps: NATO
    h2: The first answers
    quote
      p: We have spent thirty years assuming that the hard questions had been answered.
      attribution: — a European defence minister
    list type=bullet
      item: whether the alliance can keep its promises;
      item: what the Union should do next:
        list type=bullet
          item: deepen the single market;
          item: borrow jointly.
    list type=number
      item: first
      item: second
    h3: Money
    p: Plain text to end.
)";

const std::string expected_note = R"(    p: A claim that needs a source.
      note: The source.Its second paragraph.
        br
)";

// A project in `dir`: layouts/, fonts/, and an issue whose manifest lists one article.
std::string make_issue(const ScratchDir& dir) {
    copy_project(dir);
    fs::create_directories(dir.path() / "issues/t/articles");
    const std::string manifest = dir.file("issues/t/issue.xml");
    write_file(manifest, R"(<issue version="1" layout="../../layouts/review.xml" xml:lang="en-GB">
  <meta><title>Import test</title><date>2025-04-01</date><publisher>quire</publisher></meta>
  <article href="articles/imported.xml"/>
</issue>
)");
    return manifest;
}

ToolResult import(const std::string& args) { return run_tool(quoted(quire_bin) + " import " + args); }

}  // namespace

// What pandoc 2.17's .odt reader keeps of the same text: no metadata (the title is the
// first level-1 heading, the title and authors plain paragraphs), no block quotation
// and no small caps. Everything else arrives.
const std::string expected_odt_outline = R"(article version=1
  title: What changed
  body
    p: Europe’s “Defence” Moment
    p: Jane Doe
    p: John Roe
    p: The war made a question – see . Acronyms such as NATO stay small.
      em: defence
      strong: European
      a href=https://example.org/report?a=1&b=2: the report
    h2: The first answers
    p: We have spent thirty years assuming that the hard questions had been answered.
    p: — a European defence minister
)";

TEST_CASE("quire import: Markdown, and .docx and .odt made from it by pandoc, become the article", "[import][cli]") {
    ScratchDir dir;
    const std::string md = dir.file("source.md");
    write_file(md, front_matter + body_text + note_text);
    const std::string expected = expected_outline + expected_note;
    const std::string rest = expected.substr(expected.find("    list type=bullet"));
    for (const std::string ext : {"md", "docx", "odt"}) {
        DYNAMIC_SECTION("from ." << ext) {
            const std::string source = dir.file("source." + ext);
            if (ext != "md") REQUIRE(run_tool("pandoc " + quoted(md) + " -o " + quoted(source)).exit_code == 0);
            const std::string article = dir.file("imported.xml");
            const ToolResult r = import(quoted(source) + " -o " + quoted(article));
            INFO(r.err);
            REQUIRE(r.exit_code == 0);
            CHECK(r.err.empty());
            // pandoc's .docx reader does not read the document's language back.
            if (ext == "md") CHECK(outline(article) == expected);
            if (ext == "docx") CHECK(outline(article) == "article version=1\n" + expected.substr(expected.find('\n') + 1));
            if (ext == "odt") CHECK(outline(article) == expected_odt_outline + rest);
        }
    }
}

TEST_CASE("quire import: the article passes quire check in a manifest with the review layout", "[import][cli]") {
    ScratchDir dir;
    const std::string manifest = make_issue(dir);
    const bool note = schema_has_note();
    if (!note) WARN("the article schema has no <note> yet: the checked article is imported without its note");
    const fs::path drafts = dir.path() / "issues/t/drafts";
    fs::create_directories(drafts / "images");
    fs::copy_file("issues/2025-spring/images/compound-at-night.jpg", drafts / "images/harbour.jpg");
    write_file((drafts / "source.md").string(),
               front_matter + body_text + (note ? note_text : "") + "\n![The harbour at night](images/harbour.jpg)\n");
    for (const std::string ext : {"md", "docx", "odt"}) {
        DYNAMIC_SECTION("from ." << ext) {
            const std::string source = (drafts / ("source." + ext)).string();
            if (ext != "md") {
                REQUIRE(run_tool("cd " + quoted(drafts.string()) + " && pandoc source.md -o source." + ext).exit_code == 0);
            }
            const std::string article = dir.file("issues/t/articles/imported.xml");
            const ToolResult r = import("--force " + quoted(source) + " -o " + quoted(article));
            INFO(r.err);
            REQUIRE(r.exit_code == 0);
            CHECK(r.err.find(": warning: image ") != std::string::npos);
            CHECK(r.err.find("has no credit: fill in <credit> before printing") != std::string::npos);
            const std::string xml = read_bytes(article);
            // Word and LibreOffice files carry their images: extracted beside the article.
            if (ext == "md") CHECK(xml.find("src=\"../drafts/images/harbour.jpg\"") != std::string::npos);
            else CHECK(xml.find("src=\"imported-images/") != std::string::npos);
            const ToolResult check = run_tool(quoted(quire_bin) + " check " + quoted(manifest));
            INFO(xml);
            INFO(check.err);
            CHECK(check.exit_code == 0);
            CHECK(check.err.find("error") == std::string::npos);
        }
    }
}

TEST_CASE("quire import: a code block is a warning naming it, its text kept", "[import][cli]") {
    ScratchDir dir;
    const std::string md = dir.file("code.md");
    write_file(md, "# Title\n\nText.\n\n```\nrm -rf /tmp/x\n```\n");
    const ToolResult r = import(quoted(md) + " -o " + quoted(dir.file("code.xml")));
    CHECK(r.exit_code == 0);
    CHECK(r.err == md + ": warning: code block \"rm -rf /tmp/x\" has no equivalent in the article format: kept as a plain paragraph\n");
    CHECK(read_bytes(dir.file("code.xml")).find("<p>rm -rf /tmp/x</p>") != std::string::npos);
}

TEST_CASE("quire import: errors are one line each, with the exit code that says whose they are", "[import][cli]") {
    ScratchDir dir;
    const std::string md = dir.file("a.md"), out = dir.file("a.xml");
    write_file(md, "# A\n\nText.\n");
    SECTION("a missing input") {
        const ToolResult r = import(quoted(dir.file("none.md")) + " -o " + quoted(out));
        CHECK(r.exit_code == 1);
        CHECK(r.err == dir.file("none.md") + ": error: no such file\n");
    }
    SECTION("an extension quire does not import") {
        write_file(dir.file("a.rtf"), "{\\rtf1 x}");
        const ToolResult r = import(quoted(dir.file("a.rtf")) + " -o " + quoted(out));
        CHECK(r.exit_code == 1);
        CHECK(r.err == dir.file("a.rtf") + ": error: quire imports .docx, .odt, .md (Markdown) and .html files, not \".rtf\"\n");
    }
    SECTION("an existing article is replaced only with --force") {
        write_file(out, "mine");
        ToolResult r = import(quoted(md) + " -o " + quoted(out));
        CHECK(r.exit_code == 1);
        CHECK(r.err == out + ": error: the article exists already; quire import replaces it only with --force\n");
        CHECK(read_bytes(out) == "mine");
        r = import("--force " + quoted(md) + " -o " + quoted(out));
        CHECK(r.exit_code == 0);
        CHECK(read_bytes(out).find("<title>A</title>") != std::string::npos);
    }
    SECTION("pandoc missing names the Debian package") {
        const ToolResult r = run_tool("PATH=/nonexistent " + quoted(quire_bin) + " import " + quoted(md) + " -o " + quoted(out));
        CHECK(r.exit_code == 3);
        CHECK(r.err == md + ": error: pandoc is not installed; quire imports through it (Debian: apt install pandoc)\n");
        CHECK_FALSE(fs::exists(out));
    }
    SECTION("pandoc failing on a damaged file") {
        write_file(dir.file("bad.docx"), "not a zip file");
        const ToolResult r = import(quoted(dir.file("bad.docx")) + " -o " + quoted(out));
        CHECK(r.exit_code == 1);
        CHECK(r.err.rfind(dir.file("bad.docx") + ": error: pandoc: ", 0) == 0);
        CHECK_FALSE(fs::exists(out));
    }
    SECTION("a directory as the output") {
        const ToolResult r = import(quoted(md) + " -o " + quoted(dir.path().string()));
        CHECK(r.exit_code == 1);
        CHECK(r.err == dir.path().string() + ": error: the output is a directory; name the article file to write (-o " +
                           (dir.path() / "NAME.xml").string() + ")\n");
    }
    SECTION("no output named is a usage error") {
        const ToolResult r = import(quoted(md));
        CHECK(r.exit_code == 2);
    }
}
