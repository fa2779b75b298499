// Where `quire build -o` may write (issue 14): a device or a FIFO is written into and
// never replaced, "-" is standard output, anything else that is not a regular file is
// refused with exit 2, and a build killed at any moment leaves the old PDF whole and
// no temporary file behind.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace quire::test;
namespace fs = std::filesystem;

namespace {

const std::string sample = "issues/2025-spring/issue.xml";

std::string build_to(const std::string& output) {
    return quoted(QUIRE_BINARY) + " build " + quoted(sample) + " -o " + output;
}

std::vector<std::string> entries_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

const std::string& reference_pdf() {
    static ScratchDir dir;
    static const std::string bytes = [] {
        const ToolResult r = run_tool(build_to(quoted(dir.file("issue.pdf"))));
        REQUIRE(r.exit_code == 0);
        return read_bytes(dir.file("issue.pdf"));
    }();
    return bytes;
}

// Starts quire writing to `output` and SIGKILLs it after `delay` (a negative delay:
// lets it finish); returns whether it finished by itself.
bool build_and_kill(const std::string& output, std::chrono::microseconds delay) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDERR_FILENO);
        ::execl(QUIRE_BINARY, QUIRE_BINARY, "build", sample.c_str(), "-o", output.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    if (delay.count() >= 0) {
        std::this_thread::sleep_for(delay);
        ::kill(pid, SIGKILL);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status);
}

}  // namespace

// The null device, as -o /dev/null: a node of its own in a scratch directory where the
// test may make one (as root, as CI runs), so that a quire that replaced the device
// would damage only the test's copy; /dev/null itself elsewhere.
TEST_CASE("output /dev/null: written into, left a device", "[cli][output]") {
    ScratchDir dir;
    std::string device = dir.file("null");
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) device = "/dev/null";
    struct stat before {};
    REQUIRE(::stat(device.c_str(), &before) == 0);
    REQUIRE(S_ISCHR(before.st_mode));
    const ToolResult r = run_tool(build_to(quire::test::quoted(device)));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    struct stat after {};
    REQUIRE(::stat(device.c_str(), &after) == 0);
    CHECK(S_ISCHR(after.st_mode));
    CHECK(after.st_rdev == before.st_rdev);
    CHECK(after.st_ino == before.st_ino);
    for (const std::string& name : entries_in(fs::path(device).parent_path())) CHECK(name.find("null.tmp-") == std::string::npos);
}

TEST_CASE("output -: the PDF on standard output and nothing else there", "[cli][output]") {
    const ToolResult r = run_tool(build_to("-"));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == reference_pdf());
    CHECK(r.err.empty());
    CHECK_FALSE(fs::exists("-"));  // (a quire that took "-" for a file name would leave one here)
}

TEST_CASE("output - into a pipe whose reader has gone: an output error, not a silent death", "[cli][output]") {
    // PIPESTATUS is bash's: run the pipeline under bash.
    const ToolResult b = run_tool("bash -c " + quoted(build_to("-") + " | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}"));
    CHECK(b.exit_code == 3);
    CHECK(b.err.find("quire: error: cannot write the PDF to standard output: Broken pipe") != std::string::npos);
}

TEST_CASE("a FIFO is written into, not replaced", "[cli][output]") {
    ScratchDir dir;
    const std::string fifo = dir.file("pipe");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // timeout: were the FIFO replaced, cat would wait for a writer forever.
    const ToolResult r = run_tool("timeout 30 cat " + quoted(fifo) + " > " + quoted(dir.file("read.pdf")) + " & " +
                                  build_to(quoted(fifo)) + "; status=$?; wait; exit $status");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    struct stat st {};
    REQUIRE(::stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK(read_bytes(dir.file("read.pdf")) == reference_pdf());
    CHECK(entries_in(dir.path()) == std::vector<std::string>{"pipe", "read.pdf"});
}

TEST_CASE("a directory or a socket as the output is refused with exit 2", "[cli][output]") {
    ScratchDir dir;
    SECTION("directory") {
        const ToolResult r = run_tool(build_to(quoted(dir.path().string())));
        CHECK(r.exit_code == 2);
        CHECK(r.err == dir.path().string() + ": error: the output is a directory; name the PDF file to write (e.g. -o " +
                           dir.file("issue.pdf") + ")\n");
    }
    SECTION("socket") {
        const std::string path = dir.file("sock");
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        const ToolResult r = run_tool(build_to(quoted(path)));
        ::close(fd);
        CHECK(r.exit_code == 2);
        CHECK(r.err == path + ": error: the output is a socket; quire writes a regular file, a character device or a "
                              "pipe (-o - for standard output)\n");
        struct stat st {};
        REQUIRE(::stat(path.c_str(), &st) == 0);
        CHECK(S_ISSOCK(st.st_mode));
    }
}

TEST_CASE("30 builds killed near their end leave the old PDF whole and no temporary file", "[cli][output]") {
    ScratchDir dir;
    const std::string pdf = dir.file("issue.pdf");
    std::ofstream(pdf, std::ios::binary) << reference_pdf();
    // How long a whole build takes here (the median of five), then kills spread over
    // its last 45 ms, where it writes, flushes and renames the PDF.
    std::vector<std::chrono::microseconds> runs;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        REQUIRE(build_and_kill(pdf, std::chrono::microseconds(-1)));
        runs.push_back(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start));
    }
    std::sort(runs.begin(), runs.end());
    const auto whole = runs[2];
    int killed = 0;
    for (int trial = 0; trial < 30; ++trial) {
        const auto delay = whole - std::chrono::microseconds(40000) + std::chrono::microseconds(1500) * trial;
        if (!build_and_kill(pdf, delay)) ++killed;
        INFO("trial " << trial << ", killed after " << delay.count() << " us of a " << whole.count() << " us build");
        CHECK(read_bytes(pdf) == reference_pdf());
        CHECK(entries_in(dir.path()) == std::vector<std::string>{"issue.pdf"});
    }
    CHECK(killed > 0);  // some trials did kill a running build
}

TEST_CASE("a named temporary file left by a killed build is removed by the next build", "[cli][output]") {
    ScratchDir dir;
    const std::string pdf = dir.file("issue.pdf");
    // A process id that is not running (the largest Linux allows is below 2^22), the
    // naming of earlier versions (no process id), and another file that is not ours.
    std::ofstream(dir.file(".issue.pdf.tmp-4194999-Ab12Cd")) << "stale";
    std::ofstream(dir.file(".issue.pdf.tmp-Xy34Zw")) << "stale";
    std::ofstream(dir.file(".other.pdf.tmp-4194999-Ab12Cd")) << "not ours";
    // A build still running in this very process keeps its file.
    const std::string live = ".issue.pdf.tmp-" + std::to_string(::getpid()) + "-Qq11Rr";
    std::ofstream(dir.file(live)) << "in use";
    const ToolResult r = run_tool(build_to(quoted(pdf)));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(entries_in(dir.path()) == std::vector<std::string>{live, ".other.pdf.tmp-4194999-Ab12Cd", "issue.pdf"});
}
