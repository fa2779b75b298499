#include "pdf/pdf_objects.hpp"

#include "pdf/number_format.hpp"
#include "pdf/stream_deflater.hpp"

#include <cmath>

namespace quire::pdf {

using namespace PoDoFo;

PdfObject number(double value) {
    const double rounded = round_to_decimals(value, 4);
    if (rounded == std::floor(rounded) && std::fabs(rounded) < 1e15) {
        return PdfObject(PdfVariant(static_cast<pdf_int64>(rounded)));
    }
    return PdfObject(PdfVariant(rounded));
}

void set_flate_stream(PdfObject& object, std::string_view data) {
    object.GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
    set_raw_stream(object, deflate_bytes(data));
}

void set_plain_stream(PdfObject& object, std::string_view data) {
    TVecFilters none;
    object.GetStream()->Set(data.data(), static_cast<pdf_long>(data.size()), none);
}

void set_raw_stream(PdfObject& object, std::string_view data) {
    PdfMemoryInputStream input(data.data(), static_cast<pdf_long>(data.size()));
    object.GetStream()->SetRawData(&input, static_cast<pdf_long>(data.size()));
}

}  // namespace quire::pdf
