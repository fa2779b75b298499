#pragma once
// The file-structure rules of ISO 19005-2 §6.1 that live in the bytes rather than in
// the objects (a parser like PoDoFo forgives them): header, binary comment, trailer
// and end-of-file marker, cross-reference sections, object headers, stream keywords
// and lengths.
#include "verify/pdfa_check.hpp"

#include <string_view>

namespace quire::verify {

void check_file_syntax(std::string_view bytes, std::vector<Failure>& failures);

}  // namespace quire::verify
