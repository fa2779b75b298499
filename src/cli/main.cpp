// quire's command line: `quire build`, `quire check`, `quire watch`, `quire preview`.
#include "cli_version.hpp"
#include "pipeline.hpp"
#include "preview.hpp"
#include "watch.hpp"

#include <CLI/CLI.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>

namespace {

int finish(const quire::DiagnosticSink& sink, quire::ExitCode code) {
    quire::print_diagnostics(std::cerr, sink);
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    // Past a file-size limit (ulimit -f) the kernel would kill quire mid-write; with
    // the signal ignored, write() fails with EFBIG and the old PDF is kept, with an
    // error, like any full disk.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"quire: typesets a magazine issue (XML articles + a layout) into PDF"};
    app.name("quire");
    app.set_version_flag("--version", "quire " QUIRE_VERSION);
    app.require_subcommand(1);

    quire::CheckRequest check_request;
    CLI::App* check = app.add_subcommand("check", "Read and validate everything a build would read; write nothing");
    check->add_option("MANIFEST", check_request.manifest, "The issue manifest (issues/<issue>/issue.xml)")->required();
    check->add_option("--allow", check_request.read.allowed_directories,
                      "Also allow files from this directory tree (repeatable)")
        ->allow_extra_args(false);

    quire::BuildRequest build_request;
    std::string output;
    std::vector<std::string> debug;
    CLI::App* build = app.add_subcommand("build", "Typeset the issue into a PDF");
    build->add_option("MANIFEST", build_request.input.manifest, "The issue manifest (issues/<issue>/issue.xml)")->required();
    build->add_option("-o,--output", output, "The PDF to write (default: the manifest's name with .pdf, beside it)");
    build->add_option("--debug", debug, "Trace a facility to stderr: linebreak (why each paragraph broke as it did)")
        ->delimiter(',')
        ->check(CLI::IsMember({"linebreak"}));
    build->add_option("--allow", build_request.input.read.allowed_directories,
                      "Also allow files from this directory tree (repeatable)")
        ->allow_extra_args(false);

    // The designer's loop (README "Designing"): --layout, --proof, watch and preview.
    const char* layout_help = "Use this layout instead of the one the manifest names";
    const char* proof_help = "Draw margins, columns, baseline grid and frames, and mark overfull and loose lines, "
                             "widows, orphans and missing glyphs; a summary on stderr";
    check->add_option("--layout", check_request.read.layout_override, layout_help);
    build->add_option("--layout", build_request.input.read.layout_override, layout_help);
    build->add_flag("--proof", build_request.proof, proof_help);

    quire::BuildRequest watch_request;
    std::string watch_output;
    CLI::App* watch = app.add_subcommand("watch", "Build, then rebuild whenever a file the issue uses changes");
    watch->add_option("MANIFEST", watch_request.input.manifest, "The issue manifest (issues/<issue>/issue.xml)")->required();
    watch->add_option("-o,--output", watch_output, "The PDF to write (default: the manifest's name with .pdf, beside it)");
    watch->add_option("--layout", watch_request.input.read.layout_override, layout_help);
    watch->add_flag("--proof", watch_request.proof, proof_help);
    watch->add_option("--allow", watch_request.input.read.allowed_directories,
                      "Also allow files from this directory tree (repeatable)")
        ->allow_extra_args(false);

    quire::cli::PreviewRequest preview_request;
    CLI::App* preview = app.add_subcommand("preview", "Typeset the issue and write pages as PNG images (DIR/page-N.png)");
    preview->add_option("MANIFEST", preview_request.build.input.manifest, "The issue manifest (issues/<issue>/issue.xml)")
        ->required();
    preview->add_option("-o,--output", preview_request.directory, "The directory for the PNGs")->required();
    preview->add_option("--pages", preview_request.pages, "Pages to render: 1-4, 2, 1,3,5-6 (default: all)");
    preview->add_option("--dpi", preview_request.dpi, "Resolution (default: 100)")->check(CLI::Range(10, 1200));
    preview->add_option("--layout", preview_request.build.input.read.layout_override, layout_help);
    preview->add_flag("--proof", preview_request.build.proof, proof_help);
    preview->add_option("--allow", preview_request.build.input.read.allowed_directories,
                        "Also allow files from this directory tree (repeatable)")
        ->allow_extra_args(false);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // Every other parse failure is a usage error, said the way all quire errors are.
        std::cerr << "quire: error: " << e.what() << "\n"
                  << "Run 'quire --help' or 'quire COMMAND --help' for usage.\n";
        return quire::exit_usage_error;
    }

    quire::DiagnosticSink sink;
    if (*check) return finish(sink, quire::check_issue(check_request, sink));
    if (*watch) {
        watch_request.output = watch_output.empty()
                                   ? std::filesystem::path(watch_request.input.manifest).replace_extension(".pdf").string()
                                   : watch_output;
        watch_request.trace = &std::cerr;
        return quire::cli::run_watch(watch_request, std::cerr);
    }
    if (*preview) {
        preview_request.build.trace = &std::cerr;
        return finish(sink, quire::cli::run_preview(preview_request, sink, std::cerr));
    }

    if (output.empty()) output = std::filesystem::path(build_request.input.manifest).replace_extension(".pdf").string();
    build_request.output = output;
    build_request.debug.insert(debug.begin(), debug.end());
    build_request.trace = &std::cerr;
    return finish(sink, quire::build_issue(build_request, sink));
}
