#pragma once
// `quire preview`: typesets the issue into a temporary PDF and renders the pages asked
// for as PNG files (Poppler's pdftoppm), DIR/page-N.png, for quick looks and for docs.
#include "pipeline.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace quire::cli {

// "1-4", "2", "1,3,5-6": 1-based page numbers, in order, without duplicates. An empty
// spec means every page (`page_count`). nullopt when the spec is malformed.
std::optional<std::vector<int>> parse_page_spec(const std::string& spec, int page_count);

struct PreviewRequest {
    BuildRequest build;          // output is ignored: the PDF goes to a temporary file
    std::string pages;           // as parse_page_spec
    std::string directory;       // where the PNGs go (created if missing)
    int dpi = 100;
};

// Returns quire's exit code; diagnostics in `sink`, progress and tool errors in `log`.
ExitCode run_preview(const PreviewRequest& request, DiagnosticSink& sink, std::ostream& log);

}  // namespace quire::cli
