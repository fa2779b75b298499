#include "proof/proof.hpp"

#include "page/page_frame.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <ostream>
#include <set>
#include <string_view>

namespace quire::proof {
namespace {

// Guides a designer reads as "not part of the page", marks as "look here".
render::Color guide_color() { return render::Color::rgb(0.0, 0.68, 0.94); }
render::Color grid_color() { return render::Color::rgb(0.62, 0.88, 1.0); }
render::Color mark_color() { return render::Color::rgb(0.93, 0.0, 0.55); }

using Marker = render::LineMark;

bool is_marker(const render::DrawOp& op) { return std::holds_alternative<render::LineMark>(op); }

// What a proof mark says about a block's lines besides the line itself.
struct BlockMarks {
    bool splittable = false;
    int widow_lines = 0, orphan_lines = 0;
};

BlockMarks block_marks(const galley::TextBlock& block) {
    const bool splittable = (block.role == galley::BlockRole::body || block.role == galley::BlockRole::disclaimer) &&
                            block.span == galley::Span::column;
    return BlockMarks{splittable, block.widow_lines, block.orphan_lines};
}

void tag_lines(const BlockMarks& marks, std::vector<galley::Line>& lines) {
    const int count = static_cast<int>(lines.size());
    for (int j = 0; j < count; ++j) {
        galley::Line& line = lines[static_cast<std::size_t>(j)];
        line.ops.push_back(render::LineMark{Length{}, -line.ascent, line.width, line.ascent + line.descent, j, count,
                                            marks.widow_lines, marks.orphan_lines, marks.splittable, line.overfull,
                                            line.loose});
    }
}

// Every setting of a paragraph: the composer may draw one run long or short
// (TextBlock::longer, shorter), tagged when it is set.
void tag_block(galley::TextBlock& block) {
    const BlockMarks marks = block_marks(block);
    tag_lines(marks, block.lines);
    for (galley::LazyLines* other : {&block.longer, &block.shorter}) {
        other->adjust([marks](std::vector<galley::Line>& lines) { tag_lines(marks, lines); });
    }
}

void tag_blocks(std::vector<galley::Block>& blocks) {
    for (galley::Block& block : blocks) {
        if (auto* text = std::get_if<galley::TextBlock>(&block)) tag_block(*text);
    }
}

void rule(std::vector<render::DrawOp>& out, Length x1, Length y1, Length x2, Length y2, Length thickness,
          render::Color color) {
    out.push_back(render::DrawRule{x1, y1, x2, y2, thickness, color});
}

void box(std::vector<render::DrawOp>& out, Length x, Length y, Length w, Length h, Length thickness,
         render::Color color) {
    rule(out, x, y, x + w, y, thickness, color);
    rule(out, x + w, y, x + w, y + h, thickness, color);
    rule(out, x + w, y + h, x, y + h, thickness, color);
    rule(out, x, y + h, x, y, thickness, color);
}

// A bar beside a line, like TeX's overfull rule but in the margin where it shows.
void bar(std::vector<render::DrawOp>& out, Length x, const Marker& m) {
    const Length width = Length::from_pt(3);
    rule(out, x + width / 2, m.y, x + width / 2, m.y + m.height, width, mark_color());
}

// The page's frame: the master's column count is not in the display list, so it is
// the one (of the page setup's and the masters') whose columns the lines stand in.
page::PageFrame frame_of(const model::Layout& layout, int index, const std::vector<Marker>& markers) {
    std::set<int> candidates{layout.page.columns};
    for (const model::Master& master : layout.masters) {
        if (master.columns) candidates.insert(*master.columns);
    }
    page::PageFrame best = page::make_page_frame(layout.page, index + 1, std::nullopt);
    int best_hits = -1;
    for (int columns : candidates) {
        page::PageFrame frame = page::make_page_frame(layout.page, index + 1, columns);
        int hits = 0;
        for (const Marker& m : markers) {
            for (int c = 0; c < frame.columns; ++c) {
                if (m.x == frame.column_x(c) && m.width == frame.column_width) ++hits;
            }
        }
        if (hits > best_hits || (hits == best_hits && columns == layout.page.columns)) {
            best = frame;
            best_hits = hits;
        }
    }
    return best;
}

std::vector<render::DrawOp> guides(const page::PageFrame& f, const render::Page& page) {
    std::vector<render::DrawOp> out;
    const Length thin = Length::from_pt(0.25), guide = Length::from_pt(0.5);
    if (f.grid.step.sp > 0) {
        Length y = f.grid.snap(f.text_top);
        for (; y <= f.text_bottom; y += f.grid.step) rule(out, f.text_left, y, f.text_right(), y, thin, grid_color());
    }
    box(out, f.text_left, f.text_top, f.text_width, f.text_bottom - f.text_top, guide, guide_color());
    for (int c = 0; c < f.columns; ++c) {
        Length left = f.column_x(c), right = left + f.column_width;
        if (c > 0) rule(out, left, f.text_top, left, f.text_bottom, guide, guide_color());
        if (c + 1 < f.columns) rule(out, right, f.text_top, right, f.text_bottom, guide, guide_color());
    }
    for (const render::DrawOp& op : page.ops) {
        if (const auto* image = std::get_if<render::DrawImage>(&op)) {
            box(out, image->x, image->y, image->width, image->height, guide, guide_color());
        }
    }
    return out;
}

}  // namespace

void tag_galley(galley::ArticleGalley& galley) {
    tag_blocks(galley.opener);
    tag_blocks(galley.body);
}

void strip_markers(render::DisplayList& list) {
    for (render::Page& page : list.pages) std::erase_if(page.ops, is_marker);
}

Summary draw_proof(render::DisplayList& list, const model::Layout& layout) {
    Summary summary;
    for (std::size_t index = 0; index < list.pages.size(); ++index) {
        render::Page& page = list.pages[index];
        std::vector<Marker> markers;
        for (const render::DrawOp& op : page.ops) {
            if (const auto* m = std::get_if<render::LineMark>(&op)) markers.push_back(*m);
        }
        std::erase_if(page.ops, is_marker);
        const page::PageFrame frame = frame_of(layout, static_cast<int>(index), markers);

        std::vector<render::DrawOp> marks;
        for (const Marker& m : markers) {
            if (m.overfull) {
                ++summary.overfull;
                bar(marks, m.x + m.width + Length::from_pt(1.5), m);
            }
            if (m.loose) {
                ++summary.loose;
                box(marks, m.x, m.y, m.width, m.height, Length::from_pt(0.75), mark_color());
            }
        }
        // Widows and orphans: the first and last line of running text in each column
        // (lines of one column share their x).
        std::map<std::int64_t, std::vector<const Marker*>> columns;
        for (const Marker& m : markers) {
            if (m.splittable) columns[m.x.sp].push_back(&m);
        }
        for (auto& [x, lines] : columns) {
            std::sort(lines.begin(), lines.end(), [](const Marker* a, const Marker* b) { return a->y < b->y; });
            const Marker& head = *lines.front();
            const Marker& foot = *lines.back();
            if (head.line > 0 && head.count - head.line < head.widow_lines) {
                ++summary.widows;
                bar(marks, head.x - Length::from_pt(4.5), head);
            }
            if (foot.line + 1 < foot.count && foot.line + 1 < foot.orphan_lines) {
                ++summary.orphans;
                bar(marks, foot.x - Length::from_pt(4.5), foot);
            }
        }
        // Missing glyphs: glyph 0 (.notdef) drawn, boxed where it stands.
        for (const render::DrawOp& op : page.ops) {
            const auto* run = std::get_if<render::DrawGlyphs>(&op);
            if (!run) continue;
            Length x = run->x;
            for (const shape::Glyph& g : run->glyphs) {
                if (g.gid == 0) {
                    ++summary.missing_glyphs;
                    Length w = std::max<Length>(g.advance, run->size / 2);
                    box(marks, x, run->y - run->size * 7 / 10, w, run->size * 9 / 10, Length::from_pt(1), mark_color());
                }
                x += g.advance;
            }
        }

        std::vector<render::DrawOp> ops = guides(frame, page);
        // The guides go under the page's drawing, and count with its own furniture.
        const std::size_t under = ops.size();
        page.running_ops += under;
        for (render::OpSpan& part : page.parts) {
            part.begin += under;
            part.end += under;
        }
        ops.insert(ops.end(), std::make_move_iterator(page.ops.begin()), std::make_move_iterator(page.ops.end()));
        ops.insert(ops.end(), std::make_move_iterator(marks.begin()), std::make_move_iterator(marks.end()));
        page.ops = std::move(ops);
    }
    return summary;
}

void print_summary(std::ostream& out, const Summary& s) {
    auto count = [](int n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    out << "quire: proof: " << count(s.overfull, "overfull line", "overfull lines") << ", "
        << count(s.loose, "loose line", "loose lines") << ", " << count(s.widows, "widow", "widows") << ", "
        << count(s.orphans, "orphan", "orphans") << ", "
        << count(s.missing_glyphs, "missing glyph", "missing glyphs") << "\n";
}

}  // namespace quire::proof
