#include "pdf/to_unicode_variants.hpp"

namespace quire::pdf {

TextId TextPool::intern(std::string_view text) {
    auto found = ids_.find(text);
    if (found != ids_.end()) return found->second;
    const auto id = static_cast<TextId>(texts_.size());
    auto added = ids_.emplace(std::string(text), id).first;
    texts_.push_back(&added->first);
    return id;
}

std::size_t ToUnicodeVariants::place(const GlyphTexts& page) {
    const auto agrees = [&page](const std::map<std::uint32_t, TextId>& variant) {
        for (const auto& [gid, text] : page) {
            auto found = variant.find(gid);
            if (found != variant.end() && found->second != text) return false;
        }
        return true;
    };
    std::size_t v = 0;
    while (v < variants_.size() && !agrees(variants_[v])) ++v;
    if (v == variants_.size()) variants_.emplace_back();
    variants_[v].insert(page.begin(), page.end());
    return v;
}

std::map<std::uint32_t, TextId> ToUnicodeVariants::code_texts(std::size_t v, const std::set<std::uint32_t>& gids,
                                                              const std::map<std::uint32_t, TextId>& fallback) const {
    std::map<std::uint32_t, TextId> out;
    for (std::uint32_t gid : gids) {
        auto own = variants_[v].find(gid);
        if (own != variants_[v].end()) {
            out.emplace(gid, own->second);
            continue;
        }
        bool found = false;
        for (const auto& other : variants_) {
            if (auto it = other.find(gid); it != other.end()) {
                out.emplace(gid, it->second);
                found = true;
                break;
            }
        }
        if (!found) {
            if (auto it = fallback.find(gid); it != fallback.end()) out.emplace(gid, it->second);
        }
    }
    return out;
}

}  // namespace quire::pdf
