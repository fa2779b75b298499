#pragma once
// A first look at a font file named in a layout, before FreeType and the PDF writer
// see it: is it an OpenType/TrueType file whose tables are all inside the file, and
// does its licence (OS/2 fsType) let a PDF embed it?
#include "core/diagnostics.hpp"

#include <string>

namespace quire::input {

// Reads `path`; reports at `loc` and returns false when it is missing, unreadable,
// not a font, damaged (a table directory or table running past the end, a required
// table missing) or forbids embedding or subsetting.
bool probe_font(const std::string& path, const SourceLoc& loc, DiagnosticSink& sink);

}  // namespace quire::input
