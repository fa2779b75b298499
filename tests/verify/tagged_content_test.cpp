// Marked content and the parent tree, broken one at a time on copies of quire's own
// tagged sample (content added after the cover page's own, or its tree entries
// changed): every painting operator tagged or an artifact, never one inside the
// other, marked content balanced (PDF/UA-1 7.1, Matterhorn 01-003 to 01-005); each
// MCID once, its element in the parent tree, each element's MCID in the content
// (PDF/A-2a 6.7.3.3).
#include "sample_pdf.hpp"
#include "tagged_copy.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::test;
using namespace PoDoFo;

namespace {

// The sample with `content` drawn after the cover's own, and `change` made first.
std::vector<verify::Failure> cover_drawing(const std::string& content, const std::function<void(TaggedCopy&)>& change = {}) {
    return verify_changed(sample_pdf(), [&](TaggedCopy& t) {
        if (change) change(t);
        t.append_content(0, content);
    });
}

// `content` with $ standing for an MCID the cover does not use.
std::string with_free_mcid(const std::string& content) {
    TaggedCopy t(sample_pdf());
    std::string out = content;
    replace(out, "$", std::to_string(t.free_mcid(0)));
    return out;
}

PdfObject* first_image(TaggedCopy& t) {
    for (PdfObject* o : t.doc.GetObjects()) {
        if (o && o->IsDictionary() && o->GetDictionary().HasKey("Subtype") && o->GetDictionary().GetKey("Subtype")->IsName() &&
            o->GetDictionary().GetKey("Subtype")->GetName() == "Image") {
            return o;
        }
    }
    FAIL("no image");
    return nullptr;
}

// The cover's resources naming one of quire's images /ImX and a form /FmX that paints
// a square untagged.
void add_xobjects(TaggedCopy& t) {
    PdfObject* form = t.doc.GetObjects().CreateObject("XObject");
    form->GetDictionary().AddKey("Subtype", PdfName("Form"));
    PdfArray box;
    for (int v : {0, 0, 10, 10}) box.push_back(PdfVariant(static_cast<pdf_int64>(v)));
    form->GetDictionary().AddKey("BBox", box);
    form->GetStream()->Set("0 0 1 1 re f");
    PdfDictionary xobjects;
    xobjects.AddKey("ImX", first_image(t)->Reference());
    xobjects.AddKey("FmX", form->Reference());
    PdfDictionary& resources = t.doc.GetPage(0)->GetResources()->GetDictionary();
    if (PdfObject* old = t.resolve(resources.GetKey("XObject"))) {
        for (const auto& [k, v] : old->GetDictionary().GetKeys()) xobjects.AddKey(k, *v);
    }
    resources.AddKey("XObject", xobjects);
}

// A marked-content reference to MCID `mcid` of the cover.
PdfDictionary cover_mcr(TaggedCopy& t, long long mcid) {
    PdfDictionary mcr;
    mcr.AddKey("Type", PdfName("MCR"));
    mcr.AddKey("Pg", t.page(0)->Reference());
    mcr.AddKey("MCID", static_cast<pdf_int64>(mcid));
    return mcr;
}

}  // namespace

TEST_CASE("page content is tagged or an artifact, never both, marked content balanced", "[verify][tagged]") {
    CHECK(fails_under(cover_drawing("0 0 2 2 re f\n"), "UA 7.1", "01-005"));
    CHECK(fails_under(cover_drawing("/Span BMC 0 0 2 2 re f EMC\n"), "UA 7.1", "01-005"));
    CHECK(fails_under(cover_drawing(with_free_mcid("/P <</MCID $>> BDC /Artifact BMC 0 0 2 2 re f EMC EMC\n")), "UA 7.1", "01-003"));
    CHECK(fails_under(cover_drawing(with_free_mcid("/Artifact BMC /P <</MCID $>> BDC 0 0 2 2 re f EMC EMC\n")), "UA 7.1", "01-004"));
    CHECK(fails_under(cover_drawing("/Artifact BMC 0 0 2 2 re f\n"), "UA 7.1", "without EMC"));
    CHECK(fails_under(cover_drawing("EMC\n"), "UA 7.1", "closes no marked content"));
    CHECK(fails_under(cover_drawing("/P <</MCID 0>> BDC 0 0 2 2 re f EMC\n"), "6.7.3.3", "MCID 0 marks two sequences"));
    CHECK(fails_under(cover_drawing("BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI\n"), "UA 7.1", "operator BI"));
    // An artifact of its own is fine.
    CHECK(cover_drawing("/Artifact BMC 0 0 2 2 re f EMC\n").empty());
}

TEST_CASE("XObjects drawn are tagged or artifacts, and so is what a form paints", "[verify][tagged]") {
    CHECK(fails_under(cover_drawing("q 1 0 0 1 0 0 cm /ImX Do Q\n", add_xobjects), "UA 7.1", "image /ImX"));
    CHECK(fails_under(cover_drawing("/FmX Do\n", add_xobjects), "UA 7.1", "form /FmX: the operator f"));
    CHECK(cover_drawing("/Artifact BMC /ImX Do /FmX Do EMC\n", add_xobjects).empty());
}

TEST_CASE("content marked with a property list named in the resources counts as tagged", "[verify][tagged]") {
    CHECK(cover_drawing("/Span /MCx BDC 0 0 2 2 re f EMC\n", [](TaggedCopy& t) {
              const long long mcid = t.free_mcid(0);
              PdfDictionary mc, properties;
              mc.AddKey("MCID", static_cast<pdf_int64>(mcid));
              properties.AddKey("MCx", mc);
              t.doc.GetPage(0)->GetResources()->GetDictionary().AddKey("Properties", properties);
              PdfObject* span = t.add_element("Span", t.element("Div"));
              span->GetDictionary().AddKey("K", cover_mcr(t, mcid));
              t.page_parents(0).push_back(span->Reference());
          }).empty());
}

TEST_CASE("the parent tree leads from every MCID to the element that lists it", "[verify][tagged]") {
    const auto no_key = verify_changed(sample_pdf(), [](TaggedCopy& t) { t.page(0)->GetDictionary().RemoveKey("StructParents"); });
    CHECK(fails_under(no_key, "6.7.3.3", "no /StructParents"));
    CHECK(fails_under(no_key, "UA 7.1", "no /StructParents"));
    // The cover's entry for MCID 0 names the first H1, which lists MCIDs of another page.
    CHECK(fails_under(verify_changed(sample_pdf(),
                                     [](TaggedCopy& t) { t.page_parents(0)[0] = PdfObject(PdfVariant(t.element("H1")->Reference())); }),
                      "6.7.3.3", "does not list it"));
    // An MCID marked in the content that the tree does not have.
    CHECK(fails_under(cover_drawing(with_free_mcid("/P <</MCID $>> BDC 0 0 2 2 re f EMC\n")), "6.7.3.3", "has no element"));
    // An element listing an MCID the content does not mark.
    CHECK(fails_under(verify_changed(sample_pdf(),
                                     [](TaggedCopy& t) {
                                         PdfObject* figure = t.element("Figure");
                                         REQUIRE(figure->GetDictionary().GetKey("K")->IsArray());
                                         figure->GetDictionary().GetKey("K")->GetArray().push_back(cover_mcr(t, t.free_mcid(0)));
                                     }),
                      "6.7.3.3", "does not mark"));
    // A number tree with /Kids is read as well.
    CHECK(verify_changed(sample_pdf(), [](TaggedCopy& t) {
              PdfObject* leaf = t.doc.GetObjects().CreateObject();
              leaf->GetDictionary().AddKey("Nums", *t.resolve(t.root()->GetDictionary().GetKey("ParentTree"))->GetDictionary().GetKey("Nums"));
              PdfArray kids;
              kids.push_back(leaf->Reference());
              PdfDictionary tree;
              tree.AddKey("Kids", kids);
              t.root()->GetDictionary().AddKey("ParentTree", tree);
          }).empty());
}
