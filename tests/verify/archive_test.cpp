// `quire build --articles` and `quire verify`, run as an editor and a librarian
// would: the sample issue and its per-article PDFs pass the check and the readers,
// each article PDF holds exactly its article, and the record matches the files.
#include "archive/oai_dc.hpp"
#include "input/issue_reader.hpp"
#include "pdf_text.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>
#include <libxml/parser.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

using namespace quire;
using namespace quire::test;
namespace fs = std::filesystem;

namespace {

const std::string sample = "issues/2025-spring/issue.xml";

struct Archive {
    ScratchDir dir;
    std::string issue_pdf, articles;
    ToolResult build;
};

// The sample built once, with --articles, for the tests that only read it.
const Archive& built_archive() {
    static Archive a;
    static const bool built = [] {
        a.issue_pdf = a.dir.file("issue.pdf");
        a.articles = a.dir.file("articles");
        a.build = run_tool("env -u SOURCE_DATE_EPOCH " + quire::test::quoted(QUIRE_BINARY) + " build " + quire::test::quoted(sample) + " -o " +
                           quire::test::quoted(a.issue_pdf) + " --articles " + quire::test::quoted(a.articles));
        return true;
    }();
    (void)built;
    return a;
}

const model::Issue& sample_issue() {
    static DiagnosticSink sink;
    static const std::optional<model::Issue> issue = input::read_issue(sample, {}, sink);
    REQUIRE(issue);
    return *issue;
}

// The article PDF of article `id`: <issue>-NN-<id>.pdf.
std::string article_pdf(const std::string& id) {
    const std::regex name("2025-spring-[0-9][0-9]-" + id + "\\.pdf");
    for (const auto& entry : fs::directory_iterator(built_archive().articles)) {
        if (std::regex_match(entry.path().filename().string(), name)) return entry.path().string();
    }
    FAIL("no PDF for article " << id << " in " << built_archive().articles);
    return "";
}

// pdftotext's text, line-end hyphens we added taken out, white space made single.
std::string text_of(const std::string& pdf) {
    std::string out;
    for (const std::string& w : words_of(extracted_text(pdf))) out += (out.empty() ? "" : " ") + w;
    return out;
}

// The last words of each body paragraph of an article: what its PDF must show.
std::vector<std::string> paragraph_tails(const model::Article& article) {
    std::vector<std::string> tails;
    for (const model::Block& block : article.body) {
        const auto* p = std::get_if<model::Paragraph>(&block);
        if (!p) continue;
        std::istringstream in(model::plain_text(p->text));
        std::vector<std::string> words;
        for (std::string w; in >> w;) words.push_back(w);
        if (words.size() < 4) continue;
        std::string tail;
        for (std::size_t i = words.size() - 4; i < words.size(); ++i) tail += (tail.empty() ? "" : " ") + words[i];
        tails.push_back(tail);
    }
    return tails;
}

std::string pdfinfo_field(const std::string& pdf, const std::string& field) {
    const ToolResult r = run_tool("pdfinfo -enc UTF-8 " + quire::test::quoted(pdf));
    REQUIRE(r.exit_code == 0);
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(field + ":", 0) == 0) {
            std::size_t v = field.size() + 1;
            while (v < line.size() && line[v] == ' ') ++v;
            return line.substr(v);
        }
    }
    return "";
}

// The oai_dc record written beside a PDF of the archive.
std::string record_of(const std::string& pdf) {
    return read_bytes((fs::path(pdf).parent_path() / (fs::path(pdf).stem().string() + ".dc.xml")).string());
}

ToolResult verify(const std::string& args) { return run_tool(quire::test::quoted(QUIRE_BINARY) + " verify " + args); }

}  // namespace

TEST_CASE("quire build --articles writes the issue, one PDF per article and the record", "[archive]") {
    const Archive& a = built_archive();
    INFO(a.build.err);
    REQUIRE(a.build.exit_code == 0);
    CHECK(a.build.err.empty());
    CHECK(fs::exists(a.issue_pdf));
    CHECK(fs::exists(fs::path(a.articles) / "2025-spring.dc.xml"));  // the issue's record
    int pdfs = 0;
    for (const auto& entry : fs::directory_iterator(a.articles)) {
        if (entry.path().extension() != ".pdf") continue;
        ++pdfs;
        CHECK(fs::exists(fs::path(a.articles) / (entry.path().stem().string() + ".dc.xml")));
    }
    CHECK(pdfs == static_cast<int>(sample_issue().articles.size()));
}

TEST_CASE("the issue and every article PDF pass quire verify, qpdf and pdffonts", "[archive]") {
    REQUIRE(built_archive().build.exit_code == 0);
    std::vector<std::string> pdfs = {built_archive().issue_pdf};
    for (const model::Article& article : sample_issue().articles) pdfs.push_back(article_pdf(article.id));
    for (const std::string& pdf : pdfs) {
        INFO(pdf);
        const ToolResult v = verify(quire::test::quoted(pdf));
        INFO(v.out << v.err);
        CHECK(v.exit_code == 0);
        CHECK(v.out.empty());
        const ToolResult q = run_tool("qpdf --check " + quire::test::quoted(pdf));
        CHECK(q.exit_code == 0);
        CHECK(q.out.find("No syntax or stream encoding errors found") != std::string::npos);
        const ToolResult f = run_tool("pdffonts " + quire::test::quoted(pdf));
        REQUIRE(f.exit_code == 0);
        std::istringstream lines(f.out);
        std::string line;
        std::getline(lines, line);
        std::getline(lines, line);
        int fonts = 0;
        while (std::getline(lines, line)) {
            INFO(line);
            ++fonts;
            CHECK(line.find(" yes yes yes ") != std::string::npos);
        }
        CHECK(fonts >= 1);
    }
}

TEST_CASE("each article PDF holds exactly its article's text, pages and metadata", "[archive]") {
    REQUIRE(built_archive().build.exit_code == 0);
    const model::Issue& issue = sample_issue();
    REQUIRE(issue.articles.size() >= 2);
    for (const model::Article& article : issue.articles) {
        const std::string pdf = article_pdf(article.id);
        const std::string record = record_of(pdf);
        INFO(pdf);
        const std::string text = text_of(pdf);
        for (const std::string& tail : paragraph_tails(article)) CHECK(text.find(tail) != std::string::npos);
        for (const model::Article& other : issue.articles) {
            if (other.id == article.id) continue;
            for (const std::string& tail : paragraph_tails(other)) CHECK(text.find(tail) == std::string::npos);
        }
        const std::string title = model::plain_text(article.title.text);
        CHECK(pdfinfo_field(pdf, "Title") == title);
        CHECK(pdfinfo_field(pdf, "PDF version") == "1.7");

        // Pages: as many as the record says, labelled with the issue's numbers; the
        // file name carries the first.
        const std::string file = fs::path(pdf).filename().string();
        std::smatch m;
        CHECK(record.find("<dc:identifier>" + file + "</dc:identifier>") != std::string::npos);
        REQUIRE(std::regex_search(record, m, std::regex(", pages ([0-9]+)(-([0-9]+))?</dc:source>")));
        const int first = std::stoi(m[1].str());
        const int last = m[3].matched ? std::stoi(m[3].str()) : first;
        CHECK(std::stoi(pdfinfo_field(pdf, "Pages")) == last - first + 1);
        CHECK(file.substr(12, 2) == (first < 10 ? "0" : "") + std::to_string(first));
        const ToolResult labels = run_tool("qpdf --json --json-key=pagelabels --json-key=outlines " + quire::test::quoted(pdf));
        REQUIRE(labels.exit_code == 0);
        INFO(labels.out);
        CHECK(std::regex_search(labels.out, std::regex("\"index\":\\s*0,\\s*\"label\":\\s*\\{\\s*\"/S\":\\s*\"/D\",\\s*\"/St\":\\s*" +
                                                           std::to_string(first) + "\\s*\\}")));
        CHECK(labels.out.find("\"title\": \"" + title + "\"") != std::string::npos);  // its own outline

        // XMP: PDF/A-2a and PDF/UA-1 (tagged), the article's title and language, the issue as source.
        const std::string qdf = run_tool("qpdf --qdf --object-streams=disable " + quire::test::quoted(pdf) + " -").out;
        CHECK(qdf.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
        CHECK(qdf.find("<pdfaid:conformance>A</pdfaid:conformance>") != std::string::npos);
        CHECK(qdf.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
        CHECK(qdf.find("<rdf:li xml:lang=\"x-default\">" + title + "</rdf:li>") != std::string::npos);
        CHECK(qdf.find("<dc:language><rdf:Bag><rdf:li>" + (article.language.empty() ? issue.language : article.language)) !=
              std::string::npos);
        CHECK(qdf.find("<dc:source>" + issue.meta.title + ", " + issue.meta.number + ", pages ") != std::string::npos);
        CHECK(qdf.find("/GTS_PDFA1") != std::string::npos);
    }
}

namespace {

// pdfinfo -box of every page: "MediaBox", "CropBox", "BleedBox", "TrimBox" -> the box
// as pdfinfo prints it ("0.00 0.00 595.28 841.89"), one map per page.
std::vector<std::map<std::string, std::string>> page_boxes(const std::string& pdf) {
    const ToolResult r = run_tool("pdfinfo -box -f 1 -l 9999 " + quire::test::quoted(pdf));
    REQUIRE(r.exit_code == 0);
    std::vector<std::map<std::string, std::string>> pages;
    const std::regex line("Page +([0-9]+) (MediaBox|CropBox|BleedBox|TrimBox|ArtBox): +([-0-9.]+) +([-0-9.]+) +([-0-9.]+) +([-0-9.]+)");
    std::istringstream in(r.out);
    for (std::string l; std::getline(in, l);) {
        std::smatch m;
        if (!std::regex_search(l, m, line)) continue;
        const std::size_t page = std::stoul(m[1].str());
        if (pages.size() < page) pages.resize(page);
        pages[page - 1][m[2].str()] = m[3].str() + " " + m[4].str() + " " + m[5].str() + " " + m[6].str();
    }
    return pages;
}

// Width and height in pixels of the PNG pdftoppm makes of page 1 at 72 dpi (pdftoppm,
// like Ghostscript, renders the MediaBox unless told otherwise).
std::pair<int, int> rendered_size(const std::string& pdf, const ScratchDir& dir) {
    const ToolResult r = run_tool("pdftoppm -r 72 -f 1 -l 1 -singlefile -png " + quire::test::quoted(pdf) + " " +
                                  quire::test::quoted(dir.file("page")));
    REQUIRE(r.exit_code == 0);
    const std::string png = read_bytes(dir.file("page.png"));
    REQUIRE(png.size() > 24);
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
               (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    return {static_cast<int>(be32(16)), static_cast<int>(be32(20))};  // IHDR
}

}  // namespace

TEST_CASE("the welcome note's PDF holds the note and nothing else of the contents page", "[archive]") {
    REQUIRE(built_archive().build.exit_code == 0);
    const model::Issue& issue = sample_issue();
    const std::string pdf = article_pdf("welcome");
    const std::string text = text_of(pdf);
    INFO(text);
    CHECK(text.find("Welcome to the official publication of the St Andrews Foreign Affairs Society") != std::string::npos);
    // The contents list (its heading and the feature's entry), the masthead and the credits stay in the issue.
    CHECK(text.find("Contents") == std::string::npos);
    for (const model::Article& other : issue.articles) {
        if (other.id != "welcome") CHECK(text.find(model::plain_text(other.title.text)) == std::string::npos);
    }
    CHECK(text.find("Published by") == std::string::npos);
    CHECK(text.find("Editors") == std::string::npos);
    CHECK(text.find("Cover") == std::string::npos);
    // The issue's PDF still has all of it on that page.
    const std::string whole = text_of(built_archive().issue_pdf);
    CHECK(whole.find("Contents") != std::string::npos);
    CHECK(whole.find("Published by") != std::string::npos);
    // Its outline is its own entry only: not the issue's "Contents", which pointed at the same page.
    const ToolResult outline = run_tool("qpdf --json --json-key=outlines " + quire::test::quoted(pdf));
    REQUIRE(outline.exit_code == 0);
    CHECK(outline.out.find("\"title\": \"Welcome\"") != std::string::npos);
    CHECK(outline.out.find("\"title\": \"Contents\"") == std::string::npos);
}

TEST_CASE("each article PDF carries its own keywords and subject, never the issue's", "[archive]") {
    REQUIRE(built_archive().build.exit_code == 0);
    const model::Issue& issue = sample_issue();
    REQUIRE_FALSE(issue.meta.keywords.empty());
    // The feature: its section and its own keywords, its subtitle as the subject.
    const std::string feature = article_pdf("scam-compounds");
    CHECK(pdfinfo_field(feature, "Keywords") == "Asia-Pacific; scam compounds; human trafficking; online fraud; Myanmar");
    CHECK(pdfinfo_field(feature, "Subject") == "Transnational Crimes in Southeast Asia");
    const ToolResult meta = run_tool("pdfinfo -meta " + quire::test::quoted(feature));
    REQUIRE(meta.exit_code == 0);
    CHECK(std::regex_search(meta.out, std::regex("<dc:subject><rdf:Bag>\\s*<rdf:li>Asia-Pacific</rdf:li>\\s*<rdf:li>scam compounds</rdf:li>"
                                                 "\\s*<rdf:li>human trafficking</rdf:li>\\s*<rdf:li>online fraud</rdf:li>"
                                                 "\\s*<rdf:li>Myanmar</rdf:li>\\s*</rdf:Bag></dc:subject>")));
    // The welcome has no keywords of its own: none at all.
    const std::string welcome = article_pdf("welcome");
    CHECK(pdfinfo_field(welcome, "Keywords").empty());
    const ToolResult welcome_meta = run_tool("pdfinfo -meta " + quire::test::quoted(welcome));
    REQUIRE(welcome_meta.exit_code == 0);
    CHECK(welcome_meta.out.find("dc:subject") == std::string::npos);
    CHECK(welcome_meta.out.find("pdf:Keywords") == std::string::npos);
    for (const std::string& pdf : {feature, welcome}) {
        INFO(pdf);
        const std::string all = pdfinfo_field(pdf, "Keywords") + run_tool("pdfinfo -meta " + quire::test::quoted(pdf)).out;
        CHECK(all.find("foreign affairs") == std::string::npos);
        CHECK(all.find("international relations") == std::string::npos);
    }
    // The issue keeps its own, in its record once; the feature's record has the feature's.
    CHECK(pdfinfo_field(built_archive().issue_pdf, "Keywords") == issue.meta.keywords);
    const std::string record = read_bytes(built_archive().articles + "/2025-spring.dc.xml");
    std::size_t count = 0;
    for (std::size_t at = record.find("<dc:subject>foreign affairs</dc:subject>"); at != std::string::npos;
         at = record.find("<dc:subject>foreign affairs</dc:subject>", at + 1)) {
        ++count;
    }
    CHECK(count == 1);
    const std::string feature_record = record_of(article_pdf("scam-compounds"));
    CHECK(feature_record.find("<dc:subject>Myanmar</dc:subject>") != std::string::npos);
    CHECK(feature_record.find("<dc:subject>foreign affairs</dc:subject>") == std::string::npos);
}

TEST_CASE("archive pages are the trimmed page: MediaBox, CropBox and TrimBox are the A4 page", "[archive]") {
    REQUIRE(built_archive().build.exit_code == 0);
    ScratchDir dir;
    const ToolResult draft = run_tool(quire::test::quoted(QUIRE_BINARY) + " build " + quire::test::quoted(sample) +
                                      " --draft -o " + quire::test::quoted(dir.file("draft.pdf")));
    REQUIRE(draft.exit_code == 0);
    std::vector<std::string> pdfs = {built_archive().issue_pdf, dir.file("draft.pdf")};
    for (const model::Article& article : sample_issue().articles) pdfs.push_back(article_pdf(article.id));
    const std::string a4 = "0.00 0.00 595.28 841.89";
    for (const std::string& pdf : pdfs) {
        INFO(pdf);
        const auto pages = page_boxes(pdf);
        REQUIRE_FALSE(pages.empty());
        CHECK(static_cast<int>(pages.size()) == std::stoi(pdfinfo_field(pdf, "Pages")));
        for (const auto& boxes : pages) {
            for (const char* box : {"MediaBox", "CropBox", "BleedBox", "TrimBox"}) {
                INFO(box);
                REQUIRE(boxes.count(box));
                CHECK(boxes.at(box) == a4);
            }
        }
        CHECK(std::regex_match(pdfinfo_field(pdf, "Page size"), std::regex("595\\.2[0-9]* x 841\\.89 pts \\(A4\\)")));
        // What a renderer that reads the MediaBox makes of it: the page, no white border.
        const auto [w, h] = rendered_size(pdf, dir);
        CHECK(w == 596);  // 595.28 pt at 72 dpi, rounded up (with the 3 mm bleed: 613)
        CHECK(h == 842);
    }
}

TEST_CASE("the press's copy (--print) keeps its bleed and the room for its marks", "[archive]") {
    ScratchDir dir;
    const ToolResult print = run_tool(quire::test::quoted(QUIRE_BINARY) + " build " + quire::test::quoted(sample) +
                                      " --print -o " + quire::test::quoted(dir.file("print.pdf")));
    INFO(print.err);
    REQUIRE(print.exit_code == 0);
    const auto pages = page_boxes(dir.file("print.pdf"));
    REQUIRE_FALSE(pages.empty());
    for (const auto& boxes : pages) {
        // review.xml: 3 mm bleed (8.50 pt), 12 mm slug (34.02 pt) beyond it.
        CHECK(boxes.at("TrimBox") == "42.52 42.52 637.80 884.41");
        CHECK(boxes.at("BleedBox") == "34.02 34.02 646.30 892.91");
        CHECK(boxes.at("MediaBox") == "0.00 0.00 680.31 926.93");
    }
}

TEST_CASE("each PDF's oai_dc record validates and names its file by name and SHA-256", "[archive]") {
    REQUIRE(built_archive().build.exit_code == 0);
    int records = 0;
    auto check_record = [&](const std::string& record_path, const std::string& pdf) {
        INFO(record_path);
        const ToolResult valid = run_tool("xmllint --noout --schema tests/verify/schemas/oai_dc.xsd " + quoted(record_path));
        INFO(valid.err);
        CHECK(valid.exit_code == 0);
        const std::string record = read_bytes(record_path);
        const ToolResult sum = run_tool("sha256sum " + quoted(pdf));
        REQUIRE(sum.exit_code == 0);
        CHECK(record.find("<dc:identifier>" + quire::archive::ni_sha256(sum.out.substr(0, 64)) + "</dc:identifier>") !=
              std::string::npos);
        CHECK(record.find("<dc:date>" + sample_issue().meta.date + "</dc:date>") != std::string::npos);
        CHECK(record.find("<dc:language>en-GB</dc:language>") != std::string::npos);
        CHECK(record.find("<dc:format>application/pdf</dc:format>") != std::string::npos);
        ++records;
        return record;
    };
    const std::string issue = check_record(built_archive().articles + "/2025-spring.dc.xml", built_archive().issue_pdf);
    CHECK(issue.find("<dc:title>" + sample_issue().meta.title + ", " + sample_issue().meta.number + "</dc:title>") !=
          std::string::npos);
    for (const model::Article& article : sample_issue().articles) {
        const std::string pdf = article_pdf(article.id);
        const std::string record =
            check_record((fs::path(pdf).parent_path() / (fs::path(pdf).stem().string() + ".dc.xml")).string(), pdf);
        CHECK(record.find("<dc:title>" + model::plain_text(article.title.text) + "</dc:title>") != std::string::npos);
        CHECK(record.find("<dc:identifier>" + article.id + "</dc:identifier>") != std::string::npos);
        CHECK(record.find("<dc:source>" + sample_issue().meta.title) != std::string::npos);  // the issue it is from
    }
    CHECK(records == 1 + static_cast<int>(sample_issue().articles.size()));
}

TEST_CASE("a draft build (--draft) writes plain PDF, which quire verify rejects as PDF/A", "[archive]") {
    ScratchDir dir;
    const ToolResult build = run_tool(quire::test::quoted(QUIRE_BINARY) + " build " + quire::test::quoted(sample) + " --draft -o " + quire::test::quoted(dir.file("draft.pdf")));
    INFO(build.err);
    REQUIRE(build.exit_code == 0);
    const std::string qdf = run_tool("qpdf --qdf --object-streams=disable " + quire::test::quoted(dir.file("draft.pdf")) + " -").out;
    CHECK(qdf.find("pdfaid") == std::string::npos);
    CHECK(qdf.find("/OutputIntents") == std::string::npos);
    const ToolResult v = verify(quire::test::quoted(dir.file("draft.pdf")));
    CHECK(v.exit_code == 1);
    CHECK(v.out.find(dir.file("draft.pdf") + ": error: clause 6.6.4: ") != std::string::npos);
}

TEST_CASE("quire verify reports a broken rule by its clause, and says when it cannot read", "[archive]") {
    REQUIRE(built_archive().build.exit_code == 0);
    ScratchDir dir;
    // The trailer's /ID renamed (same length, so the xref stays right): 6.1.3 fails.
    std::string bytes = read_bytes(built_archive().issue_pdf);
    const std::size_t id = bytes.find("/ID", bytes.rfind("trailer"));
    REQUIRE(id != std::string::npos);
    bytes.replace(id, 3, "/XD");
    std::ofstream(dir.file("no-id.pdf"), std::ios::binary) << bytes;
    const ToolResult broken = verify(quire::test::quoted(dir.file("no-id.pdf")));
    CHECK(broken.exit_code == 1);
    CHECK(broken.out == dir.file("no-id.pdf") + ": error: clause 6.1.3: the trailer has no /ID of two strings\n");

    std::ofstream(dir.file("text.pdf")) << "not a PDF at all\n";
    const ToolResult unreadable = verify(quire::test::quoted(dir.file("text.pdf")));
    CHECK(unreadable.exit_code == 3);
    CHECK(unreadable.err.find("text.pdf: error: cannot read this file as a PDF") != std::string::npos);
    CHECK(verify(quire::test::quoted(dir.file("missing.pdf"))).exit_code == 3);
    CHECK(verify("").exit_code == 2);
    CHECK(verify("--flavour 3a " + quire::test::quoted(built_archive().issue_pdf)).exit_code == 2);
}

TEST_CASE("the long test issue and its article PDFs pass quire verify too", "[archive][long-issue]") {
    // Issue 6 asks for more than the sample: three articles, three figures (PNG and
    // JPEG), pull quotes, an article with its own disclaimer.
    ScratchDir dir;
    const ToolResult build = run_tool("env -u SOURCE_DATE_EPOCH " + quire::test::quoted(QUIRE_BINARY) +
                                      " build tests/golden/long-issue/issue.xml -o " +
                                      quire::test::quoted(dir.file("long.pdf")) + " --articles " +
                                      quire::test::quoted(dir.file("articles")));
    INFO(build.err);
    REQUIRE(build.exit_code == 0);
    std::vector<std::string> pdfs = {dir.file("long.pdf")};
    for (const auto& entry : fs::directory_iterator(dir.file("articles"))) {
        if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path().string());
    }
    CHECK(pdfs.size() == 4);  // the issue and its three articles
    for (const std::string& pdf : pdfs) {
        const ToolResult v = verify(quire::test::quoted(pdf));
        INFO(pdf << "\n" << v.out << v.err);
        CHECK(v.exit_code == 0);
        CHECK(v.out.empty());
    }
}
