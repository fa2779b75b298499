#pragma once
// What tests need to check quire's output with real readers: a scratch directory and
// a way to run command-line tools (qpdf, pdffonts, pdftotext, gs, quire itself).
#include <filesystem>
#include <string>

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

// Quotes a path for the shell.
std::string quoted(const std::string& path);

}  // namespace quire::test
