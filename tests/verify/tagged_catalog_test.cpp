// Tagged PDF's catalog and metadata, broken one at a time on copies of quire's own
// tagged sample: MarkInfo, StructTreeRoot, Lang (PDF/A-2a 6.7.2.2, 6.7.3.3, 6.7.4),
// DisplayDocTitle and dc:title (PDF/UA-1 7.1), the pdfuaid extension schema (6.6.2.3).
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

std::function<void(TaggedCopy&)> without(const char* key) {
    return [key](TaggedCopy& t) {
        REQUIRE(t.catalog()->GetDictionary().HasKey(key));
        t.catalog()->GetDictionary().RemoveKey(key);
    };
}

}  // namespace

TEST_CASE("a tagged file's catalog is marked, has a structure tree and a language", "[verify][tagged]") {
    const auto unmarked = sample_changed(without("MarkInfo"));
    CHECK(fails_under(unmarked, "6.7.2.2", "Marked"));
    CHECK(fails_under(unmarked, "UA 7.1", "Marked"));
    CHECK(fails_under(sample_changed([](TaggedCopy& t) {
                          PdfDictionary m;
                          m.AddKey("Marked", true);
                          m.AddKey("Suspects", true);
                          t.catalog()->GetDictionary().AddKey("MarkInfo", m);
                      }),
                      "UA 7.1", "01-007"));
    CHECK(fails_under(sample_changed(without("StructTreeRoot")), "6.7.3.3", "no /StructTreeRoot"));
    const auto no_lang = sample_changed(without("Lang"));
    CHECK(fails_under(no_lang, "6.7.4", "no /Lang"));
    CHECK(fails_under(no_lang, "UA 7.2", "no /Lang"));
    CHECK(fails_under(sample_changed([](TaggedCopy& t) { t.catalog()->GetDictionary().AddKey("Lang", PdfString("english!")); }),
                      "6.7.4", "not a language tag"));
}

TEST_CASE("a PDF/UA file shows its title, has one in the XMP, and describes pdfuaid", "[verify][tagged]") {
    CHECK(fails_under(sample_changed(without("ViewerPreferences")), "UA 7.1", "07-001"));
    CHECK(fails_under(sample_changed([](TaggedCopy& t) {
                          PdfDictionary p;
                          p.AddKey("DisplayDocTitle", false);
                          t.catalog()->GetDictionary().AddKey("ViewerPreferences", p);
                      }),
                      "UA 7.1", "07-002"));
    CHECK(fails_under(sample_changed([](TaggedCopy& t) {
                          t.edit_xmp([](std::string& xmp) {
                              const std::size_t from = xmp.find("<dc:title>"), to = xmp.find("</dc:title>");
                              REQUIRE(from != std::string::npos);
                              REQUIRE(to != std::string::npos);
                              xmp.erase(from, to + 11 - from);
                          });
                      }),
                      "UA 7.1", "06-003"));
    // pdfuaid in a PDF/A file's XMP needs its extension schema (6.6.2.3).
    CHECK(fails_under(sample_changed([](TaggedCopy& t) {
                          t.edit_xmp([](std::string& xmp) {
                              replace(xmp, "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>", "");
                          });
                      }),
                      "6.6.2.3", "pdfuaid"));
}
