#pragma once
// Runs pandoc as a program (Debian's `pandoc`) to read a .docx, .odt, Markdown or
// HTML file into its JSON document tree. Takes what to read and where images go;
// returns pandoc's standard output, its warnings, and how it ended. Never throws.
#include "core/run_program.hpp"

#include <string>

namespace quire::import {

// The pandoc reader for a file name's extension ("docx", "markdown+smart", ...), or
// empty when quire does not import that kind of file.
std::string pandoc_format(const std::string& path);

struct PandocRun {
    std::string input;        // an absolute path: pandoc runs in `working_dir`
    std::string format;       // from pandoc_format
    std::string working_dir;  // the article's directory, so image paths come out relative to it
    std::string media_dir;    // relative to working_dir; empty: no --extract-media
};

// What pandoc printed (`out`: the JSON tree; `err`: its warnings, or why it failed) and
// how it ended.
using PandocResult = ProgramResult;

PandocResult run_pandoc(const PandocRun& run);

}  // namespace quire::import
