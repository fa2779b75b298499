#pragma once
// Small helpers for building PDF objects with PoDoFo 0.9.8 so that every number and
// stream is written the same way everywhere.
#include <podofo/podofo.h>

#include <string_view>

namespace quire::pdf {

// An integer when `value` is one, else a real rounded to 4 decimals: PoDoFo's own real
// formatting is fixed-precision and would turn 600 into 600.000000.
PoDoFo::PdfObject number(double value);

// Replaces the stream data of `object`, Flate-compressed by libdeflate at
// deflate_level (deterministic for a fixed level), and sets its /Filter.
void set_flate_stream(PoDoFo::PdfObject& object, std::string_view data);

// Stream data stored as is, with no /Filter (XMP must stay readable in the file).
void set_plain_stream(PoDoFo::PdfObject& object, std::string_view data);

// Stream data already encoded (e.g. a JPEG for DCTDecode); the caller sets /Filter.
void set_raw_stream(PoDoFo::PdfObject& object, std::string_view data);

}  // namespace quire::pdf
