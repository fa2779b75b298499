#pragma once
// How the PDF is written: dates, image resolution warnings, print or archive output.
#include "core/diagnostics.hpp"
#include "core/search_path.hpp"
#include "core/stage_clock.hpp"
#include "pdf/press_intent.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace quire::pdf {

// Where the sRGB profile of PDF/A's output intent is looked for, at run time:
// QUIRE_SRGB_PROFILE's files (colon-separated), then where Debian's packages put one:
// icc-profiles-free, colord, Ghostscript (libgs-common), TeX Live (texlive-base).
SearchPath srgb_profile_search_path();

// Where the CMYK profile assumed for untagged CMYK images is looked for:
// QUIRE_CMYK_PROFILE's files (colon-separated), then Ghostscript's (libgs-common).
SearchPath cmyk_image_profile_search_path();

struct PdfOptions {
    // The document's creation and modification date, seconds since 1970-01-01 UTC.
    // When unset: SOURCE_DATE_EPOCH if `use_source_date_epoch` and the environment
    // has it, else DisplayList::info.date, else no dates at all (never the clock).
    std::optional<std::int64_t> date_epoch;
    bool use_source_date_epoch = true;

    // Images placed at a lower effective resolution draw a warning.
    double min_image_dpi = 200;

    // Print output (quire build --print): a CMYK OutputIntent for the press.
    std::optional<PressIntent> press_intent;
    // ...and RGB images converted into its profile's CMYK (--convert-images) rather
    // than tagged as sRGB for the printer's RIP to convert.
    bool convert_images = false;

    // PDF/A-2u (ISO 19005-2, level U), the archive format, unless false (`--draft`):
    // XMP pdfaid, an sRGB OutputIntent, a transparency group on pages with soft masks,
    // .notdef glyphs left out, untagged CMYK images given `cmyk_image_profile`, and
    // errors for what PDF/A cannot hold (CMYK colours).
    bool pdfa = true;
    // The OutputIntent's profile: an RGB ICC profile file (sRGB); "" when none was
    // found (PDF/A output is then an error that says where quire looked).
    std::string output_intent_profile = first_file(srgb_profile_search_path());
    // The profile assumed for CMYK images that carry none (PDF/A has no room for
    // DeviceCMYK beside an sRGB intent): QUIRE_CMYK_PROFILE's, else Ghostscript's
    // default CMYK profile; "" when none was found.
    std::string cmyk_image_profile = first_file(cmyk_image_profile_search_path());

    // Threads that deflate pages beside the writer (`--jobs`); 0: the writer deflates
    // them itself; unset: one fewer than the machine has (default_deflate_workers).
    std::optional<std::size_t> deflate_workers;

    // `--timings`: writing is charged to PDF writing, subsetting to font subsetting.
    StageClock* timings = nullptr;
};

// SOURCE_DATE_EPOCH (reproducible-builds.org): nothing when unset; a warning and
// nothing when it is not a plain non-negative integer.
std::optional<std::int64_t> source_date_epoch(DiagnosticSink& diagnostics);

}  // namespace quire::pdf
