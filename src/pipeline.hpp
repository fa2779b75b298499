#pragma once
// The one place that calls every stage in turn (design §2):
//   input/ -> style/ -> font/ shape/ hyph/ para/ (through galley/) -> page/ -> pdf/
#include "core/diagnostics.hpp"
#include "core/search_path.hpp"
#include "core/stage_clock.hpp"
#include "hyph/hyphenator.hpp"
#include "input/issue_reader.hpp"
#include "print/print_options.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace quire {

// Process exit codes, as the CLI promises them.
enum ExitCode : int {
    exit_ok = 0,              // success; warnings allowed
    exit_input_error = 1,     // something in the user's files is wrong
    exit_usage_error = 2,     // the command line is wrong
    exit_output_error = 3,    // writing failed, or quire itself failed
};

struct CheckRequest {
    std::string manifest;
    input::ReadOptions read;
};

// Reads and validates everything a build would read; writes nothing.
ExitCode check_issue(const CheckRequest& request, DiagnosticSink& sink);

struct BuildRequest {
    CheckRequest input;
    std::string output;               // the PDF to write
    std::set<std::string> debug;      // tracing facilities: "linebreak", "display-list", "fonts"
    std::ostream* trace = nullptr;    // where tracing goes (stderr)
    bool proof = false;               // --proof: guides and marks drawn over the pages (proof/)
    std::string* proof_count = nullptr;  // --proof: receives the count of the marks (one
                                         // line), which the caller prints last, after the
                                         // diagnostics (README: stderr ends with it)
    bool draft = false;               // plain PDF 1.7 instead of PDF/A-2u (`--draft`)
    std::string articles_dir;         // also one PDF/A per article and the record here (`--articles`)
    std::optional<print::PrintOptions> print;  // `--print`: the press's copy (marks, CMYK, imposition)
    StageClock* timings = nullptr;    // `--timings`: each stage's time is charged here; null: not timed
    // `--jobs`: threads to use (galleys set beside the composer, pages deflated beside
    // the writer); 1: all on one; 0: as many as the machine has. The PDF is the same.
    int jobs = 0;
    // Characters the layout's fonts lack fall back to installed fonts (fontconfig), and
    // a layout family may be an installed one; false (`--no-system-fonts`): only the
    // layout's own files, the same on every machine.
    bool system_fonts = true;
    // Where hyphenation patterns are looked for (QUIRE_HYPHEN_PATH, the system's places;
    // the CLI adds --hyphen-dir and its data directory).
    SearchPath hyphen_dirs = hyph::pattern_search_path();
    // `--srgb-profile`: the output intent's profile, instead of the one found on the
    // sRGB search path (pdf::srgb_profile_search_path).
    std::optional<std::string> srgb_profile;
};

// Reads, typesets and writes the issue. The PDF at `output` is replaced only when
// the whole issue typeset without errors and was written completely.
ExitCode build_issue(const BuildRequest& request, DiagnosticSink& sink);

// The long-lived half of the text engine: loaded font faces, the shaping cache (keyed
// by font, size, features and word) and the hyphenation patterns. One Typesetter
// builds an issue as often as asked (`quire watch`), each build reusing what the
// previous ones loaded and shaped; build_issue is one build with a fresh Typesetter.
// Everything that depends on the layout (styles, families, fallback) is made per build.
class Typesetter {
public:
    // Hyphenation patterns come from `hyphen_dirs` (BuildRequest::hyphen_dirs).
    explicit Typesetter(SearchPath hyphen_dirs);
    ~Typesetter();
    Typesetter(const Typesetter&) = delete;
    Typesetter& operator=(const Typesetter&) = delete;

    // As build_issue.
    ExitCode build(const BuildRequest& request, DiagnosticSink& sink);

    // Drops every loaded face and shaped word: a font file changed on disk (faces are
    // known by path, so the registry would go on serving the old one).
    void forget_fonts();

private:
    struct Engine;
    SearchPath hyphen_dirs_;
    std::unique_ptr<Engine> engine_;
};

}  // namespace quire
