#include "pipeline.hpp"

namespace quire {

ExitCode check_issue(const CheckRequest& request, DiagnosticSink& sink) {
    std::optional<model::Issue> issue = input::read_issue(request.manifest, request.read, sink);
    if (!issue || sink.has_errors()) return exit_input_error;
    return exit_ok;
}

}  // namespace quire
