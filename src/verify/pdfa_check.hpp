#pragma once
// `quire verify`: our own PDF/A-2u conformance check (ISO 19005-2:2011), since
// veraPDF is not packaged for Debian. It reads a PDF twice: its bytes, for the file
// structure rules (header, trailer, cross-reference table, object and stream syntax),
// and through PoDoFo, for the rules on objects (metadata, output intent, fonts,
// annotations, actions, forms). Each failed rule is reported with its clause.
//
// A file that claims more is held to it too: tagged PDF as level A (6.7) and PDF/UA-1
// ask it (tagged_rules.hpp).
//
// `claimed_clauses()` are checked completely enough that every file of the veraPDF
// corpus for them is judged right (tests/verify); other rules this file reports are
// checked for what quire's own output could get wrong, and are not claimed.
#include <string>
#include <vector>

namespace quire::verify {

struct Failure {
    std::string clause;   // "6.1.3"
    std::string message;
};

struct Report {
    bool readable = false;          // false: not a PDF we could read at all
    std::vector<Failure> failures;  // in check order, each rule at most once per object
    // Not empty: the file is a PDF/X print file, not a PDF/A one, and was not checked
    // as PDF/A (Options::detect_print_file); why ("it claims PDF/X-4").
    std::string print_file;
};

struct Options {
    // Also the level U rules (6.2.11.7.2) and pdfaid:conformance U; false checks a
    // PDF/A-2b file.
    bool level_u = true;
    // quire's house rules beyond ISO 19005-2, reported under the nearest clause with
    // "(house rule)": the Info dictionary agrees with the XMP metadata.
    bool house_rules = true;
    // Also the level A rules (6.7, tagged PDF) and pdfaid:conformance A (--flavour 2a).
    bool level_a = false;
    // Also what the file's XMP claims beyond the flavour asked for: level A for
    // pdfaid:conformance A, PDF/UA-1 (ISO 14289-1, "UA 7.x") for pdfuaid:part 1.
    bool claims_from_xmp = true;
    // A print file (it claims PDF/X, or has a GTS_PDFX output intent, and has no PDF/A
    // identification) is not checked as PDF/A but said to be one (Report::print_file):
    // its ~85 PDF/A failures would only hide that it wants `--flavour x4`. Set when no
    // flavour was asked for.
    bool detect_print_file = false;
    // --flavour x4: the PDF/X-4 check (pdfx_check.hpp) instead of PDF/A's.
    bool pdfx4 = false;
};

Report check_pdfa(const std::string& path, const Options& options = {});

// The same check of a file's bytes (an embedded file, 6.8).
Report check_pdfa_bytes(const std::string& bytes, const Options& options = {});

// The clauses whose corpus files the tests hold this check to.
const std::vector<std::string>& claimed_clauses();

}  // namespace quire::verify
