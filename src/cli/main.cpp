// quire's command line: `quire build`, `quire check`, `quire watch`, `quire preview`,
// `quire verify`, `quire import`, `quire init`, `quire paths`, `quire help`.
#include "cli_version.hpp"
#include "command_names.hpp"
#include "data_dirs.hpp"
#include "import_command.hpp"
#include "init_command.hpp"
#include "paths_command.hpp"
#include "pdf/pdf_options.hpp"
#include "pipeline.hpp"
#include "verify/verify_command.hpp"
#include "preview.hpp"
#include "watch.hpp"

#include <CLI/CLI.hpp>

#include <csignal>
#include <algorithm>
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
    // With -o - into a pipe whose reader has gone, write() fails with EPIPE and quire
    // reports it (exit 3) instead of dying silently of SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    CLI::App app{"quire: typesets a magazine issue (XML articles + a layout) into PDF"};
    app.name("quire");
    app.set_version_flag("-V,--version", "quire " QUIRE_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Environment:\n"
        "  QUIRE_HYPHEN_PATH   directories of hyphenation patterns (hyph_<ll>_<CC>.dic), colon-separated, searched "
        "before /usr/share/hyphen and /usr/local/share/hyphen (or give --hyphen-dir)\n"
        "  QUIRE_SRGB_PROFILE  the sRGB ICC profile for PDF/A's output intent, searched before the places Debian's "
        "icc-profiles-free, colord, Ghostscript and TeX Live put one (or give --srgb-profile)\n"
        "  QUIRE_CMYK_PROFILE  the CMYK ICC profile assumed for CMYK images that carry none (PDF/A), searched before "
        "Ghostscript's\n"
        "  SOURCE_DATE_EPOCH   the PDF's date, when the issue gives none\n"
        "Exit status: 0 done (warnings allowed), 1 a problem in the input, 2 a wrong command line, "
        "3 writing failed or quire failed.\n"
        "quire paths shows where quire looks.\n");
    app.add_subcommand("help", "Show this help, or a command's: quire help COMMAND");

    // Where the system's hyphenation patterns and sRGB profile are, when not where
    // quire looks by itself (data_dirs.hpp, hyph::pattern_search_path,
    // pdf::srgb_profile_search_path).
    std::string hyphen_dir, srgb_profile;
    const auto add_resource_options = [&](CLI::App* command) {
        command->add_option("--hyphen-dir", hyphen_dir,
                            "Look for hyphenation patterns in this directory first (before QUIRE_HYPHEN_PATH's)")
            ->check(CLI::ExistingDirectory);
        command->add_option("--srgb-profile", srgb_profile,
                            "The sRGB ICC profile for the output intent (instead of QUIRE_SRGB_PROFILE's or the "
                            "system's)")
            ->check(CLI::ExistingFile);
    };

    std::string init_dir;
    CLI::App* init = app.add_subcommand(
        "init", "Start a new magazine in DIR: layouts, fonts, a README and a sample issue that builds");
    init->add_option("DIR", init_dir, "A new or empty folder (quire init overwrites nothing)")->required();

    CLI::App* paths = app.add_subcommand(
        "paths", "Show where quire finds its data, hyphenation patterns and sRGB profile, and where it looks");
    add_resource_options(paths);

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
    build->add_option("--debug", debug,
                      "Trace a facility to stderr: linebreak (why each paragraph broke as it did), "
                      "display-list (every page's drawing, one operation a line), fonts (every font file used, "
                      "and which were installed fonts chosen for characters the layout's fonts lack)")
        ->delimiter(',')
        ->check(CLI::IsMember({"linebreak", "display-list", "fonts"}));
    bool no_system_fonts = false;
    const char* no_system_fonts_help =
        "Use only the font files the layout names: no fallback to installed fonts for characters "
        "they lack, and no layout family that names an installed one (the same PDF on every machine)";
    build->add_flag("--no-system-fonts", no_system_fonts, no_system_fonts_help);
    build->add_option("--allow", build_request.input.read.allowed_directories,
                      "Also allow files from this directory tree (repeatable)")
        ->allow_extra_args(false);
    add_resource_options(build);

    // The designer's loop (README "Designing"): --layout, --proof, watch and preview.
    const char* layout_help = "Use this layout instead of the one the manifest names";
    const char* proof_help = "Draw margins, columns, baseline grid and frames, and mark overfull and loose lines, "
                             "widows, orphans and missing glyphs; a summary on stderr";
    check->add_option("--layout", check_request.read.layout_override, layout_help);
    build->add_option("--layout", build_request.input.read.layout_override, layout_help);
    build->add_flag("--proof", build_request.proof, proof_help);
    bool timings = false;
    build->add_flag("--timings", timings,
                    "Print to stderr how long each stage took: reading, shaping, hyphenation, line breaking, "
                    "page building, font subsetting, PDF writing (and the total), to see where a slow build "
                    "spends its time");
    build->add_option("-j,--jobs", build_request.jobs,
                      "Threads to use: articles are set beside the page composer and pages compressed beside "
                      "the writer (default: as many as the machine has; 1: one thread). The PDF is the same")
        ->check(CLI::Range(1, 256));

    quire::BuildRequest watch_request;
    std::string watch_output;
    CLI::App* watch = app.add_subcommand("watch", "Build, then rebuild whenever a file the issue uses changes");
    watch->add_option("MANIFEST", watch_request.input.manifest, "The issue manifest (issues/<issue>/issue.xml)")->required();
    watch->add_option("-o,--output", watch_output, "The PDF to write (default: the manifest's name with .pdf, beside it)");
    watch->add_option("--layout", watch_request.input.read.layout_override, layout_help);
    watch->add_flag("--proof", watch_request.proof, proof_help);
    watch->add_flag("--no-system-fonts", no_system_fonts, no_system_fonts_help);
    watch->add_option("--allow", watch_request.input.read.allowed_directories,
                      "Also allow files from this directory tree (repeatable)")
        ->allow_extra_args(false);
    add_resource_options(watch);

    quire::cli::PreviewRequest preview_request;
    CLI::App* preview = app.add_subcommand("preview", "Typeset the issue and write pages as PNG images (DIR/page-N.png)");
    preview->add_option("MANIFEST", preview_request.build.input.manifest, "The issue manifest (issues/<issue>/issue.xml)")
        ->required();
    preview->add_option("-o,--output", preview_request.directory, "The directory for the PNGs")->required();
    preview->add_option("--pages", preview_request.pages, "Pages to render: 1-4, 2, 1,3,5-6 (default: all)");
    preview->add_option("--dpi", preview_request.dpi, "Resolution (default: 100)")->check(CLI::Range(10, 1200));
    preview->add_option("--layout", preview_request.build.input.read.layout_override, layout_help);
    preview->add_flag("--proof", preview_request.build.proof, proof_help);
    preview->add_flag("--no-system-fonts", no_system_fonts, no_system_fonts_help);
    preview->add_option("--allow", preview_request.build.input.read.allowed_directories,
                        "Also allow files from this directory tree (repeatable)")
        ->allow_extra_args(false);
    add_resource_options(preview);

    bool draft = false;
    std::string articles_dir;
    build->add_flag("--draft", draft, "Write plain PDF 1.7 instead of PDF/A-2u (the archive format, the default)");
    build->add_option("--articles", articles_dir,
                      "Also write each article as its own PDF/A file, and the issue's archive record "
                      "(Dublin Core XML with checksums), into this directory");

    // Print output (README "Print output"): src/print.
    bool print = false;
    std::string impose;
    std::vector<std::string> marks{"crop"};
    std::string press_profile;
    bool convert_images = false;
    build->add_flag("--print", print,
                    "Write the press's copy instead: crop marks beyond the bleed, CMYK output intent, RGB colours "
                    "converted, preflight warnings (default output: MANIFEST-print.pdf); --impose, --marks, "
                    "--press-profile and --convert-images imply it");
    // Each of these is a print setting: giving one asks for the print output (as if
    // --print were given too), never an archive PDF that quietly ignores it.
    build->add_option("--impose", impose,
                      "Impose the print output: booklet (saddle-stitched spreads) or 2up (proofs); implies --print "
                      "(default output: MANIFEST-booklet.pdf or MANIFEST-2up.pdf)")
        ->check(CLI::IsMember({"booklet", "2up"}));
    CLI::Option* marks_option =
        build->add_option("--marks", marks,
                          "Printer's marks: crop, registration, slug (issue, page, date) or none; default crop; "
                          "implies --print")
            ->delimiter(',')
            ->check(CLI::IsMember({"crop", "registration", "slug", "none"}));
    build->add_flag("--convert-images", convert_images,
                    "Convert RGB images into the press profile's CMYK (relative colorimetric, black-point "
                    "compensation, as colours are), rather than leave them tagged sRGB for the RIP; implies --print");
    build->add_option("--press-profile", press_profile,
                      "The press's CMYK ICC profile (default: FOGRA39 or Ghostscript's CMYK profile); implies --print");

    std::vector<std::string> verify_files;
    std::string flavour;  // none: PDF/A-2u, and a print file is said to be one
    CLI::App* verify = app.add_subcommand(
        "verify", "Check PDF files against the PDF/A-2 (or with --flavour x4 PDF/X-4) rules quire's own check covers "
                  "(see the README's clause list)");
    verify->add_option("FILE", verify_files, "PDF files to check")->required();
    verify->add_option("--flavour", flavour,
                       "The flavour to hold the files to: PDF/A 2u (default), 2b or 2a (tagged), or x4 (PDF/X-4, "
                       "print files); without it a PDF/X print file is said to be one. A file whose XMP "
                       "claims level A or PDF/UA-1 is held to that as well")
        ->check(CLI::IsMember({"2u", "2b", "2a", "x4"}));
    bool iso_only = false;
    verify->add_flag("--iso-only", iso_only, "Only the ISO standard's rules, not quire's house rules (PDF/A: Info agrees with XMP; PDF/X-4: "
                     "Info names GTS_PDFXVersion)");

    quire::cli::ImportRequest import_request;
    CLI::App* import = app.add_subcommand(
        "import",
        "Make a .docx, .odt, Markdown (.md) or HTML (.html) file into an article, through pandoc");
    import->footer(
        "Title, subtitle and authors, headings, paragraphs, emphasis, links, notes, quotations, lists, tables "
        "and images with captions become the article format; what it cannot hold is a warning naming it. "
        "Images in a .docx or .odt are extracted into NAME-images/ beside the article; each figure's "
        "<credit> is left empty to fill in. Needs pandoc (Debian: apt install pandoc).\n");
    import->add_option("FILE", import_request.input, "The file to import: .docx, .odt, .md or .html")->required();
    import->add_option("-o,--output", import_request.output, "The article file to write (articles/NAME.xml)")->required();
    import->add_flag("--force", import_request.force, "Replace the article file if it exists");

    std::vector<std::string> commands;
    for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
        commands.push_back(command->get_name());
    }
    const quire::cli::CommandWord word = quire::cli::check_command_word({argv, argv + argc}, commands);
    if (!word.error.empty()) {
        std::cerr << "quire: error: " << word.error << "\n"
                  << "Run 'quire --help' for the commands.\n";
        return quire::exit_usage_error;
    }
    try {
        std::vector<char*> args;
        for (const std::string& arg : word.args) args.push_back(const_cast<char*>(arg.c_str()));
        app.parse(static_cast<int>(args.size()), args.data());
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

    // The system's resources, found at run time (--hyphen-dir and --srgb-profile first).
    const quire::SearchPath hyphen_dirs = quire::cli::hyphen_dirs(hyphen_dir, quire::cli::find_data_dir());
    std::optional<std::string> srgb_option;
    if (!srgb_profile.empty()) srgb_option = srgb_profile;
    build_request.hyphen_dirs = watch_request.hyphen_dirs = preview_request.build.hyphen_dirs = hyphen_dirs;
    build_request.srgb_profile = watch_request.srgb_profile = preview_request.build.srgb_profile = srgb_option;

    quire::DiagnosticSink sink;
    if (*init) return quire::cli::run_init(init_dir, std::cout, std::cerr);
    if (*paths) {
        quire::SearchPath profiles = quire::pdf::srgb_profile_search_path();
        if (srgb_option) profiles.places.insert(profiles.places.begin(), *srgb_option);
        return quire::cli::run_paths(hyphen_dirs, profiles, quire::pdf::cmyk_image_profile_search_path(), std::cout,
                                     std::cerr);
    }
    if (*check) return finish(sink, quire::check_issue(check_request, sink));
    if (*import) return finish(sink, quire::cli::run_import(import_request, sink));
    if (*verify) {
        quire::verify::Options options;
        options.level_u = flavour != "2b";
        options.level_a = flavour == "2a";
        options.pdfx4 = flavour == "x4";
        options.detect_print_file = flavour.empty();
        options.house_rules = !iso_only;
        return quire::verify::verify_command(verify_files, options, std::cout, std::cerr);
    }
    if (*watch) {
        watch_request.output = watch_output.empty()
                                   ? std::filesystem::path(watch_request.input.manifest).replace_extension(".pdf").string()
                                   : watch_output;
        watch_request.trace = &std::cerr;
        watch_request.system_fonts = !no_system_fonts;
        return quire::cli::run_watch(watch_request, std::cerr);
    }
    if (*preview) {
        preview_request.build.trace = &std::cerr;
        preview_request.build.system_fonts = !no_system_fonts;
        std::string proof_count;
        preview_request.build.proof_count = &proof_count;
        const int code = finish(sink, quire::cli::run_preview(preview_request, sink, std::cerr));
        std::cerr << proof_count;  // the last line
        return code;
    }

    if (!impose.empty() || marks_option->count() > 0 || !press_profile.empty() || convert_images) print = true;
    if (print) {
        if (!articles_dir.empty()) {
            std::cerr << "quire: error: --articles writes the archive's copies; build them without --print "
                         "(which --impose, --marks and --press-profile imply)\n";
            return quire::exit_usage_error;
        }
        quire::print::PrintOptions options;
        const auto has = [&](const char* m) { return std::find(marks.begin(), marks.end(), m) != marks.end(); };
        options.crop_marks = has("crop");
        options.registration_marks = has("registration");
        options.slug_line = has("slug");
        options.imposition = impose == "booklet" ? quire::print::Imposition::booklet
                             : impose == "2up"   ? quire::print::Imposition::two_up
                                                 : quire::print::Imposition::none;
        options.press_profile = press_profile;
        options.convert_images = convert_images;
        build_request.print = options;
        if (output.empty()) {
            std::filesystem::path path(build_request.input.manifest);
            output = path.replace_extension().string() + (impose.empty() ? "-print" : "-" + impose) + ".pdf";
        }
    }
    if (output.empty()) output = std::filesystem::path(build_request.input.manifest).replace_extension(".pdf").string();
    build_request.output = output;
    build_request.debug.insert(debug.begin(), debug.end());
    build_request.trace = &std::cerr;
    build_request.draft = draft;
    build_request.system_fonts = !no_system_fonts;
    build_request.articles_dir = articles_dir;
    quire::StageClock clock;
    if (timings) build_request.timings = &clock;
    std::string proof_count;
    build_request.proof_count = &proof_count;
    const quire::ExitCode code = quire::build_issue(build_request, sink);
    quire::print_diagnostics(std::cerr, sink);
    if (timings) clock.print(std::cerr);
    std::cerr << proof_count;  // the last line, as the README says
    return code;
}
