#include "archive/sha256.hpp"

#include <nettle/sha2.h>

#include <cstdint>
#include <cstdio>

namespace quire::archive {

namespace {

void update(sha256_ctx& context, std::string_view data) {
    sha256_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
}

std::string hex_digest(sha256_ctx& context) {
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&context, sizeof digest, digest);
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (std::uint8_t b : digest) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    sha256_ctx context;
    sha256_init(&context);
    update(context, data);
    return hex_digest(context);
}

std::optional<std::string> sha256_file(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    sha256_ctx context;
    sha256_init(&context);
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) update(context, {buffer, n});
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return std::nullopt;
    return hex_digest(context);
}

}  // namespace quire::archive
