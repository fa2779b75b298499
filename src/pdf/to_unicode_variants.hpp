#pragma once
// The ToUnicode CMaps of one font over a whole document. Each page has chosen the text
// of every glyph it draws (page_glyph_texts.hpp); pages whose choices agree share one
// CMap, and a page that chose another text for a glyph than an earlier page gets
// another: a second Type0 font over the same embedded CIDFont, with its own CMap.
// That keeps every page's content as written and extracts both texts right, where a
// single CMap would need the page rewritten. Pages are placed in document order, so
// the CMaps do not depend on the order the pages were added in. Most documents need
// one CMap a font.
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire::pdf {

// Texts kept once however many pages use them: a page's choices are held from the
// moment it is added until the document is finished.
using TextId = std::uint32_t;

class TextPool {
public:
    TextId intern(std::string_view text);
    const std::string& text(TextId id) const { return *texts_[id]; }

private:
    std::map<std::string, TextId, std::less<>> ids_;
    std::vector<const std::string*> texts_;  // keys of ids_, which never move
};

// One page's choices for one font: (glyph id, text) by ascending glyph id.
using GlyphTexts = std::vector<std::pair<std::uint32_t, TextId>>;

class ToUnicodeVariants {
public:
    // The first variant that agrees with every choice of `page` (made for it when none
    // does), which takes the page's choices on; its number.
    std::size_t place(const GlyphTexts& page);

    std::size_t count() const { return variants_.size(); }

    // Variant `v`'s code -> text for the glyphs `gids`: its own choice, else that of
    // the lowest variant that has one, else `fallback`'s; glyphs with none are left out.
    std::map<std::uint32_t, TextId> code_texts(std::size_t v, const std::set<std::uint32_t>& gids,
                                               const std::map<std::uint32_t, TextId>& fallback) const;

private:
    std::vector<std::map<std::uint32_t, TextId>> variants_;
};

}  // namespace quire::pdf
