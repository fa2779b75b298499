#include "input/font_probe.hpp"

#include "input/file_limits.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>

namespace quire::input {
namespace {

std::uint32_t be32(const std::string& b, std::size_t i) {
    return (std::uint32_t{static_cast<unsigned char>(b[i])} << 24) | (std::uint32_t{static_cast<unsigned char>(b[i + 1])} << 16) |
           (std::uint32_t{static_cast<unsigned char>(b[i + 2])} << 8) | std::uint32_t{static_cast<unsigned char>(b[i + 3])};
}

unsigned be16(const std::string& b, std::size_t i) {
    return (static_cast<unsigned>(static_cast<unsigned char>(b[i])) << 8) | static_cast<unsigned char>(b[i + 1]);
}

std::string hex16(unsigned v) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%04X", v & 0xFFFF);
    return buffer;
}

}  // namespace

bool probe_font(const std::string& path, const SourceLoc& loc, DiagnosticSink& sink) {
    // Only the parts looked at are read (the header, the table directory, OS/2's
    // fsType), not the whole file: the font registry reads the font itself, and
    // reading every font twice over was a good part of a short build's start (issue 19).
    std::ifstream in;
    const std::optional<std::uintmax_t> file_size = open_regular_file(path, max_font_file_bytes, in, sink, loc, "font");
    if (!file_size) return false;
    const std::size_t size = static_cast<std::size_t>(*file_size);
    bool read_failed = false;
    // `length` bytes from `offset` (inside the file, as checked before each call).
    auto bytes = [&](std::size_t offset, std::size_t length) {
        std::string out(length, '\0');
        if (!in.seekg(static_cast<std::streamoff>(offset)) || !in.read(out.data(), static_cast<std::streamsize>(length))) {
            read_failed = true;
            out.clear();
        }
        return out;
    };
    auto report_read_error = [&] {
        sink.error(loc, "error reading " + path);
        return false;
    };
    const std::string head = bytes(0, std::min<std::size_t>(size, 16));
    if (read_failed) return report_read_error();
    const std::string signature = head.substr(0, 4);
    if (signature != "OTTO" && signature != std::string("\0\1\0\0", 4) && signature != "true" && signature != "ttcf") {
        sink.error(loc, "font " + path + " is not an OpenType or TrueType font file");
        return false;
    }
    const std::string damaged = "font " + path + " is damaged: ";
    std::size_t directory = 0;
    if (signature == "ttcf") {  // a collection: the first font is the one FreeType opens
        if (size < 16) {
            sink.error(loc, damaged + "its collection header is cut short");
            return false;
        }
        directory = be32(head, 12);
    }
    // OpenType spec, "Table directory": sfntVersion, numTables, 3 search fields, then
    // 16-byte records (tag, checksum, offset, length).
    if (directory > size || size - directory < 12) {
        sink.error(loc, damaged + "the file ends before its table directory");
        return false;
    }
    const std::string directory_head = bytes(directory, 12);
    if (read_failed) return report_read_error();
    const std::size_t count = be16(directory_head, 4);
    if (size - directory - 12 < count * 16) {
        sink.error(loc, damaged + "the file ends inside its table directory (" + std::to_string(count) + " tables, " +
                            std::to_string(size) + " bytes)");
        return false;
    }
    const std::string records = bytes(directory + 12, count * 16);
    if (read_failed) return report_read_error();
    std::map<std::string, std::pair<std::size_t, std::size_t>> tables;
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t record = 16 * k;
        const std::string tag = records.substr(record, 4);
        const std::size_t offset = be32(records, record + 8), length = be32(records, record + 12);
        if (offset > size || length > size - offset) {
            sink.error(loc, damaged + "its '" + tag + "' table runs past the end of the file (bytes " +
                                std::to_string(offset) + " to " + std::to_string(offset + length) + " of " +
                                std::to_string(size) + "); was it cut short?");
            return false;
        }
        tables[tag] = {offset, length};
    }
    for (const char* required : {"cmap", "head", "hhea", "hmtx", "maxp"}) {
        if (!tables.count(required)) {
            sink.error(loc, damaged + "it has no '" + required + "' table");
            return false;
        }
    }
    if (!tables.count("glyf") && !tables.count("CFF ") && !tables.count("CFF2")) {
        sink.error(loc, damaged + "it has no glyph outlines (no 'glyf', 'CFF ' or 'CFF2' table)");
        return false;
    }
    // OS/2 fsType (OpenType spec, OS/2 table): bits 0-3 say how the font may be
    // embedded; when several are set the least restrictive wins. Bit 8 forbids
    // subsetting, bit 9 allows bitmaps only. quire embeds outline subsets.
    if (auto os2 = tables.find("OS/2"); os2 != tables.end() && os2->second.second >= 10) {
        const std::string fs_type_bytes = bytes(os2->second.first + 8, 2);
        if (read_failed) return report_read_error();
        const unsigned fs_type = be16(fs_type_bytes, 0);
        const bool permissive = (fs_type & 0x000C) != 0;  // preview & print, or editable
        std::string why;
        if ((fs_type & 0x0002) && !permissive) why = "its licence forbids embedding it (restricted licence)";
        else if (fs_type & 0x0200) why = "its licence allows embedding only bitmaps, not outlines";
        else if (fs_type & 0x0100) why = "its licence forbids embedding a subset, and quire embeds subsets";
        if (!why.empty()) {
            sink.error(loc, "font " + path + ": " + why + " (OS/2 fsType " + hex16(fs_type) +
                                "); a PDF must embed its fonts: choose another font or get one licensed for embedding");
            return false;
        }
    }
    return true;
}

}  // namespace quire::input
