#include "core/diagnostics.hpp"

#include <ostream>

namespace quire {

void DiagnosticSink::report(Severity severity, SourceLoc loc, std::string message) {
    // The same problem reported twice at one place (libxml2's RELAX NG validator does
    // this) helps nobody; keep the first.
    // (A set, not a scan of every earlier diagnostic: hostile input can make many.)
    std::string key = std::to_string(static_cast<int>(severity)) + ':' + std::to_string(loc.line) + ':' +
                      std::to_string(loc.column) + ':' + std::to_string(loc.file.size()) + ':' + loc.file + message;
    if (!seen_.insert(std::move(key)).second) return;
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
