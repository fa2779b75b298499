#include "pdf/safe_output.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

namespace quire::pdf {

namespace {

// Closes and, unless released, deletes the temporary file on every early return.
class TempFile {
public:
    TempFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!released_) ::unlink(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    int fd() const { return fd_; }
    const std::string& path() const { return path_; }
    bool close() {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }
    void release() { released_ = true; }

private:
    std::string path_;
    int fd_;
    bool released_ = false;
};

}  // namespace

bool replace_file(const std::string& path, std::string_view bytes, DiagnosticSink& diagnostics) {
    const SourceLoc loc{path, 0, 0};
    auto fail = [&](const std::string& what) {
        diagnostics.error(loc, what + ": " + std::strerror(errno));
        return false;
    };
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (name.empty()) {
        errno = EISDIR;
        return fail("cannot write the PDF");
    }

    std::string pattern = (dir == "/" ? "" : dir) + "/." + name + ".tmp-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = ::mkstemp(buffer.data());
    if (fd < 0) return fail("cannot create a temporary file in " + dir);
    TempFile temp(buffer.data(), fd);

    // mkstemp makes the file 0600; a PDF is for sharing, so keep the old file's mode
    // or take the usual one for new files.
    struct stat old {};
    mode_t mode;
    if (::stat(path.c_str(), &old) == 0) {
        mode = old.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (::fchmod(temp.fd(), mode) != 0) return fail("cannot set the mode of " + temp.path());

    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(temp.fd(), bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write " + temp.path());
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(temp.fd()) != 0) return fail("cannot flush " + temp.path());
    if (!temp.close()) return fail("cannot close " + temp.path());
    if (::rename(temp.path().c_str(), path.c_str()) != 0) return fail("cannot replace the PDF");
    temp.release();

    // The rename lives in the directory: flush it too so the new name survives a crash.
    const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir_fd >= 0) {
        ::fsync(dir_fd);
        ::close(dir_fd);
    }
    return true;
}

}  // namespace quire::pdf
