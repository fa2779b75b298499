#include "core/diagnostics.hpp"

#include <ostream>

namespace quire {

void DiagnosticSink::report(Severity severity, SourceLoc loc, std::string message) {
    // The same problem reported twice at one place (libxml2's RELAX NG validator does
    // this) helps nobody; keep the first.
    for (const Diagnostic& seen : diagnostics_) {
        if (seen.severity == severity && seen.loc.file == loc.file && seen.loc.line == loc.line &&
            seen.loc.column == loc.column && seen.message == message) {
            return;
        }
    }
    if (severity == Severity::error) ++error_count_;
    diagnostics_.push_back({severity, std::move(loc), std::move(message)});
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.loc.file.empty() ? std::string("quire") : d.loc.file;
    if (d.loc.line > 0) {
        out += ':' + std::to_string(d.loc.line);
        if (d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
    }
    switch (d.severity) {
        case Severity::error: out += ": error: "; break;
        case Severity::warning: out += ": warning: "; break;
        case Severity::note: out += ": note: "; break;
    }
    out += d.message;
    return out;
}

void print_diagnostics(std::ostream& out, const DiagnosticSink& sink) {
    for (const Diagnostic& d : sink.all()) out << format_diagnostic(d) << '\n';
}

}  // namespace quire
