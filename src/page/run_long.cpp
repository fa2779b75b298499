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

// Paragraphs whose lines all stand in units [start, end) and that have a longer
// setting, the last first.
std::vector<int> candidates(const std::vector<Block>& blocks, const Flow& flow, int start, int end) {
    std::vector<int> out;
    for (int i = end - 1; i >= start; --i) {
        const FlowUnit& u = flow.units[static_cast<std::size_t>(i)];
        if (u.kind != FlowUnit::Kind::line || u.line != 0) continue;
        const auto* tb = std::get_if<TextBlock>(&blocks[static_cast<std::size_t>(u.block)]);
        if (tb && !tb->longer.empty() && i + static_cast<int>(tb->lines.size()) <= end) out.push_back(u.block);
    }
    return out;
}

void swap_setting(std::vector<Block>& blocks, int block) {
    auto& tb = std::get<TextBlock>(blocks[static_cast<std::size_t>(block)]);
    std::swap(tb.lines, tb.longer);
}

}  // namespace

ColumnFill run_long(std::vector<Block>& blocks, Flow& flow, int start, ColumnFill fill, const ColumnSpace& space,
                    const Grid& grid, const FillOptions& options) {
    const int short_by = lines_left(flow, fill, space, grid);
    if (short_by <= 0 || fill.end >= static_cast<int>(flow.units.size())) return fill;
    const std::vector<int> offered = candidates(blocks, flow, start, fill.end);
    std::vector<int> swapped;
    std::size_t keep = 0;
    int best = short_by;
    for (int block : offered) {
        if (static_cast<int>(swapped.size()) >= short_by) break;
        swap_setting(blocks, block);
        swapped.push_back(block);
        flow = make_flow(blocks);
        const ColumnFill tried = fill_column(flow, start, space, grid, options);
        const int left = tried.forced ? short_by : lines_left(flow, tried, space, grid);
        if (left < best) {
            best = left;
            keep = swapped.size();
        }
        if (left == 0) break;
    }
    for (std::size_t i = swapped.size(); i-- > keep;) swap_setting(blocks, swapped[i]);
    for (std::size_t i = 0; i < keep; ++i) std::get<TextBlock>(blocks[static_cast<std::size_t>(swapped[i])]).longer.clear();
    if (swapped.empty()) return fill;
    flow = make_flow(blocks);
    return fill_column(flow, start, space, grid, options);
}

}  // namespace quire::page
