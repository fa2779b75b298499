#include "input/output_path.hpp"

#include "core/output_target.hpp"

#include <filesystem>
#include <system_error>
#include <variant>

namespace quire::input {
namespace fs = std::filesystem;

std::vector<std::string> input_files(const model::Issue& issue) {
    std::vector<std::string> files{issue.path, issue.layout_path};
    for (const model::FontFamily& f : issue.layout.families) {
        for (const std::string* face : {&f.regular, &f.italic, &f.bold, &f.bold_italic}) {
            if (!face->empty()) files.push_back(*face);
        }
    }
    for (const model::Article& a : issue.articles) {
        files.push_back(a.path);
        for (const model::Block& b : a.body) {
            if (const auto* figure = std::get_if<model::Figure>(&b)) files.push_back(figure->image);
        }
    }
    return files;
}

OutputProblem check_output_path(const std::string& output, const model::Issue& issue, DiagnosticSink& sink) {
    const SourceLoc loc{output, 0, 0};
    std::error_code ec;
    std::string refusal;
    switch (output_target(output, &refusal)) {
        case OutputTarget::standard_output:
        case OutputTarget::stream: return OutputProblem::none;  // written into, never replaced
        case OutputTarget::file: break;
        case OutputTarget::refused: sink.error(loc, refusal); return OutputProblem::not_a_file;
    }
    // Compare real files, not spellings: ./a.xml, a.xml and a symlink to it are one.
    if (fs::exists(output, ec)) {
        for (const std::string& input : input_files(issue)) {
            if (fs::equivalent(output, input, ec)) {
                sink.error(loc, "the output is one of the inputs (" + input +
                                    "); writing the PDF there would destroy it: choose another -o");
                return OutputProblem::is_input;
            }
        }
    }
    fs::path dir = fs::path(output).parent_path();
    if (dir.empty()) dir = ".";
    if (!fs::is_directory(dir, ec)) {
        sink.error(loc, "cannot write the PDF: the directory " + dir.string() + " does not exist");
        return OutputProblem::unwritable;
    }
    return OutputProblem::none;
}

}  // namespace quire::input
