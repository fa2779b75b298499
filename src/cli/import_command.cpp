#include "import_command.hpp"

#include "core/output_target.hpp"
#include "import/article_xml.hpp"
#include "import/from_pandoc.hpp"
#include "import/run_pandoc.hpp"
#include "pdf/safe_output.hpp"

#include <filesystem>
#include <sstream>

namespace quire::cli {

namespace fs = std::filesystem;
using import::PandocResult;

namespace {

// A Markdown or HTML file names its images relative to itself; the article names
// them relative to the article. URLs and absolute paths are left for `quire check` to
// refuse, with its own explanation.
void relocate_images(import::Article& article, const fs::path& source_dir, const fs::path& article_dir) {
    for (import::Block& block : article.body) {
        auto* figure = std::get_if<import::Figure>(&block);
        if (!figure || figure->src.find("://") != std::string::npos || fs::path(figure->src).is_absolute()) continue;
        const fs::path image = fs::absolute(source_dir / figure->src).lexically_normal();
        figure->src = image.lexically_relative(fs::absolute(article_dir).lexically_normal()).generic_string();
    }
}

// Pandoc's own warnings ("[WARNING] Could not fetch resource ...") passed on, one a line.
void pass_on(const std::string& messages, const std::string& source, DiagnosticSink& sink, Severity severity) {
    std::istringstream lines(messages);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) sink.report(severity, {source, 0, 0}, "pandoc: " + line);
    }
}

// Where pandoc fails or is missing: the one line the user sees, and the exit code.
ExitCode pandoc_failed(const PandocResult& result, const std::string& source, DiagnosticSink& sink) {
    switch (result.status) {
        case PandocResult::Status::not_installed:
            sink.error({source, 0, 0}, "pandoc is not installed; quire imports through it (Debian: apt install pandoc)");
            return exit_output_error;
        case PandocResult::Status::cannot_run:
            sink.error({source, 0, 0}, "cannot run pandoc: " + result.reason);
            return exit_output_error;
        default:
            // Pandoc fails on what it cannot read: a damaged or mislabelled file.
            if (result.err.empty()) sink.error({source, 0, 0}, "pandoc could not read this file");
            pass_on(result.err, source, sink, Severity::error);
            return exit_input_error;
    }
}

// The checks that need no pandoc: what kind of file, that it is there, where it goes.
bool check_paths(const ImportRequest& request, DiagnosticSink& sink) {
    const SourceLoc input{request.input, 0, 0};
    std::error_code ec;
    if (import::pandoc_format(request.input).empty()) {
        sink.error(input, "quire imports .docx, .odt, .md (Markdown) and .html files, not \"" +
                              fs::path(request.input).extension().string() + "\"");
    } else if (!fs::is_regular_file(request.input, ec)) {
        sink.error(input, fs::exists(request.input, ec) ? "not a regular file" : "no such file");
    }
    std::string refusal;
    const OutputTarget target = output_target(request.output, &refusal);
    const fs::path dir = fs::absolute(request.output).parent_path();
    if (fs::is_directory(request.output, ec)) {
        sink.error({request.output, 0, 0}, "the output is a directory; name the article file to write (-o " +
                                               (fs::path(request.output) / "NAME.xml").string() + ")");
    } else if (target == OutputTarget::refused) sink.error({request.output, 0, 0}, refusal);
    else if (target != OutputTarget::file) sink.error({request.output, 0, 0}, "name the article file to write (-o articles/NAME.xml)");
    else if (fs::exists(request.output, ec) && !request.force) {
        sink.error({request.output, 0, 0}, "the article exists already; quire import replaces it only with --force");
    } else if (!fs::is_directory(dir, ec)) {
        sink.error({request.output, 0, 0}, "no such directory: " + dir.string());
    }
    return !sink.has_errors();
}

}  // namespace

ExitCode run_import(const ImportRequest& request, DiagnosticSink& sink) {
    if (!check_paths(request, sink)) return exit_input_error;
    const fs::path output = fs::absolute(request.output);
    const std::string format = import::pandoc_format(request.input);
    import::PandocRun run{fs::absolute(request.input).string(), format, output.parent_path().string(), {}};
    // Only Word and LibreOffice files carry their images inside them.
    if (format == "docx" || format == "odt") run.media_dir = output.stem().string() + "-images";
    const PandocResult result = import::run_pandoc(run);
    if (result.status != PandocResult::Status::ok) return pandoc_failed(result, request.input, sink);
    pass_on(result.err, request.input, sink, Severity::warning);

    import::Article article;
    try {
        const nlohmann::json tree = nlohmann::json::parse(result.out);
        article = import::from_pandoc(tree, {request.input}, sink);
    } catch (const nlohmann::json::exception& e) {
        // Not pandoc 2.17's tree: a pandoc quire does not know, or quire's own bug.
        sink.error({request.input, 0, 0}, std::string("cannot read pandoc's document tree: ") + e.what());
        return exit_output_error;
    }
    if (run.media_dir.empty()) relocate_images(article, fs::absolute(request.input).parent_path(), output.parent_path());
    if (!pdf::replace_file(request.output, import::article_xml(article), sink)) return exit_output_error;
    return exit_ok;
}

}  // namespace quire::cli
