// quire's own PDF/A output broken one rule at a time (the object changed with PoDoFo,
// the file written again as quire writes it), each copy checked by `quire verify`:
// the untouched copy passes, each broken one fails under the rule's clause.
#include "verify/pdfa_check.hpp"

#include "sample_pdf.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>
#include <podofo/podofo.h>

#include <algorithm>
#include <functional>

using namespace quire;
using namespace quire::test;
using namespace PoDoFo;

namespace {

// The first object of the sample whose dictionary has /Subtype `subtype`.
PdfObject* first_of(PdfMemDocument& doc, const char* subtype) {
    for (PdfObject* o : doc.GetObjects()) {
        if (o && o->IsDictionary() && o->GetDictionary().HasKey("Subtype") &&
            o->GetDictionary().GetKey("Subtype")->IsName() && o->GetDictionary().GetKey("Subtype")->GetName() == subtype) {
            return o;
        }
    }
    FAIL("no object of subtype " << subtype);
    return nullptr;
}

// The first page's resources dictionary.
PdfDictionary& page_resources(PdfMemDocument& doc) {
    return doc.GetPage(0)->GetResources()->GetDictionary();
}

// A graphics state named /GSx in the first page's resources, with `entries`.
void add_graphics_state(PdfMemDocument& doc, const std::function<void(PdfDictionary&)>& entries) {
    PdfObject* state = doc.GetObjects().CreateObject("ExtGState");
    entries(state->GetDictionary());
    PdfDictionary states;
    states.AddKey("GSx", state->Reference());
    page_resources(doc).AddKey("ExtGState", states);
}

// A form XObject named /Fx in the first page's resources, with `entries` and `content`.
void add_form(PdfMemDocument& doc, const std::function<void(PdfDictionary&)>& entries, const std::string& content = "") {
    PdfObject* form = doc.GetObjects().CreateObject("XObject");
    form->GetDictionary().AddKey("Subtype", PdfName("Form"));
    PdfArray box;
    for (int v : {0, 0, 10, 10}) box.push_back(PdfVariant(static_cast<pdf_int64>(v)));
    form->GetDictionary().AddKey("BBox", box);
    form->GetStream()->Set(content.c_str());
    entries(form->GetDictionary());
    PdfObject* xobjects = page_resources(doc).GetKey("XObject");
    if (xobjects == nullptr) {
        page_resources(doc).AddKey("XObject", PdfDictionary());
        xobjects = page_resources(doc).GetKey("XObject");
    }
    xobjects->GetDictionary().AddKey("Fx", form->Reference());
}

// The sample changed by `change`, written again, and what quire verify says of it.
std::vector<verify::Failure> verify_changed(const std::function<void(PdfMemDocument&)>& change) {
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
    PdfMemDocument doc;
    doc.Load(sample_pdf().c_str());
    doc.SetWriteMode(ePdfWriteMode_Clean);  // as quire writes PDF/A
    change(doc);
    static ScratchDir dir;
    static int n = 0;
    const std::string out = dir.file("broken-" + std::to_string(++n) + ".pdf");
    doc.Write(out.c_str());
    return verify::check_pdfa(out, {}).failures;
}

bool fails_under(const std::vector<verify::Failure>& failures, const std::string& clause) {
    for (const verify::Failure& f : failures) UNSCOPED_INFO(f.clause << ": " << f.message);
    return std::any_of(failures.begin(), failures.end(), [&](const verify::Failure& f) { return f.clause == clause; });
}

}  // namespace

TEST_CASE("quire's output written again untouched still passes", "[verify][broken]") {
    const auto failures = verify_changed([](PdfMemDocument&) {});
    for (const verify::Failure& f : failures) UNSCOPED_INFO(f.clause << ": " << f.message);
    CHECK(failures.empty());
}

TEST_CASE("an image broken against 6.2.8.1 is refused", "[verify][broken]") {
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) { first_of(d, "Image")->GetDictionary().AddKey("Interpolate", true); }),
                      "6.2.8.1"));
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) { first_of(d, "Image")->GetDictionary().AddKey("Alternates", PdfArray()); }),
                      "6.2.8.1"));
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) { first_of(d, "Image")->GetDictionary().AddKey("OPI", PdfDictionary()); }),
                      "6.2.8.1"));
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) { first_of(d, "Image")->GetDictionary().AddKey("Intent", PdfName("Custom")); }),
                      "6.2.8.1"));
    // Interpolate false is allowed.
    CHECK(verify_changed([](PdfMemDocument& d) { first_of(d, "Image")->GetDictionary().AddKey("Interpolate", false); }).empty());
}

TEST_CASE("a graphics state broken against 6.2.5 is refused", "[verify][broken]") {
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) {
                          add_graphics_state(d, [](PdfDictionary& gs) { gs.AddKey("TR", PdfName("Identity")); });
                      }),
                      "6.2.5"));
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) {
                          add_graphics_state(d, [](PdfDictionary& gs) { gs.AddKey("RI", PdfName("Custom")); });
                      }),
                      "6.2.5"));
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) {
                          add_graphics_state(d, [](PdfDictionary& gs) {
                              PdfDictionary ht;
                              ht.AddKey("Type", PdfName("Halftone"));
                              ht.AddKey("HalftoneType", static_cast<pdf_int64>(6));
                              gs.AddKey("HT", ht);
                          });
                      }),
                      "6.2.5"));
    // TR2 /Default and a standard intent are allowed.
    CHECK(verify_changed([](PdfMemDocument& d) {
              add_graphics_state(d, [](PdfDictionary& gs) {
                  gs.AddKey("TR2", PdfName("Default"));
                  gs.AddKey("RI", PdfName("Perceptual"));
              });
          }).empty());
}

TEST_CASE("XObjects broken against 6.2.9 are refused, a form whose font is /F is not", "[verify][broken]") {
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) { add_form(d, [](PdfDictionary& f) { f.AddKey("PS", PdfName("x")); }); }),
                      "6.2.9.1"));
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) { add_form(d, [](PdfDictionary& f) { f.AddKey("Ref", PdfDictionary()); }); }),
                      "6.2.9.2"));
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) {
                          add_form(d, [](PdfDictionary& f) { f.AddKey("Subtype", PdfName("PS")); });
                      }),
                      "6.2.9.3"));
    // A form whose resources name a font /F: no external file (6.1.7.1), nothing wrong.
    CHECK(verify_changed([](PdfMemDocument& d) {
              add_form(d, [&](PdfDictionary& f) {
                  PdfDictionary fonts, resources;
                  fonts.AddKey("F", first_of(d, "Type0")->Reference());
                  resources.AddKey("Font", fonts);
                  f.AddKey("Resources", resources);
              });
          }).empty());
}

TEST_CASE("an LZW-compressed stream is refused (6.1.7.2)", "[verify][broken]") {
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) { add_form(d, [](PdfDictionary& f) { f.AddKey("Filter", PdfName("LZWDecode")); }); }),
                      "6.1.7.2"));
}

TEST_CASE("numbers, names and nesting past the implementation limits are refused (6.1.13)", "[verify][broken]") {
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) {
                          d.GetCatalog()->GetDictionary().AddKey("QuireTest", static_cast<pdf_int64>(3000000000LL));
                      }),
                      "6.1.13"));
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) {
                          d.GetCatalog()->GetDictionary().AddKey(PdfName(std::string(130, 'N')), true);
                      }),
                      "6.1.13"));
    // Graphics states saved `depth` deep and restored.
    auto nested = [](int depth) {
        std::string content;
        for (int i = 0; i < depth; ++i) content += "q ";
        for (int i = 0; i < depth; ++i) content += "Q ";
        return content;
    };
    CHECK(fails_under(verify_changed([&](PdfMemDocument& d) { add_form(d, [](PdfDictionary&) {}, nested(30)); }), "6.1.13"));
    // 28 deep and a 127-byte name are within the limits.
    CHECK(verify_changed([&](PdfMemDocument& d) {
              d.GetCatalog()->GetDictionary().AddKey(PdfName(std::string(127, 'N')), true);
              add_form(d, [](PdfDictionary&) {}, nested(28));
          }).empty());
}

TEST_CASE("a blend mode ISO 32000-1 does not define is refused (6.2.10)", "[verify][broken]") {
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) {
                          add_graphics_state(d, [](PdfDictionary& gs) { gs.AddKey("BM", PdfName("Glow")); });
                      }),
                      "6.2.10"));
    CHECK(verify_changed([](PdfMemDocument& d) {
              add_graphics_state(d, [](PdfDictionary& gs) { gs.AddKey("BM", PdfName("Multiply")); });
          }).empty());
}

TEST_CASE("optional content configurations need a name and no AS (6.9)", "[verify][broken]") {
    auto with_config = [](const std::function<void(PdfDictionary&)>& entries) {
        return [entries](PdfMemDocument& d) {
            PdfDictionary config, properties;
            entries(config);
            properties.AddKey("OCGs", PdfArray());
            properties.AddKey("D", config);
            d.GetCatalog()->GetDictionary().AddKey("OCProperties", properties);
        };
    };
    CHECK(fails_under(verify_changed(with_config([](PdfDictionary&) {})), "6.9"));
    CHECK(fails_under(verify_changed(with_config([](PdfDictionary& c) {
                          c.AddKey("Name", PdfString("Default"));
                          c.AddKey("AS", PdfArray());
                      })),
                      "6.9"));
    CHECK(verify_changed(with_config([](PdfDictionary& c) { c.AddKey("Name", PdfString("Default")); })).empty());
}

TEST_CASE("an embedded file must itself be PDF/A (6.8)", "[verify][broken]") {
    auto embedding = [](const std::string& bytes) {
        return [bytes](PdfMemDocument& d) {
            PdfObject* file = d.GetObjects().CreateObject("EmbeddedFile");
            file->GetStream()->Set(bytes.data(), static_cast<pdf_long>(bytes.size()));
            d.GetCatalog()->GetDictionary().AddKey("QuireTestFile", file->Reference());
        };
    };
    CHECK(fails_under(verify_changed(embedding("plain text, not a PDF")), "6.8"));
    // quire's own PDF/A file embedded is fine.
    CHECK(verify_changed(embedding(read_bytes(sample_pdf()))).empty());
}

TEST_CASE("a CIDSet must list every CID of the font program (6.2.11.4.2)", "[verify][broken]") {
    auto with_cid_set = [](const std::string& bits) {
        return [bits](PdfMemDocument& d) {
            PdfObject* font = first_of(d, "CIDFontType0");  // OpenType programs, CIDs = glyph ids
            PdfObject* descriptor = d.GetObjects().GetObject(font->GetDictionary().GetKey("FontDescriptor")->GetReference());
            PdfObject* set = d.GetObjects().CreateObject();
            set->GetStream()->Set(bits.data(), static_cast<pdf_long>(bits.size()));
            descriptor->GetDictionary().AddKey("CIDSet", set->Reference());
        };
    };
    CHECK(fails_under(verify_changed(with_cid_set(std::string(4, '\xFF'))), "6.2.11.4.2"));
    // Every CID a font can have listed.
    CHECK(verify_changed(with_cid_set(std::string(8192, '\xFF'))).empty());
}

TEST_CASE("the PDF/A output intent carries its profile (6.2.3)", "[verify][broken]") {
    CHECK(fails_under(verify_changed([](PdfMemDocument& d) {
                          PdfObject* intents = d.GetCatalog()->GetDictionary().GetKey("OutputIntents");
                          if (intents->IsReference()) intents = d.GetObjects().GetObject(intents->GetReference());
                          PdfObject* intent = &intents->GetArray()[0];
                          if (intent->IsReference()) intent = d.GetObjects().GetObject(intent->GetReference());
                          intent->GetDictionary().RemoveKey("DestOutputProfile");
                      }),
                      "6.2.3"));
}
