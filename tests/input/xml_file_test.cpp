#include "input/xml_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace quire;

namespace {
std::string write_temp(const std::string& name, const std::string& text) {
    auto dir = std::filesystem::temp_directory_path() / "quire-xml-test";
    std::filesystem::create_directories(dir);
    auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}
}  // namespace

TEST_CASE("elements, attributes and text know their line and column", "[xml]") {
    std::string path = write_temp("pos.xml", "<?xml version=\"1.0\"?>\n<a>\n  <!-- <b> -->\n  <b  x=\"1\"\n     y='2'>t</b><c/>\n</a>\n");
    DiagnosticSink sink;
    auto file = input::XmlFile::read(path, sink);
    REQUIRE(file);
    const xmlNode* a = file->root();
    const xmlNode* b = a->children;
    while (!input::is_element(b, "b")) b = b->next;
    CHECK(file->loc(a).line == 2);
    CHECK(file->loc(a).column == 1);
    CHECK(file->loc(b).line == 4);
    CHECK(file->loc(b).column == 3);
    CHECK(file->attr_loc(b, "x").line == 4);
    CHECK(file->attr_loc(b, "x").column == 7);
    CHECK(file->attr_loc(b, "y").line == 5);
    CHECK(file->attr_loc(b, "y").column == 6);
    CHECK(file->loc(b->children).column == 12);  // the text "t"
    const xmlNode* c = b->next;
    CHECK(file->loc(c).line == 5);
    CHECK(file->loc(c).column == 17);
}

TEST_CASE("columns count characters, not bytes", "[xml]") {
    std::string path = write_temp("utf8.xml", "<a>“é” <b/></a>");
    DiagnosticSink sink;
    auto file = input::XmlFile::read(path, sink);
    REQUIRE(file);
    CHECK(file->loc(file->root()->children->next).column == 8);
}

TEST_CASE("a DOCTYPE is refused before libxml2 reads it", "[xml][security]") {
    std::string path = write_temp("doctype.xml",
                                  "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;</a>\n");
    DiagnosticSink sink;
    CHECK_FALSE(input::XmlFile::read(path, sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]) ==
          path + ":3:1: error: DOCTYPE declarations are not allowed (quire reads no DTDs or entities); remove it");
}

TEST_CASE("malformed XML is reported with libxml2's line and column", "[xml]") {
    std::string path = write_temp("bad.xml", "<a>\n  <b></c>\n</a>\n");
    DiagnosticSink sink;
    CHECK_FALSE(input::XmlFile::read(path, sink));
    REQUIRE(sink.has_errors());
    CHECK(format_diagnostic(sink.all()[0]).rfind(path + ":2:", 0) == 0);
}

TEST_CASE("only regular files are read", "[xml]") {
    DiagnosticSink sink;
    CHECK_FALSE(input::XmlFile::read(std::filesystem::temp_directory_path().string(), sink));
    CHECK_FALSE(input::XmlFile::read("/nonexistent/quire.xml", sink));
    CHECK(sink.error_count() == 2);
}

#include "input/image_probe.hpp"

TEST_CASE("image sizes come from the JPEG frame header and the PNG IHDR", "[image]") {
    auto jpeg = input::read_image_size("issues/2025-spring/images/compound-at-night.jpg");
    REQUIRE(jpeg);
    CHECK(jpeg->width == 1000);
    CHECK(jpeg->height == 660);
    std::string png_path = write_temp("one.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x2c\0\0\0\x07", 24));
    auto png = input::read_image_size(png_path);
    REQUIRE(png);
    CHECK(png->width == 300);
    CHECK(png->height == 7);
    CHECK_FALSE(input::read_image_size(write_temp("no.png", "\x89PNG\r\n\x1a\n")));
    CHECK_FALSE(input::read_image_size("layouts/review.xml"));
}
