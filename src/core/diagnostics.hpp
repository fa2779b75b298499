#pragma once
// User-facing diagnostics: collected in a sink so one run reports every problem,
// printed GCC style (`file:line:column: error: message`) so editors jump to them.
#include "core/source_loc.hpp"

#include <iosfwd>
#include <set>
#include <string>
#include <vector>

namespace quire {

enum class Severity { note, warning, error };

struct Diagnostic {
    Severity severity;
    SourceLoc loc;
    std::string message;
};

class DiagnosticSink {
public:
    void report(Severity severity, SourceLoc loc, std::string message);
    void error(SourceLoc loc, std::string message) { report(Severity::error, std::move(loc), std::move(message)); }
    void warning(SourceLoc loc, std::string message) { report(Severity::warning, std::move(loc), std::move(message)); }
    void note(SourceLoc loc, std::string message) { report(Severity::note, std::move(loc), std::move(message)); }

    const std::vector<Diagnostic>& all() const { return diagnostics_; }
    int error_count() const { return error_count_; }
    bool has_errors() const { return error_count_ > 0; }

private:
    std::vector<Diagnostic> diagnostics_;
    std::set<std::string> seen_;  // severity, place and message of each: one lookup, not a scan
    int error_count_ = 0;
};

// One line, no trailing newline: "file:line:column: error: message".
std::string format_diagnostic(const Diagnostic& diagnostic);

// The diagnostics in reading order: files in the order they were first reported
// (the manifest, its layout, then the articles, as a build reads them), and within a
// file by line and column, whichever check found the problem (the schema's, a style
// name's, an image's). A note stays after the diagnostic it explains. Otherwise stable.
std::vector<Diagnostic> in_reading_order(const std::vector<Diagnostic>& diagnostics);

// Prints every diagnostic, one per line, in reading order.
void print_diagnostics(std::ostream& out, const DiagnosticSink& sink);

}  // namespace quire
