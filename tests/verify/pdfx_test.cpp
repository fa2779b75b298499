// `quire verify --flavour x4`: quire's print output made a PDF/X-4 file (print_copy.hpp)
// passes, and broken one rule at a time fails under the rule's tag; a print file checked
// without a flavour is said to be one, in one line.
#include "print_copy.hpp"

#include "sample_pdf.hpp"
#include "tool_run.hpp"
#include "verify/pdfx_check.hpp"
#include "verify/verify_command.hpp"

#include <catch2/catch.hpp>
#include <podofo/podofo.h>

#include <algorithm>
#include <sstream>

using namespace quire;
using namespace quire::test;
using namespace PoDoFo;

namespace {

PdfArray rect(double a, double b, double c, double d) {
    PdfArray r;
    for (double v : {a, b, c, d}) r.push_back(PdfVariant(v));
    return r;
}

// Page 1 with an annotation of `subtype` at `r` (and `entries`).
void add_annotation(TaggedCopy& t, const char* subtype, const PdfArray& r,
                    const std::function<void(PdfDictionary&)>& entries = [](PdfDictionary&) {}) {
    PdfObject* annot = t.doc.GetObjects().CreateObject("Annot");
    annot->GetDictionary().AddKey("Subtype", PdfName(subtype));
    annot->GetDictionary().AddKey("Rect", r);
    entries(annot->GetDictionary());
    PdfArray annots;
    annots.push_back(annot->Reference());
    t.page(0)->GetDictionary().AddKey("Annots", annots);
}

// The first image XObject whose colour space is an array (an ICC profile's, an RGB
// image's once the print file is made PDF/X-4).
PdfObject* first_icc_image(TaggedCopy& t) {
    for (PdfObject* o : t.doc.GetObjects()) {
        if (!o || !o->IsDictionary()) continue;
        const PdfObject* subtype = o->GetDictionary().GetKey("Subtype");
        const PdfObject* cs = o->GetDictionary().GetKey("ColorSpace");
        if (subtype && subtype->IsName() && subtype->GetName() == "Image" && cs && cs->IsArray()) return o;
    }
    FAIL("no image with an ICCBased colour space");
    return nullptr;
}

std::string info_date(TaggedCopy& t, const char* key) { return info(t).GetKey(key)->GetString().GetStringUtf8(); }

// The copy's bytes with `from` replaced by `to` (the same length: the xref still holds).
std::string rewritten(TaggedCopy& t, const std::string& from, const std::string& to) {
    std::string bytes = read_bytes(t.write());
    const std::size_t at = bytes.rfind(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(from.size() == to.size());
    bytes.replace(at, from.size(), to);
    return bytes;
}

}  // namespace

TEST_CASE("quire's print output made PDF/X-4 passes --flavour x4", "[verify][pdfx]") {
    TaggedCopy t(sample_print_pdf());
    make_pdfx4(t);
    const auto failures = verify_x4(t);
    for (const auto& f : failures) UNSCOPED_INFO(f.clause << ": " << f.message);
    CHECK(failures.empty());
}

TEST_CASE("a print file checked without a flavour is said to be one, in one line", "[verify][pdfx]") {
    SECTION("as quire writes it (a GTS_PDFX intent, no PDF/A identification)") {
        const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " verify " + quoted(sample_print_pdf()));
        CHECK(r.exit_code == 1);
        // Why it is one is "its output intent is /GTS_PDFX ..." until the writer claims PDF/X-4.
        const std::string head = sample_print_pdf() + ": error: this is a PDF/X print file (";
        const std::string tail = "), not PDF/A: check it with --flavour x4\n";
        INFO(r.out);
        CHECK(r.out.rfind(head, 0) == 0);
        CHECK(r.out.size() > head.size() + tail.size());
        CHECK(r.out.compare(r.out.size() - tail.size(), tail.size(), tail) == 0);
        CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    }
    SECTION("claiming PDF/X-4") {
        TaggedCopy t(sample_print_pdf());
        make_pdfx4(t);
        const std::string path = t.write();
        verify::Options options;
        options.detect_print_file = true;
        std::ostringstream out, err;
        CHECK(verify::verify_command({path}, options, out, err) == 1);
        CHECK(out.str() == path + ": error: this is a PDF/X print file (it claims PDF/X-4), not PDF/A: check it with --flavour x4\n");
        const ToolResult x4 = run_tool(quoted(QUIRE_BINARY) + " verify --flavour x4 " + quoted(path));
        INFO(x4.out);
        CHECK(x4.exit_code == 0);
    }
    SECTION("a PDF/A file is checked as PDF/A, with or without a flavour") {
        verify::Options options;
        options.detect_print_file = true;
        const auto report = verify::check_pdfa(sample_pdf(), options);
        CHECK(report.print_file.empty());
        CHECK(report.failures.empty());
    }
    SECTION("a print file asked for as PDF/A is checked as PDF/A") {
        const ToolResult r = run_tool(quoted(QUIRE_BINARY) + " verify --flavour 2b " + quoted(sample_print_pdf()));
        CHECK(r.exit_code == 1);
        CHECK(r.out.find("clause 6.6.4") != std::string::npos);
    }
}

TEST_CASE("PDF/X-4: the file", "[verify][pdfx]") {
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.doc.SetPdfVersion(ePdfVersion_1_7); }), "X-4 file", "not 1.6 or lower"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.catalog()->GetDictionary().AddKey("Version", PdfName("1.7")); }), "X-4 file",
                      "/Version is 1.7"));
    TaggedCopy t(sample_print_pdf());
    make_pdfx4(t);
    const std::string bytes = rewritten(t, "/ID ", "/XD ");
    CHECK(fails_under(verify::check_pdfx4_bytes(bytes).failures, "X-4 file", "no /ID"));
}

TEST_CASE("PDF/X-4: Info", "[verify][pdfx]") {
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).AddKey("Trapped", PdfName("Unknown")); }), "X-4 metadata",
                      "/Trapped is /Unknown"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).RemoveKey("Trapped"); }), "X-4 metadata", "/Trapped is missing"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).RemoveKey("Title"); }), "X-4 metadata", "no /Title"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).RemoveKey("ModDate"); }), "X-4 metadata", "no /ModDate"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).AddKey("GTS_PDFXVersion", PdfString("PDF/X-3:2003")); }), "X-4 metadata",
                      "/GTS_PDFXVersion is \"PDF/X-3:2003\""));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).RemoveKey("GTS_PDFXVersion"); }), "X-4 metadata",
                      "(house rule) the Info dictionary has no /GTS_PDFXVersion"));
    // --iso-only: ISO 15930-7 identifies the file in its XMP; the Info key is quire's rule.
    TaggedCopy t(sample_print_pdf());
    make_pdfx4(t);
    info(t).RemoveKey("GTS_PDFXVersion");
    verify::Options iso_only;
    iso_only.house_rules = false;
    CHECK(verify_x4(t, iso_only).empty());
}

TEST_CASE("PDF/X-4: XMP", "[verify][pdfx]") {
    auto without = [](const std::string& property) {
        return x4_changed([&](TaggedCopy& t) {
            t.edit_xmp([&](std::string& xmp) {
                const std::size_t from = xmp.find("<" + property + ">");
                REQUIRE(from != std::string::npos);
                const std::string end = "</" + property + ">";
                xmp.erase(from, xmp.find(end, from) + end.size() - from);
            });
        });
    };
    CHECK(fails_under(without("pdfxid:GTS_PDFXVersion"), "X-4 metadata", "does not identify the file as PDF/X-4"));
    for (const char* property : {"xmpMM:DocumentID", "xmpMM:VersionID", "xmpMM:RenditionClass", "xmp:MetadataDate", "xmp:CreateDate",
                                 "xmp:ModifyDate", "dc:title"}) {
        INFO(property);
        CHECK(fails_under(without(property), "X-4 metadata", std::string("the XMP metadata has no ") + property));
    }
    CHECK(fails_under(without("pdf:Trapped"), "X-4 metadata", "pdf:Trapped is missing"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.catalog()->GetDictionary().RemoveKey("Metadata"); }), "X-4 metadata",
                      "no XMP metadata stream"));
}

TEST_CASE("PDF/X-4: Info and XMP agree", "[verify][pdfx]") {
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).AddKey("Trapped", PdfName("True")); }), "X-4 metadata",
                      "/Trapped does not agree with the XMP's pdf:Trapped"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).AddKey("CreationDate", PdfString("D:20250301120000Z")); }), "X-4 metadata",
                      "/CreationDate does not agree"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).AddKey("ModDate", PdfString("D:20250301120000Z")); }), "X-4 metadata",
                      "/ModDate does not agree"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { info(t).AddKey("Title", PdfString("Another title")); }), "X-4 metadata",
                      "/Title does not agree"));
    // The same instant in another zone agrees.
    const auto same = x4_changed([](TaggedCopy& t) {
        REQUIRE(info_date(t, "CreationDate") == "D:19700101000000Z");
        info(t).AddKey("CreationDate", PdfString("D:19700101010000+01'00'"));
    });
    CHECK_FALSE(fails_under(same, "X-4 metadata"));
}

TEST_CASE("PDF/X-4: the output intent", "[verify][pdfx]") {
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.catalog()->GetDictionary().RemoveKey("OutputIntents"); }), "X-4 output intent",
                      "no GTS_PDFX output intent"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) {
                          PdfObject* intents = t.resolve(t.catalog()->GetDictionary().GetKey("OutputIntents"));
                          intents->GetArray().push_back(PdfObject(pdfx_intent(t)));
                      }),
                      "X-4 output intent", "2 GTS_PDFX output intents"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { pdfx_intent(t).RemoveKey("OutputConditionIdentifier"); }), "X-4 output intent",
                      "no OutputConditionIdentifier"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) {
                          pdfx_intent(t).AddKey("OutputConditionIdentifier", PdfString("FOGRA39"));
                          pdfx_intent(t).RemoveKey("RegistryName");
                      }),
                      "X-4 output intent", "no RegistryName"));
    CHECK_FALSE(fails_under(x4_changed([](TaggedCopy& t) {
                                pdfx_intent(t).AddKey("OutputConditionIdentifier", PdfString("Our press, 2025"));
                                pdfx_intent(t).RemoveKey("RegistryName");
                            }),
                            "X-4 output intent"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { pdfx_intent(t).AddKey("DestOutputProfileRef", PdfDictionary()); }),
                      "X-4 output intent", "DestOutputProfileRef"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { pdfx_intent(t).RemoveKey("DestOutputProfile"); }), "X-4 output intent",
                      "no embedded DestOutputProfile"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) {
                          PdfObject* profile = t.resolve(pdfx_intent(t).GetKey("DestOutputProfile"));
                          char* buffer = nullptr;
                          pdf_long length = 0;
                          profile->GetStream()->GetFilteredCopy(&buffer, &length);
                          std::string data(buffer, static_cast<std::size_t>(length));
                          podofo_free(buffer);
                          data.replace(12, 4, "mntr");
                          profile->GetStream()->Set(data.data(), static_cast<pdf_long>(data.size()));
                      }),
                      "X-4 output intent", "'mntr' profile"));
}

TEST_CASE("PDF/X-4: page boxes", "[verify][pdfx]") {
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.page(0)->GetDictionary().RemoveKey("TrimBox"); }), "X-4 page boxes",
                      "page 1 has neither a TrimBox nor an ArtBox"));
    CHECK_FALSE(fails_under(x4_changed([](TaggedCopy& t) {
                                PdfDictionary& page = t.page(0)->GetDictionary();
                                page.AddKey("ArtBox", *page.GetKey("TrimBox"));
                                page.RemoveKey("TrimBox");
                            }),
                            "X-4 page boxes"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.page(0)->GetDictionary().AddKey("ArtBox", *t.page(0)->GetDictionary().GetKey("TrimBox")); }),
                      "X-4 page boxes", "both a TrimBox and an ArtBox"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.page(0)->GetDictionary().AddKey("BleedBox", rect(-10, -10, 700, 950)); }),
                      "X-4 page boxes", "BleedBox is not within its MediaBox"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.page(1)->GetDictionary().AddKey("TrimBox", rect(20, 20, 660, 900)); }),
                      "X-4 page boxes", "page 2's TrimBox is not within its BleedBox"));
}

TEST_CASE("PDF/X-4: annotations and actions", "[verify][pdfx]") {
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { add_annotation(t, "Text", rect(100, 100, 120, 120)); }), "X-4 annotations",
                      "page 1: a Text annotation stands within the BleedBox"));
    // Beyond the bleed (among the crop marks) an annotation harms nothing.
    CHECK_FALSE(fails_under(x4_changed([](TaggedCopy& t) { add_annotation(t, "Text", rect(2, 2, 20, 20)); }), "X-4 annotations"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { add_annotation(t, "PrinterMark", rect(100, 100, 120, 120)); }), "X-4 annotations",
                      "a PrinterMark annotation stands within the TrimBox"));
    // A printer's mark in the bleed, outside the trim, is what they are for.
    CHECK_FALSE(fails_under(x4_changed([](TaggedCopy& t) { add_annotation(t, "PrinterMark", rect(36, 36, 40, 40)); }), "X-4 annotations"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) {
                          add_annotation(t, "Link", rect(2, 2, 20, 20), [](PdfDictionary& d) {
                              PdfDictionary action;
                              action.AddKey("S", PdfName("URI"));
                              action.AddKey("URI", PdfString("https://example.org"));
                              d.AddKey("A", action);
                          });
                      }),
                      "X-4 actions", "a Link annotation has an action"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) {
                          PdfDictionary js;
                          js.AddKey("S", PdfName("JavaScript"));
                          js.AddKey("JS", PdfString("app.alert(1)"));
                          t.catalog()->GetDictionary().AddKey("OpenAction", js);
                      }),
                      "X-4 actions", "/OpenAction is a JavaScript action"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.page(0)->GetDictionary().AddKey("AA", PdfDictionary()); }), "X-4 actions",
                      "page 1 has additional actions"));
}

TEST_CASE("PDF/X-4: device colour against a CMYK intent", "[verify][pdfx]") {
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.append_content(0, "q 1 0 0 rg 0 0 1 1 re f Q\n"); }), "X-4 colour",
                      "page 1's content (rg) uses DeviceRGB"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.append_content(0, "q /DeviceRGB CS 0 0 1 SC 0 0 m 1 1 l S Q\n"); }), "X-4 colour",
                      "page 1's content (CS) uses DeviceRGB"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) { t.append_content(0, "q 1 0 0 1 0 0 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID abc EI Q\n"); }),
                      "X-4 colour", "page 1: an inline image uses DeviceRGB"));
    // Grey and CMYK are the press's own.
    CHECK(x4_changed([](TaggedCopy& t) { t.append_content(0, "q 0.5 g 0 0 1 0 k 0 0 1 1 re f Q\n"); }).empty());
    CHECK(fails_under(x4_changed([](TaggedCopy& t) {
                          PdfObject* image = first_icc_image(t);
                          image->GetDictionary().AddKey("ColorSpace", PdfName("DeviceRGB"));
                      }),
                      "X-4 colour", "uses DeviceRGB, but the output intent is CMYK"));
    CHECK(fails_under(x4_changed([](TaggedCopy& t) {
                          PdfDictionary group;
                          group.AddKey("S", PdfName("Transparency"));
                          group.AddKey("CS", PdfName("DeviceRGB"));
                          t.page(0)->GetDictionary().AddKey("Group", group);
                      }),
                      "X-4 colour", "page 1's transparency group uses DeviceRGB"));
}

TEST_CASE("PDF/X-4: fonts embedded", "[verify][pdfx]") {
    const auto failures = x4_changed([](TaggedCopy& t) {
        for (PdfObject* o : t.doc.GetObjects()) {
            if (!o || !o->IsDictionary()) continue;
            for (const char* key : {"FontFile", "FontFile2", "FontFile3"}) o->GetDictionary().RemoveKey(key);
        }
    });
    CHECK(fails_under(failures, "X-4 fonts", "which is not embedded"));
}
