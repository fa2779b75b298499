#include "tool_run.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <sys/wait.h>
#include <vector>

namespace quire::test {

ScratchDir::ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "quire-test-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data())) throw std::runtime_error("mkdtemp failed");
    path_ = buffer.data();
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
    std::filesystem::remove_all(path_, ignored);
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void copy_project(const ScratchDir& dir, const std::vector<std::string>& trees) {
    namespace fs = std::filesystem;
    fs::copy("layouts", dir.path() / "layouts", fs::copy_options::recursive);
    fs::copy("fonts", dir.path() / "fonts", fs::copy_options::recursive);
    for (const std::string& tree : trees) {
        fs::create_directories((dir.path() / tree).parent_path());
        fs::copy(tree, dir.path() / tree, fs::copy_options::recursive);
    }
}

std::string quoted(const std::string& path) {
    std::string out = "'";
    for (char c : path) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

ToolResult run_tool(const std::string& command) {
    ScratchDir dir;
    const std::string err_file = dir.file("stderr");
    ToolResult result;
    FILE* pipe = popen((command + " 2>" + quoted(err_file)).c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_bytes(err_file);
    return result;
}

}  // namespace quire::test
