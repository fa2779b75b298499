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

namespace quire::model {

// Amounts judged by eye on book faces: marks that leave the line's edge light (full
// stops, commas, hyphens, quotes) hang most; colons and dashes, with more ink at
// their edge, less; round and diagonal capitals a touch. A font's own table (in
// fonts/) refines these.
const ProtrusionTable& default_protrusion() {
    static const ProtrusionTable table = {
        {U'.', {0, 700}},    {U',', {0, 700}},    {U':', {0, 500}},    {U';', {0, 500}},
        {U'!', {0, 200}},    {U'?', {0, 200}},    {U'-', {0, 700}},    {U'\u2010', {0, 700}},
        {U'\u00AD', {0, 700}}, {U'\u2013', {300, 300}}, {U'\u2014', {200, 200}}, {U'\u2026', {0, 200}},
        {U'\'', {300, 300}}, {U'"', {300, 300}},  {U'\u2018', {600, 0}}, {U'\u2019', {0, 600}},
        {U'\u201C', {500, 0}}, {U'\u201D', {0, 500}}, {U'\u201A', {0, 600}}, {U'\u201E', {0, 500}},
        {U'\u00AB', {300, 300}}, {U'\u00BB', {300, 300}}, {U'\u2039', {300, 300}}, {U'\u203A', {300, 300}},
        {U'(', {100, 0}},    {U')', {0, 100}},    {U'[', {100, 0}},    {U']', {0, 100}},
        {U'A', {50, 50}},    {U'T', {50, 50}},    {U'V', {50, 50}},    {U'W', {50, 50}},
        {U'Y', {50, 50}},    {U'O', {30, 30}},    {U'C', {30, 0}},     {U'G', {30, 0}},
    };
    return table;
}

}  // namespace quire::model
