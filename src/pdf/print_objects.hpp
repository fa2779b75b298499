#pragma once
// The PDF objects only print output has: the registration colour space of printer's
// marks and the press OutputIntent. Called by pdf_writer.cpp when the display list or
// the options ask for them; the archive output never does.
#include "core/diagnostics.hpp"
#include "pdf/content_hash.hpp"
#include "pdf/press_intent.hpp"
#include "render/display_list.hpp"

#include <podofo/podofo.h>

namespace quire::pdf {

// Whether anything on the page is drawn in registration colour.
bool uses_registration(const render::Page& page);

// [/Separation /All /DeviceCMYK <tint -> C=M=Y=K=tint>] (ISO 32000-1 §8.6.6.4: /All
// paints every separation, the colour of crop and registration marks).
PoDoFo::PdfArray separation_all();

// Embeds the profile and appends an OutputIntent with /S /GTS_PDFX to the catalog's
// /OutputIntents (created when absent). Reports and returns false when the file is
// not a readable CMYK ICC profile.
bool add_press_intent(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfDictionary& catalog, const PressIntent& intent,
                      ContentHash& id_hash, DiagnosticSink& diagnostics);

}  // namespace quire::pdf
