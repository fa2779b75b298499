#pragma once
// The one place that calls every stage in turn (design §2).
#include "core/diagnostics.hpp"
#include "input/issue_reader.hpp"

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

}  // namespace quire
