#include "pdf/page_glyph_texts.hpp"

#include "core/utf8.hpp"

namespace quire::pdf {

bool PageGlyphTexts::cmap_gives(const std::vector<std::uint32_t>& gids, std::string_view text) {
    if (gids.empty()) return true;
    // No text (a drop cap, whose letter the word beside it carries): ActualText says
    // so, whatever the glyph stands for elsewhere; the CMap still maps the glyph, as
    // PDF/A level U asks, to the character the font draws with it.
    if (text.empty()) {
        for (std::uint32_t gid : gids) {
            if (const char32_t c = font_ != nullptr ? font_->character_of(gid) : 0; c != 0) {
                std::string character;
                append_utf8(character, c);
                fallback_.try_emplace(gid, std::move(character));
            }
        }
        return false;
    }
    if (gids.size() == 1 && !(font_ && font_->draws_part_of(gids.front(), text))) {
        const std::uint32_t gid = gids.front();
        if (gid < required_by_gid_.size() && required_by_gid_[gid] != nullptr) return *required_by_gid_[gid] == text;
        const auto [at, added] = required_.try_emplace(gid, text);
        if (gid < required_by_gid_.size()) required_by_gid_[gid] = &at->second;
        return added || at->second == text;
    }
    for (std::uint32_t gid : gids) fallback_.try_emplace(gid, text);
    return false;
}

}  // namespace quire::pdf
