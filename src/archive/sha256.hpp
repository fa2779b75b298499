#pragma once
// SHA-256 (FIPS 180-4) for the checksums of the archive record: the library checks
// the files it receives against them. Written here because no library in the
// project's package list offers it.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quire::archive {

class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    std::array<std::uint8_t, 32> digest();  // finishes; call once

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes
};

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

// Lower-case hex digest of a file's bytes; nothing when it cannot be read.
std::optional<std::string> sha256_file(const std::string& path);

}  // namespace quire::archive
