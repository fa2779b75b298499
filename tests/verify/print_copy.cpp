#include "print_copy.hpp"

#include "sample_pdf.hpp"
#include "tool_run.hpp"
#include "verify/pdfx_check.hpp"

#include <catch2/catch.hpp>

namespace quire::test {

using namespace PoDoFo;

namespace {

std::string stream_text(PdfObject* o) {
    char* buffer = nullptr;
    pdf_long length = 0;
    o->GetStream()->GetFilteredCopy(&buffer, &length);
    std::string out(buffer, static_cast<std::size_t>(length));
    podofo_free(buffer);
    return out;
}

// The sRGB profile of quire's archive PDF (its GTS_PDFA1 intent's).
const std::string& srgb_profile() {
    static const std::string profile = [] {
        TaggedCopy archive(sample_pdf());
        PdfObject* intents = archive.resolve(archive.catalog()->GetDictionary().GetKey("OutputIntents"));
        REQUIRE(intents);
        PdfObject* intent = archive.resolve(&intents->GetArray()[0]);
        return stream_text(archive.resolve(intent->GetDictionary().GetKey("DestOutputProfile")));
    }();
    return profile;
}

void add_if_missing(PdfDictionary& d, const char* key, const PdfObject& value) {
    if (!d.HasKey(key)) d.AddKey(key, value);
}

// The XMP properties PDF/X-4 asks for that the packet lacks, in a description of their own.
void complete_xmp(TaggedCopy& copy) {
    copy.edit_xmp([](std::string& xmp) {
        std::string added;
        auto add = [&](const char* property, const std::string& element) {
            if (xmp.find(property) == std::string::npos) added += element + "\n";
        };
        add("pdfxid:GTS_PDFXVersion", "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>");
        add("xmpMM:DocumentID", "<xmpMM:DocumentID>uuid:6c2a4c8e-2f0b-4b8e-9d0e-3f6a1b2c3d4e</xmpMM:DocumentID>");
        add("xmpMM:VersionID", "<xmpMM:VersionID>1</xmpMM:VersionID>");
        add("xmpMM:RenditionClass", "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>");
        add("xmp:MetadataDate", "<xmp:MetadataDate>1970-01-01T00:00:00Z</xmp:MetadataDate>");
        add("pdf:Trapped", "<pdf:Trapped>False</pdf:Trapped>");
        if (added.empty()) return;
        replace(xmp, "</rdf:RDF>",
                "<rdf:Description rdf:about=\"\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\" "
                "xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
                "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n" +
                    added + "</rdf:Description>\n</rdf:RDF>");
    });
}

// PoDoFo stamps the Info /ModDate with the time it loads a file: the file's own date
// goes back, as its XMP (xmp:ModifyDate, "1970-01-01T00:00:00Z") still says it.
void restore_mod_date(TaggedCopy& copy) {
    PdfObject* metadata = copy.resolve(copy.catalog()->GetDictionary().GetKey("Metadata"));
    REQUIRE(metadata);
    const std::string xmp = stream_text(metadata);
    const std::size_t at = xmp.find("<xmp:ModifyDate>");
    REQUIRE(at != std::string::npos);
    const std::string value = xmp.substr(at + 16, xmp.find('<', at + 16) - at - 16);
    std::string date = "D:";
    for (char c : value.substr(0, 19)) {
        if (c >= '0' && c <= '9') date += c;
    }
    const std::string zone = value.size() > 19 ? value.substr(value.size() - 6) : "Z";
    date += value.back() == 'Z' ? std::string("Z") : zone.substr(0, 3) + "'" + zone.substr(4, 2) + "'";
    info(copy).AddKey("ModDate", PdfString(date));
}

}  // namespace

const std::string& sample_print_pdf() {
    static ScratchDir dir;
    static const std::string out = [] {
        const std::string path = dir.file("sample-print.pdf");
        const ToolResult r = run_tool("env SOURCE_DATE_EPOCH=0 " + quoted(QUIRE_BINARY) + " build issues/2025-spring/issue.xml --print -o " +
                                      quoted(path));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return path;
    }();
    return out;
}

PdfDictionary& info(TaggedCopy& copy) {
    PdfObject* i = copy.resolve(const_cast<PdfObject*>(copy.doc.GetTrailer())->GetDictionary().GetKey("Info"));
    REQUIRE(i);
    return i->GetDictionary();
}

PdfDictionary& pdfx_intent(TaggedCopy& copy) {
    PdfObject* intents = copy.resolve(copy.catalog()->GetDictionary().GetKey("OutputIntents"));
    REQUIRE(intents);
    for (PdfObject& item : intents->GetArray()) {
        PdfObject* intent = copy.resolve(&item);
        const PdfObject* s = intent->GetDictionary().GetKey("S");
        if (s && s->IsName() && s->GetName().GetName() == "GTS_PDFX") return intent->GetDictionary();
    }
    FAIL("no GTS_PDFX output intent");
    static PdfDictionary none;
    return none;
}

void make_pdfx4(TaggedCopy& copy) {
    if (copy.doc.GetPdfVersion() > ePdfVersion_1_6) copy.doc.SetPdfVersion(ePdfVersion_1_6);
    copy.catalog()->GetDictionary().RemoveKey("Version");
    restore_mod_date(copy);
    PdfDictionary& i = info(copy);
    add_if_missing(i, "GTS_PDFXVersion", PdfString("PDF/X-4"));
    add_if_missing(i, "Trapped", PdfName("False"));
    complete_xmp(copy);
    PdfDictionary& intent = pdfx_intent(copy);
    add_if_missing(intent, "OutputConditionIdentifier", PdfString("FOGRA39"));
    add_if_missing(intent, "RegistryName", PdfString("http://www.color.org"));
    for (int p = 0; p < copy.doc.GetPageCount(); ++p) copy.page(p)->GetDictionary().RemoveKey("Annots");
    PdfObject* srgb = nullptr;
    for (PdfObject* o : copy.doc.GetObjects()) {
        if (!o || !o->IsDictionary()) continue;
        const PdfObject* cs = o->GetDictionary().GetKey("ColorSpace");
        if (!cs || !cs->IsName() || cs->GetName().GetName() != "DeviceRGB") continue;
        if (!srgb) {
            srgb = copy.doc.GetObjects().CreateObject();
            srgb->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(3)));
            srgb->GetStream()->Set(srgb_profile().data(), static_cast<pdf_long>(srgb_profile().size()));
        }
        PdfArray icc;
        icc.push_back(PdfName("ICCBased"));
        icc.push_back(srgb->Reference());
        o->GetDictionary().AddKey("ColorSpace", icc);
    }
}

std::vector<verify::Failure> verify_x4(TaggedCopy& copy, const verify::Options& options) {
    return verify::check_pdfx4(copy.write(), options).failures;
}

std::vector<verify::Failure> x4_changed(const std::function<void(TaggedCopy&)>& change) {
    TaggedCopy copy(sample_print_pdf());
    make_pdfx4(copy);
    change(copy);
    return verify_x4(copy);
}

}  // namespace quire::test
