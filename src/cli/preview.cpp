#include "preview.hpp"

#include "core/run_program.hpp"

#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <set>
#include <sstream>

namespace quire::cli {
namespace fs = std::filesystem;
namespace {

// The page count pdfinfo reports, or -1.
int page_count(const std::string& pdf) {
    const ProgramResult info = run_program(ProgramRun{{"pdfinfo", pdf}, {}});
    if (info.status != ProgramResult::Status::ok) return -1;
    std::istringstream in(info.out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("Pages:", 0) == 0) return std::atoi(line.c_str() + 6);
    }
    return -1;
}

// A tool's own words on why it failed, on one line after quire's.
std::string said(const ProgramResult& r) {
    std::string text = r.status == ProgramResult::Status::failed ? r.err : r.reason;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    for (char& c : text) {
        if (c == '\n') c = ' ';
    }
    return text.empty() ? "" : ": " + text;
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

    const int count = page_count(build.output);
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
        const ProgramResult drawn = run_program(ProgramRun{
            {"pdftoppm", "-png", "-r", std::to_string(request.dpi), "-f", number, "-l", number, "-singlefile", build.output, base},
            {}});
        if (drawn.status != ProgramResult::Status::ok) {
            log << "quire: error: pdftoppm (poppler-utils) failed on page " << number << said(drawn) << "\n";
            return exit_output_error;
        }
        log << "quire: wrote " << base << ".png\n";
    }
    return exit_ok;
}

}  // namespace quire::cli
