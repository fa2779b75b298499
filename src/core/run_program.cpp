#include "core/run_program.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace quire {

namespace {

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

}  // namespace

ProgramResult run_program(const ProgramRun& run) {
    ProgramResult result;
    if (run.argv.empty()) return result.reason = "no program named", result;
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
    if (!run.working_dir.empty()) posix_spawn_file_actions_addchdir_np(&actions, run.working_dir.c_str());
    std::vector<std::string> args = run.argv;
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]), ::close(err_pipe[1]);
    if (spawned == 0) drain(out_pipe[0], err_pipe[0], result.out, result.err);
    ::close(out_pipe[0]), ::close(err_pipe[0]);
    if (spawned != 0) {
        result.status = spawned == ENOENT ? ProgramResult::Status::not_installed : ProgramResult::Status::cannot_run;
        result.reason = std::strerror(spawned);
        return result;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    result.status = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ProgramResult::Status::ok : ProgramResult::Status::failed;
    return result;
}

}  // namespace quire
