#include "galley/microtype.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <string_view>

namespace quire::galley {

namespace {

Length share(Length width, int thousandths) { return Length::from_sp(width.sp * thousandths / 1000); }

const model::Protrusion* entry(const model::ProtrusionTable& table, char32_t c) {
    const auto it = table.find(c);
    return it == table.end() ? nullptr : &it->second;
}

}  // namespace

Length hang_left(const shape::GlyphRun& run, const model::ProtrusionTable& table) {
    if (run.glyphs.empty() || run.text.empty()) return {};
    // The first character: an ASCII byte is one (asked for every box of every
    // paragraph, so no decoding then); else decoding the first four bytes is enough.
    const auto first = static_cast<unsigned char>(run.text.front());
    const char32_t c = first < 0x80 ? first : decode_utf8(std::string_view(run.text).substr(0, 4)).front().value;
    const model::Protrusion* p = entry(table, c);
    return p ? share(run.glyphs.front().advance, p->left) : Length{};
}

Length hang_right(const shape::GlyphRun& run, const model::ProtrusionTable& table) {
    if (run.glyphs.empty() || run.text.empty()) return {};
    // The last character: the last four bytes hold it whole (bytes of one before it
    // decode as U+FFFD, and come first).
    const std::string_view text(run.text);
    const auto last = static_cast<unsigned char>(text.back());
    const char32_t c =
        last < 0x80 ? last : decode_utf8(text.substr(text.size() - std::min<std::size_t>(4, text.size()))).back().value;
    const model::Protrusion* p = entry(table, c);
    return p ? share(run.glyphs.back().advance, p->right) : Length{};
}

Length scale_stretch(Length width, const style::Spacing& scaling) {
    return scaling.max > 100 ? Length::from_sp(width.sp * (scaling.max - 100) / 100) : Length{};
}

Length scale_shrink(Length width, const style::Spacing& scaling) {
    return scaling.min < 100 ? Length::from_sp(width.sp * (100 - scaling.min) / 100) : Length{};
}

int horizontal_scale(const style::Spacing& scaling, int step) {
    if (step > 0) return 1000 + (scaling.max - 100) * 10 * step / scaling_steps;
    return 1000 - (100 - scaling.min) * 10 * -step / scaling_steps;
}

void scale_glyphs(shape::Glyph* first, shape::Glyph* last, Length width, Length extra, int scale) {
    if (width.sp <= 0) return;
    std::int64_t running = 0, given = 0;
    for (shape::Glyph* g = first; g != last; ++g) {
        running += Length(g->advance).sp;
        const std::int64_t upto = mul_div(extra.sp, running, width.sp);
        g->advance += Length::from_sp(upto - given);
        given = upto;
        g->x_offset = Length::from_sp(Length(g->x_offset).sp * scale / 1000);
    }
}

void scale_run(shape::GlyphRun& run, Length extra, int scale) {
    scale_glyphs(run.glyphs.data(), run.glyphs.data() + run.glyphs.size(), run.width(), extra, scale);
}

bool scales_glyphs(const style::ParagraphStyle& style) {
    return style.align == model::Align::justify && (style.glyph_scaling.min != 100 || style.glyph_scaling.max != 100);
}

}  // namespace quire::galley
