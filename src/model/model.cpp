#include "model/inline_text.hpp"
#include "model/layout.hpp"

namespace quire::model {

std::string plain_text(const InlineText& text) {
    std::string out;
    for (const InlineRun& run : text) out += run.text;
    return out;
}

namespace {
template <typename T>
const T* find_named(const std::vector<T>& items, const std::string& name) {
    for (const T& item : items) {
        if (item.name == name) return &item;
    }
    return nullptr;
}
}  // namespace

const ParagraphStyle* Layout::paragraph_style(const std::string& n) const { return find_named(paragraph_styles, n); }
const CharacterStyle* Layout::character_style(const std::string& n) const { return find_named(character_styles, n); }
const FontFamily* Layout::family(const std::string& n) const { return find_named(families, n); }
const Master* Layout::master(const std::string& n) const { return find_named(masters, n); }

}  // namespace quire::model
