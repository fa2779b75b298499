#pragma once
// Puts a finished file where the user asked, without ever damaging what was there:
// - a regular file (or none yet) is replaced only once the new content is complete and
//   on disk: written to an unnamed temporary file in the target's directory
//   (O_TMPFILE), fsynced, given a name with linkat and renamed over the target, so a
//   reader, a crash or a SIGKILL sees the old file or the new one, never half of one,
//   and leaves no temporary file behind. Where the file system has no O_TMPFILE a named
//   temporary file (.NAME.tmp-PID-XXXXXX) is used, and the next write to the same
//   target removes any such file whose process is gone;
// - a character device or a FIFO (-o /dev/null, a named pipe), and "-" for standard
//   output, are written into as they are: never replaced, no temporary file;
// - anything else (a directory, a socket, a block device) is refused; input/
//   output_path.hpp refuses it before typesetting, this is the last guard.
#include "core/diagnostics.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace quire::pdf {

// Writes `bytes` to `path` as above. On failure reports an error, leaves any existing
// file at `path` untouched and removes the temporary file.
bool replace_file(const std::string& path, std::string_view bytes, DiagnosticSink& diagnostics);

// The same, for a file written in pieces (a PDF as PoDoFo writes it), so that it is
// never whole in memory: `open` prepares the temporary file (or opens the stream),
// `write` appends, `commit` puts the file in place. Destroyed uncommitted, the
// temporary file is removed and the file at `path` is as it was (a stream has had what
// was written).
class OutputFile {
public:
    // Nothing after reporting why `path` cannot be written.
    static std::optional<OutputFile> open(const std::string& path, DiagnosticSink& diagnostics);
    OutputFile(OutputFile&&) noexcept;
    OutputFile& operator=(OutputFile&&) noexcept;
    ~OutputFile();

    // False once a write has failed (reported at commit).
    bool write(std::string_view bytes);
    // Reports a failed write, or flushes, names and renames the temporary file over the
    // target. False after reporting.
    bool commit(DiagnosticSink& diagnostics);

private:
    struct Sink;
    explicit OutputFile(std::unique_ptr<Sink> sink);
    std::unique_ptr<Sink> sink_;
};

}  // namespace quire::pdf
