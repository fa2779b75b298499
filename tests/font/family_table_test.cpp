#include "font/family_table.hpp"
#include "test_fonts.hpp"

#include <catch2/catch.hpp>

using namespace quire;
using namespace quire::font;
using model::Slant;
using model::Weight;

namespace {

std::vector<model::FontFamily> families() {
    model::FontFamily body{"Body", test::garamond_regular, test::garamond_italic, test::garamond_bold, "", {"layout.xml", 4, 3}};
    model::FontFamily sans{"Sans", test::inter_regular, test::inter_italic, test::inter_bold, test::inter_semibold_italic, {"layout.xml", 5, 3}};
    model::FontFamily broken{"Broken", "/nonexistent/a.otf", "", "", "", {"layout.xml", 6, 3}};
    return {body, sans, broken};
}

// A layout family that names an installed family instead of files, defined at `line`.
model::FontFamily installed_family(const std::string& name, const std::string& system, int line) {
    model::FontFamily family{name, "", "", "", "", {"layout.xml", line, 3}};
    family.system = system;
    return family;
}

}  // namespace

TEST_CASE("families resolve by weight and slant, loading lazily", "[font]") {
    DiagnosticSink sink;
    FontRegistry registry;
    FamilyTable table(registry, families());
    CHECK(registry.size() == 0);
    const auto regular = table.font("Body", Weight::regular, Slant::upright, {}, sink);
    REQUIRE(regular);
    CHECK(registry.size() == 1);
    CHECK(registry.metrics(*regular).postscript_name == "EBGaramond12-Regular");
    CHECK(registry.metrics(*table.font("Body", Weight::regular, Slant::italic, {}, sink)).postscript_name == "EBGaramond12-Italic");
    CHECK(registry.metrics(*table.font("Body", Weight::bold, Slant::upright, {}, sink)).postscript_name == "EBGaramond12-Bold");
    CHECK(registry.metrics(*table.font("Sans", Weight::bold, Slant::italic, {}, sink)).postscript_name == "Inter-SemiBoldItalic");
    CHECK(sink.all().empty());
}

TEST_CASE("a missing bold italic falls back to bold with one warning at the family", "[font]") {
    DiagnosticSink sink;
    FontRegistry registry;
    FamilyTable table(registry, families());
    const auto a = table.font("Body", Weight::bold, Slant::italic, {"a.xml", 9, 1}, sink);
    const auto b = table.font("Body", Weight::bold, Slant::italic, {"a.xml", 20, 1}, sink);
    REQUIRE((a && b));
    CHECK(*a == *b);
    CHECK(registry.metrics(*a).postscript_name == "EBGaramond12-Bold");
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]) ==
          "layout.xml:4:3: warning: font family 'Body' has no bold italic face; using its bold face instead");
}

TEST_CASE("an unknown family or one whose files fail is an error, reported once", "[font]") {
    DiagnosticSink sink;
    FontRegistry registry;
    FamilyTable table(registry, families());
    CHECK_FALSE(table.font("Nope", Weight::regular, Slant::upright, {"a.xml", 3, 7}, sink));
    CHECK_FALSE(table.font("Nope", Weight::bold, Slant::upright, {"a.xml", 8, 7}, sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]) == "a.xml:3:7: error: the layout defines no font family 'Nope'");

    CHECK_FALSE(table.font("Broken", Weight::regular, Slant::upright, {"a.xml", 4, 1}, sink));
    CHECK_FALSE(table.font("Broken", Weight::regular, Slant::upright, {"a.xml", 4, 1}, sink));
    CHECK(sink.error_count() == 3);  // the file, then the family, each once
    CHECK(sink.all()[1].loc.line == 6);
}

TEST_CASE("fallback fonts follow the layout's order in the same style", "[font]") {
    DiagnosticSink sink;
    FontRegistry registry;
    FamilyTable table(registry, families());
    const auto chain = table.fallback_fonts({"Sans", "Body", "Sans"}, Weight::bold, Slant::upright, {}, sink);
    REQUIRE(chain.size() == 2);
    CHECK(registry.metrics(chain[0]).postscript_name == "Inter-Bold");
    CHECK(registry.metrics(chain[1]).postscript_name == "EBGaramond12-Bold");
}

TEST_CASE("a face's protrusion table is its family's, a face no family loaded gets the default", "[font][protrusion]") {
    DiagnosticSink sink;
    FontRegistry registry;
    std::vector<model::FontFamily> list = families();
    list[0].protrusion[U'.'] = model::Protrusion{0, 900};  // the layout's override
    FamilyTable table(registry, list);
    const auto body = table.font("Body", Weight::regular, Slant::upright, {}, sink);
    const auto sans = table.font("Sans", Weight::regular, Slant::upright, {}, sink);
    REQUIRE(body);
    REQUIRE(sans);
    CHECK(table.protrusion(*body).at(U'.').right == 900);
    CHECK(table.protrusion(*sans).at(U'.').right == 700);  // Sans kept the default
    const FontId stranger = registry.load(test::garamond_bold, {}, sink).value();
    CHECK(&table.protrusion(stranger) == &model::default_protrusion());
}

TEST_CASE("a file two families name takes the first family's protrusion, whichever loads it first", "[font][protrusion]") {
    // Galleys and pages may load faces on two threads (--jobs): which family reaches a
    // file first must not change how its lines are set.
    std::vector<model::FontFamily> list = families();
    model::FontFamily caption{"Caption", test::garamond_regular, "", "", "", {"layout.xml", 7, 3}};
    caption.protrusion[U'.'] = model::Protrusion{0, 300};
    list[0].protrusion[U'.'] = model::Protrusion{0, 900};
    list.push_back(caption);
    for (const char* first : {"Body", "Caption"}) {
        INFO(first << " loads it first");
        DiagnosticSink sink;
        FontRegistry registry;
        FamilyTable table(registry, list);
        const auto a = table.font(first, Weight::regular, Slant::upright, {}, sink);
        const auto b = table.font(std::string(first) == "Body" ? "Caption" : "Body", Weight::regular, Slant::upright, {}, sink);
        REQUIRE(a);
        REQUIRE(a == b);
        CHECK(table.protrusion(*a).at(U'.').right == 900);  // Body comes first in the layout
    }
}

TEST_CASE("a family may be an installed one, found by name in every style", "[font][system]") {
    DiagnosticSink sink;
    FontRegistry registry;
    SystemFonts installed;
    const model::FontFamily arabic = installed_family("Arabic", "Noto Naskh Arabic", 7);
    const model::FontFamily absent = installed_family("Absent", "No Such Family Anywhere", 8);
    FamilyTable table(registry, {arabic, absent}, &installed);
    const auto regular = table.font("Arabic", Weight::regular, Slant::upright, {}, sink);
    const auto bold = table.font("Arabic", Weight::bold, Slant::upright, {}, sink);
    REQUIRE((regular && bold));
    CHECK(registry.metrics(*regular).family_name == "Noto Naskh Arabic");
    CHECK(registry.has_glyph(*regular, U'\u062C'));
    CHECK(registry.metrics(*bold).bold);
    CHECK(sink.all().empty());
    // Not installed: an error at the family, once, whatever fontconfig would substitute.
    CHECK_FALSE(table.font("Absent", Weight::regular, Slant::upright, {}, sink));
    CHECK_FALSE(table.font("Absent", Weight::bold, Slant::upright, {}, sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]) ==
          "layout.xml:8:3: error: font family 'Absent' names the installed family 'No Such Family Anywhere', which "
          "is not installed on this machine (`fc-list : family` lists those that are)");
}

TEST_CASE("with --no-system-fonts an installed family is an error where the layout defines it", "[font][system]") {
    DiagnosticSink sink;
    FontRegistry registry;
    const model::FontFamily arabic = installed_family("Arabic", "Noto Naskh Arabic", 7);
    FamilyTable table(registry, {arabic}, nullptr);
    CHECK_FALSE(table.font("Arabic", Weight::regular, Slant::upright, {}, sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]).starts_with("layout.xml:7:3: error: font family 'Arabic' is the installed family"));
}

TEST_CASE("check_installed finds an installed family that is not there, used or not", "[font][system]") {
    DiagnosticSink sink;
    FontRegistry registry;
    SystemFonts installed;
    const model::FontFamily arabic = installed_family("Arabic", "Noto Naskh Arabic", 7);
    const model::FontFamily typo = installed_family("Typo", "Noto Nask Arabic", 8);
    CHECK(FamilyTable(registry, {arabic}, &installed).check_installed(sink));
    CHECK(sink.all().empty());
    FamilyTable table(registry, {arabic, typo}, &installed);
    CHECK_FALSE(table.check_installed(sink));
    CHECK_FALSE(table.font("Typo", Weight::regular, Slant::upright, {}, sink));  // reported once
    REQUIRE(sink.all().size() == 1);
    CHECK(format_diagnostic(sink.all()[0]).starts_with("layout.xml:8:3: error: font family 'Typo' names the installed family"));
}
