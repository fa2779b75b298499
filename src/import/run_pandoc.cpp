#include "import/run_pandoc.hpp"

#include "core/run_program.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace quire::import {

namespace {

std::vector<std::string> arguments(const PandocRun& run) {
    std::vector<std::string> args{"pandoc", "--from=" + run.format, "--to=json"};
    if (!run.media_dir.empty()) args.push_back("--extract-media=" + run.media_dir);
    args.push_back("--");
    args.push_back(run.input);
    return args;
}

}  // namespace
std::string pandoc_format(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".docx" || ext == ".odt") return ext.substr(1);
    // `smart`: straight quotes, -- and ... become curly quotes, dashes and ellipses, as
    // they already are in what Word and LibreOffice save.
    if (ext == ".md" || ext == ".markdown") return "markdown+smart";
    if (ext == ".html" || ext == ".htm") return "html";
    return {};
}

PandocResult run_pandoc(const PandocRun& run) {
    return run_program(ProgramRun{arguments(run), run.working_dir});
}

}  // namespace quire::import
