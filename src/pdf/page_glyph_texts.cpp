#include "pdf/page_glyph_texts.hpp"

namespace quire::pdf {

bool PageGlyphTexts::cmap_gives(const std::vector<std::uint32_t>& gids, std::string_view text) {
    if (gids.empty()) return true;
    // No text (a cluster offset past the run's text): ActualText says so, whatever
    // the glyph stands for elsewhere.
    if (text.empty()) return false;
    if (gids.size() == 1 && !(font_ && font_->draws_part_of(gids.front(), text))) {
        const auto [at, added] = required_.try_emplace(gids.front(), text);
        return added || at->second == text;
    }
    for (std::uint32_t gid : gids) fallback_.try_emplace(gid, text);
    return false;
}

}  // namespace quire::pdf
