#include "pdf/content_hash.hpp"

namespace quire::pdf {

void ContentHash::update(const void* data, std::size_t size) {
    // FNV-128 prime: 2^88 + 2^8 + 0x3b. Multiplying by it is a shift and a multiply
    // by 0x13b (mod 2^128), which the compiler does not find by itself: every byte of
    // every content stream passes here.
    const auto* bytes = static_cast<const unsigned char*>(data);
    u128 state = state_;
    for (std::size_t i = 0; i < size; ++i) {
        state ^= bytes[i];
        state = (state << 88) + state * 0x13b;
    }
    state_ = state;
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
