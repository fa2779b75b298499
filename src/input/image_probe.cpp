#include "input/image_probe.hpp"

#include "input/file_limits.hpp"

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

bool probe_image(const std::string& path, const SourceLoc& loc, DiagnosticSink& sink) {
    if (!check_regular_file(path, max_image_file_bytes, sink, loc, "image")) return false;
    std::ifstream in(path, std::ios::binary);
    std::string head(8, '\0');
    in.read(head.data(), 8);
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (sniff_image_format(head) == ImageFormat::unknown) {
        sink.error(loc, "image " + path + " is neither a JPEG nor a PNG file");
        return false;
    }
    return true;
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
