#pragma once
// `quire verify --flavour x4`: a print file held to the rules of PDF/X-4 (ISO 15930-7:2010)
// that quire's print output could break: the file (version, ID, no encryption), its
// identification and metadata, the output intent, the page boxes, annotations and
// actions, device colour against the output intent, and embedded fonts. Not a full
// PDF/X-4 check: what it does not look at is listed in the README.
//
// Failures are reported under descriptive tags ("X-4 metadata", "X-4 page boxes"...):
// ISO 15930-7's own clause numbers could not be confirmed from a public source.
#include "verify/pdfa_check.hpp"

#include <string>

namespace quire::verify {

Report check_pdfx4(const std::string& path, const Options& options = {});
Report check_pdfx4_bytes(const std::string& bytes, const Options& options = {});

// The tags check_pdfx4 reports under, in check order.
const std::vector<std::string>& pdfx4_tags();

}  // namespace quire::verify
