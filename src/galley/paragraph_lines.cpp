#include "galley/paragraph_lines.hpp"

#include "font/face_metrics.hpp"
#include "galley/letter_spacing.hpp"
#include "galley/paragraph_breaking.hpp"
#include "galley/line_ink.hpp"
#include "galley/microtype.hpp"
#include "para/line_fit.hpp"
#include "shape/bidi.hpp"

#include <algorithm>
#include <span>
#include <iterator>
#include <optional>

namespace quire::galley {
namespace {

// Draws one set line, item by item, left to right from x = 0; then moves the whole
// drawing to the line's indent (or, right-aligned, to the measure's right edge). A
// line with right-to-left text takes its items in visual order (UAX #9 L2), and
// hands its runs on in logical order; a right-to-left run's glyphs stay in visual
// order, its text in logical order (add_to_run).
std::pair<Piece, Piece> split_hyphen(const Piece& piece);

class LineDrawer {
public:
    LineDrawer(const para::Line& set, const ParagraphItems& items, const std::vector<RunLook>& looks,
               const LineFrame& frame, const font::FontRegistry& registry);
    Line draw(std::size_t n);

private:
    void draw_item(std::size_t i);
    std::vector<std::size_t> visual_items() const;
    Length alignment_shift(Length indent, Length line_width) const;
    Length left_hang() const;
    Length right_hang() const;
    void draw_box(std::size_t i, const para::Box& box);
    bool add_space(render::DrawGlyphs& run, Length width, bool rtl) const;
    static void add_to_run(render::DrawGlyphs& draw, std::span<const shape::Glyph> glyphs, std::string_view text, bool rtl);
    void add_glue(std::size_t i, const para::Glue& glue);
    void end_at_penalty(const para::Penalty& penalty);
    void draw_piece(const Piece& piece, bool incidental = false, Length extra = {});
    void draw_scaled(const Piece& piece, Length scale_stretch, Length scale_shrink);
    void fill_pending_space();
    void end_with_space();
    bool joins_last_run(const Piece& piece, const RunLook& look) const;
    void follow_link(const RunLook& look);
    void close_link(Length at);
    Length scaling_extra(Length scale_stretch, Length scale_shrink) const;
    Piece scaled(const Piece& piece, Length scale_stretch, Length scale_shrink) const;
    void measure_heights();
    void to_logical_order();
    void place(Length shift);

    const para::Line& set_;
    const ParagraphItems& items_;
    const std::vector<RunLook>& looks_;
    const LineFrame& frame_;
    const font::FontRegistry& registry_;
    const int scale_;  // the line's horizontal glyph scale, thousandths
    Line out_;
    std::vector<render::DrawGlyphs> runs_;
    Length x_, ink_end_;  // where the next item goes; where the last glyph ends
    std::string link_;
    int link_node_ = -1;
    Length link_start_;
    std::vector<render::LinkArea> links_;
    // The glue since the last piece, and the space glyph it stands for if it is a space.
    std::optional<SpaceGlyph> pending_space_;
    std::uint8_t pending_space_level_ = 0;
    std::optional<Length> leading_space_;  // a space to open the next (right-to-left) run
    Length pending_glue_;
    // With bidi: the item being drawn and its level; each run's level and the logical
    // index of its first item.
    std::size_t item_ = 0;
    std::uint8_t level_ = 0;
    std::vector<std::uint8_t> run_levels_;
    std::vector<std::size_t> run_items_;
};

LineDrawer::LineDrawer(const para::Line& set, const ParagraphItems& items, const std::vector<RunLook>& looks,
                       const LineFrame& frame, const font::FontRegistry& registry)
    : set_(set), items_(items), looks_(looks), frame_(frame), registry_(registry),
      scale_(set.scale_step != 0 ? horizontal_scale(frame.style->glyph_scaling, set.scale_step) : 1000) {}

Line LineDrawer::draw(std::size_t n) {
    out_.width = frame_.measure;
    if (items_.bidi) {
        for (std::size_t i : visual_items()) draw_item(i);
    } else {
        for (std::size_t i = set_.first; i < set_.last; ++i) draw_item(i);
    }
    close_link(ink_end_);
    end_with_space();
    const Length indent = indent_of(frame_.shape, n);
    // To the measure's edge: what hangs past it on either side is not counted.
    out_.natural_width = indent + ink_end_ - set_.hang_left - set_.hang_right;
    const Length line_width = frame_.widths(static_cast<int>(n));
    place(alignment_shift(indent, line_width));
    out_.hyphenated = set_.hyphenated;
    out_.hang_left = left_hang();
    out_.hang_right = right_hang();
    return std::move(out_);
}

void LineDrawer::draw_item(std::size_t i) {
    const para::Item& item = items_.items[i];
    item_ = i;
    level_ = items_.bidi ? items_.level_of(i) : 0;
    if (const auto* box = std::get_if<para::Box>(&item)) draw_box(i, *box);
    else if (const auto* glue = std::get_if<para::Glue>(&item)) add_glue(i, *glue);
    else if (i + 1 == set_.last) end_at_penalty(std::get<para::Penalty>(item));
}

// The line's items, left to right as drawn (UAX #9 L2 on their levels). The
// paragraph's end and a ragged line's stretch are at the paragraph's level (L1), so
// a right-to-left paragraph's last line and its indent reach its right edge.
std::vector<std::size_t> LineDrawer::visual_items() const {
    std::vector<std::uint8_t> levels;
    levels.reserve(set_.last - set_.first);
    for (std::size_t i = set_.first; i < set_.last; ++i) levels.push_back(items_.level_of(i));
    std::vector<std::size_t> order = shape::visual_order(levels);
    for (std::size_t& i : order) i += set_.first;
    return order;
}

// Margin kerning on either side of the line. The breaker's hangs are its first and
// last item's, in reading order: a right-to-left line starts on the right, where its
// first item hangs, and its last (a full stop, say) hangs past the left edge.
Length LineDrawer::left_hang() const {
    return shape::is_rtl_level(items_.base_level) ? set_.hang_right : set_.hang_left;
}

Length LineDrawer::right_hang() const {
    return shape::is_rtl_level(items_.base_level) ? set_.hang_left : set_.hang_right;
}

// How far the drawing moves right. Margin kerning: the line starts left_hang() left
// of its measure (right-aligned lines end right_hang() past it). A right-to-left
// paragraph reads the style's left and right as start and end: set "left" (ragged),
// it is flush right, and the reverse.
Length LineDrawer::alignment_shift(Length indent, Length line_width) const {
    const model::Align align = frame_.style->align;
    const bool rtl = shape::is_rtl_level(items_.base_level);
    if (rtl ? align == model::Align::left : align == model::Align::right)
        return indent + line_width + right_hang() - ink_end_;
    if (rtl && align == model::Align::right) {
        Length ink_start = ink_end_;
        for (const render::DrawGlyphs& r : runs_) ink_start = std::min(ink_start, r.x);
        return indent - ink_start - left_hang();
    }
    return indent - left_hang();
}

void LineDrawer::draw_box(std::size_t i, const para::Box& box) {
    if (box.payload == 0) {
        x_ += box.width;
        return;
    }
    if (const Discretionary* d = items_.discretionary_at_box(i); d && i != set_.first) {
        // A discretionary not broken: the glyphs as shaped, scaled by what the box after
        // the break would have gained.
        draw_scaled(items_.piece(d->no_break), box.scale_stretch, box.scale_shrink);
        return;
    }
    // Found by search: a line with right-to-left text is drawn out of item order.
    const auto setting = std::lower_bound(set_.boxes.begin(), set_.boxes.end(), i,
                                          [](const para::BoxSetting& b, std::size_t item) { return b.item < item; });
    if (setting != set_.boxes.end() && setting->item == i) {
        // Letter spacing the breaker used on this line.
        Piece spaced = items_.piece(box.payload);
        spread_letter_spacing(spaced.run, spaced.gaps, setting->extra);
        draw_scaled(spaced, box.scale_stretch, box.scale_shrink);
        return;
    }
    draw_scaled(items_.piece(box.payload), box.scale_stretch, box.scale_shrink);
}

void LineDrawer::add_glue(std::size_t i, const para::Glue& glue) {
    if (items_.discretionary_at_glue(i)) return;  // drawn as part of the box after it
    const auto setting = std::lower_bound(set_.glue.begin(), set_.glue.end(), i,
                                          [](const para::GlueSetting& g, std::size_t item) { return g.item < item; });
    const Length w = setting != set_.glue.end() && setting->item == i ? setting->width : glue.width;
    // Glue is placed by running sums: in the ragged idioms one glue of a pair may be
    // set negative, the pair adding up to the space.
    pending_glue_ += w;
    if (const SpaceGlyph* space = items_.spaces.find(i)) {
        pending_space_ = *space;
        pending_space_level_ = level_;
    }
    x_ += w;
}

// The penalty a line ends at.
void LineDrawer::end_at_penalty(const para::Penalty& penalty) {
    if (penalty.width.sp == 0 && penalty.flagged && !runs_.empty() && runs_.back().text.ends_with('-')) {
        // A hyphen of the text ends the line: given as U+2010 so that readers keep it
        // when they join the lines (shape::Shaper::break_hyphen_text).
        runs_.back().text.replace(runs_.back().text.size() - 1, 1, "\u2010");
    }
    if (penalty.width.sp > 0 && penalty.payload > 0) {
        // Ragged text's hyphenation point puts the line's stretch before its hyphen
        // (para::add_ragged_right_hyphenation_point): the hyphen follows its letters,
        // the stretch stays at the line's end.
        if (frame_.style->align != model::Align::justify) {
            pending_glue_ = Length{};
            x_ = ink_end_;
        }
        // The hyphen the breaker put there is an incidental artifact (ISO 32000-1
        // §14.8.2.2): a reader that reads the structure reads the word whole. It is
        // drawn apart from the letters a discretionary reshaped with it ("con-").
        const Piece piece = scaled(items_.piece(penalty.payload), penalty.scale_stretch, penalty.scale_shrink);
        const auto [letters, hyphen] = split_hyphen(piece);
        if (!letters.run.glyphs.empty()) draw_piece(letters);
        if (!hyphen.run.glyphs.empty()) draw_piece(hyphen, true);
    }
}

// A pre-break piece as its letters and its final hyphen, each a piece of its own;
// all letters when it does not end in a hyphen drawn by glyphs of its own.
std::pair<Piece, Piece> split_hyphen(const Piece& piece) {
    const std::string& text = piece.run.text;
    std::size_t at = std::string::npos;
    for (const char* h : {"-", "\u2010", "\u00AD"}) {
        if (text.ends_with(h)) at = text.size() - std::string_view(h).size();
    }
    Piece letters = piece, hyphen = piece;
    letters.run.glyphs.clear();
    hyphen.run.glyphs.clear();
    for (const shape::Glyph& g : piece.run.glyphs) (g.cluster >= at ? hyphen : letters).run.glyphs.push_back(g);
    if (at == std::string::npos || hyphen.run.glyphs.empty()) return {piece, Piece{{}, piece.source, piece.loc, {}, piece.level}};
    letters.run.text = text.substr(0, at);
    hyphen.run.text = text.substr(at);
    for (shape::Glyph& g : hyphen.run.glyphs) g.cluster -= static_cast<std::uint32_t>(at);
    letters.gaps.clear();
    hyphen.gaps.clear();
    return {letters, hyphen};
}

// What the line's glyph scaling adds to a piece that may stretch or shrink so much,
// as the breaker counted it.
Length LineDrawer::scaling_extra(Length scale_stretch, Length scale_shrink) const {
    return Length::from_sp(para::scaled_by(scale_stretch, scale_shrink, set_.scale_step, set_.scaling_steps));
}

// A piece drawn at the line's glyph scaling, as a piece of its own (to be split).
Piece LineDrawer::scaled(const Piece& piece, Length scale_stretch, Length scale_shrink) const {
    const Length extra = scaling_extra(scale_stretch, scale_shrink);
    if (extra.sp == 0) return piece;
    Piece copy = piece;
    scale_run(copy.run, extra, scale_);
    return copy;
}

// The same, scaled where it is drawn rather than copied first.
void LineDrawer::draw_scaled(const Piece& piece, Length scale_stretch, Length scale_shrink) {
    draw_piece(piece, false, scaling_extra(scale_stretch, scale_shrink));
}

// An `incidental` piece (a hyphen of hyphenation) is drawn as a run of its own that
// is content of no structure node. `extra`: what glyph scaling adds to the piece's
// width, spread over its glyphs as scale_run does.
void LineDrawer::draw_piece(const Piece& piece, bool incidental, Length extra) {
    fill_pending_space();
    const RunLook& look = looks_[piece.source];
    incidental = incidental && look.node >= 0;  // untagged text is all furniture anyway
    if (look.note > 0 && std::find(out_.notes.begin(), out_.notes.end(), look.note) == out_.notes.end()) {
        out_.notes.push_back(look.note);
    }
    if (incidental || !joins_last_run(piece, look)) {
        render::DrawGlyphs draw;
        draw.x = x_;
        draw.font = piece.run.font;
        draw.size = piece.run.size;
        draw.color = look.color;
        // Every run of a line at the line's scale (a discretionary's piece too, whose
        // box may be empty).
        draw.horizontal_scale = scale_;
        draw.node = incidental ? -1 : look.node;
        draw.loc = piece.loc;
        if (leading_space_ && add_space(draw, *leading_space_, true)) draw.x = x_ - *leading_space_;
        runs_.push_back(std::move(draw));
        run_levels_.push_back(level_);
        run_items_.push_back(item_);
    }
    leading_space_.reset();
    render::DrawGlyphs& draw = runs_.back();
    run_items_.back() = std::min(run_items_.back(), item_);
    const std::size_t first = draw.glyphs.size();
    add_to_run(draw, piece.run.glyphs, piece.run.text, shape::is_rtl_level(level_));
    follow_link(look);
    const Length width = piece.run.width();
    if (extra.sp != 0 && width.sp > 0) {
        scale_glyphs(draw.glyphs.data() + first, draw.glyphs.data() + draw.glyphs.size(), width, extra, scale_);
        x_ += extra;
    }
    x_ += width;
    ink_end_ = x_;
}

// The glue since the last piece becomes a real space glyph (so text extraction and
// search see words) when it was a space in the font of the run it follows.
void LineDrawer::fill_pending_space() {
    // A space joins the run at its own level (without bidi, every level is 0): in
    // right-to-left text the one on a word's right (drawn after it) is the one before
    // it in the text, and is drawn in the run's font whatever the space's.
    const bool pure_space = pending_space_ && !runs_.empty() && ink_end_ + pending_glue_ == x_ && pending_glue_.sp > 0;
    if (pure_space && pending_space_level_ == run_levels_.back()) {
        const bool rtl = shape::is_rtl_level(pending_space_level_);
        if ((rtl || (runs_.back().font == pending_space_->font && runs_.back().size == pending_space_->size)) &&
            add_space(runs_.back(), pending_glue_, rtl))
            ink_end_ = x_;
    } else if (pure_space && pending_space_level_ == level_ && shape::is_rtl_level(level_)) {
        // A right-to-left word after a run at another level (a number, say) takes the
        // space on its left: the one after it in the text.
        leading_space_ = pending_glue_;
    }
    pending_space_.reset();
    pending_glue_ = Length{};
}

// A space glyph `width` wide at the run's right end, in the run's font (in
// right-to-left text from a fallback font the space is the style font's; its width is
// the glue's whatever the glyph), so that readers see the words apart. False when the
// font has no space.
bool LineDrawer::add_space(render::DrawGlyphs& run, Length width, bool rtl) const {
    const auto gid = registry_.glyph_index(run.font, U' ');
    if (!gid) return false;
    const shape::Glyph space{*gid, 0, width, {}, {}};
    add_to_run(run, {&space, 1}, " ", rtl);
    return true;
}

// A line broken at a word space ends in a space glyph of no width: a reader that
// takes the text in order (by structure, or aloud) keeps the words apart, where one
// that reads the page's layout sees the line end anyway.
void LineDrawer::end_with_space() {
    if (runs_.empty() || set_.hyphenated || shape::is_rtl_level(run_levels_.back())) return;
    for (std::size_t i = set_.last; i < items_.items.size() && !std::holds_alternative<para::Box>(items_.items[i]); ++i) {
        const SpaceGlyph* space = items_.spaces.find(i);
        if (!space) continue;
        render::DrawGlyphs& draw = runs_.back();
        if (draw.font != space->font || draw.size != space->size || draw.text.ends_with(' ')) return;
        if (auto gid = registry_.glyph_index(space->font, U' ')) {
            draw.glyphs.push_back(shape::Glyph{*gid, static_cast<std::uint32_t>(draw.text.size()), Length{}, {}, {}});
            draw.text += ' ';
        }
        return;
    }
}

// Glyphs drawn after the run's (to their right), and their text: after the run's text
// in left-to-right text, before it in right-to-left text, so that a run's text is
// always in logical order (its glyphs stay as drawn, and the PDF writer maps them to
// the text by cluster). Clusters are offsets into the run's text.
void LineDrawer::add_to_run(render::DrawGlyphs& draw, std::span<const shape::Glyph> glyphs, std::string_view text,
                            bool rtl) {
    const auto offset = static_cast<std::uint32_t>(rtl ? 0 : draw.text.size());
    if (rtl) {
        for (shape::Glyph& g : draw.glyphs) g.cluster += static_cast<std::uint32_t>(text.size());
        draw.text.insert(0, text);
    } else {
        draw.text += text;
    }
    for (shape::Glyph g : glyphs) {
        g.cluster += offset;
        draw.glyphs.push_back(g);
    }
}

// A piece continues the last run when nothing but its glyphs would change, and it is
// at the run's bidi level.
bool LineDrawer::joins_last_run(const Piece& piece, const RunLook& look) const {
    if (runs_.empty() || run_levels_.back() != level_) return false;
    const render::DrawGlyphs& last = runs_.back();
    return last.font == piece.run.font && last.size == piece.run.size && last.color.space == look.color.space &&
           std::equal(std::begin(last.color.c), std::end(last.color.c), std::begin(look.color.c)) && ink_end_ == x_ &&
           last.node == look.node;
}

void LineDrawer::follow_link(const RunLook& look) {
    if (look.href == link_ && look.node == link_node_) return;
    close_link(x_);
    if (!look.href.empty()) {
        link_ = look.href;
        link_node_ = look.node;
        link_start_ = x_;
    }
}

void LineDrawer::close_link(Length at) {
    if (!link_.empty()) {
        links_.push_back(render::LinkArea{link_start_, Length{}, at - link_start_, Length{}, link_, -1, Length{}, link_node_});
    }
    link_.clear();
}

// The line's ascent and descent from its fonts' metrics, and its ink's reach from its
// glyphs' outlines.
void LineDrawer::measure_heights() {
    for (const render::DrawGlyphs& r : runs_) {
        const font::FaceMetrics& m = registry_.metrics(r.font);
        out_.ascent = std::max(out_.ascent, font::scale_units(m.ascender, r.size, m.units_per_em));
        out_.descent = std::max(out_.descent, font::scale_units(-m.descender, r.size, m.units_per_em));
        for (const shape::Glyph& g : r.glyphs) {
            const font::FontRegistry::InkHeight ink = registry_.ink_height(r.font, g.gid);
            out_.ink_ascent = std::max(out_.ink_ascent, font::scale_units(ink.top, r.size, m.units_per_em) + Length(g.y_offset));
            out_.ink_descent =
                std::max(out_.ink_descent, font::scale_units(ink.bottom, r.size, m.units_per_em) - Length(g.y_offset));
        }
    }
}

// The runs, drawn left to right, in the order of their text (see LineDrawer).
void LineDrawer::to_logical_order() {
    std::vector<std::size_t> order(runs_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return run_items_[a] < run_items_[b]; });
    std::vector<render::DrawGlyphs> sorted;
    sorted.reserve(runs_.size());
    for (std::size_t k : order) sorted.push_back(std::move(runs_[k]));
    runs_ = std::move(sorted);
}

// Moves the drawing `shift` right; link areas get the line's height.
void LineDrawer::place(Length shift) {
    measure_heights();
    if (items_.bidi) to_logical_order();
    for (render::DrawGlyphs& r : runs_) {
        r.x += shift;
        out_.ops.push_back(std::move(r));
    }
    for (render::LinkArea& l : links_) {
        l.x += shift;
        l.y = -out_.ascent;
        l.height = out_.ascent + out_.descent;
        out_.ops.push_back(std::move(l));
    }
    // Ink near the leading: where it stands across the line, so that lines are pushed
    // apart only where their ink meets (page::ink_clearance). Not only ink taller
    // than the leading: a line's descent and the next line's ascent can meet though
    // neither line is that tall (Arabic's deep and tall letters), and a line with no
    // profile counts its deepest ink everywhere. Most Latin lines stay well under
    // (3 of the sample's 237 reach 85 per cent) and are spared the work.
    if ((out_.ink_ascent + out_.ink_descent) * 20 > frame_.style->leading * 17)
        out_.ink_profile = ink_profile(out_.ops, registry_);
}

// Where a warning about a line points: its first word, else `fallback`.
SourceLoc first_word_loc(const para::Line& line, const ParagraphItems& items, const SourceLoc& fallback) {
    for (std::size_t i = line.first; i < line.last; ++i) {
        if (const auto* box = std::get_if<para::Box>(&items.items[i]); box && box->payload > 0) {
            const SourceLoc& loc = items.piece(box->payload).loc;
            return loc.file.empty() ? fallback : loc;
        }
    }
    return fallback;
}

}  // namespace

std::vector<Line> draw_lines(const std::vector<para::Line>& set, const ParagraphItems& items,
                             const std::vector<RunLook>& looks, const LineFrame& frame,
                             const font::FontRegistry& registry) {
    std::vector<Line> drawn;
    for (std::size_t n = 0; n < set.size(); ++n) drawn.push_back(LineDrawer(set[n], items, looks, frame, registry).draw(n));
    return drawn;
}

int judge_lines(std::vector<Line>& lines, const para::BreakResult& breaks, const std::vector<para::Line>& set,
                const ParagraphItems& items, const LineFrame& frame, const SourceLoc& loc, DiagnosticSink& sink) {
    const bool justified = frame.style->align == model::Align::justify;
    for (int line : breaks.underfull_lines) lines[static_cast<std::size_t>(line)].loose = justified;
    for (int line : breaks.overfull_lines) {
        const auto n = static_cast<std::size_t>(line);
        lines[n].overfull = true;
        sink.warning(first_word_loc(set[n], items, loc),
                     "overfull line " + std::to_string(line + 1) + " of a paragraph in style '" + frame.style->name +
                         "': " + format_pt(breaks.breaks[n].overfull) + " too wide for the " +
                         format_pt(frame.widths(line)) + " measure");
    }
    return static_cast<int>(breaks.overfull_lines.size());
}

}  // namespace quire::galley
