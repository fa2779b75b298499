#include "page/run_long.hpp"

#include <algorithm>

namespace quire::page {

int lines_left(const Flow& flow, const ColumnFill& fill, const ColumnSpace& space, const Grid& grid) {
    if (fill.forced || fill.placed.empty() || grid.step.sp <= 0) return 0;
    const UnitPos& last = fill.placed.back();
    const FlowUnit& u = flow.units[static_cast<std::size_t>(last.unit)];
    if (u.kind != FlowUnit::Kind::line) return 0;
    const Length room = space.bottom - flow.text(u).lines[static_cast<std::size_t>(u.line)].descent - last.y;
    return room.sp > 0 ? static_cast<int>(room.sp / grid.step.sp) : 0;
}

namespace {

enum class Setting { longer, shorter };

// The paragraph set the other way: made now if it was not yet (galley::LazyLines).
std::vector<galley::Line>& other_setting(galley::TextBlock& tb, Setting which) {
    return (which == Setting::longer ? tb.longer : tb.shorter).get();
}

void swap_setting(std::vector<galley::Block>& blocks, int block, Setting which) {
    auto& tb = std::get<galley::TextBlock>(blocks[static_cast<std::size_t>(block)]);
    std::swap(tb.lines, other_setting(tb, which));
}

// Paragraphs whose lines all stand in units [start, end) and that have the other
// setting, the last first.
std::vector<int> candidates(std::vector<galley::Block>& blocks, const Flow& flow, int start, int end, Setting which) {
    std::vector<int> out;
    for (int i = end - 1; i >= start; --i) {
        const FlowUnit& u = flow.units[static_cast<std::size_t>(i)];
        if (u.kind != FlowUnit::Kind::line || u.line != 0) continue;
        auto* tb = std::get_if<galley::TextBlock>(&blocks[static_cast<std::size_t>(u.block)]);
        // The other setting is made only for a paragraph that could use it.
        if (tb && i + static_cast<int>(tb->lines.size()) <= end && !other_setting(*tb, which).empty()) {
            out.push_back(u.block);
        }
    }
    return out;
}

struct Outcome {
    std::vector<int> blocks;  // the paragraphs to set the other way
    int left = 0;             // lines the column then leaves
};

// Sets the `offered` paragraphs the other way one more at a time (at most `most`),
// refilling the column each time; returns the fewest that leave it fewer lines than
// `left` now does (none if none does), every paragraph set back as it was.
Outcome try_setting(std::vector<galley::Block>& blocks, Flow& flow, int start, const ColumnSpace& space, const Grid& grid,
                    const FillOptions& options, Setting which, const std::vector<int>& offered, int most, int left) {
    Outcome best{{}, left};
    std::vector<int> swapped;
    for (int block : offered) {
        if (static_cast<int>(swapped.size()) >= most || best.left == 0) break;
        swap_setting(blocks, block, which);
        swapped.push_back(block);
        flow = make_flow(blocks, false, flow.footnotes);
        const ColumnFill tried = fill_column(flow, start, space, grid, options);
        const int now = tried.forced ? left : lines_left(flow, tried, space, grid);
        if (now < best.left) best = Outcome{swapped, now};
    }
    for (std::size_t i = swapped.size(); i-- > 0;) swap_setting(blocks, swapped[i], which);
    flow = make_flow(blocks, false, flow.footnotes);
    return best;
}

}  // namespace

ColumnFill run_long(std::vector<galley::Block>& blocks, Flow& flow, int start, ColumnFill fill, const ColumnSpace& space,
                    const Grid& grid, const FillOptions& options) {
    const int short_by = lines_left(flow, fill, space, grid);
    if (short_by <= 0 || fill.end >= static_cast<int>(flow.units.size())) return fill;
    // Run long: each paragraph takes a line more, so no more of them than lines left.
    const Outcome longer = try_setting(blocks, flow, start, space, grid, options, Setting::longer,
                                       candidates(blocks, flow, start, fill.end, Setting::longer), short_by, short_by);
    Outcome shorter{{}, longer.left};
    if (longer.left > 0) {
        // Or run short, so that what follows (a heading with its first lines) comes in.
        const std::vector<int> offered = candidates(blocks, flow, start, fill.end, Setting::shorter);
        shorter = try_setting(blocks, flow, start, space, grid, options, Setting::shorter, offered,
                              static_cast<int>(offered.size()), longer.left);
    }
    const bool use_shorter = !shorter.blocks.empty() && shorter.left < longer.left;
    const Outcome& chosen = use_shorter ? shorter : longer;
    if (chosen.blocks.empty()) return fill;
    const Setting which = use_shorter ? Setting::shorter : Setting::longer;
    for (int block : chosen.blocks) {
        swap_setting(blocks, block, which);
        auto& tb = std::get<galley::TextBlock>(blocks[static_cast<std::size_t>(block)]);
        tb.longer.clear();  // set once: not offered again
        tb.shorter.clear();
    }
    flow = make_flow(blocks, false, flow.footnotes);
    return fill_column(flow, start, space, grid, options);
}

}  // namespace quire::page
