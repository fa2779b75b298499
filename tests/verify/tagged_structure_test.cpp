// The structure tree, broken one element at a time on copies of quire's own tagged
// output (the sample; the features issue for notes, lists and a table): types standard
// or role-mapped (PDF/A-2a 6.7.3.4; PDF/UA-1 7.1), figures with alternative text
// (7.3), headings (7.4), lists and tables as ISO 32000-1 builds them (7.2), notes with
// unique IDs (7.9), element languages that are language tags (6.7.4).
#include "sample_pdf.hpp"
#include "tagged_copy.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::test;
using namespace PoDoFo;

namespace {

std::vector<verify::Failure> sample_changed(const std::function<void(TaggedCopy&)>& change) {
    return verify_changed(sample_pdf(), change);
}

std::vector<verify::Failure> features_changed(const std::function<void(TaggedCopy&)>& change) {
    return verify_changed(features_pdf(), change);
}

void set_type(PdfObject* e, const char* type) { e->GetDictionary().AddKey("S", PdfName(type)); }

PdfDictionary& role_map(TaggedCopy& t) { return t.resolve(t.root()->GetDictionary().GetKey("RoleMap"))->GetDictionary(); }

}  // namespace

TEST_CASE("structure types are standard or role-mapped, standard ones are not remapped", "[verify][tagged]") {
    const auto unmapped = sample_changed([](TaggedCopy& t) { set_type(t.element("Kicker"), "Dateline"); });
    CHECK(fails_under(unmapped, "6.7.3.4", "Dateline"));
    CHECK(fails_under(unmapped, "UA 7.1", "02-001"));
    CHECK(fails_under(sample_changed([](TaggedCopy& t) { role_map(t).AddKey("Span", PdfName("P")); }), "UA 7.1", "02-004"));
    const auto circle = sample_changed([](TaggedCopy& t) {
        role_map(t).AddKey("Kicker", PdfName("Credit"));
        role_map(t).AddKey("Credit", PdfName("Kicker"));
    });
    CHECK(fails_under(circle, "UA 7.1", "02-003"));
    CHECK(fails_under(circle, "6.7.3.4", "circle"));
    // Mapped through another custom type to a standard one is fine.
    CHECK(sample_changed([](TaggedCopy& t) { role_map(t).AddKey("Kicker", PdfName("Credit")); }).empty());
}

TEST_CASE("figures have alternative text", "[verify][tagged]") {
    CHECK(fails_under(sample_changed([](TaggedCopy& t) { t.element("Figure")->GetDictionary().RemoveKey("Alt"); }), "UA 7.3",
                      "13-004"));
    CHECK(sample_changed([](TaggedCopy& t) {
              PdfObject* figure = t.element("Figure");
              figure->GetDictionary().RemoveKey("Alt");
              figure->GetDictionary().AddKey("ActualText", PdfString("A photograph"));
          }).empty());
}

TEST_CASE("headings start at H1, skip no level, and are not mixed with H", "[verify][tagged]") {
    // The sample's headings in order: H1 (contents), H1 (an article of H1 and P), H1 H2 H2.
    CHECK(fails_under(sample_changed([](TaggedCopy& t) { set_type(t.element("H1"), "H2"); }), "UA 7.4.2", "14-002"));
    CHECK(fails_under(sample_changed([](TaggedCopy& t) { t.add_element("H3", t.element("Art")); }), "UA 7.4.2", "14-003"));
    CHECK(fails_under(sample_changed([](TaggedCopy& t) { t.add_element("H", t.element("Art")); }), "UA 7.4.4", "14-007"));
    CHECK(fails_under(sample_changed([](TaggedCopy& t) {
                          PdfObject* article = t.element("Art");
                          set_type(t.element("H1", 1), "H");  // the first article's
                          t.add_element("H", article);
                      }),
                      "UA 7.4.4", "14-006"));
    // H1 then H2 then H1 again is fine.
    CHECK(sample_changed([](TaggedCopy& t) {
              t.add_element("H2", t.element("Art"));
              t.add_element("H1", t.element("Art"));
          }).empty());
}

TEST_CASE("notes have unique IDs", "[verify][tagged]") {
    CHECK(fails_under(features_changed([](TaggedCopy& t) { t.element("Note")->GetDictionary().RemoveKey("ID"); }), "UA 7.9",
                      "19-003"));
    CHECK(fails_under(features_changed([](TaggedCopy& t) {
                          PdfObject* note = t.element("Note");
                          PdfObject* second = t.add_element("Note", t.element("Art"));
                          second->GetDictionary().AddKey("ID", *note->GetDictionary().GetKey("ID"));
                      }),
                      "UA 7.9", "19-004"));
}

TEST_CASE("lists and tables are built as ISO 32000-1 says", "[verify][tagged]") {
    CHECK(fails_under(features_changed([](TaggedCopy& t) { set_type(t.element("L"), "Div"); }), "UA 7.2", "09-005"));
    CHECK(fails_under(features_changed([](TaggedCopy& t) { set_type(t.element("LI"), "Div"); }), "UA 7.2", "a LBody inside a Div"));
    CHECK(fails_under(features_changed([](TaggedCopy& t) { set_type(t.element("TR"), "Div"); }), "UA 7.2", "09-004"));
    CHECK(fails_under(features_changed([](TaggedCopy& t) { set_type(t.element("Table"), "Div"); }), "UA 7.2", "a TR inside a Div"));
    // A Lbl outside a list item is fine: ISO 32000-1 Table 336 gives it to "the same list
    // or other group of like items", a note's number, say.
    CHECK(features_changed([](TaggedCopy& t) { t.add_element("Lbl", t.element("Note")); }).empty());
    // Rows in a TBody are fine.
    CHECK(features_changed([](TaggedCopy& t) {
              PdfObject* table = t.element("Table");
              PdfObject* body = t.add_element("TBody", table);
              PdfObject* row = t.add_element("TR", body);
              t.add_element("TH", row);
              t.add_element("TD", row);
          }).empty());
}

TEST_CASE("element languages are language tags", "[verify][tagged]") {
    const auto bad_lang = sample_changed([](TaggedCopy& t) { t.element("P")->GetDictionary().AddKey("Lang", PdfString("en GB")); });
    CHECK(fails_under(bad_lang, "6.7.4", "en GB"));
    CHECK(fails_under(bad_lang, "UA 7.2", "en GB"));
    CHECK(sample_changed([](TaggedCopy& t) { t.element("P")->GetDictionary().AddKey("Lang", PdfString("de-CH-1996")); }).empty());
}
