#include "pdf/image_loader.hpp"

#include <lcms2.h>
#include <png.h>
#include <zlib.h>

#include <fstream>
#include <iterator>
#include <map>
#include <memory>

namespace quire::pdf {

namespace {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return data;
}

unsigned be16(const std::string& s, std::size_t i) {
    return (static_cast<unsigned char>(s[i]) << 8) | static_cast<unsigned char>(s[i + 1]);
}

std::uint32_t be32(const std::string& s, std::size_t i) {
    return (std::uint32_t{be16(s, i)} << 16) | be16(s, i + 2);
}

// Keeps a profile only if lcms2 reads it and its colour space has as many
// components as the samples; a wrong one would make readers reject the image.
void check_profile(LoadedImage& image, const std::string& path, DiagnosticSink& diagnostics) {
    if (image.icc_profile.empty()) return;
    std::unique_ptr<void, decltype(&cmsCloseProfile)> profile(
        cmsOpenProfileFromMem(image.icc_profile.data(), static_cast<cmsUInt32Number>(image.icc_profile.size())),
        &cmsCloseProfile);
    int components = 0;
    if (profile) {
        switch (cmsGetColorSpace(profile.get())) {
            case cmsSigGrayData: components = 1; break;
            case cmsSigRgbData: components = 3; break;
            case cmsSigCmykData: components = 4; break;
            default: break;
        }
    }
    if (components != image.components) {
        diagnostics.warning({path, 0, 0}, "embedded ICC profile is unreadable or does not match the image's " +
                                              std::to_string(image.components) + " colour components; ignoring it");
        image.icc_profile.clear();
    }
}

bool is_sof(unsigned marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

std::optional<LoadedImage> load_jpeg(std::string data, const std::string& path, DiagnosticSink& diagnostics) {
    const SourceLoc loc{path, 0, 0};
    LoadedImage image;
    image.encoding = LoadedImage::Encoding::jpeg;
    std::map<int, std::string> icc_chunks;  // APP2 ICC_PROFILE chunks by sequence number
    bool adobe = false;
    std::size_t i = 2;
    while (i + 4 <= data.size()) {
        if (static_cast<unsigned char>(data[i]) != 0xFF) break;
        const unsigned marker = static_cast<unsigned char>(data[i + 1]);
        if (marker == 0xFF) { ++i; continue; }  // fill byte
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { i += 2; continue; }
        if (marker == 0xD9 || marker == 0xDA) break;  // image data follows: headers are done
        const std::size_t length = be16(data, i + 2);
        if (length < 2 || i + 2 + length > data.size()) break;
        const std::string segment = data.substr(i + 4, length - 2);
        if (is_sof(marker) && segment.size() >= 6) {
            if (static_cast<unsigned char>(segment[0]) != 8) {
                diagnostics.error(loc, "JPEG with " + std::to_string(static_cast<unsigned char>(segment[0])) +
                                           "-bit samples; PDF readers need 8-bit JPEGs");
                return std::nullopt;
            }
            image.height = static_cast<int>(be16(segment, 1));
            image.width = static_cast<int>(be16(segment, 3));
            image.components = static_cast<unsigned char>(segment[5]);
        } else if (marker == 0xE2 && segment.size() > 14 && segment.compare(0, 12, std::string("ICC_PROFILE\0", 12)) == 0) {
            icc_chunks[static_cast<unsigned char>(segment[12])] = segment.substr(14);
        } else if (marker == 0xEE && segment.size() >= 12 && segment.compare(0, 5, "Adobe") == 0) {
            adobe = true;
        }
        i += 2 + length;
    }
    if (image.width <= 0 || image.height <= 0 || (image.components != 1 && image.components != 3 && image.components != 4)) {
        diagnostics.error(loc, "not a JPEG this writer can embed (no frame header with 1, 3 or 4 components)");
        return std::nullopt;
    }
    for (const auto& [sequence, chunk] : icc_chunks) image.icc_profile += chunk;
    if (image.components == 4) {
        // Photoshop (the Adobe APP14 marker) writes CMYK inverted; without the marker
        // the values are taken as they are. Either way the colours depend on the press.
        image.inverted_cmyk = adobe;
        diagnostics.warning(loc, std::string("CMYK JPEG embedded as is") +
                                     (adobe ? " (Adobe inverted values, /Decode [1 0 1 0 1 0 1 0])" : "") +
                                     "; check its colours in a proof");
    }
    image.data = std::move(data);
    check_profile(image, path, diagnostics);
    return image;
}

// The iCCP chunk's profile (zlib-compressed after a name and a method byte); empty
// when the PNG has none. libpng's simplified API decodes pixels but not this.
std::string png_icc_profile(const std::string& data) {
    std::size_t i = 8;
    while (i + 12 <= data.size()) {
        const std::uint32_t length = be32(data, i);
        const std::string type = data.substr(i + 4, 4);
        if (i + 12 + length > data.size()) break;
        if (type == "IDAT" || type == "IEND") break;  // iCCP must come before IDAT
        if (type == "iCCP") {
            const std::string chunk = data.substr(i + 8, length);
            const std::size_t name_end = chunk.find('\0');
            if (name_end == std::string::npos || name_end + 2 > chunk.size()) return {};
            const std::string compressed = chunk.substr(name_end + 2);
            std::string out;
            z_stream z{};
            if (inflateInit(&z) != Z_OK) return {};
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
            z.avail_in = static_cast<uInt>(compressed.size());
            char buffer[16384];
            int rc = Z_OK;
            while (rc == Z_OK) {
                z.next_out = reinterpret_cast<Bytef*>(buffer);
                z.avail_out = sizeof buffer;
                rc = inflate(&z, Z_NO_FLUSH);
                out.append(buffer, sizeof buffer - z.avail_out);
                if (out.size() > (64u << 20)) { rc = Z_DATA_ERROR; break; }
            }
            inflateEnd(&z);
            return rc == Z_STREAM_END ? out : std::string();
        }
        i += 12 + length;
    }
    return {};
}

std::optional<LoadedImage> load_png(const std::string& data, const std::string& path, DiagnosticSink& diagnostics) {
    const SourceLoc loc{path, 0, 0};
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, data.data(), data.size())) {
        diagnostics.error(loc, std::string("cannot read PNG: ") + png.message);
        return std::nullopt;
    }
    const bool color = (png.format & PNG_FORMAT_FLAG_COLOR) != 0;
    const bool has_alpha = (png.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    // 8-bit samples, palette expanded; transparency (alpha or tRNS) as an alpha channel.
    png.format = (color ? PNG_FORMAT_FLAG_COLOR : 0) | (has_alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
    const std::size_t channels = PNG_IMAGE_SAMPLE_CHANNELS(png.format);
    std::string pixels(PNG_IMAGE_SIZE(png), '\0');
    if (!png_image_finish_read(&png, nullptr, pixels.data(), 0, nullptr)) {
        diagnostics.error(loc, std::string("cannot decode PNG: ") + png.message);
        png_image_free(&png);
        return std::nullopt;
    }

    LoadedImage image;
    image.encoding = LoadedImage::Encoding::pixels;
    image.width = static_cast<int>(png.width);
    image.height = static_cast<int>(png.height);
    image.components = color ? 3 : 1;
    if (!has_alpha) {
        image.data = std::move(pixels);
    } else {
        const std::size_t count = static_cast<std::size_t>(png.width) * png.height;
        const std::size_t c = static_cast<std::size_t>(image.components);
        image.data.resize(count * c);
        image.alpha.resize(count);
        bool opaque = true;
        for (std::size_t p = 0; p < count; ++p) {
            for (std::size_t k = 0; k < c; ++k) image.data[p * c + k] = pixels[p * channels + k];
            image.alpha[p] = pixels[p * channels + c];
            if (static_cast<unsigned char>(image.alpha[p]) != 255) opaque = false;
        }
        if (opaque) image.alpha.clear();  // an /SMask of all 255 is only weight
    }
    image.icc_profile = png_icc_profile(data);
    check_profile(image, path, diagnostics);
    return image;
}

}  // namespace

std::optional<LoadedImage> load_image(const std::string& path, DiagnosticSink& diagnostics) {
    auto data = read_file(path);
    if (!data) {
        diagnostics.error({path, 0, 0}, "cannot read image file");
        return std::nullopt;
    }
    if (data->size() >= 3 && data->compare(0, 3, "\xFF\xD8\xFF") == 0) return load_jpeg(std::move(*data), path, diagnostics);
    if (data->size() >= 8 && data->compare(0, 8, "\x89PNG\r\n\x1A\n") == 0) return load_png(*data, path, diagnostics);
    diagnostics.error({path, 0, 0}, "image is neither JPEG nor PNG");
    return std::nullopt;
}

}  // namespace quire::pdf
