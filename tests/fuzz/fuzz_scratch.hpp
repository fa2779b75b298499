#pragma once
// A scratch copy of the sample project for the fuzz targets: the readers take paths,
// so each input is written to a file inside a tree the path policy allows. Made once
// per fuzzer process in $TMPDIR (or /tmp); the sample issue and layouts/ are copied,
// fonts/ is a symlink to the source tree's (fonts are only read).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "core/diagnostics.hpp"

#include <cstdlib>
#include <iostream>

namespace quire::fuzz {

inline const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        namespace fs = std::filesystem;
        const char* tmp = std::getenv("TMPDIR");
        fs::path d = fs::path(tmp && *tmp ? tmp : "/tmp") / ("quire-fuzz-" + std::to_string(::getpid()));
        fs::remove_all(d);
        fs::create_directories(d / "issues");
        const fs::path source = QUIRE_SOURCE_DIR;
        fs::copy(source / "issues" / "2025-spring", d / "issues" / "2025-spring", fs::copy_options::recursive);
        fs::copy(source / "layouts", d / "layouts", fs::copy_options::recursive);
        fs::create_directory_symlink(source / "fonts", d / "fonts");
        std::atexit([] { std::error_code ec; fs::remove_all(scratch(), ec); });
        return d;
    }();
    return dir;
}

inline std::string write_input(const std::string& relative, const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path path = scratch() / relative;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path.string();
}

// QUIRE_FUZZ_DEBUG=1 prints each run's diagnostics (to see what an input reaches).
inline void debug_print(const DiagnosticSink& sink) {
    static const bool on = std::getenv("QUIRE_FUZZ_DEBUG") != nullptr;
    if (on) print_diagnostics(std::cerr, sink);
}

}  // namespace quire::fuzz
