#include "pdf/safe_output.hpp"

#include "core/output_target.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <optional>
#include <vector>

namespace quire::pdf {

namespace {

bool write_all(int fd, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Closes and, unless released, deletes the named temporary file on every early return.
class TempFile {
public:
    TempFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!released_ && !path_.empty()) ::unlink(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    int fd() const { return fd_; }
    const std::string& path() const { return path_; }
    void name(std::string path) { path_ = std::move(path); }
    bool close() {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }
    void release() { released_ = true; }

private:
    std::string path_;  // empty while the file has no name (O_TMPFILE)
    int fd_;
    bool released_ = false;
};

struct Target {
    std::string dir, name;
    std::string temp_prefix() const { return "." + name + ".tmp-"; }
    std::string in_dir(const std::string& file) const { return (dir == "/" ? "" : dir) + "/" + file; }
};

// Temporary files of our naming for this target left by a build that was killed: the
// process in their name (.NAME.tmp-PID-XXXXXX) is gone, or they carry no process id
// (as earlier versions named them).
void remove_stale_temps(const Target& target) {
    DIR* dir = ::opendir(target.dir.c_str());
    if (!dir) return;
    const std::string prefix = target.temp_prefix();
    while (const dirent* entry = ::readdir(dir)) {
        const std::string file = entry->d_name;
        if (file.rfind(prefix, 0) != 0) continue;
        const std::string rest = file.substr(prefix.size());
        const std::size_t dash = rest.find('-');
        const pid_t pid = dash == std::string::npos ? 0 : static_cast<pid_t>(std::atol(rest.substr(0, dash).c_str()));
        const bool alive = pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
        if (!alive) ::unlinkat(::dirfd(dir), file.c_str(), 0);
    }
    ::closedir(dir);
}

// The mode a new PDF gets: the old file's, or the usual one for new files (a PDF is
// for sharing; mkstemp and O_TMPFILE files start private).
mode_t mode_for(const std::string& path) {
    struct stat old {};
    if (::stat(path.c_str(), &old) == 0) return old.st_mode & 07777;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

// An unnamed file in the target's directory, or a named one where O_TMPFILE is not
// supported. Returns its name (empty: none) and descriptor, negative on failure.
std::pair<std::string, int> open_temp(const Target& target) {
    const int fd = ::open(target.dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) return {"", fd};
    std::string pattern = target.in_dir(target.temp_prefix() + std::to_string(::getpid()) + "-XXXXXX");
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int named = ::mkstemp(buffer.data());
    return {named >= 0 ? std::string(buffer.data()) : std::string(), named};
}

// Gives an unnamed temporary file a name beside the target, for the rename: the only
// moment a kill could leave it is between this link and the rename.
bool link_temp(TempFile& temp, const Target& target) {
    const std::string proc = "/proc/self/fd/" + std::to_string(temp.fd());
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string name =
            target.in_dir(target.temp_prefix() + std::to_string(::getpid()) + "-" + std::to_string(attempt));
        if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            temp.name(name);
            return true;
        }
        if (errno != EEXIST) return false;
    }
    return false;
}

}  // namespace

// Where the bytes go: a temporary file renamed over the target at commit, or the
// device, pipe or standard output itself.
struct OutputFile::Sink {
    std::string path;
    bool standard_output = false;
    std::optional<Target> target;  // a regular file: replaced at commit
    std::optional<TempFile> temp;
    int fd = -1;                   // a stream's
    int error = 0;                 // errno of the first failed write
    bool committed = false;

    ~Sink() {
        if (fd >= 0 && fd != STDOUT_FILENO) ::close(fd);
    }
    SourceLoc loc() const { return {standard_output ? std::string("quire") : path, 0, 0}; }
};

OutputFile::OutputFile(std::unique_ptr<Sink> sink) : sink_(std::move(sink)) {}
OutputFile::OutputFile(OutputFile&&) noexcept = default;
OutputFile& OutputFile::operator=(OutputFile&&) noexcept = default;
OutputFile::~OutputFile() = default;

std::optional<OutputFile> OutputFile::open(const std::string& path, DiagnosticSink& diagnostics) {
    auto sink = std::make_unique<Sink>();
    sink->path = path;
    const SourceLoc loc{path, 0, 0};
    auto fail = [&](const std::string& what) {
        diagnostics.error(loc, what + ": " + std::strerror(errno));
        return std::nullopt;
    };
    std::string refusal;
    switch (output_target(path, &refusal)) {
        case OutputTarget::standard_output:
            sink->standard_output = true;
            sink->fd = STDOUT_FILENO;
            return OutputFile(std::move(sink));
        case OutputTarget::stream: {
            // A device, a pipe or stdout: the bytes go in as they are; nothing is replaced.
            sink->fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
            if (sink->fd < 0) {
                diagnostics.error(loc, std::string("cannot open the output: ") + std::strerror(errno));
                return std::nullopt;
            }
            // A regular file reached through /dev/stdout starts again from nothing.
            struct stat st {};
            if (::fstat(sink->fd, &st) == 0 && S_ISREG(st.st_mode)) (void)::ftruncate(sink->fd, 0);
            return OutputFile(std::move(sink));
        }
        case OutputTarget::file: break;
        case OutputTarget::refused:
            diagnostics.error(loc, refusal);
            return std::nullopt;
    }
    const std::size_t slash = path.rfind('/');
    const Target target{slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash)),
                        slash == std::string::npos ? path : path.substr(slash + 1)};
    if (target.name.empty()) {
        errno = EISDIR;
        return fail("cannot write the PDF");
    }
    remove_stale_temps(target);
    sink->target = target;
    auto [temp_path, temp_fd] = open_temp(target);
    sink->temp.emplace(std::move(temp_path), temp_fd);
    if (sink->temp->fd() < 0) return fail("cannot create a temporary file in " + target.dir);
    if (::fchmod(sink->temp->fd(), mode_for(path)) != 0) return fail("cannot set the mode of the temporary file");
    return OutputFile(std::move(sink));
}

bool OutputFile::write(std::string_view bytes) {
    Sink& s = *sink_;
    if (s.error != 0) return false;
    if (!write_all(s.temp ? s.temp->fd() : s.fd, bytes)) {
        s.error = errno;
        return false;
    }
    return true;
}

bool OutputFile::commit(DiagnosticSink& diagnostics) {
    Sink& s = *sink_;
    if (s.error != 0) {
        errno = s.error;
        if (s.temp || !s.standard_output) {
            diagnostics.error(s.loc(), std::string("cannot write the PDF: ") + std::strerror(errno));
        } else {
            diagnostics.error(s.loc(), std::string("cannot write the PDF to standard output: ") + std::strerror(errno));
        }
        return false;
    }
    if (!s.temp) return true;  // a stream: written as it came
    auto fail = [&](const std::string& what) {
        diagnostics.error(s.loc(), what + ": " + std::strerror(errno));
        return false;
    };
    TempFile& temp = *s.temp;
    const Target& target = *s.target;
    if (::fsync(temp.fd()) != 0) return fail("cannot flush the PDF");
    if (temp.path().empty() && !link_temp(temp, target)) return fail("cannot name the temporary file");
    if (!temp.close()) return fail("cannot close " + temp.path());
    if (::rename(temp.path().c_str(), s.path.c_str()) != 0) return fail("cannot replace the PDF");
    temp.release();

    // The rename lives in the directory: flush it too so the new name survives a crash.
    const int dir_fd = ::open(target.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        ::fsync(dir_fd);
        ::close(dir_fd);
    }
    return true;
}

bool replace_file(const std::string& path, std::string_view bytes, DiagnosticSink& diagnostics) {
    std::optional<OutputFile> out = OutputFile::open(path, diagnostics);
    if (!out) return false;
    out->write(bytes);
    return out->commit(diagnostics);
}

}  // namespace quire::pdf
