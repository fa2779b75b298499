// Annotations in tagged PDF, broken one at a time on copies of quire's own tagged
// sample (its first link): each in a Link or Annot element by an OBJR, its
// /StructParent leading there, described by /Contents, its page read in structure
// order (PDF/UA-1 7.18; PDF/A-2a 6.7.3.3).
#include "sample_pdf.hpp"
#include "tagged_copy.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace quire;
using namespace quire::test;
using namespace PoDoFo;

namespace {

// The sample with its first link, the link's page and its element changed by `change`.
std::vector<verify::Failure> link_changed(const std::function<void(TaggedCopy&, const TaggedCopy::Annotation&)>& change) {
    return verify_changed(sample_pdf(), [&](TaggedCopy& t) { change(t, t.annotation("Link")); });
}

void set_type(PdfObject* e, const char* type) { e->GetDictionary().AddKey("S", PdfName(type)); }

}  // namespace

TEST_CASE("annotations are tagged by an OBJR in a Link or Annot element", "[verify][tagged]") {
    using A = const TaggedCopy::Annotation&;
    CHECK(fails_under(link_changed([](TaggedCopy&, A a) { a.annot->GetDictionary().RemoveKey("StructParent"); }), "UA 7.18.5",
                      "28-011"));
    CHECK(fails_under(link_changed([](TaggedCopy&, A a) { set_type(a.element, "Span"); }), "UA 7.18.5", "not /Link"));
    CHECK(fails_under(link_changed([](TaggedCopy& t, A a) {
                          PdfArray& kids = a.element->GetDictionary().GetKey("K")->GetArray();
                          const auto objr = std::find_if(kids.begin(), kids.end(), [&](PdfObject& kid) {
                              PdfObject* k = t.resolve(&kid);
                              return k->IsDictionary() && k->GetDictionary().HasKey("Type") &&
                                     k->GetDictionary().GetKey("Type")->GetName() == "OBJR";
                          });
                          REQUIRE(objr != kids.end());
                          kids.erase(objr);
                      }),
                      "UA 7.18.5", "no OBJR"));
    // /StructParent that leads elsewhere in the parent tree: the page's own entry.
    CHECK(fails_under(link_changed([](TaggedCopy& t, A a) {
                          a.annot->GetDictionary().AddKey("StructParent", *t.page(a.page)->GetDictionary().GetKey("StructParents"));
                      }),
                      "6.7.3.3", "StructParent"));
}

TEST_CASE("annotations are described and their pages read in structure order", "[verify][tagged]") {
    using A = const TaggedCopy::Annotation&;
    CHECK(fails_under(link_changed([](TaggedCopy&, A a) { a.annot->GetDictionary().RemoveKey("Contents"); }), "UA 7.18.5", "28-012"));
    CHECK(fails_under(link_changed([](TaggedCopy& t, A a) { t.page(a.page)->GetDictionary().RemoveKey("Tabs"); }), "UA 7.18.3",
                      "28-008"));
    CHECK(fails_under(link_changed([](TaggedCopy& t, A a) { t.page(a.page)->GetDictionary().AddKey("Tabs", PdfName("R")); }),
                      "UA 7.18.3", "28-009"));
    // Other annotations belong in an Annot element, and need /Contents or the element's /Alt.
    CHECK(fails_under(link_changed([](TaggedCopy&, A a) { a.annot->GetDictionary().AddKey("Subtype", PdfName("Square")); }),
                      "UA 7.18.1", "28-002"));
    const auto square = link_changed([](TaggedCopy&, A a) {
        a.annot->GetDictionary().AddKey("Subtype", PdfName("Square"));
        a.annot->GetDictionary().RemoveKey("Contents");
        set_type(a.element, "Annot");
    });
    CHECK(fails_under(square, "UA 7.18.1", "28-004"));
    CHECK_FALSE(fails_under(square, "UA 7.18.1", "28-002"));
}
