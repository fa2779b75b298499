#include "input/file_limits.hpp"
#include "input/font_probe.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace quire;

namespace {

std::filesystem::path scratch() {
    auto dir = std::filesystem::temp_directory_path() / "quire-file-limits-test";
    std::filesystem::create_directories(dir);
    return dir;
}

std::string write_temp(const std::string& name, const std::string& bytes) {
    const std::string path = (scratch() / name).string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return path;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string garamond = QUIRE_SOURCE_DIR "/fonts/EBGaramond/EBGaramond12-Regular.otf";

std::uint32_t be32(const std::string& b, std::size_t i) {
    return (std::uint32_t{static_cast<unsigned char>(b[i])} << 24) | (std::uint32_t{static_cast<unsigned char>(b[i + 1])} << 16) |
           (std::uint32_t{static_cast<unsigned char>(b[i + 2])} << 8) | std::uint32_t{static_cast<unsigned char>(b[i + 3])};
}

// Where a table's directory record is in an OpenType file (not a collection), or npos.
std::size_t table_record(const std::string& font, const std::string& tag) {
    const std::size_t count = (static_cast<unsigned char>(font[4]) << 8) | static_cast<unsigned char>(font[5]);
    for (std::size_t k = 0; k < count; ++k)
        if (font.compare(12 + 16 * k, 4, tag) == 0) return 12 + 16 * k;
    return std::string::npos;
}

}  // namespace

TEST_CASE("a file is read whole, whatever its size", "[input]") {
    // Not a multiple of any block size, and with every byte value (NULs too).
    std::string bytes;
    for (std::size_t i = 0; i < 300'007; ++i) bytes += static_cast<char>((i * 7919 + i / 256) & 0xFF);
    const std::string path = write_temp("big.bin", bytes);
    DiagnosticSink sink;
    std::string out = "left over";
    REQUIRE(input::read_regular_file(path, 1u << 20, out, sink, {}));
    CHECK(out.size() == bytes.size());
    CHECK(out == bytes);
    CHECK(sink.all().empty());
}

TEST_CASE("an empty file reads as empty", "[input]") {
    const std::string path = write_temp("empty.bin", "");
    DiagnosticSink sink;
    std::string out = "left over";
    REQUIRE(input::read_regular_file(path, 1u << 20, out, sink, {}));
    CHECK(out.empty());
    CHECK(sink.all().empty());
}

TEST_CASE("a file over the limit is refused, and one at it read", "[input]") {
    const std::string path = write_temp("limit.bin", std::string(1000, 'x'));
    DiagnosticSink sink;
    std::string out;
    CHECK_FALSE(input::read_regular_file(path, 999, out, sink, {}, "image"));
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].message == "image " + path + " is too large (1000 bytes; the limit is 999)");
    DiagnosticSink at_limit;
    CHECK(input::read_regular_file(path, 1000, out, at_limit, {}));
    CHECK(out == std::string(1000, 'x'));
}

TEST_CASE("the font probe accepts a whole font and reads fsType where OS/2 is", "[input]") {
    DiagnosticSink sink;
    CHECK(input::probe_font(garamond, {}, sink));
    CHECK(sink.all().empty());

    // The same font with its OS/2 table moved to the end of the file and "restricted
    // licence" written into the copy: the probe reads only the parts it needs, and
    // must read this one from where the directory says it is.
    std::string font = slurp(garamond);
    const std::size_t record = table_record(font, "OS/2");
    REQUIRE(record != std::string::npos);
    const std::size_t os2 = be32(font, record + 8), length = be32(font, record + 12);
    std::string moved = font.substr(os2, length);
    moved[8] = 0x00;
    moved[9] = 0x02;
    const std::size_t new_offset = font.size();
    font += moved;
    for (int i = 0; i < 4; ++i) font[record + 8 + i] = static_cast<char>((new_offset >> (24 - 8 * i)) & 0xFF);
    const std::string restricted = write_temp("restricted.otf", font);
    DiagnosticSink refused;
    CHECK_FALSE(input::probe_font(restricted, {}, refused));
    REQUIRE(refused.all().size() == 1);
    CHECK(refused.all()[0].message.find("its licence forbids embedding it (restricted licence) (OS/2 fsType 0x0002)") !=
          std::string::npos);
}

TEST_CASE("the font probe measures tables against the file's size", "[input]") {
    const std::string font = slurp(garamond);
    // Cut short by one byte: the table that ends the file now runs past its end.
    const std::string cut = write_temp("cut.otf", font.substr(0, font.size() - 1));
    DiagnosticSink sink;
    CHECK_FALSE(input::probe_font(cut, {}, sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].message.find("table runs past the end of the file") != std::string::npos);
    CHECK(sink.all()[0].message.find(" of " + std::to_string(font.size() - 1) + "); was it cut short?") !=
          std::string::npos);

    // Cut inside the table directory.
    const std::string headless = write_temp("headless.otf", font.substr(0, 40));
    DiagnosticSink directory;
    CHECK_FALSE(input::probe_font(headless, {}, directory));
    REQUIRE(directory.all().size() == 1);
    CHECK(directory.all()[0].message.find("the file ends inside its table directory") != std::string::npos);

    // A collection whose header stops before the first font's offset.
    const std::string collection = write_temp("short.ttc", std::string("ttcf\0\1\0\0", 8));
    DiagnosticSink ttc;
    CHECK_FALSE(input::probe_font(collection, {}, ttc));
    REQUIRE(ttc.all().size() == 1);
    CHECK(ttc.all()[0].message.find("its collection header is cut short") != std::string::npos);

    const std::string empty = write_temp("empty.otf", "");
    DiagnosticSink nothing;
    CHECK_FALSE(input::probe_font(empty, {}, nothing));
    REQUIRE(nothing.all().size() == 1);
    CHECK(nothing.all()[0].message.find("is not an OpenType or TrueType font file") != std::string::npos);
}
