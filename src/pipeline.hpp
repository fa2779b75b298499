#pragma once
// The one place that calls every stage in turn (design §2):
//   input/ -> style/ -> font/ shape/ hyph/ para/ (through galley/) -> page/ -> pdf/
#include "core/diagnostics.hpp"
#include "input/issue_reader.hpp"

#include <iosfwd>
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
    std::set<std::string> debug;      // tracing facilities: "linebreak"
    std::ostream* trace = nullptr;    // where tracing goes (stderr)
};

// Reads, typesets and writes the issue. The PDF at `output` is replaced only when
// the whole issue typeset without errors and was written completely.
ExitCode build_issue(const BuildRequest& request, DiagnosticSink& sink);

}  // namespace quire
