// The designer's loop, run as a designer would: `quire watch` on a scratch copy of the
// sample issue while its layout is edited and broken; `--proof`; `quire preview`; the
// sample issue with the second layout (`--layout layouts/a5-single.xml`).
#include "input/issue_reader.hpp"
#include "issue_words.hpp"
#include "pdf_text.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <locale>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

extern char** environ;

using namespace quire;
using namespace quire::test;
namespace fs = std::filesystem;

namespace {

const std::string sample = "issues/2025-spring/issue.xml";
const std::string a5_layout = "layouts/a5-single.xml";

// The project's layouts/, fonts/ and the sample issue, copied so they can be edited.
std::string copy_sample(const ScratchDir& dir) {
    copy_project(dir, {"issues/2025-spring"});
    return dir.file("issues/2025-spring/issue.xml");
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// Saves as many editors do: a new file renamed over the old one.
void save_by_rename(const std::string& path, const std::string& text) {
    write_file(path + ".swp", text);
    fs::rename(path + ".swp", path);
}

// Waits until `done` holds, checking every 50 ms; gives up after a minute and a half,
// a ceiling for a hung watcher, not a speed requirement.
bool eventually(const std::function<bool()>& done) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (std::chrono::steady_clock::now() < give_up) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// `quire watch` in the background, its stdout and stderr in a file; killed if the
// test ends without stopping it.
class Watcher {
public:
    Watcher(const std::vector<std::string>& args, const std::string& log) {
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(QUIRE_BINARY));
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        if (posix_spawn(&pid_, QUIRE_BINARY, &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Watcher() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    bool started() const { return pid_ > 0; }
    // Sends `sig` and waits for the exit; the exit code, or -1 if it did not exit.
    int stop(int sig) {
        ::kill(pid_, sig);
        int status = 0;
        bool exited = eventually([&] { return ::waitpid(pid_, &status, WNOHANG) == pid_; });
        if (!exited) return -1;
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
private:
    pid_t pid_ = -1;
};

ToolResult run_quire(const std::string& args) { return run_tool(quoted(QUIRE_BINARY) + " " + args); }


}  // namespace

TEST_CASE("quire watch rebuilds on a layout save and keeps the last good PDF on a broken one", "[cli][watch]") {
    ScratchDir dir;
    const std::string manifest = copy_sample(dir);
    const std::string layout = dir.file("layouts/review.xml");
    const std::string pdf = dir.file("out.pdf");
    const std::string log_path = dir.file("watch.log");
    auto log = [&] { return read_bytes(log_path); };

    Watcher watcher({"watch", manifest, "-o", pdf}, log_path);
    REQUIRE(watcher.started());
    REQUIRE(eventually([&] { return log().find("quire: watching") != std::string::npos; }));
    INFO(log());
    REQUIRE(fs::exists(pdf));
    const std::string first = read_bytes(pdf);
    CHECK(log().find("quire: built " + pdf + " in ") != std::string::npos);

    // A visible change, saved the way editors save: the body a point larger.
    const std::string original = read_bytes(layout);
    const std::string body = "name=\"body\" font=\"Serif\" size=\"10.5pt\"";
    REQUIRE(original.find(body) != std::string::npos);
    std::string bigger = original;
    bigger.replace(bigger.find(body), body.size(), "name=\"body\" font=\"Serif\" size=\"11.5pt\"");
    save_by_rename(layout, bigger);
    CHECK(eventually([&] { return read_bytes(pdf) != first; }));
    CHECK(eventually([&] { return count_of(log(), "quire: built ") == 2; }));
    CHECK(log().find("review.xml changed; rebuilding") != std::string::npos);
    const std::string second = read_bytes(pdf);
    CHECK(second != first);

    // A broken save, written in place: a located error, and the PDF left alone.
    std::string broken = bigger;
    broken.replace(broken.find("columns=\"2\""), 11, "columns=\"two\"");
    write_file(layout, broken);
    REQUIRE(eventually([&] { return log().find("quire: build failed") != std::string::npos; }));
    const std::string text = log();
    INFO(text);
    CHECK(text.find("layouts/review.xml:") != std::string::npos);
    CHECK(text.find(": error: ") != std::string::npos);
    CHECK(text.find(pdf + " still holds the last good build") != std::string::npos);
    CHECK(read_bytes(pdf) == second);

    // Mending it builds again.
    write_file(layout, original);
    CHECK(eventually([&] { return count_of(log(), "quire: built ") == 3; }));
    CHECK(read_bytes(pdf) == first);  // the same layout gives the same bytes as before

    CHECK(watcher.stop(SIGTERM) == 0);
    CHECK(log().find("quire: stopped; no longer watching") != std::string::npos);
}

TEST_CASE("quire watch rebuilds when an image or a font it uses changes", "[cli][watch]") {
    ScratchDir dir;
    const std::string manifest = copy_sample(dir);
    const std::string image = dir.file("issues/2025-spring/images/compound-at-night.jpg");
    const std::string font = dir.file("fonts/Inter/Inter-SemiBold.otf");
    const std::string pdf = dir.file("out.pdf");
    const std::string log_path = dir.file("watch.log");
    auto log = [&] { return read_bytes(log_path); };

    Watcher watcher({"watch", manifest, "-o", pdf}, log_path);
    REQUIRE(watcher.started());
    REQUIRE(eventually([&] { return log().find("quire: watching") != std::string::npos; }));
    const std::string first = read_bytes(pdf);

    // A new photograph dropped in under the same name (here: the same JPEG with one
    // comment byte changed, which changes the embedded image stream).
    std::string jpeg = read_bytes(image);
    REQUIRE(jpeg.size() > 100);
    const std::string comment = std::string("\xFF\xFE\x00\x07quire", 9);  // COM marker, length 7 (itself + 5 bytes)
    jpeg.insert(2, comment);
    save_by_rename(image, jpeg);
    CHECK(eventually([&] { return count_of(log(), "quire: built ") == 2; }));
    CHECK(log().find("compound-at-night.jpg changed; rebuilding") != std::string::npos);
    const std::string second = read_bytes(pdf);
    CHECK(second != first);

    // A font replaced by another cut (the titles' SemiBold by the Bold): a new build
    // with the font loaded afresh.
    save_by_rename(font, read_bytes(dir.file("fonts/Inter/Inter-Bold.otf")));
    CHECK(eventually([&] { return count_of(log(), "quire: built ") == 3; }));
    CHECK(log().find("Inter-SemiBold.otf changed; rebuilding") != std::string::npos);
    CHECK(read_bytes(pdf) != second);
    CHECK(watcher.stop(SIGTERM) == 0);
}

TEST_CASE("quire watch stops cleanly on SIGINT before anything changed", "[cli][watch]") {
    ScratchDir dir;
    const std::string manifest = copy_sample(dir);
    const std::string log_path = dir.file("watch.log");
    Watcher watcher({"watch", manifest, "-o", dir.file("out.pdf")}, log_path);
    REQUIRE(watcher.started());
    REQUIRE(eventually([&] { return read_bytes(log_path).find("quire: watching") != std::string::npos; }));
    CHECK(watcher.stop(SIGINT) == 0);
    CHECK(read_bytes(log_path).find("quire: interrupted; no longer watching") != std::string::npos);
}

TEST_CASE("quire build --proof draws guides and marks and counts them on stderr", "[cli][proof]") {
    ScratchDir dir;
    ToolResult plain = run_quire("build " + quoted(sample) + " -o " + quoted(dir.file("plain.pdf")));
    REQUIRE(plain.exit_code == 0);
    ToolResult proof = run_quire("build --proof " + quoted(sample) + " -o " + quoted(dir.file("proof.pdf")));
    INFO(proof.err);
    REQUIRE(proof.exit_code == 0);
    CHECK(proof.err.find("quire: proof: ") != std::string::npos);
    CHECK(proof.err.find(" overfull line") != std::string::npos);
    CHECK(proof.err.find(" loose line") != std::string::npos);
    CHECK(proof.err.find(" widow") != std::string::npos);
    CHECK(proof.err.find(" orphan") != std::string::npos);
    CHECK(proof.err.find(" missing glyph") != std::string::npos);
    CHECK(plain.err.find("quire: proof: ") == std::string::npos);
    // The same text, plus the drawing: the proof is a larger file with the same words,
    // and no proof marker leaks out as a link.
    CHECK(fs::file_size(dir.file("proof.pdf")) > fs::file_size(dir.file("plain.pdf")));
    CHECK(extracted_text(dir.file("proof.pdf")) == extracted_text(dir.file("plain.pdf")));
    CHECK(read_bytes(dir.file("proof.pdf")).find("quire-proof") == std::string::npos);
    ToolResult check = run_tool("qpdf --check " + quoted(dir.file("proof.pdf")));
    CHECK(check.exit_code == 0);
}

TEST_CASE("quire preview writes one PNG per page asked for", "[cli][preview]") {
    ScratchDir dir;
    ToolResult r = run_quire("preview " + quoted(sample) + " --pages 2-3 --dpi 30 -o " + quoted(dir.file("png")));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(fs::exists(dir.file("png/page-1.png")));
    CHECK_FALSE(fs::exists(dir.file("png/page-4.png")));
    for (const char* page : {"png/page-2.png", "png/page-3.png"}) {
        const std::string png = read_bytes(dir.file(page));
        REQUIRE(png.size() > 24);
        CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        // IHDR: the review's A4 page, trimmed (no bleed but in --print), 210 x 297 mm,
        // is 248.0 x 350.8 pixels at 30 dpi.
        auto be32 = [&](std::size_t at) {
            return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
                   (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
        };
        CHECK(std::abs(be32(16) - 248.0) <= 1.5);
        CHECK(std::abs(be32(20) - 350.8) <= 1.5);
    }
    ToolResult bad = run_quire("preview " + quoted(sample) + " --pages 3-1 -o " + quoted(dir.file("png")));
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--pages '3-1' is not a page list") != std::string::npos);
}

TEST_CASE("the sample issue builds with the A5 layout: A5 pages, every word in order", "[cli][layout]") {
    ScratchDir dir;
    const std::string pdf = dir.file("a5.pdf");
    ToolResult r = run_quire("build " + quoted(sample) + " --layout " + a5_layout + " -o " + quoted(pdf));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());

    // The trimmed page (TrimBox; the MediaBox adds the bleed) is A5, 419.53 x 595.28 pt.
    ToolResult info = run_tool("pdfinfo -box " + quoted(pdf));
    REQUIRE(info.exit_code == 0);
    const std::size_t trim = info.out.find("TrimBox:");
    REQUIRE(trim != std::string::npos);
    std::istringstream box(info.out.substr(trim + 8));
    box.imbue(std::locale::classic());
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    REQUIRE(box >> x0 >> y0 >> x1 >> y1);
    CHECK(std::abs(x1 - x0 - 419.53) < 0.05);
    CHECK(std::abs(y1 - y0 - 595.28) < 0.05);

    DiagnosticSink sink;
    input::ReadOptions options;
    options.layout_override = a5_layout;
    auto issue = input::read_issue(sample, options, sink);
    REQUIRE(issue);
    const std::vector<std::string> expected = article_words(*issue);
    REQUIRE(expected.size() > 1500);
    const std::size_t next = words_in_order(expected, words_of(extracted_text(pdf)));
    INFO("first word not found in order: " << (next < expected.size() ? expected[next] : "(none)"));
    CHECK(next == expected.size());
}

TEST_CASE("quire check --layout naming a file that does not exist: a located error", "[cli][layout]") {
    ScratchDir dir;
    ToolResult r = run_quire("check " + quoted(sample) + " --layout layouts/no-such.xml");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("layouts/no-such.xml") != std::string::npos);
}

// README: "stderr ends with a count", also when the build has warnings of its own (here
// the print preflight's, in the layout that approves none of them) and with --timings.
TEST_CASE("the proof count is the last line of stderr, after the warnings", "[cli][proof]") {
    ScratchDir dir;
    ToolResult r = run_quire("build --proof --print --timings " + quoted(sample) + " --layout " + a5_layout + " -o " +
                             quoted(dir.file("p.pdf")));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.err.find(": warning: ") != std::string::npos);
    const std::size_t last = r.err.rfind('\n', r.err.size() - 2);
    CHECK(r.err.compare(last + 1, 14, "quire: proof: ") == 0);
    CHECK(r.err.find("quire: proof: ") == last + 1);
}
