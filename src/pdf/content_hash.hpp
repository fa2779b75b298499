#pragma once
// A 128-bit FNV-1a hash (Fowler, Noll, Vo), for identifiers that must be stable across
// runs: the trailer /ID and the subset tags of fonts. Not for security: nothing here
// needs resistance to a chosen collision, and PoDoFo 0.9.8 does not export its MD5.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace quire::pdf {

class ContentHash {
public:
    void update(std::string_view bytes);
    void update(const void* data, std::size_t size);
    void update_u64(std::uint64_t value);
    std::array<std::uint8_t, 16> digest() const;

private:
    __extension__ typedef unsigned __int128 u128;
    u128 state_ = (static_cast<u128>(0x6c62272e07bb0142ULL) << 64) | 0x62b821756295c58dULL;
};

}  // namespace quire::pdf
