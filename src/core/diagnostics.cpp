#include "core/diagnostics.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <tuple>

namespace quire {

void DiagnosticSink::report(Severity severity, SourceLoc loc, std::string message) {
    // The same problem reported twice at one place (libxml2's RELAX NG validator does
    // this) helps nobody; keep the first.
    // (A set, not a scan of every earlier diagnostic: hostile input can make many.)
    std::string key = std::to_string(static_cast<int>(severity)) + ':' + std::to_string(loc.line) + ':' +
                      std::to_string(loc.column) + ':' + std::to_string(loc.file.size()) + ':' + loc.file.str() + message;
    if (!seen_.insert(std::move(key)).second) return;
    if (severity == Severity::error) ++error_count_;
    diagnostics_.push_back({severity, std::move(loc), std::move(message)});
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.loc.file.empty() ? std::string("quire") : d.loc.file.str();
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

namespace {

// A diagnostic with the notes that follow it: they move together.
struct Group {
    std::size_t file_rank = 0;
    SourceLoc loc;
    std::vector<const Diagnostic*> members;
};

std::vector<Group> grouped(const std::vector<Diagnostic>& diagnostics) {
    std::map<std::string, std::size_t> file_ranks;
    std::vector<Group> groups;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::note && !groups.empty()) {
            groups.back().members.push_back(&d);
            continue;
        }
        const std::size_t rank = file_ranks.emplace(d.loc.file, file_ranks.size()).first->second;
        groups.push_back({rank, d.loc, {&d}});
    }
    return groups;
}

}  // namespace

std::vector<Diagnostic> in_reading_order(const std::vector<Diagnostic>& diagnostics) {
    std::vector<Group> groups = grouped(diagnostics);
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        return std::tie(a.file_rank, a.loc.line, a.loc.column) < std::tie(b.file_rank, b.loc.line, b.loc.column);
    });
    std::vector<Diagnostic> out;
    out.reserve(diagnostics.size());
    for (const Group& g : groups) {
        for (const Diagnostic* d : g.members) out.push_back(*d);
    }
    return out;
}

void print_diagnostics(std::ostream& out, const DiagnosticSink& sink) {
    for (const Diagnostic& d : in_reading_order(sink.all())) out << format_diagnostic(d) << '\n';
}

}  // namespace quire
