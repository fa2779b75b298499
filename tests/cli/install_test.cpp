// Issue 21: `cmake --install` gives a quire that works from anywhere and finds its data
// beside itself. The prefix is installed, then moved, to prove that nothing points back
// at the install's first place, the build tree or the source tree.
#include "magazine_pdf.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace quire::test;
namespace fs = std::filesystem;

TEST_CASE("an installed quire, moved elsewhere, starts a magazine and builds its first issue", "[install]") {
    ScratchDir dir;
    const ToolResult install = run_tool(quoted(QUIRE_CMAKE) + " --install " + quoted(QUIRE_BUILD_TREE) + " --prefix " +
                                        quoted(dir.file("p")));
    INFO(install.out + install.err);
    REQUIRE(install.exit_code == 0);
    fs::rename(dir.path() / "p", dir.path() / "moved");
    const fs::path moved = dir.path() / "moved";
    for (const char* file : {"bin/quire", "share/quire/layouts/review.xml", "share/quire/layouts/a5-single.xml",
                             "share/quire/fonts/README.md", "share/quire/fonts/EBGaramond/LICENSE.txt",
                             "share/quire/fonts/EBGaramond/EBGaramond12-Regular.otf", "share/quire/fonts/Inter/LICENSE.txt",
                             "share/quire/fonts/Inter/protrusion.xml", "share/quire/template/README.md",
                             "share/quire/template/issues/first-issue/issue.xml", "share/doc/quire/LICENSE"}) {
        INFO(file);
        CHECK(fs::is_regular_file(moved / file));
    }

    fs::create_directories(dir.path() / "elsewhere");
    const std::string quire = quoted((moved / "bin/quire").string());
    const std::string cd = "cd " + quoted(dir.file("elsewhere")) + " && ";
    // Its data is its own: not the source tree, not the build tree, not the first prefix.
    const ToolResult paths = run_tool(cd + quire + " paths");
    INFO(paths.out + paths.err);
    REQUIRE(paths.exit_code == 0);
    CHECK(paths.out.starts_with("data: " + (moved / "share/quire").string() + "\n"));
    CHECK(paths.out.find(QUIRE_SOURCE_DIR) == std::string::npos);

    const ToolResult init = run_tool(cd + quire + " init mag");
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    const ToolResult build = run_tool(cd + quire + " build mag/issues/first-issue/issue.xml");
    INFO(build.err);
    REQUIRE(build.exit_code == 0);
    CHECK(build.err.empty());
    check_first_issue_pdf(dir.file("elsewhere/mag/issues/first-issue/issue.pdf"));
    // The magazine's fonts are its own copies of the installed ones.
    CHECK(read_bytes(dir.file("elsewhere/mag/fonts/Inter/Inter-Regular.otf")) ==
          read_bytes((moved / "share/quire/fonts/Inter/Inter-Regular.otf").string()));
}
