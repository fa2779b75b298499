// quire's command line: `quire build`, `quire check`.
#include "cli_version.hpp"
#include "pipeline.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace {

int finish(const quire::DiagnosticSink& sink, quire::ExitCode code) {
    quire::print_diagnostics(std::cerr, sink);
    return code;
}

}  // namespace

int main(int argc, char** argv) {
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

    if (output.empty()) output = std::filesystem::path(build_request.input.manifest).replace_extension(".pdf").string();
    build_request.output = output;
    build_request.debug.insert(debug.begin(), debug.end());
    build_request.trace = &std::cerr;
    return finish(sink, quire::build_issue(build_request, sink));
}
