#pragma once
// The "Image credits" list at the end of an issue: each figure's credit with the page
// it stands on, set in `credit` style and poured through the body columns like a short
// article (so it keeps the grid, the widow rules and the running lines).
// Takes the credits in page order; returns a galley for compose_galley (its lines are
// owned by the galley).
#include "galley/galley.hpp"
#include "style/style_sheet.hpp"

#include <string>
#include <vector>

namespace quire::page {

struct CreditEntry {
    std::string folio;   // printed number of the page the figure stands on; empty: the cover
    std::string text;    // the credit as written
};

galley::ArticleGalley make_credits_galley(const std::string& heading, const std::vector<CreditEntry>& credits,
                                  Length column_width, Length text_width, const galley::LineSetter& setter,
                                  const style::StyleSheet& styles);

}  // namespace quire::page
