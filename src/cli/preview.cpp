#include "preview.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

extern char** environ;

namespace quire::cli {
namespace fs = std::filesystem;
namespace {

// Runs a program (no shell: paths are passed as they are); stdout goes to `out_path`
// when given. Returns its exit status, or -1 when it could not be started.
int run_program(const std::vector<std::string>& argv, const std::string& out_path = "") {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!out_path.empty()) posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The page count pdfinfo reports, or -1.
int page_count(const std::string& pdf, const std::string& scratch) {
    const std::string info = scratch + "/info.txt";
    if (run_program({"pdfinfo", pdf}, info) != 0) return -1;
    std::ifstream in(info);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("Pages:", 0) == 0) return std::atoi(line.c_str() + 6);
    }
    return -1;
}

class ScratchDirectory {
public:
    ScratchDirectory() {
        std::string pattern = (fs::temp_directory_path() / "quire-preview-XXXXXX").string();
        if (::mkdtemp(pattern.data())) path_ = pattern;
    }
    ~ScratchDirectory() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    const std::string& path() const { return path_; }
private:
    std::string path_;
};

}  // namespace

std::optional<std::vector<int>> parse_page_spec(const std::string& spec, int count) {
    std::vector<int> pages;
    std::set<int> seen;
    auto add = [&](int p) {
        if (p >= 1 && p <= count && seen.insert(p).second) pages.push_back(p);
    };
    if (spec.empty()) {
        for (int p = 1; p <= count; ++p) add(p);
        return pages;
    }
    std::istringstream in(spec);
    std::string part;
    while (std::getline(in, part, ',')) {
        int first = 0, last = 0;
        char dash = 0, extra = 0;
        std::istringstream p(part);
        p.imbue(std::locale::classic());
        if (!(p >> first) || first < 1) return std::nullopt;
        last = first;
        if (p >> dash) {
            if (dash != '-' || !(p >> last) || last < first) return std::nullopt;
        }
        if (p >> extra) return std::nullopt;
        for (int q = first; q <= last && q <= count; ++q) add(q);
    }
    return pages;
}

ExitCode run_preview(const PreviewRequest& request, DiagnosticSink& sink, std::ostream& log) {
    if (!parse_page_spec(request.pages, 1)) {
        log << "quire: error: --pages '" << request.pages << "' is not a page list (examples: 1-4, 2, 1,3,5-6)\n";
        return exit_usage_error;
    }
    ScratchDirectory scratch;
    if (scratch.path().empty()) {
        log << "quire: error: cannot make a temporary directory\n";
        return exit_output_error;
    }
    BuildRequest build = request.build;
    build.output = scratch.path() + "/preview.pdf";
    if (ExitCode code = build_issue(build, sink); code != exit_ok) return code;

    const int count = page_count(build.output, scratch.path());
    if (count < 1) {
        log << "quire: error: pdfinfo (poppler-utils) could not read the typeset PDF\n";
        return exit_output_error;
    }
    const std::vector<int> pages = *parse_page_spec(request.pages, count);
    if (pages.empty()) {
        log << "quire: error: --pages " << request.pages << ": the issue has " << count << " pages\n";
        return exit_usage_error;
    }
    std::error_code ec;
    fs::create_directories(request.directory, ec);
    if (ec) {
        log << "quire: error: cannot create " << request.directory << ": " << ec.message() << "\n";
        return exit_output_error;
    }
    for (int p : pages) {
        const std::string number = std::to_string(p);
        const std::string base = (fs::path(request.directory) / ("page-" + number)).string();
        if (run_program({"pdftoppm", "-png", "-r", std::to_string(request.dpi), "-f", number, "-l", number,
                         "-singlefile", build.output, base}) != 0) {
            log << "quire: error: pdftoppm (poppler-utils) failed on page " << number << "\n";
            return exit_output_error;
        }
        log << "quire: wrote " << base << ".png\n";
    }
    return exit_ok;
}

}  // namespace quire::cli
