#pragma once
// What an output path names, decided in one place for the check before typesetting
// (input/output_path) and for the writer (pdf/safe_output): quire replaces regular
// files only, writes into devices and pipes as they are, and refuses the rest.
#include <string>

namespace quire {

enum class OutputTarget {
    standard_output,  // "-": the bytes go to stdout
    stream,           // a character device or FIFO (/dev/null, a named pipe), or a path
                      // under /dev or /proc (/dev/stdout): written into, never replaced
    file,             // a regular file, or nothing yet: replaced whole (safe_output.hpp)
    refused,          // a directory, a socket, a block device, a terminal on stdout
};

// Classifies `path` (symlinks followed); for `refused`, `refusal` receives the whole
// message for the user ("the output is a directory; name the PDF file ..."), the same
// wherever the refusal is reported.
OutputTarget output_target(const std::string& path, std::string* refusal = nullptr);

}  // namespace quire
