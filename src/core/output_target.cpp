#include "core/output_target.hpp"

#include <cerrno>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace quire {

namespace {

OutputTarget refuse(std::string* refusal, const std::string& what) {
    if (refusal) {
        *refusal = "the output is " + what +
                   "; quire writes a regular file, a character device or a pipe (-o - for standard output)";
    }
    return OutputTarget::refused;
}

// /dev/stdout and its kind resolve through /proc/self/fd to whatever the shell
// redirected: never rename anything over them, even when that is a regular file.
bool under_system_tree(const std::string& path) {
    return path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;
}

}  // namespace

OutputTarget output_target(const std::string& path, std::string* refusal) {
    if (path == "-") {
        if (::isatty(STDOUT_FILENO)) return refuse(refusal, "standard output, which is a terminal");
        return OutputTarget::standard_output;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return under_system_tree(path) ? refuse(refusal, "a device path that does not exist") : OutputTarget::file;
    }
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
        if (S_ISCHR(st.st_mode) && ::isatty(STDOUT_FILENO) && path == "/dev/stdout") {
            return refuse(refusal, "standard output, which is a terminal");
        }
        return OutputTarget::stream;
    }
    if (S_ISREG(st.st_mode)) return under_system_tree(path) ? OutputTarget::stream : OutputTarget::file;
    if (S_ISDIR(st.st_mode)) {
        if (refusal) {
            *refusal = "the output is a directory; name the PDF file to write (e.g. -o " +
                       (std::filesystem::path(path) / "issue.pdf").string() + ")";
        }
        return OutputTarget::refused;
    }
    if (S_ISSOCK(st.st_mode)) return refuse(refusal, "a socket");
    if (S_ISBLK(st.st_mode)) return refuse(refusal, "a block device");
    return refuse(refusal, "not a regular file");
}

}  // namespace quire
