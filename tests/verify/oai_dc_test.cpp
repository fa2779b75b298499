// The archive's catalogue records (archive/oai_dc): OAI-PMH 2.0 oai_dc, checked by
// xmllint against the schemas in tests/verify/schemas/.
#include "archive/oai_dc.hpp"

#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace quire;
using namespace quire::test;

namespace {

ToolResult validate(const std::string& xml) {
    ScratchDir dir;
    const std::string path = dir.file("record.xml");
    std::ofstream(path, std::ios::binary) << xml;
    return run_tool("xmllint --noout --schema tests/verify/schemas/oai_dc.xsd " + quoted(path));
}

archive::RecordEntry article_entry() {
    archive::RecordEntry e;
    e.title = "How Does Poor Cybersecurity Lead to Human Trafficking?";
    e.creators = {"Ada Byron", "Ben Jonson & Co"};
    e.subjects = {"Human Rights", "Southeast Asia"};
    e.description = "Scam compounds <in> Southeast Asia";
    e.publisher = "St Andrews Foreign Affairs Society";
    e.date = "2025-03-01";
    e.language = "en-GB";
    e.pages = "3-9";
    e.page_count = 7;
    e.identifier = "scam-compounds";
    e.file = "2025-spring-03-scam-compounds.pdf";
    e.sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    return e;
}

}  // namespace

TEST_CASE("a digest is named as RFC 6920 names it", "[archive][unit]") {
    // RFC 6920 section 3's example: SHA-256 of "Hello World!".
    CHECK(archive::ni_sha256("7f83b1657ff1fc53b92dc18148a1d65dfc2d4b1fa3d677284addd200126d9069") ==
          "ni:///sha-256;f4OxZX_x_FO5LcGBSKHWXfwtSx-j1ncoSt3SABJtkGk");
    CHECK(archive::ni_sha256("not a digest").empty());
}

TEST_CASE("an article's record is oai_dc that the schema accepts", "[archive]") {
    const std::string xml = archive::oai_dc_xml(article_entry(), {"St Andrews Foreign Affairs Review, Spring 2025", "2025-spring.pdf"});
    const ToolResult r = validate(xml);
    INFO(xml << r.err);
    CHECK(r.exit_code == 0);
    CHECK(xml.find("<dc:creator>Ben Jonson &amp; Co</dc:creator>") != std::string::npos);
    CHECK(xml.find("<dc:description>Scam compounds &lt;in&gt; Southeast Asia</dc:description>") != std::string::npos);
    CHECK(xml.find("<dc:identifier>ni:///sha-256;ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0</dc:identifier>") !=
          std::string::npos);
    CHECK(xml.find("<dc:source>St Andrews Foreign Affairs Review, Spring 2025, pages 3-9</dc:source>") != std::string::npos);
    CHECK(xml.find("<dc:relation>2025-spring.pdf</dc:relation>") != std::string::npos);
    CHECK(xml.find("<dc:format>7 pages</dc:format>") != std::string::npos);
    // The same entry, the same bytes.
    CHECK(xml == archive::oai_dc_xml(article_entry(), {"St Andrews Foreign Affairs Review, Spring 2025", "2025-spring.pdf"}));
}

TEST_CASE("the schema refuses what oai_dc does not allow", "[archive]") {
    // A qualified term (dcterms:extent) or an element DC does not have fails: the
    // validation can fail.
    std::string xml = archive::oai_dc_xml(article_entry(), {});
    const std::string with_term = std::string(xml).insert(xml.find("</oai_dc:dc>"), "  <dc:extent>7 pages</dc:extent>\n");
    CHECK(validate(with_term).exit_code != 0);
    CHECK(validate(xml).exit_code == 0);
}

TEST_CASE("a record keeps its text as UTF-8 and its layout one element a line", "[archive][unit]") {
    archive::RecordEntry e = article_entry();
    e.title = "Caf\u00E9 \u201Csociety\u201D \u2013 \u6771\u4EAC";
    const std::string xml = archive::oai_dc_xml(e, {});
    CHECK(xml.find("  <dc:title>Caf\u00E9 \u201Csociety\u201D \u2013 \u6771\u4EAC</dc:title>\n") != std::string::npos);
    CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oai_dc:dc xmlns:oai_dc="));
    CHECK(xml.ends_with("  <dc:identifier>scam-compounds</dc:identifier>\n  <dc:language>en-GB</dc:language>\n</oai_dc:dc>\n"));
}
