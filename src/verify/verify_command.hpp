#pragma once
// `quire verify FILE...`: prints each failed rule as
//   FILE: error: clause 6.x.y: message
// (PDF/X-4's as `FILE: error: X-4 area: message`), or for a print file checked without
// a flavour the one line that says it is one;
// and returns 0 when every file conforms, 1 when a rule failed, 3 when a file could
// not be read as a PDF at all (usage errors, 2, are the command line's).
#include "verify/pdfa_check.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace quire::verify {

int verify_command(const std::vector<std::string>& files, const Options& options, std::ostream& out, std::ostream& err);

}  // namespace quire::verify
