#pragma once
// `quire import FILE -o articles/NAME.xml`: a .docx, .odt, Markdown or HTML file made
// into an article file through pandoc (src/import), images of a .docx or .odt
// extracted into NAME-images/ beside the article. Takes the request; reports every
// problem to `sink` as `FILE: warning|error: ...`; returns the exit code (0: written,
// 1: the input or the output's place is wrong, 3: pandoc cannot run or quire failed).
#include "core/diagnostics.hpp"
#include "pipeline.hpp"

#include <string>

namespace quire::cli {

struct ImportRequest {
    std::string input;
    std::string output;
    bool force = false;  // replace an existing output
};

ExitCode run_import(const ImportRequest& request, DiagnosticSink& sink);

}  // namespace quire::cli
