#pragma once
// Checks the PDF path of `quire build` before any typesetting: it must be a regular
// file, a character device, a pipe or "-" (core/output_target.hpp), must not be one of
// the files the issue reads (writing it would destroy it), and its directory must exist.
#include "core/diagnostics.hpp"
#include "model/issue.hpp"

#include <string>
#include <vector>

namespace quire::input {

// Every file a build of `issue` reads: manifest, layout, fonts, articles, images.
std::vector<std::string> input_files(const model::Issue& issue);

enum class OutputProblem { none, is_input, not_a_file, unwritable };

// Reports the problem (at the output path) and says which kind it is.
OutputProblem check_output_path(const std::string& output, const model::Issue& issue, DiagnosticSink& sink);

}  // namespace quire::input
