#pragma once
// Where a piece of input came from, so every diagnostic can point at it.
#include <string>

namespace quire {

struct SourceLoc {
    std::string file;  // path as the user would type it (relative to the working directory)
    int line = 0;      // 1-based; 0 when the whole file is meant
    int column = 0;    // 1-based; 0 when unknown
};

}  // namespace quire
