#pragma once
// `quire verify FILE...`: prints each failed rule as
//   FILE: error: clause 6.x.y: message
// and returns 0 when every file conforms, 1 when a rule failed, 3 when a file could
// not be read as a PDF at all (usage errors, 2, are the command line's).
#include "verify/pdfa_check.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace quire::verify {

int verify_command(const std::vector<std::string>& files, const Options& options, std::ostream& out, std::ostream& err);

}  // namespace quire::verify
