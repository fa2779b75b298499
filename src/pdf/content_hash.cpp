#include "pdf/content_hash.hpp"

namespace quire::pdf {

void ContentHash::update(const void* data, std::size_t size) {
    // FNV-128 prime: 2^88 + 2^8 + 0x3b.
    const u128 prime = (static_cast<u128>(1) << 88) | 0x13b;
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        state_ ^= bytes[i];
        state_ *= prime;
    }
}

void ContentHash::update(std::string_view bytes) {
    update_u64(bytes.size());  // length first, so ("ab","c") and ("a","bc") differ
    update(bytes.data(), bytes.size());
}

void ContentHash::update_u64(std::uint64_t value) {
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(value >> (8 * i));
    update(bytes, 8);
}

std::array<std::uint8_t, 16> ContentHash::digest() const {
    std::array<std::uint8_t, 16> out{};
    for (int i = 0; i < 16; ++i) out[i] = static_cast<std::uint8_t>(state_ >> (8 * (15 - i)));
    return out;
}

}  // namespace quire::pdf
