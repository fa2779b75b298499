#include "pdf/image_conversion.hpp"

#include "pdf/document_parts.hpp"

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <jpeglib.h>
#include <lcms2.h>

#include <memory>
#include <optional>

namespace quire::pdf {

namespace {

// libjpeg reports a fatal error by calling error_exit, which must not return: it
// jumps back to decode_jpeg with the message.
struct JpegError {
    jpeg_error_mgr manager;
    std::jmp_buf back;
    char message[JMSG_LENGTH_MAX];
};

void jpeg_fail(j_common_ptr info) {
    auto* error = reinterpret_cast<JpegError*>(info->err);
    (*info->err->format_message)(info, error->message);
    std::longjmp(error->back, 1);
}

// A JPEG's samples as RGB, 8 bits each, row by row; nothing (and `message` says why)
// when libjpeg cannot read it. No C++ object is made between setjmp and the jump
// back but `samples`, which lives on.
std::optional<std::string> decode_jpeg(const std::string& data, std::string& message) {
    jpeg_decompress_struct info{};
    JpegError error{};
    std::string samples;
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = jpeg_fail;
    if (setjmp(error.back) != 0) {
        jpeg_destroy_decompress(&info);
        message = error.message;
        return std::nullopt;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(data.data()), static_cast<unsigned long>(data.size()));
    jpeg_read_header(&info, TRUE);
    info.out_color_space = JCS_RGB;
    jpeg_start_decompress(&info);
    const std::size_t row = static_cast<std::size_t>(info.output_width) * 3;
    samples.resize(row * info.output_height);
    while (info.output_scanline < info.output_height) {
        JSAMPROW line = reinterpret_cast<JSAMPROW>(&samples[row * info.output_scanline]);
        jpeg_read_scanlines(&info, &line, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return samples;
}

// CMYK samples as a JPEG at quality 95 (a photograph converted for the press stays a
// JPEG, about a tenth of its samples deflated). The values are stored inverted, as
// Adobe's CMYK JPEGs are (LoadedImage::inverted_cmyk, drawn with a /Decode that undoes
// it), since libjpeg marks CMYK with Adobe's APP14 and readers take that to mean so.
std::optional<std::string> encode_cmyk_jpeg(std::string cmyk, int width, int height, std::string& message) {
    for (char& c : cmyk) c = static_cast<char>(255 - static_cast<unsigned char>(c));
    jpeg_compress_struct info{};
    JpegError error{};
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = jpeg_fail;
    if (setjmp(error.back) != 0) {
        jpeg_destroy_compress(&info);
        std::free(buffer);
        message = error.message;
        return std::nullopt;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, &buffer, &size);
    info.image_width = static_cast<JDIMENSION>(width);
    info.image_height = static_cast<JDIMENSION>(height);
    info.input_components = 4;
    info.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 95, TRUE);
    jpeg_start_compress(&info, TRUE);
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    while (info.next_scanline < info.image_height) {
        JSAMPROW line = reinterpret_cast<JSAMPROW>(&cmyk[row * info.next_scanline]);
        jpeg_write_scanlines(&info, &line, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    std::string out(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
    return out;
}

using Profile = std::unique_ptr<void, decltype(&cmsCloseProfile)>;

Profile open_profile(const std::string& bytes) {
    return Profile(bytes.empty() ? nullptr
                                 : cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size())),
                   &cmsCloseProfile);
}

}  // namespace

bool convert_to_press(LoadedImage& image, const std::string& press_profile, const std::string& srgb_profile,
                      const std::string& path, DiagnosticSink& diagnostics) {
    if (image.components != 3) return true;
    const SourceLoc loc{path, 0, 0};
    std::string rgb = image.data;
    if (image.encoding == LoadedImage::Encoding::jpeg) {
        std::string message;
        std::optional<std::string> decoded = decode_jpeg(image.data, message);
        if (!decoded) {
            diagnostics.error(loc, "cannot decode the JPEG to convert it for the press: " + message);
            return false;
        }
        rgb = std::move(*decoded);
    }
    const Profile source = open_profile(!image.icc_profile.empty() ? image.icc_profile
                                                                   : read_icc_profile(srgb_profile, "RGB "));
    const Profile press = open_profile(read_icc_profile(press_profile, "CMYK"));
    if (!source || !press) {
        diagnostics.error(loc, "cannot convert the image for the press: " +
                                   std::string(!source ? "its RGB profile" : "the press profile " + press_profile) +
                                   " is not readable");
        return false;
    }
    // As the press colours are converted: relative colorimetric, black-point compensation.
    cmsHTRANSFORM transform = cmsCreateTransform(source.get(), TYPE_RGB_8, press.get(), TYPE_CMYK_8,
                                                 INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION);
    if (transform == nullptr) {
        diagnostics.error(loc, "lcms2 cannot convert this image's colours into the press profile");
        return false;
    }
    const std::size_t pixels = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    if (rgb.size() != pixels * 3) {
        cmsDeleteTransform(transform);
        diagnostics.error(loc, "the image decodes to another size than its header gives: not converted");
        return false;
    }
    std::string cmyk(pixels * 4, '\0');
    cmsDoTransform(transform, rgb.data(), cmyk.data(), static_cast<cmsUInt32Number>(pixels));
    cmsDeleteTransform(transform);
    const bool was_jpeg = image.encoding == LoadedImage::Encoding::jpeg;
    if (was_jpeg) {
        std::string message;
        std::optional<std::string> jpeg = encode_cmyk_jpeg(std::move(cmyk), image.width, image.height, message);
        if (!jpeg) {
            diagnostics.error(loc, "cannot encode the converted image as JPEG: " + message);
            return false;
        }
        image.data = std::move(*jpeg);
    } else {
        image.data = std::move(cmyk);
    }
    image.inverted_cmyk = was_jpeg;
    image.components = 4;
    image.icc_profile.clear();
    return true;
}

}  // namespace quire::pdf
