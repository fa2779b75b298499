#include "galley/article_galley.hpp"

#include "core/utf8.hpp"
#include "galley/article_plan.hpp"
#include "galley/block_indents.hpp"
#include "galley/table_layout.hpp"
#include "input/image_probe.hpp"

#include <algorithm>
#include <set>

namespace quire::galley {
namespace {

class GalleyBuilder {
public:
    GalleyBuilder(const model::Article& article, const Measures& measures, ParagraphSetter& setter,
                  DiagnosticSink& sink, const font::FontRegistry* fonts)
        : article_(article), measures_(measures), setter_(setter), sink_(sink), fonts_(fonts) {}

    // A structure node of the article (render/structure.hpp) under `parent`.
    int add(render::StructureKind kind, int parent) { return tree_.add(kind, parent); }
    render::StructureTree take_structure() { return std::move(tree_); }

    // The article's node, the root of its structure.
    void open_article(const model::Article& article, const std::string& title) {
        render::StructureNode node;
        node.kind = render::StructureKind::article;
        node.language = article.language;
        node.title = title;
        tree_.add(std::move(node), -1);
    }

    // A heading at `level` under `parent`, never more than one level below the last
    // heading (the article's title is level 1): a reader's outline has no gaps.
    int heading(int level, int parent) {
        level = std::clamp(level, 1, std::min(6, last_heading_level_ + 1));
        last_heading_level_ = level;
        render::StructureNode node;
        node.kind = render::StructureKind::heading;
        node.level = level;
        return tree_.add(std::move(node), parent);
    }

    // A paragraph set at its measure: the span's width less the style's left and right
    // indents, its lines then moved right by the left indent. A right-to-left paragraph
    // reads them as start and end indents, as it reads alignment: its lines start from
    // the right, at the left indent, so a list item's hanging indent and a note's
    // number stand on the right. Its text is content of structure node `node` (-1:
    // furniture, untagged).
    TextBlock text_block(const model::TextBlock& block, BlockRole role, Span span, int node,
                         std::optional<Length> first_indent = std::nullopt, bool opening = false) {
        const style::ParagraphStyle& style = setter_.styles().paragraph(block.style);
        const Length full = span == Span::all_columns ? measures_.text_area : measures_.column;
        const bool rtl = paragraph_direction(block.text, article_.language) == shape::Direction::rtl;
        Length left = rtl ? style.right_indent : style.left_indent;
        Length width = full - style.left_indent - style.right_indent;
        if (width * 4 < full) {
            if (narrow_warned_.insert(style.name).second) sink_.warning(block.loc, "paragraph style '" + style.name + "' indents leave less than a quarter of the " +
                                         "measure: its indents are ignored here");
            left = Length{};
            width = full;
        }
        TextBlock out = set_block(block, style, role, span, width, first_indent, opening, tagging(node));
        shift_lines(out.lines, left);
        if (left.sp != 0) {
            for (LazyLines* other : {&out.longer, &out.shorter}) {
                other->adjust([left](std::vector<Line>& lines) { shift_lines(lines, left); });
            }
        }
        return out;
    }

    TextTagging tagging(int node) { return node < 0 ? TextTagging{} : TextTagging{&tree_, node}; }

    TextBlock set_block(const model::TextBlock& block, const style::ParagraphStyle& style, BlockRole role,
                        Span span, Length width, std::optional<Length> first_indent, bool opening,
                        const TextTagging& tags) {
        // No drop cap in a right-to-left paragraph: the cap and the indented lines
        // beside it are placed from the left (par_shape.hpp), and Arabic's first
        // letter joins the next.
        if (opening && role == BlockRole::body && style.drop_cap_lines >= 2 && fonts_ &&
            article_.kind != model::ArticleKind::note &&
            paragraph_direction(block.text, article_.language) == shape::Direction::ltr) {
            if (auto capped = drop_cap_block(block, style, width, tags)) return std::move(*capped);
        }
        // Running text may be set a line longer or shorter to fill a column (page/run_long.hpp).
        const bool with_variants = role == BlockRole::body && style.align == model::Align::justify;
        SetParagraph set =
            setter_.set(block.text, style, width, article_.language, block.loc, first_indent, nullptr, with_variants, tags);
        TextBlock out;
        out.role = role;
        out.span = span;
        out.lines = std::move(set.lines);
        out.longer = std::move(set.longer);
        out.shorter = std::move(set.shorter);
        out.leading = style.leading;
        out.space_before = style.space_before;
        out.space_after = style.space_after;
        out.keep_with_next = style.keep_with_next;
        out.snap_to_grid = style.snap_to_grid;
        out.loc = block.loc;
        if (role == BlockRole::heading) out.outline_title = model::plain_text(block.text);
        return out;
    }

    // A drop cap N lines deep (InDesign's Drop Caps; in TeX, \parshape beside a big
    // letter): the first letter (with any opening quote) set so that its cap height
    // reaches the first line's cap height and its baseline sits on the Nth line's; the
    // first N lines shortened by its width through a ParShape. Returns nothing (set the
    // paragraph plainly) when the paragraph is shorter than the cap or has no letter.
    std::optional<TextBlock> drop_cap_block(const model::TextBlock& block, const style::ParagraphStyle& style,
                                            Length width, const TextTagging& tags) {
        const int n = style.drop_cap_lines;
        // Split off the cap: leading quotes and one code point.
        model::InlineText rest = block.text;
        std::string cap_text;
        for (model::InlineRun& run : rest) {
            std::size_t i = 0;
            while (i < run.text.size() && run.text[i] == ' ') ++i;
            static const char* quotes[] = {"\u201C", "\u2018", "\"", "'", "\u00AB"};
            for (bool more = true; more && i < run.text.size();) {
                more = false;
                for (const char* q : quotes) {
                    std::string qs(q);
                    if (run.text.compare(i, qs.size(), qs) == 0) { i += qs.size(); more = true; }
                }
            }
            if (i >= run.text.size()) continue;
            std::size_t end = i;
            next_code_point(run.text, end);
            cap_text = run.text.substr(0, end);
            while (!cap_text.empty() && cap_text.front() == ' ') cap_text.erase(0, 1);
            run.text.erase(0, end);
            break;
        }
        if (cap_text.empty()) return std::nullopt;

        const style::StyleSheet& styles = setter_.styles();
        style::ParagraphStyle cap = style;
        if (!style.drop_cap_style.empty()) cap.text = styles.apply_character_styles(style.text, {style.drop_cap_style});
        cap.align = model::Align::left;
        cap.hyphenate = false;
        cap.indent = Length{};
        cap.drop_cap_lines = 0;
        const Length far = Length::from_pt(2000);
        // Cap heights of the body face and the cap face, read from the fonts the
        // setter chose (fallback included).
        auto cap_height_at = [&](const style::ParagraphStyle& st, const std::string& text) -> std::optional<Length> {
            SetParagraph probe = setter_.set({model::InlineRun{text, {}, "", block.loc}}, st, far, article_.language,
                                             block.loc, Length{});
            for (const Line& ln : probe.lines) {
                for (const render::DrawOp& op : ln.ops) {
                    if (const auto* g = std::get_if<render::DrawGlyphs>(&op)) {
                        const font::FaceMetrics& m = fonts_->metrics(g->font);
                        if (m.cap_height <= 0) return std::nullopt;
                        return font::scale_units(m.cap_height, g->size, m.units_per_em);
                    }
                }
            }
            return std::nullopt;
        };
        std::optional<Length> body_cap = cap_height_at(style, "H");
        cap.text.size = Length::from_pt(100);
        std::optional<Length> probe_cap = cap_height_at(cap, cap_text);
        if (!body_cap || !probe_cap) return std::nullopt;
        const Length target = style.leading * (n - 1) + *body_cap;
        cap.text.size = Length::from_sp(static_cast<std::int64_t>(
            static_cast<double>(cap.text.size.sp) * static_cast<double>(target.sp) / static_cast<double>(probe_cap->sp)));
        SetParagraph cap_set = setter_.set({model::InlineRun{cap_text, {}, "", block.loc}}, cap, far,
                                           article_.language, block.loc, Length{}, nullptr, false, tags);
        if (cap_set.lines.size() != 1) return std::nullopt;
        const Line& cap_line = cap_set.lines.front();
        const Length indent = cap_line.natural_width + style.text.size / 3;
        if (indent * 3 > width) return std::nullopt;  // no room beside it in this measure

        ParShape shape;
        for (int k = 0; k < n; ++k) {
            shape.indents.push_back(indent);
            shape.widths.push_back(width - indent);
        }
        shape.indents.push_back(Length{});
        shape.widths.push_back(width);
        SetParagraph set = setter_.set(rest, style, width, article_.language, block.loc, Length{}, &shape, false, tags);
        if (static_cast<int>(set.lines.size()) < n) return std::nullopt;

        TextBlock out;
        out.role = BlockRole::body;
        out.span = Span::column;
        out.lines = std::move(set.lines);
        // The cap is drawn with the first line (first in its drawing, so the text reads
        // in order), hanging down to the Nth baseline.
        std::vector<render::DrawOp> ops;
        for (render::DrawOp op : cap_line.ops) {
            shift_op(op, Length{}, style.leading * (n - 1));
            ops.push_back(std::move(op));
        }
        // For text extraction the cap's letter belongs to the first word: the cap's
        // glyphs carry no text, and the first glyph of the line carries the letter
        // with its own (the PDF writer gives it an ActualText), so "T" + "alk" reads
        // back as "Talk".
        bool moved_text = false;
        for (render::DrawOp& op : ops) {
            if (auto* g = std::get_if<render::DrawGlyphs>(&op)) {
                g->text.clear();
                for (shape::Glyph& gl : g->glyphs) gl.cluster = 0;
            }
        }
        for (render::DrawOp& op : out.lines.front().ops) {
            if (auto* g = std::get_if<render::DrawGlyphs>(&op); g && !moved_text && !g->glyphs.empty()) {
                const auto shift = static_cast<std::uint32_t>(cap_text.size());
                g->text = cap_text + g->text;
                for (std::size_t k = 1; k < g->glyphs.size(); ++k) g->glyphs[k].cluster += shift;
                moved_text = true;
            }
            ops.push_back(std::move(op));
        }
        out.lines.front().ops = std::move(ops);
        out.leading = style.leading;
        out.space_before = style.space_before;
        out.space_after = style.space_after;
        out.keep_with_next = style.keep_with_next;
        out.snap_to_grid = style.snap_to_grid;
        // The lines beside the cap never part: no column break among them.
        out.orphan_lines = std::max(out.orphan_lines, n);
        out.loc = block.loc;
        return out;
    }

    TextBlock plain_block(const std::string& text, const std::string& style_name, BlockRole role,
                          Span span, const SourceLoc& loc, int node) {
        model::TextBlock block;
        block.style = style_name;
        block.text = {model::InlineRun{text, {}, "", loc}};
        block.loc = loc;
        return text_block(block, role, span, node);
    }

    // A pull quote across the columns: a float at the top of the text area (after the
    // opener on a first page), a figure without an image between two rules. It repeats
    // the article's words for the eye: furniture, not read twice (untagged).
    FigureBlock quote_float(const model::PullQuote& q) {
        TextBlock set = text_block(q, BlockRole::pullquote, Span::all_columns, -1);
        FigureBlock out;
        out.kind = FigureBlock::Kind::quote;
        out.span = Span::all_columns;
        out.placement = FigureBlock::Placement::top;
        out.caption = std::move(set.lines);
        out.caption_leading = set.leading;
        out.gap = measures_.grid;   // from the rule above to the quote's first line
        out.loc = q.loc;
        return out;
    }

    // A figure: the image (a Figure described by its alt text), its caption and its
    // credit, read together as one group under `parent`. An image with no alt text is
    // decoration (an artifact): a Figure that says nothing fails PDF/UA, and the
    // composer has warned.
    std::optional<FigureBlock> figure(const model::Figure& f, int parent) {
        const int group = add(render::StructureKind::division, parent);
        FigureBlock out;
        if (!f.alt.empty()) {
            render::StructureNode image;
            image.kind = render::StructureKind::figure;
            image.alt = f.alt;
            out.image_node = tree_.add(std::move(image), group);
        }
        out.span = f.span == model::FigureSpan::page ? Span::all_columns : Span::column;
        out.placement = f.placement == model::FigurePlacement::here     ? FigureBlock::Placement::here
                        : f.placement == model::FigurePlacement::bottom ? FigureBlock::Placement::bottom
                                                                        : FigureBlock::Placement::top;
        out.image_path = f.image;
        out.alt = f.alt;
        out.loc = f.loc;
        auto size = input::read_image_size(f.image);
        if (!size) {
            sink_.error(f.loc, "cannot read the size of image " + f.image);
            return std::nullopt;
        }
        out.aspect = static_cast<double>(size->height) / static_cast<double>(size->width);
        const Length width = out.span == Span::all_columns ? measures_.text_area : measures_.column;
        // Print wants 300 dpi; below 200 the dots show.
        const double dpi = size->width / (width.pt() / 72.0);
        if (dpi < 200.0) {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%.0f dpi", dpi);
            sink_.warning(f.loc, "image " + f.image + " is only " + buffer + " at its printed size (" +
                                     std::to_string(size->width) + " pixels across " +
                                     std::to_string(static_cast<int>(width.pt() * 25.4 / 72.0 + 0.5)) +
                                     " mm); print needs 300");
        }
        if (f.caption) {
            TextBlock caption = text_block(*f.caption, BlockRole::body, out.span, add(render::StructureKind::caption, group));
            out.caption = std::move(caption.lines);
            out.caption_leading = caption.leading;
            out.gap = setter_.styles().paragraph(f.caption->style).space_before;
        }
        TextBlock credit = text_block(f.credit, BlockRole::body, out.span, add(render::StructureKind::credit, group));
        out.credit = std::move(credit.lines);
        out.credit_leading = credit.leading;
        if (!f.caption) out.gap = setter_.styles().paragraph(f.credit.style).space_before;
        out.credit_text = model::plain_text(f.credit.text);
        if (out.credit_text.empty()) sink_.warning(f.loc, "this figure's credit is empty: the Review credits every image");
        return out;
    }

    // Paragraphs that read as one group (a quotation's, a bio's): the first flush, no
    // space between them, the style's space before and after around the group.
    void paragraph_group(const std::vector<model::Paragraph>& paragraphs, std::vector<Block>& out, int parent) {
        const std::size_t from = out.size();
        for (std::size_t k = 0; k < paragraphs.size(); ++k) {
            std::optional<Length> indent;
            if (k == 0) indent = Length{};
            out.push_back(text_block(paragraphs[k], BlockRole::body, Span::column,
                                     add(render::StructureKind::paragraph, parent), indent));
        }
        close_up(out, from, out.size());
    }

    // The paragraphs of a block quotation, then its attribution (at its own space
    // before, never alone at the next column's head).
    void quote(const model::Quote& q, std::vector<Block>& out, int parent) {
        const int quotation = add(render::StructureKind::quote, parent);
        paragraph_group(q.paragraphs, out, quotation);
        if (!q.attribution) return;
        TextBlock& last = std::get<TextBlock>(out.back());
        last.keep_with_next = true;
        TextBlock attribution = text_block(*q.attribution, BlockRole::body, Span::column,
                                           add(render::StructureKind::attribution, quotation), Length{});
        last.space_after = Length{};
        out.push_back(std::move(attribution));
    }

    // A list's items, each paragraph on the grid with the item's bullet or number hung
    // in its left indent; a second-level list follows its item's paragraphs.
    // Its structure: the list, an item per item, each with its label (the marker) and
    // its body (the paragraphs, then any list inside it).
    void list(const model::List& l, std::vector<Block>& out, int parent) {
        const std::size_t from = out.size();
        const int list_node = add(render::StructureKind::list, parent);
        int number = l.start;
        for (const model::ListItem& item : l.items) {
            const int item_node = add(render::StructureKind::list_item, list_node);
            const int label = add(render::StructureKind::list_label, item_node);
            const int body = add(render::StructureKind::list_body, item_node);
            for (std::size_t k = 0; k < item.paragraphs.size(); ++k) {
                const model::Paragraph& p = item.paragraphs[k];
                TextBlock block =
                    text_block(p, BlockRole::body, Span::column, add(render::StructureKind::paragraph, body), Length{});
                if (k == 0 && !block.lines.empty()) add_marker(block, p, list_marker(l.kind, l.level, number), label);
                out.push_back(std::move(block));
            }
            for (const model::List& inner : item.sublists) list(inner, out, body);
            ++number;
        }
        if (l.level == 1) close_up(out, from, out.size());
    }

    // Where a hung marker stands on its line: its left edge from the line's origin, its width.
    struct MarkerBox {
        Length x, width;
    };

    // Hangs `marker` in the start indent of the block's first line (in every setting the
    // composer may choose), as content of structure node `label`. In a right-to-left
    // item the marker is set right to left too ("1." reads ".1") and hangs on the right.
    std::optional<MarkerBox> add_marker(TextBlock& block, const model::Paragraph& p, const std::string& marker,
                                        int label) {
        const bool rtl = paragraph_direction(p.text, article_.language) == shape::Direction::rtl;
        style::ParagraphStyle style = setter_.styles().paragraph(p.style);
        style.align = rtl ? model::Align::right : model::Align::left;  // flush to the line's start
        style.indent = Length{};
        style.hyphenate = false;
        style.drop_cap_lines = 0;
        model::InlineRun run;
        run.text = marker;
        run.loc = p.loc;
        run.block_direction = rtl ? model::Direction::rtl : model::Direction::ltr;
        SetParagraph set = setter_.set({run}, style, Length::from_pt(2000), article_.language, p.loc, Length{},
                                       nullptr, false, tagging(label));
        if (set.lines.empty()) return std::nullopt;
        const Length text_start = rtl ? measures_.column - style.left_indent : style.left_indent;
        const Length x = marker_x(set.lines.front(), text_start, style.text.size / 2, rtl);
        hang_marker(block.lines.front(), set.lines.front(), x);
        for (LazyLines* other : {&block.longer, &block.shorter}) {
            other->adjust([marker = set.lines.front(), x](std::vector<Line>& lines) {
                if (!lines.empty()) hang_marker(lines.front(), marker, x);
            });
        }
        return MarkerBox{x, set.lines.front().natural_width};
    }

    // A table at the column's width (booktabs' rules: above the first row, under the
    // header rows, under the last): its caption, a text block per row that never
    // splits, its source. The header rows and the last row keep with what follows.
    void table(const model::Table& t, std::vector<Block>& out, int parent) {
        const int table_node = add(render::StructureKind::table, parent);
        const style::ParagraphStyle& cell_style = setter_.styles().paragraph(model::default_style::table_cell);
        const Length width = measures_.column, gap = cell_style.text.size;
        const std::vector<Length> widths = column_widths(t.columns, width, gap);
        std::vector<Length> xs;
        for (Length x; const Length w : widths) {
            xs.push_back(x);
            x += w + gap;
        }
        // A right-to-left table (its first cell's text runs right to left, as HTML's
        // first strong character decides) has its first column on the right.
        if (table_direction(t) == shape::Direction::rtl) {
            for (std::size_t c = 0; c < xs.size(); ++c) xs[c] = width - xs[c] - widths[c];
        }
        if (t.caption) {
            TextBlock caption = text_block(*t.caption, BlockRole::body, Span::column,
                                           add(render::StructureKind::caption, table_node), Length{});
            caption.keep_with_next = true;
            out.push_back(std::move(caption));
        }
        const std::size_t first_row = out.size();
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            TextBlock row = table_row(t.rows[r], widths, xs, width, add(render::StructureKind::table_row, table_node));
            if (row.lines.empty()) continue;
            const bool last = r + 1 == t.rows.size();
            const bool last_header = t.rows[r].header && (last || !t.rows[r + 1].header);
            if (out.size() == first_row) add_table_rule(row.lines.front(), -(row.lines.front().ascent + gap / 3), width, Length::from_pt(0.6));
            if (last_header) add_table_rule(row.lines.back(), row.lines.back().descent + gap / 3, width, Length::from_pt(0.4));
            if (last) add_table_rule(row.lines.back(), row.lines.back().descent + gap / 3, width, Length::from_pt(0.6));
            // Room for the rules: above the table, and under the header rows (with the
            // header, so that a header set again at a column's head keeps it).
            row.space_before = out.size() == first_row ? std::max(row.space_before, gap) : gap / 4;
            if (last_header) row.space_after = gap / 2 + gap / 4;
            row.keep_with_next = t.rows[r].header || (last && t.source);
            row.table_row = t.rows[r].header ? TextBlock::TableRow::header : TextBlock::TableRow::body;
            out.push_back(std::move(row));
        }
        if (t.source) {
            TextBlock source =
                text_block(*t.source, BlockRole::body, Span::column, add(render::StructureKind::source, parent), Length{});
            source.space_before = std::max(source.space_before, gap / 2);
            out.push_back(std::move(source));
        }
        // Half a line at least between the table and the text after it.
        if (auto* end = out.size() > first_row ? std::get_if<TextBlock>(&out.back()) : nullptr) {
            end->space_after = std::max(end->space_after, measures_.grid / 2);
        }
    }

    shape::Direction table_direction(const model::Table& t) const {
        for (const model::TableRow& row : t.rows) {
            for (const std::vector<model::Paragraph>& cell : row.cells) {
                if (!cell.empty()) return paragraph_direction(cell.front().text, article_.language);
            }
        }
        return shape::language_direction(article_.language);
    }

    TextBlock table_row(const model::TableRow& row, const std::vector<Length>& widths, const std::vector<Length>& xs,
                        Length width, int row_node) {
        std::vector<std::vector<Line>> cells;
        TextBlock out;
        for (std::size_t c = 0; c < row.cells.size() && c < widths.size(); ++c) {
            std::vector<Line> lines;
            const int cell = add(row.header ? render::StructureKind::table_header : render::StructureKind::table_cell, row_node);
            for (const model::Paragraph& p : row.cells[c]) {
                const style::ParagraphStyle& style = setter_.styles().paragraph(p.style);
                SetParagraph set = setter_.set(p.text, style, widths[c], article_.language, p.loc, Length{}, nullptr,
                                               false, tagging(cell));
                for (Line& line : set.lines) lines.push_back(std::move(line));
                out.leading = style.leading;
            }
            cells.push_back(std::move(lines));
        }
        out.lines = row_lines(cells, xs, width, out.leading);
        out.role = BlockRole::body;
        out.span = Span::column;
        // A row is never split: no legal break among its lines.
        out.orphan_lines = out.widow_lines = static_cast<int>(out.lines.size());
        out.loc = row.loc;
        return out;
    }

    // A note as a paragraph of its own in the style "note", its number hung in the
    // style's left indent as a list's. In the structure, a Note under `parent` named
    // by the article and its number, its number a label and a link back.
    TextBlock note_block(const model::Note& note, int parent) {
        model::Paragraph block;
        block.style = model::default_style::note;
        block.text = note.text;
        block.loc = note.loc;
        render::StructureNode node;
        node.kind = render::StructureKind::note;
        node.id = "note-" + article_.id + "-" + std::to_string(note.number);
        const int note_node = tree_.add(std::move(node), parent);
        TextBlock out = text_block(block, BlockRole::body, Span::column, note_node, Length{});
        out.note = note.number;
        if (out.lines.empty()) return out;
        // Its number is part of the note's text (a label belongs to a list item in
        // PDF/UA-1's structure), the link back a Link in the note.
        const std::optional<MarkerBox> number = add_marker(out, block, std::to_string(note.number), note_node);
        if (!number) return out;
        // The number links back to the reference (page/note_links.hpp).
        Line& first = out.lines.front();
        first.ops.push_back(render::LinkArea{number->x, -first.ascent, number->width, first.ascent + first.descent,
                                             "#" + reference_anchor(note.number), -1, Length{},
                                             add(render::StructureKind::link, note_node)});
        return out;
    }

    // The article's notes: footnotes by number in `footnotes`; endnotes after the text,
    // under the layout's title (in the style "notes-title"), in `body`.
    void notes(const model::Article& article, ArticleGalley& galley, int parent) {
        galley.footnotes.notes.resize(article.notes.size());
        galley.footnotes.rule_thickness = measures_.footnote_rule_thickness;
        galley.footnotes.rule_length = measures_.footnote_rule_length;
        bool titled = false;
        for (const model::Note& note : article.notes) {
            const bool at_end = note.place ? *note.place == model::NotePlace::end : measures_.notes_at_end;
            if (!at_end) {
                TextBlock block = note_block(note, parent);
                block.snap_to_grid = false;
                galley.footnotes.notes[static_cast<std::size_t>(note.number - 1)] = std::move(block);
                continue;
            }
            if (!titled) {
                galley.body.push_back(plain_block(measures_.notes_title, "notes-title", BlockRole::heading,
                                                  Span::column, note.loc, heading(2, parent)));
                titled = true;
            }
            TextBlock block = note_block(note, parent);
            block.space_before = Length{};
            galley.body.push_back(std::move(block));
        }
    }

    // Blocks [from, end) and any after them in `out` read as one group: no space inside
    // it, the first block's space before and the last's space after around it.
    static void close_up(std::vector<Block>& out, std::size_t from, std::size_t end) {
        for (std::size_t k = from; k < out.size(); ++k) {
            auto* block = std::get_if<TextBlock>(&out[k]);
            if (block == nullptr) continue;
            if (k > from && k < end) block->space_before = Length{};
            if (k + 1 < end) block->space_after = Length{};
        }
    }

private:
    const model::Article& article_;
    const Measures& measures_;
    ParagraphSetter& setter_;
    DiagnosticSink& sink_;
    const font::FontRegistry* fonts_;
    std::set<std::string> narrow_warned_;  // styles whose indents were said to be too wide
    render::StructureTree tree_;           // the article's structure, node 0 the article
    int last_heading_level_ = 1;           // the title's, then the last heading's
};

}  // namespace

ArticleGalley build_article_galley(const model::Article& article, const model::IssueMeta& meta,
                                         const Measures& measures, ParagraphSetter& setter, DiagnosticSink& sink,
                                         const font::FontRegistry* fonts) {
    GalleyBuilder builder(article, measures, setter, sink, fonts);
    ArticleGalley galley;
    galley.plan = plan_article(article, meta);
    builder.open_article(article, galley.plan.title);
    constexpr int art = 0;  // the article's structure node
    using render::StructureKind;
    galley.id = article.id;
    galley.section = article.section;
    galley.short_title = article.short_title;
    galley.right_to_left = paragraph_direction(article.title.text, article.language) == shape::Direction::rtl;
    galley.footnotes.rule_from_right = galley.right_to_left;
    if (const model::TextBlock* disclaimer = disclaimer_of(article, meta)) {
        // Set too, in case the layout wants it after the text instead of in the footer.
        model::TextBlock at_end = *disclaimer;
        if (at_end.style.empty()) at_end.style = model::default_style::disclaimer;
        if (setter.styles().has_paragraph(at_end.style)) {
            // Read at the article's end, where it is set (the footer's copies are furniture).
            TextBlock b = builder.text_block(at_end, BlockRole::disclaimer, Span::column, -1);
            b.space_before = std::max(b.space_before, measures.grid);
            galley.end_disclaimer = std::move(b);
        }
    }
    galley.loc = article.loc;

    // The opener: across the text area, at the top of the article's first page; or,
    // when articles start in the next column, at the column's width ahead of the text.
    const Span across = measures.opener_in_column ? Span::column : Span::all_columns;
    galley.opener_in_column = measures.opener_in_column;
    if (!article.section.empty() && setter.styles().has_paragraph("section")) {
        galley.opener.push_back(builder.plain_block(article.section, "section", BlockRole::furniture, across, article.loc,
                                                    builder.add(StructureKind::kicker, art)));
    }
    galley.opener.push_back(builder.text_block(article.title, BlockRole::furniture, across, builder.heading(1, art)));
    if (article.subtitle) {
        galley.opener.push_back(builder.text_block(*article.subtitle, BlockRole::furniture, across,
                                                   builder.add(StructureKind::subtitle, art)));
    }
    if (article.standfirst) {
        galley.opener.push_back(builder.text_block(*article.standfirst, BlockRole::furniture, across,
                                                   builder.add(StructureKind::standfirst, art)));
    }
    for (const model::TextBlock& byline : article.bylines) {
        galley.opener.push_back(
            builder.text_block(byline, BlockRole::furniture, across, builder.add(StructureKind::byline, art)));
    }

    // The body, in reading order. The paragraph after a heading or a figure starts flush
    // (no indent), as the first paragraph does: its style says so, or we do.
    bool flush_next = true;
    bool opening = true;  // the body's first paragraph: the one a drop cap may open
    for (const model::Block& block : article.body) {
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            std::optional<Length> indent;
            if (flush_next) indent = Length{};
            galley.body.push_back(builder.text_block(*p, BlockRole::body, Span::column,
                                                     builder.add(StructureKind::paragraph, art), indent, opening));
            flush_next = false;
            opening = false;
        } else if (const auto* h = std::get_if<model::Heading>(&block)) {
            galley.body.push_back(builder.text_block(*h, BlockRole::heading, Span::column, builder.heading(h->level, art)));
            flush_next = true;
        } else if (const auto* q = std::get_if<model::PullQuote>(&block)) {
            if (q->across) {
                galley.body.push_back(builder.quote_float(*q));
            } else {
                galley.body.push_back(builder.text_block(*q, BlockRole::pullquote, Span::column, -1));
            }
        } else if (const auto* f = std::get_if<model::Figure>(&block)) {
            if (auto figure = builder.figure(*f, art)) galley.body.push_back(std::move(*figure));
        } else if (const auto* q = std::get_if<model::Quote>(&block)) {
            builder.quote(*q, galley.body, art);
            flush_next = true;
            opening = false;
        } else if (const auto* l = std::get_if<model::List>(&block)) {
            builder.list(*l, galley.body, art);
            flush_next = true;
            opening = false;
        } else if (const auto* t = std::get_if<model::Table>(&block)) {
            builder.table(*t, galley.body, art);
            flush_next = true;
            opening = false;
        }
    }
    builder.notes(article, galley, art);
    if (!article.bio.empty()) builder.paragraph_group(article.bio, galley.body, builder.add(StructureKind::division, art));
    // The disclaimer, read once at the article's end: set after the text, or in the
    // footer of the article's first page (the other pages' footers are furniture).
    if (!galley.plan.disclaimer.empty() || galley.end_disclaimer) {
        galley.disclaimer_node = builder.add(StructureKind::disclaimer, art);
        if (galley.end_disclaimer) tag_lines(galley.end_disclaimer->lines, galley.disclaimer_node);
    }
    galley.structure = builder.take_structure();
    return galley;
}

}  // namespace quire::galley
