#include "page/article_composer.hpp"
#include "page/footnotes.hpp"
#include "page/note_links.hpp"

#include "page/balancing.hpp"
#include "page/figure_layout.hpp"
#include "page/page_state.hpp"
#include "page/run_long.hpp"

#include <algorithm>
#include <deque>
#include <set>

namespace quire::page {

namespace {

class Composer {
public:
    Composer(const galley::ArticleGalley& g, int article, int first_page, const StartPage& sp, const ComposeOptions& o,
             DiagnosticSink& sink)
        : g_(g), article_(article), next_index_(first_page), start_page_(sp), opt_(o), sink_(sink),
          blocks_(blocks_of(g)), body_(make_flow(blocks_, false, &g.footnotes)),
          furniture_(make_flow(g.opener_in_column ? no_blocks_ : g.opener, /*keep_all=*/true)) {}

    std::vector<ComposedPage> run();

private:
    // The flow's blocks: the body, after the opener when the opener flows with it.
    static std::vector<galley::Block> blocks_of(const galley::ArticleGalley& g) {
        std::vector<galley::Block> b;
        if (g.opener_in_column) b = g.opener;
        b.insert(b.end(), g.body.begin(), g.body.end());
        return b;
    }
    inline static const std::vector<galley::Block> no_blocks_{};

    void new_page(PageKind kind);
    void fresh_column();
    bool try_span_figure(int block, bool must);
    void handle_marker(int unit);
    ComposedPage finish(const PageState& p) const;
    void warn_forced(const ColumnFill& fill, const Flow& flow);

    const galley::ArticleGalley& g_;
    int article_;
    int next_index_;
    const StartPage& start_page_;
    ComposeOptions opt_;
    DiagnosticSink& sink_;
    std::vector<galley::Block> blocks_;   // what body_ indexes
    Flow body_, furniture_;
    std::vector<PageState> pages_;
    int col_ = 0;
    std::deque<int> pending_column_, pending_span_;  // figure blocks waiting for room
    std::vector<NotePart> carry_;                    // footnotes continued in the next column
};

std::vector<ComposedPage> Composer::run() {
    for (const galley::Block& b : g_.body) {
        const auto* fig = std::get_if<galley::FigureBlock>(&b);
        if (!fig || fig->kind != galley::FigureBlock::Kind::image) continue;
        if (fig->credit.empty()) {
            sink_.warning(fig->loc, "figure '" + fig->image_path + "' has no credit: every image must be credited");
        }
        // The archive's PDF is read aloud too (PDF/UA): a picture needs words.
        if (fig->alt.empty()) {
            sink_.warning(fig->loc, "figure '" + fig->image_path + "' has no alt=\"...\" and is tagged as decoration, which a reader who cannot see it never hears of: say what it shows");
        }
    }
    new_page(opt_.first_kind);
    // Starting in a later column of a page another article began: the columns before
    // are its, taken as they are.
    if (opt_.first_column > 0) {
        pages_.back().region_top = std::max(pages_.back().region_top, opt_.first_region_top);
        for (int c = 0; c < opt_.first_column && c < static_cast<int>(pages_.back().columns.size()); ++c) {
            pages_.back().columns[c].committed = true;
            col_ = c + 1;
        }
    }
    std::set<int> markers_done;  // by block: running paragraphs long renumbers the units
    int u = 0;
    // Each round either processes a float marker, commits a column, or moves to a
    // fresh column that takes at least one waiting float: so it ends.
    int guard = 0;
    for (; guard < 100000; ++guard) {
        PageState& page = pages_.back();
        ColumnState& column = page.columns[col_];
        ColumnSpace space = column_space(page, col_);
        // Overflow is allowed only in a column nothing else competes for.
        bool pristine = column.floats.empty() && page.span_figures.empty();
        const FillOptions options{float_separation(page.frame()), pristine, space.bottom - space.top, carry_};
        ColumnFill fill = fill_column(body_, u, space, page.frame().grid, options);
        auto next_marker = [&] {
            for (int i = u; i < fill.end; ++i) {
                const FlowUnit& unit = body_.units[i];
                if (unit.kind == FlowUnit::Kind::marker && !markers_done.count(unit.block)) return i;
            }
            return -1;
        };
        int marker = next_marker();
        if (marker < 0) {
            // A column that would end short: paragraphs run long (run_long.hpp).
            fill = run_long(blocks_, body_, u, std::move(fill), space, page.frame().grid, options);
            marker = next_marker();
        }
        if (marker >= 0) {
            markers_done.insert(body_.units[marker].block);
            handle_marker(marker);
            continue;  // refill: the float changed this column's space
        }
        if (fill.forced) warn_forced(fill, body_);
        column.fill = std::move(fill);
        column.committed = true;
        u = column.fill.end;
        carry_ = column.fill.carried;
        const bool text_done = u >= static_cast<int>(body_.units.size());
        if (text_done && pending_column_.empty() && pending_span_.empty() && carry_.empty()) break;
        if (++col_ >= static_cast<int>(page.columns.size())) {
            new_page(opt_.next_kind);
            pages_.back().first_unit = u;
            pages_.back().carry_in = carry_;
        } else {
            fresh_column();
        }
    }
    if (guard == 100000) sink_.error(g_.loc, "internal: page composition of '" + g_.plan.title + "' did not finish");
    const bool shared_page = pages_.size() == 1 && opt_.first_column > 0;
    if (opt_.balance_last_page && !shared_page) balance_columns(body_, pages_.back());

    std::vector<ComposedPage> out;
    std::vector<int> indices;
    for (const PageState& p : pages_) {
        out.push_back(finish(p));
        indices.push_back(p.index);
    }
    resolve_note_links(out, indices);
    return out;
}

void Composer::new_page(PageKind kind) {
    PageState p;
    p.kind = kind;
    p.index = next_index_++;
    p.start = start_page_(kind, p.index);
    const PageFrame& f = p.start.frame;
    p.columns.resize(static_cast<std::size_t>(f.columns));
    p.region_top = f.text_top;
    if (kind == PageKind::opener || (pages_.empty() && !g_.opener.empty())) {
        if (!furniture_.units.empty()) {
            ColumnSpace s{f.text_left, f.text_width, f.text_top, f.text_bottom};
            p.furniture = fill_column(furniture_, 0, s, f.grid, FillOptions{float_separation(f), true, {}});
            p.has_furniture = true;
            if (p.furniture.forced || p.furniture.end < static_cast<int>(furniture_.units.size())) {
                sink_.warning(g_.loc, "the opener of '" + g_.plan.title + "' is taller than the text area");
            }
            p.region_top = p.furniture.next_top;
        }
    }
    pages_.push_back(std::move(p));
    col_ = 0;
    // Figures across the columns that waited for this page go first, at its top.
    while (!pending_span_.empty()) {
        if (!try_span_figure(pending_span_.front(), pages_.back().span_figures.empty())) break;
        pending_span_.pop_front();
    }
    fresh_column();
}

// A new column takes the column floats that waited, in order, while they fit; the
// first always goes (scaled down if it must) so that nothing waits for ever.
void Composer::fresh_column() {
    PageState& page = pages_.back();
    while (!pending_column_.empty()) {
        const galley::FigureBlock& fig = std::get<galley::FigureBlock>(blocks_[pending_column_.front()]);
        ColumnSpace s = column_space(page, col_);
        Length sep = float_separation(page.frame());
        bool first = page.columns[col_].floats.empty();
        FigureBox box = layout_figure(fig, s.width, s.bottom - s.top - (first ? Length{} : sep));
        if (!first && box.height + sep > s.bottom - s.top) break;
        page.columns[col_].floats.push_back(
            {pending_column_.front(), box, fig.placement == galley::FigureBlock::Placement::bottom});
        pending_column_.pop_front();
    }
}

bool Composer::try_span_figure(int block, bool must) {
    PageState& page = pages_.back();
    const PageFrame& f = page.frame();
    const galley::FigureBlock& fig = std::get<galley::FigureBlock>(blocks_[block]);
    Length room = f.text_bottom - page.region_top;
    FigureBox box = layout_figure(fig, f.text_width, room);
    if (!must && box.height + float_separation(f) > room) return false;
    page.span_figures.push_back({block, box, page.region_top});
    page.region_top += box.height + float_separation(f);
    return true;
}

void Composer::handle_marker(int unit) {
    PageState& page = pages_.back();
    int block = body_.units[unit].block;
    const galley::FigureBlock& fig = std::get<galley::FigureBlock>(blocks_[block]);
    if (fig.span == galley::Span::all_columns) {
        // Across the columns at the top of the text area: on this page only while its
        // columns are still empty, else on the next page.
        if (page.nothing_in_columns() && col_ == 0 && try_span_figure(block, false)) {
            fresh_column();
            return;
        }
        pending_span_.push_back(block);
        return;
    }
    ColumnSpace s = column_space(page, col_);
    Length sep = float_separation(page.frame());
    FigureBox box = layout_figure(fig, s.width, s.bottom - s.top);
    // An opener that flows in the column heads it: a float never stands above its
    // article's title, so the opening column's figures wait for the next column.
    const bool opening_column = g_.opener_in_column && pages_.size() == 1 && col_ == opt_.first_column;
    if (pending_column_.empty() && !opening_column && box.height + sep <= s.bottom - s.top) {
        page.columns[col_].floats.push_back({block, box, fig.placement == galley::FigureBlock::Placement::bottom});
    } else {
        pending_column_.push_back(block);  // order of figures is kept: none overtakes
    }
}

void Composer::warn_forced(const ColumnFill& fill, const Flow& flow) {
    if (fill.forced_unit < 0 || fill.forced_unit >= static_cast<int>(flow.units.size())) return;
    const FlowUnit& u = flow.units[fill.forced_unit];
    const galley::Block& b = (*flow.blocks)[u.block];
    SourceLoc loc = std::visit([](const auto& x) { return x.loc; }, b);
    sink_.warning(loc, "no legal column break fits here (material that must stay together is taller than "
                       "the column): the column breaks inside it or overflows");
}

ComposedPage Composer::finish(const PageState& p) const {
    ComposedPage out;
    out.kind = p.kind;
    out.article = article_;
    out.frame = p.frame();
    out.ops = p.start.running;
    out.running_ops = out.ops.size();
    out.region_top = p.region_top;
    const PageFrame& f = p.frame();
    for (int c = 0; c < static_cast<int>(p.columns.size()); ++c) {
        if (!p.columns[c].fill.placed.empty() || !p.columns[c].floats.empty()) out.columns_used = c + 1;
    }
    if (!p.span_figures.empty() || p.has_furniture) out.columns_used = std::max(out.columns_used, 1);

    auto draw_units = [&](const Flow& flow, const ColumnFill& fill, const ColumnSpace& space) {
        Length x = space.x;
        for (const UnitPos& pos : fill.placed) {
            const FlowUnit& u = flow.units[pos.unit];
            if (u.kind == FlowUnit::Kind::line) {
                const galley::TextBlock& tb = flow.text(u);
                const galley::Line& ln = tb.lines[u.line];
                draw_line(ln, x, pos.y, out.ops);
                for (int n : ln.notes) out.anchors.emplace_back(galley::reference_anchor(n), pos.y - ln.ascent);
                if (u.line == 0 && tb.note > 0) out.anchors.emplace_back(galley::note_anchor(tb.note), pos.y - ln.ascent);
                if (tb.role == galley::BlockRole::furniture && !out.title_y) out.title_y = pos.y - ln.ascent;
                if (u.line == 0 && tb.role == galley::BlockRole::heading && !tb.outline_title.empty()) {
                    out.headings.push_back({tb.outline_title, pos.y - ln.ascent, article_});
                }
            } else if (u.kind == FlowUnit::Kind::figure) {
                const galley::FigureBlock& fig = flow.figure(u);
                FigureBox box = layout_figure(fig, space.width, space.bottom - space.top);
                draw_figure(fig, box, x, pos.y, out.ops);
                if (fig.kind == galley::FigureBlock::Kind::image) out.credits.push_back(fig.credit_text);
            }
        }
    };
    if (p.has_furniture) draw_units(furniture_, p.furniture, ColumnSpace{f.text_left, f.text_width, f.text_top, f.text_bottom});
    for (const SpanFigure& sf : p.span_figures) {
        const galley::FigureBlock& fig = std::get<galley::FigureBlock>(blocks_[sf.block]);
        draw_figure(fig, sf.box, f.text_left, sf.y, out.ops);
        if (fig.kind == galley::FigureBlock::Kind::image) out.credits.push_back(fig.credit_text);
    }
    for (int c = 0; c < static_cast<int>(p.columns.size()); ++c) {
        const ColumnState& col = p.columns[c];
        std::vector<Length> ys = float_positions(p, c);
        for (std::size_t i = 0; i < col.floats.size(); ++i) {
            const galley::FigureBlock& fig = std::get<galley::FigureBlock>(blocks_[col.floats[i].block]);
            draw_figure(fig, col.floats[i].box, f.column_x(c), ys[i], out.ops);
            if (fig.kind == galley::FigureBlock::Kind::image) out.credits.push_back(fig.credit_text);
        }
        draw_units(body_, col.fill, column_space(p, c));
        draw_footnotes(body_, col.fill.notes, column_space(p, c), f.grid, out.ops, out.anchors);
    }
    return out;
}

}  // namespace

std::vector<ComposedPage> compose_galley(const galley::ArticleGalley& galley, int article_index, int first_page_index,
                                         const StartPage& start_page, const ComposeOptions& options,
                                         DiagnosticSink& sink) {
    Composer c(galley, article_index, first_page_index, start_page, options, sink);
    return c.run();
}

}  // namespace quire::page
