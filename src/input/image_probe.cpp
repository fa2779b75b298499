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

}  // namespace quire::input
