#include "galley/letter_spacing.hpp"

#include <cstdint>

namespace quire::galley {

void apply_tracking(shape::GlyphRun& run, int tracking) {
    if (tracking == 0) return;
    Length extra{run.size.sp * tracking / 1000};
    for (shape::Glyph& g : run.glyphs) g.advance += extra;
}

std::vector<std::size_t> letter_gaps(const shape::GlyphRun& run, bool word_final) {
    std::vector<std::size_t> gaps;
    gaps.reserve(run.glyphs.size());  // one allocation, not one per doubling
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const bool cluster_end = i + 1 == run.glyphs.size() ? !word_final : run.glyphs[i + 1].cluster != run.glyphs[i].cluster;
        if (cluster_end) gaps.push_back(i);
    }
    return gaps;
}

void spread_letter_spacing(shape::GlyphRun& run, const std::vector<std::size_t>& gaps, Length extra) {
    if (gaps.empty() || extra.sp == 0) return;
    const auto n = static_cast<std::int64_t>(gaps.size());
    std::int64_t given = 0;
    for (std::int64_t k = 1; k <= n; ++k) {
        const std::int64_t num = extra.sp * k;
        const std::int64_t upto = num / n - ((num % n != 0 && num < 0) ? 1 : 0);
        run.glyphs[gaps[static_cast<std::size_t>(k - 1)]].advance += Length::from_sp(upto - given);
        given = upto;
    }
}

}  // namespace quire::galley
