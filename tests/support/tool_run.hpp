#pragma once
// What tests need to check quire's output with real readers: a scratch directory and
// a way to run command-line tools (qpdf, pdffonts, pdftotext, gs, quire itself).
#include <filesystem>
#include <string>
#include <vector>

namespace quire::test {

// A fresh directory, removed with everything in it when the object goes.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct ToolResult {
    int exit_code = -1;
    std::string out, err;
};

// Runs a shell command, capturing its stdout, stderr and exit code.
ToolResult run_tool(const std::string& command);

std::string read_bytes(const std::string& path);

// A copy of the project in `dir`, for tests that build or edit an issue: layouts/ and
// fonts/, and each of `trees` (folders from the project root, e.g.
// "issues/2025-spring"). Tests run from the project root.
void copy_project(const ScratchDir& dir, const std::vector<std::string>& trees = {});

// Quotes a path for the shell.
std::string quoted(const std::string& path);

}  // namespace quire::test
