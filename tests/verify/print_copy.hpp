#pragma once
// quire's print output (`quire build --print`) made into a PDF/X-4 file for the tests of
// `quire verify --flavour x4`: what the print writer does not write yet is added with
// PoDoFo, and what it writes already is kept, so the tests hold as the writer grows into
// PDF/X-4 (then this fix-up has less and less to do, and can go).
#include "tagged_copy.hpp"

#include <string>
#include <vector>

namespace quire::test {

// The sample issue's print file as quire writes it, built once per test program.
const std::string& sample_print_pdf();

// The print file made a PDF/X-4 one, in place: PDF 1.6; Info /GTS_PDFXVersion (PDF/X-4)
// and /Trapped /False; in the XMP pdfxid:GTS_PDFXVersion, the xmpMM identifiers,
// xmp:MetadataDate and pdf:Trapped; the intent's OutputConditionIdentifier and
// RegistryName; no annotations; the Info /ModDate PoDoFo stamps on loading put back; DeviceRGB images given an sRGB profile (the archive
// PDF's). Each only where the file lacks it.
void make_pdfx4(TaggedCopy& copy);

// The copy written again and checked as PDF/X-4.
std::vector<verify::Failure> verify_x4(TaggedCopy& copy, const verify::Options& options = {});

// A PDF/X-4 copy of the sample's print file changed by `change`, checked as PDF/X-4.
std::vector<verify::Failure> x4_changed(const std::function<void(TaggedCopy&)>& change);

// The Info dictionary of a copy.
PoDoFo::PdfDictionary& info(TaggedCopy& copy);

// The copy's GTS_PDFX output intent.
PoDoFo::PdfDictionary& pdfx_intent(TaggedCopy& copy);

}  // namespace quire::test
