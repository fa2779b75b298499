// Issue 21: `quire init DIR` starts a magazine that builds as it stands, writes what the
// data directory holds (here, the program in the build tree: the source tree), and
// refuses to overwrite anything.
#include "magazine_pdf.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

using namespace quire::test;
namespace fs = std::filesystem;

namespace {

std::string in_dir(const ScratchDir& dir, const std::string& args) {
    return "cd " + quoted(dir.path().string()) + " && " + quoted(QUIRE_BINARY) + " " + args;
}

// Every regular file under `root`, by its path relative to it, with its bytes.
std::map<std::string, std::string> files_under(const fs::path& root) {
    std::map<std::string, std::string> files;
    if (!fs::is_directory(root)) return files;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) files[entry.path().lexically_relative(root).string()] = read_bytes(entry.path().string());
    }
    return files;
}

// `under`/ added to each path of `files`.
std::map<std::string, std::string> prefixed(const std::string& under, const std::map<std::string, std::string>& files) {
    std::map<std::string, std::string> out;
    for (const auto& [path, bytes] : files) out[under.empty() ? path : under + "/" + path] = bytes;
    return out;
}

}  // namespace

TEST_CASE("quire init makes a magazine whose first issue builds without a warning", "[cli][init]") {
    ScratchDir dir;
    const ToolResult init = run_tool(in_dir(dir, "init mag"));
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    CHECK(init.err.empty());
    CHECK(init.out.find("quire build mag/issues/first-issue/issue.xml") != std::string::npos);
    for (const char* file : {"README.md", "layouts/review.xml", "fonts/EBGaramond/LICENSE.txt", "fonts/Inter/LICENSE.txt",
                             "issues/first-issue/issue.xml", "issues/first-issue/articles/walden.xml"}) {
        INFO(file);
        CHECK(fs::is_regular_file(dir.path() / "mag" / file));
    }
    // Nothing left beside it: the magazine was made in a staging folder and renamed.
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);

    const ToolResult build = run_tool(in_dir(dir, "build mag/issues/first-issue/issue.xml"));
    INFO(build.err);
    CHECK(build.exit_code == 0);
    CHECK(build.err.empty());  // no warnings with the shipped layout
    check_first_issue_pdf(dir.file("mag/issues/first-issue/issue.pdf"));
    // Built from inside the magazine, as its README says, and with the other layout.
    CHECK(run_tool("cd " + quoted(dir.file("mag")) + " && " + quoted(QUIRE_BINARY) +
                   " build issues/first-issue/issue.xml --layout layouts/a5-single.xml -o a5.pdf")
              .err.empty());
    CHECK(fs::is_regular_file(dir.file("mag/a5.pdf")));
}

TEST_CASE("quire init writes the data directory's layouts, fonts and template, and nothing else", "[cli][init]") {
    ScratchDir dir;
    REQUIRE(run_tool(in_dir(dir, "init mag")).exit_code == 0);
    // The program in the build tree serves the source tree.
    const ToolResult paths = run_tool(quoted(QUIRE_BINARY) + " paths");
    REQUIRE(paths.exit_code == 0);
    CHECK(paths.out.starts_with("data: " + fs::canonical(QUIRE_SOURCE_DIR).string() + "\n"));

    std::map<std::string, std::string> expected = prefixed("", files_under(QUIRE_SOURCE_DIR "/src/cli/init_template"));
    expected.merge(prefixed("layouts", files_under(QUIRE_SOURCE_DIR "/layouts")));
    expected.merge(prefixed("fonts", files_under(QUIRE_SOURCE_DIR "/fonts")));
    const std::map<std::string, std::string> written = files_under(dir.path() / "mag");
    CHECK(written.size() == expected.size());
    for (const auto& [path, bytes] : expected) {
        INFO(path);
        REQUIRE(written.count(path) == 1);
        CHECK(written.at(path) == bytes);
    }
}

TEST_CASE("quire init refuses a folder that is not empty, and a file, and writes nothing", "[cli][init]") {
    ScratchDir dir;
    fs::create_directories(dir.path() / "mag");
    std::ofstream(dir.file("mag/notes.txt")) << "mine\n";
    std::ofstream(dir.file("file")) << "mine\n";
    const ToolResult full = run_tool(in_dir(dir, "init mag"));
    CHECK(full.exit_code == 1);
    CHECK(full.out.empty());
    CHECK(full.err == "quire: error: 'mag' is not empty; quire init starts a magazine in a new or empty folder and "
                      "overwrites nothing\n");
    const ToolResult file = run_tool(in_dir(dir, "init file"));
    CHECK(file.exit_code == 1);
    CHECK(file.err == "quire: error: 'file' exists and is not a folder; quire init makes a new one\n");
    // Nothing written, nothing left.
    CHECK(files_under(dir.path()) == std::map<std::string, std::string>{{"mag/notes.txt", "mine\n"}, {"file", "mine\n"}});
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 2);

    // An empty folder is a new magazine's place.
    fs::create_directories(dir.path() / "empty");
    CHECK(run_tool(in_dir(dir, "init empty")).exit_code == 0);
    CHECK(fs::is_regular_file(dir.file("empty/issues/first-issue/issue.xml")));
    // ...and once it is made, a second init into it is refused.
    CHECK(run_tool(in_dir(dir, "init empty")).exit_code == 1);
}
