#pragma once
// SHA-256 for the checksums of the archive record: the library checks the files it
// receives against them. Nettle computes it; this names the two digests the archive
// wants, as lower-case hex.
#include <optional>
#include <string>
#include <string_view>

namespace quire::archive {

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

// Lower-case hex digest of a file's bytes, read a piece at a time; nothing when it
// cannot be read.
std::optional<std::string> sha256_file(const std::string& path);

}  // namespace quire::archive
