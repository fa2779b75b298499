// `quire build --timings`: a line on stderr for every stage, so a slow build shows
// where its time went. Only the names are checked: tests never judge times.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace quire::test;

TEST_CASE("quire build --timings names every stage on stderr and succeeds", "[cli][timings]") {
    ScratchDir dir;
    const std::string quire = quoted(QUIRE_BINARY);
    ToolResult timed = run_tool(quire + " build --timings issues/2025-spring/issue.xml -o " + quoted(dir.file("out.pdf")));
    INFO(timed.err);
    REQUIRE(timed.exit_code == 0);
    for (const char* stage : {"reading", "shaping", "hyphenation", "paragraph setting", "line breaking",
                              "page building", "font subsetting", "PDF writing", "total"}) {
        INFO(stage);
        CHECK(timed.err.find(std::string("quire: timings: ") + stage + " ") != std::string::npos);
    }
    CHECK(timed.out.empty());

    ToolResult plain = run_tool(quire + " build issues/2025-spring/issue.xml -o " + quoted(dir.file("plain.pdf")));
    REQUIRE(plain.exit_code == 0);
    CHECK(plain.err.find("quire: timings:") == std::string::npos);
    // Timing a build does not change what it writes.
    CHECK(read_bytes(dir.file("out.pdf")) == read_bytes(dir.file("plain.pdf")));
}

// Issue 19: the program allocates with mimalloc (CMakeLists.txt's QUIRE_MIMALLOC),
// which says so on stderr when MIMALLOC_VERBOSE is set; the system's malloc would not.
TEST_CASE("the quire program allocates with mimalloc", "[cli][timings]") {
#ifdef QUIRE_MIMALLOC
    const ToolResult run = run_tool("MIMALLOC_VERBOSE=1 " + quoted(QUIRE_BINARY) + " --version");
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("mimalloc:") != std::string::npos);
#else
    SUCCEED("a sanitizer build keeps the sanitizer's allocator");
#endif
}

// Issue 19: mimalloc's heap on 2 MiB pages, every thread's from its first segment
// (src/cli/allocator.cpp), set before mimalloc starts: its verbose start-up lists the
// options as they are. Defaults only: the environment still has the last word.
TEST_CASE("the quire program asks mimalloc for large pages and lets the environment say no", "[cli][timings]") {
#ifdef QUIRE_MIMALLOC
    const ToolResult run = run_tool("MIMALLOC_VERBOSE=1 " + quoted(QUIRE_BINARY) + " --version");
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("option 'large_os_pages': 1\n") != std::string::npos);
    CHECK(run.err.find("option 'eager_commit_delay': 0\n") != std::string::npos);
    const ToolResult refused = run_tool("MIMALLOC_VERBOSE=1 MIMALLOC_LARGE_OS_PAGES=0 MIMALLOC_EAGER_COMMIT_DELAY=1 " +
                                        quoted(QUIRE_BINARY) + " --version");
    REQUIRE(refused.exit_code == 0);
    CHECK(refused.err.find("option 'large_os_pages': 0\n") != std::string::npos);
    CHECK(refused.err.find("option 'eager_commit_delay': 1\n") != std::string::npos);
#else
    SUCCEED("a sanitizer build keeps the sanitizer's allocator");
#endif
}
