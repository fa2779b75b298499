#include "pdf/image_xobject.hpp"

#include "pdf/pdf_objects.hpp"

namespace quire::pdf {

using namespace PoDoFo;

namespace {

const char* device_space(int components) {
    switch (components) {
        case 1: return "DeviceGray";
        case 4: return "DeviceCMYK";
        default: return "DeviceRGB";
    }
}

void add_image_keys(PdfDictionary& d, int width, int height) {
    d.AddKey("Subtype", PdfName("Image"));
    d.AddKey("Width", PdfVariant(static_cast<pdf_int64>(width)));
    d.AddKey("Height", PdfVariant(static_cast<pdf_int64>(height)));
    d.AddKey("BitsPerComponent", PdfVariant(static_cast<pdf_int64>(8)));
}

}  // namespace

PdfReference embed_image(PdfVecObjects& objects, const LoadedImage& image) {
    PdfObject* xobject = objects.CreateObject("XObject");
    PdfDictionary& d = xobject->GetDictionary();
    add_image_keys(d, image.width, image.height);

    if (!image.icc_profile.empty()) {
        PdfObject* profile = objects.CreateObject();
        profile->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(image.components)));
        profile->GetDictionary().AddKey("Alternate", PdfName(device_space(image.components)));
        set_flate_stream(*profile, image.icc_profile);
        PdfArray space;
        space.push_back(PdfName("ICCBased"));
        space.push_back(profile->Reference());
        d.AddKey("ColorSpace", space);
    } else {
        d.AddKey("ColorSpace", PdfName(device_space(image.components)));
    }

    if (image.encoding == LoadedImage::Encoding::jpeg) {
        d.AddKey("Filter", PdfName("DCTDecode"));
        if (image.inverted_cmyk) {
            PdfArray decode;
            for (int i = 0; i < 4; ++i) {
                decode.push_back(PdfVariant(static_cast<pdf_int64>(1)));
                decode.push_back(PdfVariant(static_cast<pdf_int64>(0)));
            }
            d.AddKey("Decode", decode);
        }
        set_raw_stream(*xobject, image.data);
    } else {
        set_flate_stream(*xobject, image.data);
    }

    if (!image.alpha.empty()) {
        PdfObject* mask = objects.CreateObject("XObject");
        add_image_keys(mask->GetDictionary(), image.width, image.height);
        mask->GetDictionary().AddKey("ColorSpace", PdfName("DeviceGray"));
        set_flate_stream(*mask, image.alpha);
        d.AddKey("SMask", mask->Reference());
    }
    return xobject->Reference();
}

}  // namespace quire::pdf
