// Tagged PDF (PDF/A-2a, ISO 19005-2 6.7; PDF/UA-1, ISO 14289-1) as quire writes it:
// its own output passes quire verify, and the tagged rules apply only to a file whose
// XMP claims them or when --flavour 2a asks. The rules broken one at a time on copies
// of that output: tagged_catalog_test, tagged_content_test, tagged_structure_test,
// tagged_annotations_test.
#include "sample_pdf.hpp"
#include "tagged_copy.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::test;

namespace {

// What `quire verify` (by the XMP's claims) says of `pdf`: its exit code and report.
ToolResult quire_verify(const std::string& pdf, const std::string& flags = "") {
    return run_tool(quoted(QUIRE_BINARY) + " verify " + flags + " " + quoted(pdf));
}

void passes(const std::string& pdf) {
    const ToolResult r = quire_verify(pdf);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    const auto failures = verify::check_pdfa(pdf, {}).failures;
    for (const verify::Failure& f : failures) UNSCOPED_INFO(f.clause << ": " << f.message);
    CHECK(failures.empty());
}

}  // namespace

TEST_CASE("quire's tagged output passes quire verify as PDF/A-2a and PDF/UA-1", "[verify][tagged]") {
    SECTION("the sample: cover, contents, figures, headings, links") { passes(sample_pdf()); }
    SECTION("the features issue: notes, lists, quotations, a table") { passes(features_pdf()); }
    SECTION("the notes issue: notes split across columns and pages") { passes(notes_pdf()); }
    // Written again by PoDoFo untouched, as the tests that break a copy write it.
    SECTION("a copy written again") { CHECK(verify_changed(features_pdf(), [](TaggedCopy&) {}).empty()); }
}

TEST_CASE("tagged rules apply only to what the XMP claims or --flavour asks", "[verify][tagged]") {
    // quire's output untagged, claiming U: no tagged rule applies.
    TaggedCopy untagged(sample_pdf());
    untag(untagged);
    const std::string pdf = untagged.write();
    CHECK(verify::check_pdfa(pdf, {}).failures.empty());
    // Asked for 2a, it is neither level A nor tagged.
    verify::Options options;
    options.level_a = true;
    const auto as_a = verify::check_pdfa(pdf, options).failures;
    CHECK(fails_under(as_a, "6.6.4", "not A"));
    CHECK(fails_under(as_a, "6.7.2.2", "MarkInfo"));
    CHECK(fails_under(as_a, "6.7.3.3", "StructTreeRoot"));
    CHECK_FALSE(has_ua_clause(as_a));
    // Claiming A without PDF/UA: level A's clauses, none of UA's.
    const auto a_only = verify_changed(sample_pdf(), [](TaggedCopy& t) {
        t.catalog()->GetDictionary().RemoveKey("MarkInfo");
        t.catalog()->GetDictionary().RemoveKey("ViewerPreferences");
        t.edit_xmp([](std::string& xmp) { replace(xmp, "<pdfuaid:part>1</pdfuaid:part>", ""); });
    });
    CHECK(fails_under(a_only, "6.7.2.2"));
    CHECK_FALSE(has_ua_clause(a_only));
}

TEST_CASE("quire verify --flavour 2a holds an untagged file to level A", "[verify][tagged]") {
    TaggedCopy untagged(sample_pdf());
    untag(untagged);
    const std::string pdf = untagged.write();
    CHECK(quire_verify(pdf).exit_code == 0);
    const ToolResult r = quire_verify(pdf, "--flavour 2a");
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("clause 6.7.2.2: the catalog has no /MarkInfo") != std::string::npos);
    CHECK(r.out.find("clause 6.6.4: pdfaid:conformance is U, not A") != std::string::npos);
    CHECK(r.out.find("clause UA") == std::string::npos);
}
