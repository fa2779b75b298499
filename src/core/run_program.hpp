#pragma once
// Runs another program (pandoc, pdfinfo, pdftoppm) with no shell between: the
// arguments are passed as they are, whatever characters a path holds. What it prints
// on stdout and stderr is collected, both pipes drained together so that a program
// with much to say on one never blocks while quire waits on the other. Never throws.
#include <string>
#include <vector>

namespace quire {

struct ProgramRun {
    std::vector<std::string> argv;  // argv[0] is looked up on PATH
    std::string working_dir;        // empty: quire's own
};

struct ProgramResult {
    enum class Status { ok, failed, not_installed, cannot_run };
    Status status = Status::cannot_run;  // failed: it ran and exited non-zero or was killed
    std::string out;                     // its standard output
    std::string err;                     // its standard error: warnings, or why it failed
    std::string reason;                  // not_installed, cannot_run: what the system said
};

ProgramResult run_program(const ProgramRun& run);

}  // namespace quire
