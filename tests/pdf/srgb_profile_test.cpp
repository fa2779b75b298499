// Issue 21: the sRGB profile is looked for at run time; when none is found, PDF/A
// output is an error that says where quire looked and how to point it at one.
#include "pdf/document_parts.hpp"
#include "pdf/pdf_options.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace quire;

TEST_CASE("the sRGB profile is searched for in QUIRE_SRGB_PROFILE, then where Debian's packages put one", "[pdf]") {
    ::setenv("QUIRE_SRGB_PROFILE", "/mine/sRGB.icc", 1);
    const SearchPath path = pdf::srgb_profile_search_path();
    ::unsetenv("QUIRE_SRGB_PROFILE");
    REQUIRE(path.places.size() >= 3);
    CHECK(path.places[0] == "/mine/sRGB.icc");
    CHECK(path.places[1] == "/usr/share/color/icc/sRGB.icc");
    CHECK(path.variable == "QUIRE_SRGB_PROFILE");
    // icc-profiles-free (.ci/setup) is where a default build finds it.
    CHECK(pdf::PdfOptions{}.output_intent_profile == "/usr/share/color/icc/sRGB.icc");
}

TEST_CASE("no sRGB profile found: the error lists where quire looked and names the variable and the option", "[pdf]") {
    DiagnosticSink sink;
    pdf::report_srgb_profile_problem("", "PDF/A needs one for its output intent (or build with --draft)", sink);
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]) ==
          "quire: error: no sRGB ICC profile found (looked for " + pdf::srgb_profile_search_path().listed() +
              "); PDF/A needs one for its output intent (or build with --draft): install Debian's icc-profiles-free, "
              "or set QUIRE_SRGB_PROFILE or --srgb-profile to one");
    CHECK(format_diagnostic(sink.all()[0]).find("/usr/share/color/icc/colord/sRGB.icc") != std::string::npos);
}
