#include "import/run_pandoc.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace quire::import {

namespace {

// Both pipes drained together: a pandoc with much to say on stderr would otherwise
// block while quire waits for its stdout.
void drain(int out_fd, int err_fd, std::string& out, std::string& err) {
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    std::string* sinks[2] = {&out, &err};
    int open = 2;
    char buffer[65536];
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                fds[i].fd = -1;
                --open;
            }
        }
    }
}

std::vector<std::string> arguments(const PandocRun& run) {
    std::vector<std::string> args{"pandoc", "--from=" + run.format, "--to=json"};
    if (!run.media_dir.empty()) args.push_back("--extract-media=" + run.media_dir);
    args.push_back("--");
    args.push_back(run.input);
    return args;
}

}  // namespace

std::string pandoc_format(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".docx" || ext == ".odt") return ext.substr(1);
    // `smart`: straight quotes, -- and ... become curly quotes, dashes and ellipses, as
    // they already are in what Word and LibreOffice save.
    if (ext == ".md" || ext == ".markdown") return "markdown+smart";
    if (ext == ".html" || ext == ".htm") return "html";
    return {};
}

PandocResult run_pandoc(const PandocRun& run) {
    PandocResult result;
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) return result.reason = std::strerror(errno), result;
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        result.reason = std::strerror(errno);
        ::close(out_pipe[0]), ::close(out_pipe[1]);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addchdir_np(&actions, run.working_dir.c_str());
    std::vector<std::string> args = arguments(run);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, "pandoc", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]), ::close(err_pipe[1]);
    if (spawned == 0) drain(out_pipe[0], err_pipe[0], result.json, result.messages);
    ::close(out_pipe[0]), ::close(err_pipe[0]);
    if (spawned != 0) {
        result.status = spawned == ENOENT ? PandocResult::Status::not_installed : PandocResult::Status::cannot_run;
        result.reason = std::strerror(spawned);
        return result;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    result.status = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? PandocResult::Status::ok : PandocResult::Status::failed;
    return result;
}

}  // namespace quire::import
