#include "watch.hpp"

#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <map>
#include <ostream>
#include <locale>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace quire::cli {
namespace fs = std::filesystem;
namespace {

// Editors save in bursts (write a temporary file, rename it over the original, touch
// a backup): the build starts once the directory has been quiet this long.
constexpr int quiet_ms = 150;

class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd() { if (fd_ >= 0) ::close(fd_); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
private:
    int fd_;
};

// Watches directories, not files: a save that writes a new file and renames it over
// the old one replaces the inode a file watch would be on. Events are filtered by name.
class DirectoryWatch {
public:
    DirectoryWatch() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
    bool ok() const { return fd_.get() >= 0; }
    int fd() const { return fd_.get(); }

    // Watches exactly the directories of `files`, for exactly those names.
    void set_files(const std::vector<std::string>& files) {
        std::map<fs::path, std::set<std::string>> wanted;
        for (const std::string& file : files) {
            std::error_code ec;
            fs::path p = fs::absolute(file, ec).lexically_normal();
            if (ec || !p.has_filename()) continue;
            wanted[p.parent_path()].insert(p.filename().string());
        }
        for (auto it = dirs_.begin(); it != dirs_.end();) {
            if (!wanted.count(it->second.dir)) {
                inotify_rm_watch(fd_.get(), it->first);
                it = dirs_.erase(it);
            } else {
                ++it;
            }
        }
        for (auto& [dir, names] : wanted) {
            const int wd = inotify_add_watch(fd_.get(), dir.c_str(),
                                             IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                                 IN_ATTRIB | IN_ONLYDIR);
            if (wd < 0) continue;  // the directory is gone: the build said what is missing
            dirs_[wd] = Watched{dir, std::move(names)};  // the same wd when already watched
        }
    }

    std::size_t file_count() const {
        std::size_t n = 0;
        for (const auto& [wd, w] : dirs_) n += w.names.size();
        return n;
    }

    // Reads the pending events; adds the watched files they touch to `changed`.
    // Returns false when nothing could be read.
    bool drain(std::set<std::string>& changed) {
        alignas(inotify_event) char buffer[16384];
        bool any = false;
        for (;;) {
            const ssize_t n = ::read(fd_.get(), buffer, sizeof buffer);
            if (n <= 0) break;
            any = true;
            for (ssize_t at = 0; at < n;) {
                const auto* ev = reinterpret_cast<const inotify_event*>(buffer + at);
                at += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
                if (ev->mask & IN_Q_OVERFLOW) {
                    changed.insert("(many files)");
                    continue;
                }
                auto dir = dirs_.find(ev->wd);
                if (dir == dirs_.end() || ev->len == 0) continue;
                const std::string name(ev->name);
                if (dir->second.names.count(name)) changed.insert((dir->second.dir / name).string());
            }
        }
        return any;
    }

private:
    struct Watched {
        fs::path dir;
        std::set<std::string> names;
    };
    Fd fd_;
    std::map<int, Watched> dirs_;
};

bool is_font(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".otf" || ext == ".ttf" || ext == ".ttc" || ext == ".otc" || ext == ".woff" || ext == ".woff2";
}

std::string seconds(std::chrono::steady_clock::duration d) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << std::fixed << std::setprecision(2) << std::chrono::duration<double>(d).count() << " s";
    return out.str();
}

// Files changed between `since` and now (a save while the build was running, before
// the new watches were in place).
std::set<std::string> changed_since(const std::vector<std::string>& files, fs::file_time_type since) {
    std::set<std::string> changed;
    for (const std::string& file : files) {
        std::error_code ec;
        auto t = fs::last_write_time(file, ec);
        if (!ec && t > since) changed.insert(file);
    }
    return changed;
}

}  // namespace

int run_watch(BuildRequest request, std::ostream& log) {
    // SIGINT and SIGTERM arrive as readable data on a descriptor, polled with the
    // watch: the loop ends between builds, never in the middle of writing a PDF.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    if (sigprocmask(SIG_BLOCK, &stop_signals, nullptr) != 0) {
        log << "quire: error: cannot block SIGINT/SIGTERM: " << std::strerror(errno) << "\n";
        return exit_output_error;
    }
    Fd signals(signalfd(-1, &stop_signals, SFD_CLOEXEC));
    DirectoryWatch watch;
    if (signals.get() < 0 || !watch.ok()) {
        log << "quire: error: cannot watch files (inotify): " << std::strerror(errno) << "\n";
        return exit_output_error;
    }

    Typesetter typesetter(request.hyphen_dirs);
    std::vector<std::string> inputs;
    std::set<std::string> changed;
    for (bool first = true;; first = false) {
        if (!first) {
            std::string what = changed.size() == 1 ? *changed.begin() : std::to_string(changed.size()) + " files";
            log << "quire: " << what << " changed; rebuilding\n";
        }
        // Fonts are known by path: a font file rewritten in place needs a fresh registry.
        for (const std::string& file : changed) {
            if (is_font(file) || file == "(many files)") {
                typesetter.forget_fonts();
                break;
            }
        }
        changed.clear();

        std::vector<std::string> read;
        request.input.read.inputs = &read;
        DiagnosticSink sink;
        const fs::file_time_type build_started = fs::file_time_type::clock::now();
        const auto start = std::chrono::steady_clock::now();
        std::string proof_count;
        request.proof_count = &proof_count;
        const ExitCode code = typesetter.build(request, sink);
        const auto took = std::chrono::steady_clock::now() - start;
        print_diagnostics(log, sink);
        log << proof_count;
        if (code == exit_ok) {
            log << "quire: built " << request.output << " in " << seconds(took) << "\n";
        } else {
            std::error_code ec;
            log << "quire: build failed after " << seconds(took) << "; "
                << (fs::exists(request.output, ec) ? request.output + " still holds the last good build"
                                                   : "no PDF written yet")
                << "\n";
        }
        // A failed read may stop before the files it would name: keep watching the
        // last good build's files too, so fixing any of them rebuilds.
        if (code == exit_ok) inputs.clear();
        for (std::string& file : read) inputs.push_back(std::move(file));
        if (!request.input.read.layout_override.empty()) inputs.push_back(request.input.read.layout_override);
        watch.set_files(inputs);
        if (first) log << "quire: watching " << watch.file_count() << " files; Ctrl-C stops\n";
        log.flush();

        changed = changed_since(inputs, build_started);
        bool stop = false;
        while (changed.empty() && !stop) {
            pollfd fds[2] = {{watch.fd(), POLLIN, 0}, {signals.get(), POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0) {
                if (errno == EINTR) continue;
                log << "quire: error: poll: " << std::strerror(errno) << "\n";
                return exit_output_error;
            }
            if (fds[1].revents & POLLIN) stop = true;
            if (fds[0].revents & POLLIN) watch.drain(changed);
            // Let the burst of one save settle before building.
            while (!changed.empty() && !stop) {
                pollfd quiet[2] = {{watch.fd(), POLLIN, 0}, {signals.get(), POLLIN, 0}};
                const int ready = ::poll(quiet, 2, quiet_ms);
                if (ready == 0) break;
                if (ready < 0 && errno != EINTR) break;
                if (quiet[1].revents & POLLIN) stop = true;
                if (quiet[0].revents & POLLIN) watch.drain(changed);
            }
        }
        if (stop) {
            signalfd_siginfo info{};
            if (::read(signals.get(), &info, sizeof info) < 0) info.ssi_signo = 0;
            log << "quire: " << (info.ssi_signo == SIGINT ? "interrupted" : "stopped") << "; no longer watching\n";
            return exit_ok;
        }
    }
}

}  // namespace quire::cli
