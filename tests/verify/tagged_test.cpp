// Tagged PDF (PDF/A-2a, ISO 19005-2 6.7; PDF/UA-1, ISO 14289-1): quire's sample output
// tagged here with PoDoFo the way the writer is to tag it (every page's content one
// MCID-marked sequence, an artifact, a structure tree with a role-mapped type, a
// heading, a figure, a list, a note, links; ParentTree; MarkInfo, Lang, DisplayDocTitle;
// XMP claiming A and PDF/UA-1), which passes; then broken one rule at a time, each
// copy failing under the rule's clause and, for PDF/UA, its Matterhorn number.
#include "verify/pdfa_check.hpp"

#include "sample_pdf.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>
#include <podofo/podofo.h>

#include <algorithm>
#include <functional>
#include <map>

using namespace quire;
using namespace quire::test;
using namespace PoDoFo;

namespace {

// The objects of the tagged copy the tests break.
struct Tagged {
    PdfMemDocument* doc = nullptr;
    PdfObject* root = nullptr;       // StructTreeRoot
    PdfObject* document = nullptr;   // the Document element
    PdfObject* page = nullptr;       // page 1
    PdfObject* byline = nullptr;     // /Byline, role-mapped to P: page 1's MCID 0
    PdfObject* heading = nullptr;    // H1, MCID 1
    PdfObject* figure = nullptr;     // MCID 2
    PdfObject* list = nullptr;       // L > LI > Lbl (MCID 3), LBody (MCID 4)
    PdfObject* note = nullptr;       // MCID 5
    PdfObject* link = nullptr;       // Link element: MCID 6 and the OBJR of `annot`
    PdfObject* annot = nullptr;      // a Link annotation on page 1
    PdfArray* page_parents = nullptr;  // the ParentTree's entry for page 1
    std::string extra_content;       // appended to page 1's content
};

PdfObject* element(Tagged& t, const char* type, PdfObject* parent, PdfObject* page) {
    PdfObject* e = t.doc->GetObjects().CreateObject("StructElem");
    e->GetDictionary().AddKey("S", PdfName(type));
    e->GetDictionary().AddKey("P", parent->Reference());
    if (page) e->GetDictionary().AddKey("Pg", page->Reference());
    if (!parent->GetDictionary().HasKey("K")) parent->GetDictionary().AddKey("K", PdfArray());
    parent->GetDictionary().GetKey("K")->GetArray().push_back(e->Reference());
    return e;
}

void add_kid(PdfObject* e, const PdfVariant& kid) {
    if (!e->GetDictionary().HasKey("K")) e->GetDictionary().AddKey("K", PdfArray());
    e->GetDictionary().GetKey("K")->GetArray().push_back(kid);
}

std::string content_of(PdfPage* page) {
    std::string out;
    PdfObject* contents = page->GetContents();
    std::vector<PdfObject*> parts;
    if (contents && contents->IsArray()) {
        for (PdfObject& p : contents->GetArray()) parts.push_back(page->GetObject()->GetOwner()->GetObject(p.GetReference()));
    } else if (contents) {
        parts.push_back(contents);
    }
    for (PdfObject* p : parts) {
        char* buffer = nullptr;
        pdf_long length = 0;
        p->GetStream()->GetFilteredCopy(&buffer, &length);
        out.append(buffer, static_cast<std::size_t>(length));
        out += "\n";
        podofo_free(buffer);
    }
    return out;
}

void set_content(PdfMemDocument& doc, PdfPage* page, const std::string& content) {
    PdfObject* stream = doc.GetObjects().CreateObject();
    stream->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()));
    page->GetObject()->GetDictionary().AddKey("Contents", stream->Reference());
}

// The metadata stream's XMP, changed by `edit`, written back unfiltered.
void edit_xmp(PdfMemDocument& doc, const std::function<void(std::string&)>& edit) {
    PdfObject* metadata = doc.GetObjects().GetObject(doc.GetCatalog()->GetDictionary().GetKey("Metadata")->GetReference());
    char* buffer = nullptr;
    pdf_long length = 0;
    metadata->GetStream()->GetFilteredCopy(&buffer, &length);
    std::string xmp(buffer, static_cast<std::size_t>(length));
    podofo_free(buffer);
    edit(xmp);
    metadata->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters());
}

void replace(std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

// pdfaid:conformance A, pdfuaid:part 1 and the PDF/A extension schema describing pdfuaid.
const char* const ua_description =
    "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
    "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "<pdfuaid:part>1</pdfuaid:part>\n"
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
    "<pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>\n"
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "</rdf:Description>\n";

void claim_a_and_ua(PdfMemDocument& doc) {
    edit_xmp(doc, [](std::string& xmp) {
        replace(xmp, "<pdfaid:conformance>U</pdfaid:conformance>", "<pdfaid:conformance>A</pdfaid:conformance>");
        replace(xmp, "</rdf:RDF>", std::string(ua_description) + "</rdf:RDF>");
    });
}

// Page 1's own sequences after the sample's content (MCID 0): an artifact, then MCIDs
// 1 to 6 for the heading, figure, label, list body, note and link.
const char* const page_one_marks =
    "/Artifact <</Type /Pagination /Subtype /Header>> BDC 0 0 m 5 5 l S EMC\n"
    "/H1 <</MCID 1>> BDC 0 0 1 1 re f EMC\n/Figure <</MCID 2>> BDC 0 0 1 1 re f EMC\n"
    "/Lbl <</MCID 3>> BDC 0 0 1 1 re f EMC\n/LBody <</MCID 4>> BDC 0 0 1 1 re f EMC\n"
    "/Note <</MCID 5>> BDC 0 0 1 1 re f EMC\n/Link <</MCID 6>> BDC 0 0 1 1 re f EMC\n/Artifact BMC 1 1 1 1 re f EMC\n";

PdfObject* link_annotation(PdfMemDocument& doc, PdfPage* page) {
    PdfObject* annot = doc.GetObjects().CreateObject("Annot");
    PdfDictionary& a = annot->GetDictionary();
    a.AddKey("Subtype", PdfName("Link"));
    PdfArray rect;
    for (int v : {0, 0, 10, 10}) rect.push_back(PdfVariant(static_cast<pdf_int64>(v)));
    a.AddKey("Rect", rect);
    a.AddKey("F", static_cast<pdf_int64>(4));
    PdfArray border;
    for (int i = 0; i < 3; ++i) border.push_back(PdfVariant(static_cast<pdf_int64>(0)));
    a.AddKey("Border", border);
    PdfDictionary uri;
    uri.AddKey("S", PdfName("URI"));
    uri.AddKey("URI", PdfString("https://example.org/"));
    a.AddKey("A", uri);
    PdfDictionary& page_dict = page->GetObject()->GetDictionary();
    if (!page_dict.HasKey("Annots")) page_dict.AddKey("Annots", PdfArray());
    PdfObject* annots = page_dict.GetKey("Annots");
    if (annots->IsReference()) annots = doc.GetObjects().GetObject(annots->GetReference());
    annots->GetArray().push_back(annot->Reference());
    return annot;
}

PdfDictionary objr(PdfObject* object, PdfObject* page) {
    PdfDictionary d;
    d.AddKey("Type", PdfName("OBJR"));
    d.AddKey("Obj", object->Reference());
    d.AddKey("Pg", page->Reference());
    return d;
}

// Every annotation of `page` but page 1's own link in a Link or Annot element under
// `parent`, its /StructParent the next key of `nums`; the page's /Tabs /S.
void tag_annotations(Tagged& t, PdfPage* page, PdfObject* parent, PdfArray& nums, long long& next_key) {
    PdfObject* annots = page->GetObject()->GetDictionary().GetKey("Annots");
    if (!annots) return;
    if (annots->IsReference()) annots = t.doc->GetObjects().GetObject(annots->GetReference());
    page->GetObject()->GetDictionary().AddKey("Tabs", PdfName("S"));
    for (PdfObject& item : annots->GetArray()) {
        PdfObject* annot = t.doc->GetObjects().GetObject(item.GetReference());
        if (!annot || annot == t.annot) continue;
        const std::string subtype = annot->GetDictionary().GetKey("Subtype")->GetName().GetName();
        if (subtype == "Popup") continue;
        PdfObject* e = element(t, subtype == "Link" ? "Link" : "Annot", parent, page->GetObject());
        add_kid(e, objr(annot, page->GetObject()));
        if (!annot->GetDictionary().HasKey("Contents")) annot->GetDictionary().AddKey("Contents", PdfString("A link"));
        annot->GetDictionary().AddKey("StructParent", static_cast<pdf_int64>(next_key));
        nums.push_back(PdfVariant(static_cast<pdf_int64>(next_key++)));
        nums.push_back(e->Reference());
    }
}

// Page 1's elements under the Document: Byline (MCID 0), H1, Figure, L > LI > Lbl and
// LBody, Note, Link (MCID 6 and the OBJR of its annotation).
void tag_page_one(Tagged& t, PdfArray& parents) {
    PdfObject* pg = t.page;
    auto marked = [&](const char* type, PdfObject* parent, long long mcid) {
        PdfObject* e = element(t, type, parent, pg);
        add_kid(e, PdfVariant(static_cast<pdf_int64>(mcid)));
        parents.push_back(e->Reference());
        return e;
    };
    t.byline = marked("Byline", t.document, 0);
    t.heading = marked("H1", t.document, 1);
    t.figure = marked("Figure", t.document, 2);
    t.figure->GetDictionary().AddKey("Alt", PdfString("A square"));
    t.list = element(t, "L", t.document, pg);
    PdfObject* item = element(t, "LI", t.list, pg);
    marked("Lbl", item, 3);
    marked("LBody", item, 4);
    t.note = marked("Note", t.document, 5);
    t.note->GetDictionary().AddKey("ID", PdfString("note-1"));
    t.link = marked("Link", t.document, 6);
    add_kid(t.link, objr(t.annot, pg));
}

// The sample tagged as the writer is to tag it.
void tag(Tagged& t) {
    PdfMemDocument& doc = *t.doc;
    PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
    t.root = doc.GetObjects().CreateObject("StructTreeRoot");
    catalog.AddKey("StructTreeRoot", t.root->Reference());
    t.document = element(t, "Document", t.root, nullptr);
    PdfDictionary roles;
    for (const char* custom : {"Byline", "Standfirst", "Credit"}) roles.AddKey(custom, PdfName("P"));
    t.root->GetDictionary().AddKey("RoleMap", roles);

    PdfArray nums;
    std::vector<PdfArray> page_parents(static_cast<std::size_t>(doc.GetPageCount()));
    t.page = doc.GetPage(0)->GetObject();
    t.annot = link_annotation(doc, doc.GetPage(0));
    t.annot->GetDictionary().AddKey("Contents", PdfString("example.org"));
    t.annot->GetDictionary().AddKey("StructParent", static_cast<pdf_int64>(doc.GetPageCount()));
    long long next_key = doc.GetPageCount() + 1;
    for (int i = 0; i < doc.GetPageCount(); ++i) {
        PdfPage* page = doc.GetPage(i);
        std::string content = "/P <</MCID 0>> BDC q\n" + content_of(page) + "\nQ EMC\n";
        if (i == 0) {
            tag_page_one(t, page_parents[0]);
            content += page_one_marks + t.extra_content;
        } else {
            PdfObject* p = element(t, "P", t.document, page->GetObject());
            add_kid(p, PdfVariant(static_cast<pdf_int64>(0)));
            page_parents[static_cast<std::size_t>(i)].push_back(p->Reference());
        }
        set_content(doc, page, content);
        page->GetObject()->GetDictionary().AddKey("StructParents", static_cast<pdf_int64>(i));
        tag_annotations(t, page, t.document, nums, next_key);
    }
    t.page->GetDictionary().AddKey("Tabs", PdfName("S"));
    PdfArray all;
    for (std::size_t i = 0; i < page_parents.size(); ++i) {
        all.push_back(PdfVariant(static_cast<pdf_int64>(i)));
        all.push_back(page_parents[i]);
    }
    all.push_back(PdfVariant(static_cast<pdf_int64>(doc.GetPageCount())));
    all.push_back(t.link->Reference());
    for (const PdfObject& n : nums) all.push_back(n);
    PdfDictionary tree;
    tree.AddKey("Nums", all);
    t.root->GetDictionary().AddKey("ParentTree", tree);
    t.root->GetDictionary().AddKey("ParentTreeNextKey", static_cast<pdf_int64>(next_key));
    PdfDictionary ids;
    PdfArray names;
    names.push_back(PdfString("note-1"));
    names.push_back(t.note->Reference());
    ids.AddKey("Names", names);
    t.root->GetDictionary().AddKey("IDTree", ids);

    PdfDictionary mark_info, preferences;
    mark_info.AddKey("Marked", true);
    catalog.AddKey("MarkInfo", mark_info);
    preferences.AddKey("DisplayDocTitle", true);
    catalog.AddKey("ViewerPreferences", preferences);
    catalog.AddKey("Lang", PdfString("en-GB"));
    claim_a_and_ua(doc);
}

// The tagged copy changed by `change` (after tagging, or before with `extra_content`),
// written again, and what quire verify says of it.
std::vector<verify::Failure> verify_tagged(const std::function<void(Tagged&)>& change, const std::string& extra_content = "",
                                           verify::Options options = {}) {
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
    PdfMemDocument doc;
    doc.Load(sample_pdf().c_str());
    doc.SetWriteMode(ePdfWriteMode_Clean);
    Tagged t;
    t.doc = &doc;
    t.extra_content = extra_content;
    tag(t);
    change(t);
    static ScratchDir dir;
    static int n = 0;
    const std::string out = dir.file("tagged-" + std::to_string(++n) + ".pdf");
    doc.Write(out.c_str());
    return verify::check_pdfa(out, options).failures;
}

// Whether a failure is under `clause` with `words` in its message.
bool fails_under(const std::vector<verify::Failure>& failures, const std::string& clause, const std::string& words = "") {
    for (const verify::Failure& f : failures) UNSCOPED_INFO(f.clause << ": " << f.message);
    return std::any_of(failures.begin(), failures.end(), [&](const verify::Failure& f) {
        return f.clause == clause && f.message.find(words) != std::string::npos;
    });
}

bool has_ua_clause(const std::vector<verify::Failure>& failures) {
    return std::any_of(failures.begin(), failures.end(), [](const verify::Failure& f) { return f.clause.rfind("UA ", 0) == 0; });
}

void remove_key(PdfObject* o, const char* key) { o->GetDictionary().RemoveKey(PdfName(key)); }
void set_type(PdfObject* e, const char* type) { e->GetDictionary().AddKey("S", PdfName(type)); }

}  // namespace

TEST_CASE("the sample tagged as PDF/A-2a and PDF/UA-1 passes", "[verify][tagged]") {
    const auto failures = verify_tagged([](Tagged&) {});
    for (const verify::Failure& f : failures) UNSCOPED_INFO(f.clause << ": " << f.message);
    CHECK(failures.empty());
}

TEST_CASE("tagged rules apply only to what the XMP claims or --flavour asks", "[verify][tagged]") {
    // The untagged sample claims U: no tagged rule applies.
    verify::Options options;
    CHECK(verify::check_pdfa(sample_pdf(), options).failures.empty());
    // Asked for 2a, it is neither level A nor tagged.
    options.level_a = true;
    const auto as_a = verify::check_pdfa(sample_pdf(), options).failures;
    CHECK(fails_under(as_a, "6.6.4", "not A"));
    CHECK(fails_under(as_a, "6.7.2.2", "MarkInfo"));
    CHECK(fails_under(as_a, "6.7.3.3", "StructTreeRoot"));
    CHECK_FALSE(has_ua_clause(as_a));
    // Claiming A without PDF/UA: level A's clauses, none of UA's.
    const auto a_only = verify_tagged([](Tagged& t) {
        remove_key(t.doc->GetCatalog(), "MarkInfo");
        remove_key(t.doc->GetCatalog(), "ViewerPreferences");
        edit_xmp(*t.doc, [](std::string& xmp) { replace(xmp, "<pdfuaid:part>1</pdfuaid:part>", ""); });
    });
    CHECK(fails_under(a_only, "6.7.2.2"));
    CHECK_FALSE(has_ua_clause(a_only));
}

TEST_CASE("the catalog of a tagged file: MarkInfo, StructTreeRoot, Lang, DisplayDocTitle, dc:title", "[verify][tagged]") {
    auto without = [](const char* key) { return [key](Tagged& t) { remove_key(t.doc->GetCatalog(), key); }; };
    const auto unmarked = verify_tagged(without("MarkInfo"));
    CHECK(fails_under(unmarked, "6.7.2.2", "Marked"));
    CHECK(fails_under(unmarked, "UA 7.1", "Marked"));
    CHECK(fails_under(verify_tagged([](Tagged& t) {
                          PdfDictionary m;
                          m.AddKey("Marked", true);
                          m.AddKey("Suspects", true);
                          t.doc->GetCatalog()->GetDictionary().AddKey("MarkInfo", m);
                      }),
                      "UA 7.1", "01-007"));
    CHECK(fails_under(verify_tagged(without("StructTreeRoot")), "6.7.3.3", "no /StructTreeRoot"));
    const auto no_lang = verify_tagged(without("Lang"));
    CHECK(fails_under(no_lang, "6.7.4", "no /Lang"));
    CHECK(fails_under(no_lang, "UA 7.2", "no /Lang"));
    CHECK(fails_under(verify_tagged([](Tagged& t) { t.doc->GetCatalog()->GetDictionary().AddKey("Lang", PdfString("english!")); }),
                      "6.7.4", "not a language tag"));
    CHECK(fails_under(verify_tagged(without("ViewerPreferences")), "UA 7.1", "07-001"));
    CHECK(fails_under(verify_tagged([](Tagged& t) {
                          PdfDictionary p;
                          p.AddKey("DisplayDocTitle", false);
                          t.doc->GetCatalog()->GetDictionary().AddKey("ViewerPreferences", p);
                      }),
                      "UA 7.1", "07-002"));
    CHECK(fails_under(verify_tagged([](Tagged& t) {
                          edit_xmp(*t.doc, [](std::string& xmp) {
                              const std::size_t from = xmp.find("<dc:title>"), to = xmp.find("</dc:title>");
                              REQUIRE(from != std::string::npos);
                              xmp.erase(from, to + 11 - from);
                          });
                      }),
                      "UA 7.1", "06-003"));
    // pdfuaid in a PDF/A file's XMP needs its extension schema (6.6.2.3).
    CHECK(fails_under(verify_tagged([](Tagged& t) {
                          edit_xmp(*t.doc, [](std::string& xmp) {
                              replace(xmp, "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>", "");
                          });
                      }),
                      "6.6.2.3", "pdfuaid"));
}

TEST_CASE("page content is tagged or an artifact, never both, marked content balanced", "[verify][tagged]") {
    auto none = [](Tagged&) {};
    CHECK(fails_under(verify_tagged(none, "0 0 2 2 re f\n"), "UA 7.1", "01-005"));
    CHECK(fails_under(verify_tagged(none, "/Span BMC 0 0 2 2 re f EMC\n"), "UA 7.1", "01-005"));
    CHECK(fails_under(verify_tagged(none, "/P <</MCID 7>> BDC /Artifact BMC 0 0 2 2 re f EMC EMC\n"), "UA 7.1", "01-003"));
    CHECK(fails_under(verify_tagged(none, "/Artifact BMC /P <</MCID 7>> BDC 0 0 2 2 re f EMC EMC\n"), "UA 7.1", "01-004"));
    CHECK(fails_under(verify_tagged(none, "/Artifact BMC 0 0 2 2 re f\n"), "UA 7.1", "without EMC"));
    CHECK(fails_under(verify_tagged(none, "EMC\n"), "UA 7.1", "closes no marked content"));
    CHECK(fails_under(verify_tagged(none, "/P <</MCID 1>> BDC 0 0 2 2 re f EMC\n"), "6.7.3.3", "MCID 1 marks two sequences"));
    CHECK(fails_under(verify_tagged(none, "BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI\n"), "UA 7.1", "operator BI"));
    // XObjects: an image drawn outside marked content; a form whose own content is.
    auto add_xobjects = [](Tagged& t) {
        PdfObject* image = nullptr;
        for (PdfObject* o : t.doc->GetObjects()) {
            if (!image && o && o->IsDictionary() && o->GetDictionary().HasKey("Subtype") &&
                o->GetDictionary().GetKey("Subtype")->IsName() && o->GetDictionary().GetKey("Subtype")->GetName() == "Image") {
                image = o;
            }
        }
        REQUIRE(image);
        PdfObject* form = t.doc->GetObjects().CreateObject("XObject");
        form->GetDictionary().AddKey("Subtype", PdfName("Form"));
        PdfArray box;
        for (int v : {0, 0, 10, 10}) box.push_back(PdfVariant(static_cast<pdf_int64>(v)));
        form->GetDictionary().AddKey("BBox", box);
        form->GetStream()->Set("0 0 1 1 re f");
        PdfDictionary xobjects;
        xobjects.AddKey("ImX", image->Reference());
        xobjects.AddKey("FmX", form->Reference());
        PdfDictionary& resources = t.doc->GetPage(0)->GetResources()->GetDictionary();
        if (PdfObject* old = resources.GetKey("XObject")) {
            if (old->IsReference()) old = t.doc->GetObjects().GetObject(old->GetReference());
            for (const auto& [k, v] : old->GetDictionary().GetKeys()) xobjects.AddKey(k, *v);
        }
        resources.AddKey("XObject", xobjects);
    };
    CHECK(fails_under(verify_tagged(add_xobjects, "q 1 0 0 1 0 0 cm /ImX Do Q\n"), "UA 7.1", "image /ImX"));
    CHECK(fails_under(verify_tagged(add_xobjects, "/FmX Do\n"), "UA 7.1", "form /FmX: the operator f"));
    CHECK(verify_tagged(add_xobjects, "/Artifact BMC /ImX Do /FmX Do EMC\n").empty());
    // Marked with a property list named in the resources counts as tagged.
    CHECK(verify_tagged(
              [](Tagged& t) {
                  PdfDictionary mc, properties;
                  mc.AddKey("MCID", static_cast<pdf_int64>(7));
                  properties.AddKey("MC7", mc);
                  t.doc->GetPage(0)->GetResources()->GetDictionary().AddKey("Properties", properties);
                  PdfObject* span = element(t, "Span", t.document, t.page);
                  add_kid(span, PdfVariant(static_cast<pdf_int64>(7)));
                  PdfObject* tree = t.root->GetDictionary().GetKey("ParentTree");
                  PdfArray& page_one = tree->GetDictionary().GetKey("Nums")->GetArray()[1].GetArray();
                  page_one.push_back(span->Reference());
              },
              "/Span /MC7 BDC 0 0 2 2 re f EMC\n")
              .empty());
}

TEST_CASE("structure types are standard or role-mapped; standard ones are not remapped", "[verify][tagged]") {
    const auto unmapped = verify_tagged([](Tagged& t) { set_type(t.byline, "Dateline"); });
    CHECK(fails_under(unmapped, "6.7.3.4", "Dateline"));
    CHECK(fails_under(unmapped, "UA 7.1", "02-001"));
    auto role_map = [](Tagged& t) -> PdfDictionary& { return t.root->GetDictionary().GetKey("RoleMap")->GetDictionary(); };
    CHECK(fails_under(verify_tagged([&](Tagged& t) { role_map(t).AddKey("Span", PdfName("P")); }), "UA 7.1", "02-004"));
    const auto circle = verify_tagged([&](Tagged& t) {
        role_map(t).AddKey("Byline", PdfName("Credit"));
        role_map(t).AddKey("Credit", PdfName("Byline"));
    });
    CHECK(fails_under(circle, "UA 7.1", "02-003"));
    CHECK(fails_under(circle, "6.7.3.4", "circle"));
    // Mapped through another custom type to a standard one is fine.
    CHECK(verify_tagged([&](Tagged& t) { role_map(t).AddKey("Byline", PdfName("Credit")); }).empty());
}

TEST_CASE("figures have alternative text; headings start at H1 and skip no level", "[verify][tagged]") {
    CHECK(fails_under(verify_tagged([](Tagged& t) { remove_key(t.figure, "Alt"); }), "UA 7.3", "13-004"));
    CHECK(verify_tagged([](Tagged& t) {
              remove_key(t.figure, "Alt");
              t.figure->GetDictionary().AddKey("ActualText", PdfString("A square"));
          }).empty());
    CHECK(fails_under(verify_tagged([](Tagged& t) { set_type(t.heading, "H2"); }), "UA 7.4.2", "14-002"));
    CHECK(fails_under(verify_tagged([](Tagged& t) { element(t, "H3", t.document, nullptr); }), "UA 7.4.2", "14-003"));
    CHECK(fails_under(verify_tagged([](Tagged& t) { element(t, "H", t.document, nullptr); }), "UA 7.4.4", "14-007"));
    const auto two_h = verify_tagged([](Tagged& t) {
        set_type(t.heading, "H");
        element(t, "H", t.document, nullptr);
    });
    CHECK(fails_under(two_h, "UA 7.4.4", "14-006"));
    // H1 then H2 then H1 again is fine.
    CHECK(verify_tagged([](Tagged& t) {
              element(t, "H2", t.document, nullptr);
              element(t, "H1", t.document, nullptr);
          }).empty());
}

TEST_CASE("notes have unique IDs; lists and tables are built as ISO 32000-1 says; element languages are tags", "[verify][tagged]") {
    CHECK(fails_under(verify_tagged([](Tagged& t) { remove_key(t.note, "ID"); }), "UA 7.9", "19-003"));
    CHECK(fails_under(verify_tagged([](Tagged& t) {
                          PdfObject* second = element(t, "Note", t.document, nullptr);
                          second->GetDictionary().AddKey("ID", PdfString("note-1"));
                      }),
                      "UA 7.9", "19-004"));
    CHECK(fails_under(verify_tagged([](Tagged& t) { set_type(t.list, "Div"); }), "UA 7.2", "09-005"));
    CHECK(fails_under(verify_tagged([](Tagged& t) {
                          PdfObject* table = element(t, "Table", t.document, nullptr);
                          element(t, "TD", table, nullptr);
                      }),
                      "UA 7.2", "09-004"));
    CHECK(verify_tagged([](Tagged& t) {
              PdfObject* table = element(t, "Table", t.document, nullptr);
              PdfObject* body = element(t, "TBody", table, nullptr);
              PdfObject* row = element(t, "TR", body, nullptr);
              element(t, "TH", row, nullptr);
              element(t, "TD", row, nullptr);
          }).empty());
    const auto bad_lang = verify_tagged([](Tagged& t) { t.figure->GetDictionary().AddKey("Lang", PdfString("en GB")); });
    CHECK(fails_under(bad_lang, "6.7.4", "en GB"));
    CHECK(fails_under(bad_lang, "UA 7.2", "en GB"));
    CHECK(verify_tagged([](Tagged& t) { t.figure->GetDictionary().AddKey("Lang", PdfString("de-CH-1996")); }).empty());
}

TEST_CASE("the parent tree leads from every MCID to the element that lists it", "[verify][tagged]") {
    const auto no_key = verify_tagged([](Tagged& t) { remove_key(t.page, "StructParents"); });
    CHECK(fails_under(no_key, "6.7.3.3", "no /StructParents"));
    CHECK(fails_under(no_key, "UA 7.1", "no /StructParents"));
    // Entry 0 names the heading for MCID 0 (the byline's).
    CHECK(fails_under(verify_tagged([](Tagged& t) {
                          PdfObject* tree = t.root->GetDictionary().GetKey("ParentTree");
                          tree->GetDictionary().GetKey("Nums")->GetArray()[1].GetArray()[0] = PdfObject(PdfVariant(t.heading->Reference()));
                      }),
                      "6.7.3.3", "does not list it"));
    // An MCID marked in the content that the tree does not have.
    CHECK(fails_under(verify_tagged([](Tagged&) {}, "/P <</MCID 9>> BDC 0 0 2 2 re f EMC\n"), "6.7.3.3",
                      "MCID 9 has no element"));
    // An element listing an MCID the content does not mark.
    CHECK(fails_under(verify_tagged([](Tagged& t) { add_kid(t.figure, PdfVariant(static_cast<pdf_int64>(8))); }), "6.7.3.3",
                      "does not mark"));
    // A number tree with /Kids is read as well.
    CHECK(verify_tagged([](Tagged& t) {
              PdfObject* leaf = t.doc->GetObjects().CreateObject();
              leaf->GetDictionary().AddKey("Nums", *t.root->GetDictionary().GetKey("ParentTree")->GetDictionary().GetKey("Nums"));
              PdfArray kids;
              kids.push_back(leaf->Reference());
              PdfDictionary tree;
              tree.AddKey("Kids", kids);
              t.root->GetDictionary().AddKey("ParentTree", tree);
          }).empty());
}

TEST_CASE("annotations are tagged, described, and their pages read in structure order", "[verify][tagged]") {
    CHECK(fails_under(verify_tagged([](Tagged& t) { remove_key(t.annot, "StructParent"); }), "UA 7.18.5", "28-011"));
    CHECK(fails_under(verify_tagged([](Tagged& t) { set_type(t.link, "Span"); }), "UA 7.18.5", "not /Link"));
    CHECK(fails_under(verify_tagged([](Tagged& t) { remove_key(t.link, "K"); }), "UA 7.18.5", "no OBJR"));
    CHECK(fails_under(verify_tagged([](Tagged& t) { remove_key(t.annot, "Contents"); }), "UA 7.18.5", "28-012"));
    CHECK(fails_under(verify_tagged([](Tagged& t) { remove_key(t.page, "Tabs"); }), "UA 7.18.3", "28-008"));
    CHECK(fails_under(verify_tagged([](Tagged& t) { t.page->GetDictionary().AddKey("Tabs", PdfName("R")); }), "UA 7.18.3",
                      "28-009"));
    // Other annotations belong in an Annot element, and need /Contents or the element's /Alt.
    CHECK(fails_under(verify_tagged([](Tagged& t) { t.annot->GetDictionary().AddKey("Subtype", PdfName("Square")); }),
                      "UA 7.18.1", "28-002"));
    const auto square = verify_tagged([](Tagged& t) {
        t.annot->GetDictionary().AddKey("Subtype", PdfName("Square"));
        remove_key(t.annot, "Contents");
        set_type(t.link, "Annot");
    });
    CHECK(fails_under(square, "UA 7.18.1", "28-004"));
    CHECK_FALSE(fails_under(square, "UA 7.18.1", "28-002"));
    // /StructParent that leads elsewhere in the parent tree.
    CHECK(fails_under(verify_tagged([](Tagged& t) { t.annot->GetDictionary().AddKey("StructParent", PdfObject(static_cast<pdf_int64>(0))); }),
                      "6.7.3.3", "StructParent"));
}
