// `--jobs`: galleys set on a thread of their own and pages deflated beside the writer
// give the same file as one thread, byte for byte, and the same diagnostics, in every
// mode and issue shape: nothing in the PDF may depend on which thread did what first.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace quire::test;
namespace fs = std::filesystem;

namespace {

struct Built {
    ToolResult run;
    std::vector<std::pair<std::string, std::string>> files;  // name, bytes: the PDF, and --articles' files
};

Built build(const std::string& manifest, const std::string& mode, int jobs, const ScratchDir& dir) {
    // The same names in a folder per run: the archive record names the files.
    const fs::path out = dir.path() / ("jobs" + std::to_string(jobs));
    fs::create_directories(out);
    const fs::path articles = out / "articles";
    std::string args = mode;
    if (mode == "--articles") args += " " + quoted(articles.string());
    Built b;
    b.run = run_tool("env SOURCE_DATE_EPOCH=0 " + quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " -o " +
                     quoted((out / "issue.pdf").string()) + " --jobs " + std::to_string(jobs) + " " + args);
    b.files.emplace_back("issue", read_bytes((out / "issue.pdf").string()));
    if (fs::is_directory(articles)) {
        std::vector<fs::path> paths;
        for (const auto& entry : fs::directory_iterator(articles)) paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        for (const fs::path& p : paths) b.files.emplace_back(p.filename().string(), read_bytes(p.string()));
    }
    return b;
}

}  // namespace

TEST_CASE("every thread count gives the same bytes and the same diagnostics", "[pipeline][threads]") {
    const std::string manifest = GENERATE(as<std::string>{}, "issues/2025-spring/issue.xml", "tests/golden/long-issue/issue.xml",
                                          "tests/golden/features-issue/issue.xml", "tests/golden/notes-issue/issue.xml");
    const std::string mode = GENERATE(as<std::string>{}, "", "--draft", "--proof", "--print", "--impose booklet", "--articles");
    INFO(manifest << " " << mode);
    ScratchDir dir;
    const Built one = build(manifest, mode, 1, dir);
    REQUIRE(one.run.exit_code == 0);
    REQUIRE(one.files.front().second.size() > 10000);
    if (mode == "--articles") CHECK(one.files.size() > 2);
    for (int jobs : {2, 3}) {
        INFO("--jobs " << jobs);
        const Built many = build(manifest, mode, jobs, dir);
        CHECK(many.run.exit_code == 0);
        CHECK(many.run.err == one.run.err);
        REQUIRE(many.files.size() == one.files.size());
        for (std::size_t f = 0; f < one.files.size(); ++f) {
            INFO(one.files[f].first);
            CHECK(many.files[f].first == one.files[f].first);
            CHECK((many.files[f].second == one.files[f].second));
        }
    }
}

TEST_CASE("a build takes --jobs as a count of threads from 1", "[pipeline][threads]") {
    ScratchDir dir;
    const ToolResult zero = run_tool(quoted(QUIRE_BINARY) + " build issues/2025-spring/issue.xml -o " +
                                     quoted(dir.file("a.pdf")) + " --jobs 0");
    CHECK(zero.exit_code == 2);
    CHECK(zero.err.find("--jobs") != std::string::npos);
    CHECK(!fs::exists(dir.file("a.pdf")));
}
