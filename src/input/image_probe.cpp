#include "input/image_probe.hpp"

#include "input/file_limits.hpp"

#include <zlib.h>

#include <cstdint>
#include <fstream>

namespace quire::input {

ImageFormat sniff_image_format(const std::string& b) {
    if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
        static_cast<unsigned char>(b[2]) == 0xFF) {
        return ImageFormat::jpeg;
    }
    if (b.size() >= 8 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return ImageFormat::png;
    return ImageFormat::unknown;
}

namespace {

std::uint32_t be32_at(const std::string& b, std::size_t i) {
    return (std::uint32_t{static_cast<unsigned char>(b[i])} << 24) | (std::uint32_t{static_cast<unsigned char>(b[i + 1])} << 16) |
           (std::uint32_t{static_cast<unsigned char>(b[i + 2])} << 8) | std::uint32_t{static_cast<unsigned char>(b[i + 3])};
}

unsigned be16_at(const std::string& b, std::size_t i) {
    return (static_cast<unsigned>(static_cast<unsigned char>(b[i])) << 8) | static_cast<unsigned char>(b[i + 1]);
}

// CRC-32 as PNG defines it (ISO 3309; PNG spec annex D), which is zlib's.
std::uint32_t crc32_of(const std::string& b, std::size_t begin, std::size_t end) {
    return static_cast<std::uint32_t>(crc32_z(0, reinterpret_cast<const Bytef*>(b.data() + begin), end - begin));
}

std::string megapixels(std::uint64_t w, std::uint64_t h) {
    return std::to_string(w) + " x " + std::to_string(h) + " pixels (" + std::to_string((w * h + 500000) / 1000000) +
           " million)";
}

bool check_pixels(const std::string& path, std::uint64_t w, std::uint64_t h, const SourceLoc& loc, DiagnosticSink& sink) {
    if (w * h <= max_image_pixels) return true;
    sink.error(loc, "image " + path + " is " + megapixels(w, h) + "; quire places images of at most " +
                        std::to_string(max_image_pixels / 1000000) + " million pixels: scale it down");
    return false;
}

// Walks the chunks (PNG spec §5.3): every chunk inside the file with its CRC right,
// IHDR first, IDAT and IEND present. Warns where the PDF will differ from the file.
bool check_png(const std::string& b, const std::string& path, const SourceLoc& loc, DiagnosticSink& sink) {
    const std::string damaged = "image " + path + " is a damaged PNG: ";
    std::size_t i = 8;
    bool ihdr = false, idat = false, iend = false, trns = false;
    unsigned depth = 0, colour = 0, interlace = 0;
    std::string cut_chunk;  // the chunk the file ends inside, if its header is there
    while (i < b.size() && !iend) {
        if (i + 8 <= b.size()) cut_chunk = b.substr(i + 4, 4);
        if (i + 12 > b.size()) break;
        const std::uint32_t length = be32_at(b, i);
        if (length > b.size() - i - 12) break;
        cut_chunk.clear();
        const std::string type = b.substr(i + 4, 4);
        if (crc32_of(b, i + 4, i + 8 + length) != be32_at(b, i + 8 + length)) {
            sink.error(loc, damaged + "chunk '" + type + "' at byte " + std::to_string(i) + " fails its checksum");
            return false;
        }
        if (!ihdr) {
            if (type != "IHDR" || length != 13) {
                sink.error(loc, damaged + "it does not start with an IHDR chunk");
                return false;
            }
            ihdr = true;
            const std::uint32_t w = be32_at(b, i + 8), h = be32_at(b, i + 12);
            depth = static_cast<unsigned char>(b[i + 16]);
            colour = static_cast<unsigned char>(b[i + 17]);
            interlace = static_cast<unsigned char>(b[i + 20]);
            if (w == 0 || h == 0 || w > 0x7FFFFFFFu || h > 0x7FFFFFFFu) {
                sink.error(loc, damaged + "its header gives a size of " + std::to_string(w) + " x " + std::to_string(h));
                return false;
            }
            if (!check_pixels(path, w, h, loc, sink)) return false;
        }
        if (type == "IDAT") idat = true;
        if (type == "tRNS") trns = true;
        if (type == "IEND") iend = true;
        i += 12 + length;
    }
    if (!iend || !idat) {
        const std::string name = cut_chunk == "IDAT" ? "image data (IDAT)" : "'" + cut_chunk + "'";
        const std::string where = !cut_chunk.empty() && cut_chunk.find('\0') == std::string::npos
                                      ? "inside its " + name + " chunk"
                                      : std::string("before its ") + (idat ? "IEND" : "image data (IDAT)") + " chunk";
        sink.error(loc, "image " + path + " is truncated: the PNG ends at byte " + std::to_string(b.size()) + " " + where);
        return false;
    }
    (void)interlace;  // Adam7 is decoded by libpng like any other PNG
    if (depth == 16) {
        sink.warning(loc, "image " + path + " has 16 bits per sample; the PDF gets 8, so fine gradients may band");
    }
    if (colour == 4 || colour == 6 || trns) {
        sink.warning(loc, "image " + path +
                              " is partly transparent; it is placed with a soft mask, and its colours over the page "
                              "may print differently from the screen: check it in a proof");
    }
    return true;
}

// Walks the marker segments (ITU T.81 annex B) to the scan, then looks for the
// end-of-image marker a complete file ends with.
bool check_jpeg(const std::string& b, const std::string& path, const SourceLoc& loc, DiagnosticSink& sink) {
    const std::string damaged = "image " + path + " is a damaged JPEG: ";
    std::size_t i = 2;
    bool frame = false, scan = false;
    while (i + 4 <= b.size()) {
        if (static_cast<unsigned char>(b[i]) != 0xFF) {
            sink.error(loc, damaged + "no marker at byte " + std::to_string(i));
            return false;
        }
        const unsigned marker = static_cast<unsigned char>(b[i + 1]);
        if (marker == 0xFF) { ++i; continue; }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { i += 2; continue; }
        if (marker == 0xD9) break;
        const std::size_t length = be16_at(b, i + 2);
        if (length < 2 || i + 2 + length > b.size()) {
            sink.error(loc, "image " + path + " is truncated: a JPEG segment at byte " + std::to_string(i) +
                                " runs past the end of the file (" + std::to_string(b.size()) + " bytes)");
            return false;
        }
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC && length >= 8) {
            frame = true;
            const unsigned h = be16_at(b, i + 5), w = be16_at(b, i + 7);
            if (w == 0 || h == 0) {
                sink.error(loc, damaged + "its frame header gives a size of " + std::to_string(w) + " x " + std::to_string(h));
                return false;
            }
            if (!check_pixels(path, w, h, loc, sink)) return false;
        }
        if (marker == 0xDA) {
            scan = true;
            break;
        }
        i += 2 + length;
    }
    if (!frame || !scan) {
        sink.error(loc, "image " + path + " is truncated or damaged: the JPEG has no " +
                            (frame ? "image data (start of scan)" : "frame header"));
        return false;
    }
    // A complete JPEG ends with FF D9; some writers pad after it.
    std::size_t end = b.size();
    while (end > i && (b[end - 1] == '\0' || b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == ' ')) --end;
    if (end < i + 2 || static_cast<unsigned char>(b[end - 2]) != 0xFF || static_cast<unsigned char>(b[end - 1]) != 0xD9) {
        sink.error(loc, "image " + path + " is truncated: the JPEG has no end-of-image marker (the file was cut short)");
        return false;
    }
    return true;
}

}  // namespace

bool probe_image(const std::string& path, const SourceLoc& loc, DiagnosticSink& sink) {
    std::string bytes;
    if (!read_regular_file(path, max_image_file_bytes, bytes, sink, loc, "image")) return false;
    switch (sniff_image_format(bytes.substr(0, 8))) {
        case ImageFormat::png: return check_png(bytes, path, loc, sink);
        case ImageFormat::jpeg: return check_jpeg(bytes, path, loc, sink);
        case ImageFormat::unknown: break;
    }
    sink.error(loc, "image " + path + " is neither a JPEG nor a PNG file");
    return false;
}

std::optional<ImageSize> read_image_size(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(8, '\0');
    in.read(head.data(), 8);
    if (in.gcount() < 8) return std::nullopt;
    auto be16 = [](const unsigned char* p) { return (p[0] << 8) | p[1]; };
    auto be32 = [](const unsigned char* p) {
        return static_cast<long>((static_cast<unsigned long>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3]);
    };
    switch (sniff_image_format(head)) {
        case ImageFormat::png: {
            unsigned char ihdr[16];  // length(4) "IHDR"(4) width(4) height(4)
            if (!in.read(reinterpret_cast<char*>(ihdr), 16)) return std::nullopt;
            if (std::string(reinterpret_cast<char*>(ihdr + 4), 4) != "IHDR") return std::nullopt;
            long w = be32(ihdr + 8), h = be32(ihdr + 12);
            if (w <= 0 || h <= 0 || w > 1000000 || h > 1000000) return std::nullopt;
            return ImageSize{static_cast<int>(w), static_cast<int>(h)};
        }
        case ImageFormat::jpeg: {
            // Walk the marker segments to the first start-of-frame (SOF0..SOF15 but
            // DHT C4, JPG C8 and DAC CC, which share the range).
            in.seekg(2);
            unsigned char marker[4];
            while (in.read(reinterpret_cast<char*>(marker), 4)) {
                if (marker[0] != 0xFF) return std::nullopt;
                int type = marker[1];
                int length = be16(marker + 2);
                if (length < 2) return std::nullopt;
                if (type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC) {
                    unsigned char sof[5];  // precision(1) height(2) width(2)
                    if (!in.read(reinterpret_cast<char*>(sof), 5)) return std::nullopt;
                    int h = be16(sof + 1), w = be16(sof + 3);
                    if (w <= 0 || h <= 0) return std::nullopt;
                    return ImageSize{w, h};
                }
                in.seekg(length - 2, std::ios::cur);
            }
            return std::nullopt;
        }
        case ImageFormat::unknown: break;
    }
    return std::nullopt;
}

}  // namespace quire::input
