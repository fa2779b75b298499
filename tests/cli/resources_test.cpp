// Issue 21: hyphenation patterns and the sRGB profile are found at run time, the
// user's places first (--hyphen-dir, QUIRE_HYPHEN_PATH; --srgb-profile,
// QUIRE_SRGB_PROFILE), and `quire paths` says where quire looks.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace quire::test;
namespace fs = std::filesystem;

namespace {

const std::string sample = "issues/2025-spring/issue.xml";
const std::string gs_srgb = "/usr/share/color/icc/ghostscript/srgb.icc";  // libgs-common (ghostscript)

std::string quire_command(const std::string& args) { return quoted(QUIRE_BINARY) + " " + args; }

// A folder whose en-GB patterns hyphenate nothing: libhyphen reads an empty file as
// patterns without a pattern.
std::string no_hyphenation_dir(const ScratchDir& dir) {
    fs::create_directories(dir.path() / "patterns");
    std::ofstream(dir.file("patterns/hyph_en_GB.dic")) << "";
    return dir.file("patterns");
}

}  // namespace

TEST_CASE("quire paths lists --hyphen-dir, then QUIRE_HYPHEN_PATH, then the system's places", "[cli][resources]") {
    ScratchDir dir;
    const ToolResult plain = run_tool(quire_command("paths"));
    REQUIRE(plain.exit_code == 0);
    CHECK(plain.out.find("hyphenation patterns searched (QUIRE_HYPHEN_PATH): /usr/share/hyphen, "
                         "/usr/local/share/hyphen, ") != std::string::npos);
    CHECK(plain.out.find("sRGB profile: /usr/share/color/icc/sRGB.icc\n") != std::string::npos);

    const ToolResult named = run_tool("QUIRE_HYPHEN_PATH=/a:/b " + quire_command("paths --hyphen-dir " + quoted(dir.path().string())));
    REQUIRE(named.exit_code == 0);
    CHECK(named.out.find("hyphenation patterns searched (QUIRE_HYPHEN_PATH): " + dir.path().string() +
                         ", /a, /b, /usr/share/hyphen, /usr/local/share/hyphen, ") != std::string::npos);

    const ToolResult profile = run_tool("QUIRE_SRGB_PROFILE=" + gs_srgb + " " + quire_command("paths"));
    CHECK(profile.out.find("sRGB profile: " + gs_srgb + "\n") != std::string::npos);
    CHECK(profile.out.find("sRGB profile searched (QUIRE_SRGB_PROFILE): " + gs_srgb + ", /usr/share/color/icc/sRGB.icc") !=
          std::string::npos);
}

TEST_CASE("patterns from QUIRE_HYPHEN_PATH or --hyphen-dir are the ones a build uses", "[cli][resources]") {
    ScratchDir dir;
    const std::string patterns = no_hyphenation_dir(dir);
    const ToolResult usual = run_tool(quire_command("build " + sample + " --draft -o " + quoted(dir.file("usual.pdf"))));
    REQUIRE(usual.exit_code == 0);
    const ToolResult by_variable = run_tool("QUIRE_HYPHEN_PATH=" + quoted(patterns) + " " +
                                            quire_command("build " + sample + " --draft -o " + quoted(dir.file("variable.pdf"))));
    INFO(by_variable.err);
    REQUIRE(by_variable.exit_code == 0);
    const ToolResult by_option = run_tool(quire_command("build " + sample + " --draft --hyphen-dir " + quoted(patterns) +
                                                        " -o " + quoted(dir.file("option.pdf"))));
    REQUIRE(by_option.exit_code == 0);
    // Without hyphenation the article's paragraphs break elsewhere.
    CHECK(read_bytes(dir.file("variable.pdf")) != read_bytes(dir.file("usual.pdf")));
    CHECK(read_bytes(dir.file("option.pdf")) == read_bytes(dir.file("variable.pdf")));

    const ToolResult missing = run_tool(quire_command("build " + sample + " --hyphen-dir /nonexistent/patterns"));
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.starts_with("quire: error: --hyphen-dir: Directory does not exist: /nonexistent/patterns"));
}

TEST_CASE("the sRGB profile from QUIRE_SRGB_PROFILE or --srgb-profile goes into the output intent", "[cli][resources]") {
    ScratchDir dir;
    const std::string gs_profile = read_bytes(gs_srgb);
    REQUIRE(gs_profile.size() > 128);
    const ToolResult usual = run_tool(quire_command("build " + sample + " -o " + quoted(dir.file("usual.pdf"))));
    REQUIRE(usual.exit_code == 0);
    const ToolResult by_variable = run_tool("QUIRE_SRGB_PROFILE=/nowhere.icc:" + gs_srgb + " " +
                                            quire_command("build " + sample + " -o " + quoted(dir.file("variable.pdf"))));
    REQUIRE(by_variable.exit_code == 0);
    const ToolResult by_option = run_tool(quire_command("build " + sample + " --srgb-profile " + gs_srgb + " -o " +
                                                        quoted(dir.file("option.pdf"))));
    REQUIRE(by_option.exit_code == 0);
    CHECK(read_bytes(dir.file("variable.pdf")) != read_bytes(dir.file("usual.pdf")));
    CHECK(read_bytes(dir.file("option.pdf")) == read_bytes(dir.file("variable.pdf")));
    // The output intent's profile is Ghostscript's (qpdf shows the streams uncompressed).
    const ToolResult qdf = run_tool("qpdf --qdf --object-streams=disable " + quoted(dir.file("option.pdf")) + " " +
                                    quoted(dir.file("option-qdf.pdf")));
    REQUIRE(qdf.exit_code == 0);
    CHECK(read_bytes(dir.file("option-qdf.pdf")).find(gs_profile.substr(0, 128)) != std::string::npos);

    // A profile that is no RGB profile is the user's to fix, said with its path.
    const std::string cmyk = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
    const ToolResult wrong = run_tool(quire_command("build " + sample + " --srgb-profile " + cmyk + " -o " +
                                                    quoted(dir.file("wrong.pdf"))));
    CHECK(wrong.exit_code == 3);  // found out while writing, as every output intent problem is
    CHECK(wrong.err.find(cmyk + ": error: not a readable RGB ICC profile; PDF/A needs one for its output intent") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("wrong.pdf")));
}

// An issue whose one article shows a CMYK JPEG that embeds no profile (PDF/A has to
// be told which CMYK it is: QUIRE_CMYK_PROFILE's, else Ghostscript's).
std::string cmyk_image_issue(const ScratchDir& dir) {
    copy_project(dir);
    fs::create_directories(dir.path() / "issues/c/articles");
    fs::copy_file(std::string(QUIRE_SOURCE_DIR) + "/tests/pdf/data/cmyk.jpg", dir.file("issues/c/articles/cmyk.jpg"));
    std::ofstream(dir.file("issues/c/issue.xml"))
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<issue version=\"1\" layout=\"../../layouts/review.xml\" xml:lang=\"en-GB\">\n"
        << "  <meta><title>CMYK</title><date>2025-04-01</date><publisher>St Andrews Foreign Affairs Society</publisher></meta>\n"
        << "  <article href=\"articles/a.xml\"/>\n</issue>\n";
    std::ofstream(dir.file("issues/c/articles/a.xml"))
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<article version=\"1\" id=\"a\" xml:lang=\"en-GB\">\n<title>Ink</title>\n<body>\n"
        << "<p>A picture printed in four inks.</p>\n"
        << "<figure src=\"cmyk.jpg\" alt=\"A square of colour\"><credit>Test card</credit></figure>\n"
        << "</body>\n</article>\n";
    return dir.file("issues/c/issue.xml");
}

TEST_CASE("the CMYK profile for untagged CMYK images comes from QUIRE_CMYK_PROFILE, else Ghostscript's",
          "[cli][resources]") {
    ScratchDir dir;
    const std::string manifest = cmyk_image_issue(dir);
    const std::string gs_cmyk = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
    const ToolResult paths = run_tool("QUIRE_CMYK_PROFILE=/nowhere.icc " + quire_command("paths"));
    CHECK(paths.out.find("CMYK profile for untagged CMYK images: " + gs_cmyk + "\n") != std::string::npos);
    CHECK(paths.out.find("CMYK profile searched (QUIRE_CMYK_PROFILE): /nowhere.icc, " + gs_cmyk + "\n") !=
          std::string::npos);

    const ToolResult usual = run_tool(quire_command("build " + quoted(manifest) + " -o " + quoted(dir.file("usual.pdf"))));
    INFO(usual.err);
    REQUIRE(usual.exit_code == 0);
    // Another CMYK profile (TeX Live's FOGRA39) named by the variable is the one embedded.
    const std::string fogra = "/usr/share/texlive/texmf-dist/tex/generic/colorprofiles/FOGRA39L_coated.icc";
    const ToolResult named = run_tool("QUIRE_CMYK_PROFILE=" + fogra + " " +
                                      quire_command("build " + quoted(manifest) + " -o " + quoted(dir.file("named.pdf"))));
    REQUIRE(named.exit_code == 0);
    const std::string fogra_bytes = read_bytes(fogra);
    REQUIRE(fogra_bytes.size() > 128);
    REQUIRE(run_tool("qpdf --qdf --object-streams=disable " + quoted(dir.file("named.pdf")) + " " +
                     quoted(dir.file("named-qdf.pdf"))).exit_code == 0);
    CHECK(read_bytes(dir.file("named-qdf.pdf")).find(fogra_bytes.substr(0, 128)) != std::string::npos);
    CHECK(read_bytes(dir.file("named.pdf")) != read_bytes(dir.file("usual.pdf")));

    // One that is no CMYK profile is the user's to fix, and the message names the variable.
    const std::string srgb = "/usr/share/color/icc/sRGB.icc";
    const ToolResult wrong = run_tool("QUIRE_CMYK_PROFILE=" + srgb + " " +
                                      quire_command("build " + quoted(manifest) + " -o " + quoted(dir.file("wrong.pdf"))));
    CHECK(wrong.exit_code == 3);
    CHECK(wrong.err.find(srgb + " is not a readable CMYK profile") != std::string::npos);
    CHECK(wrong.err.find("set QUIRE_CMYK_PROFILE to a CMYK profile") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("wrong.pdf")));
}
