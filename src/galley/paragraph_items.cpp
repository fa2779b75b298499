#include "galley/paragraph_items.hpp"

#include "core/language_tag.hpp"
#include "galley/letter_spacing.hpp"
#include "galley/microtype.hpp"
#include "para/item_builders.hpp"

#include <algorithm>

namespace quire::galley {
namespace {

// Appends a paragraph's items one segment at a time.
class ItemBuilder {
public:
    ItemBuilder(const CollectedRuns& runs, const style::ParagraphStyle& style, PrepareTools& tools)
        : runs_(runs), style_(style), tools_(tools) {}

    // Room for a paragraph of `segments` segments: about a box or glue and a penalty
    // each, a piece a word (grown one by one, the vectors were copied again and again).
    void reserve(std::size_t segments) {
        out_.items.reserve(segments * 2 + 8);
        out_.pieces.reserve(segments / 2 + 4);
    }
    void begin(Length indent);
    void add_word(shape::Word& word, const std::vector<WordCut>& cuts);
    void add_space(const shape::Space& space, bool breakable);
    void add_break(const shape::Break& brk, bool after_space, bool cjk_paragraph);
    void add_inter_character_glue(bool cjk_paragraph);
    void finish();
    ParagraphItems take() { return std::move(out_); }

private:
    std::uint32_t add_piece(shape::GlyphRun run, std::size_t source, const SourceLoc& loc, std::uint8_t level);
    void add_word_piece(shape::GlyphRun run, const shape::WordPiece& p, bool word_final, const SourceLoc& loc);
    void add_part(const shape::Word& word, shape::WordPiece& p, std::size_t from, std::size_t to);
    std::size_t add_piece_cuts(const shape::Word& word, shape::WordPiece& p, const std::vector<WordCut>& cuts,
                               std::size_t next_cut);
    void add_cut(const shape::Word& word, shape::WordPiece& p, const WordCut& cut);
    void add_discretionary(const shape::Word& word, shape::WordPiece& p, const WordCut& cut, shape::GlyphRun hyphen);
    void add_hyphen_penalty(std::uint32_t payload, bool last_resort);
    shape::GlyphRun hyphen_for(const shape::WordPiece& p);
    Length width_of(std::uint32_t payload) const { return out_.piece(payload).run.width(); }

    const CollectedRuns& runs_;
    const style::ParagraphStyle& style_;
    PrepareTools& tools_;
    const bool justified_ = style_.align == model::Align::justify;
    const bool centred_ = style_.align == model::Align::center;
    const Length ragged_stretch_ = style_.text.size * 3;  // Knuth-Plass's suggestion: 3em
    const style::Spacing& letters_ = style_.letter_spacing;
    const bool letter_spaced_ = letters_.min != 0 || letters_.desired != 0 || letters_.max != 0;
    ParagraphItems out_;
};

// The hyphen a break in piece `p` adds, in the piece's own style.
shape::GlyphRun ItemBuilder::hyphen_for(const shape::WordPiece& p) {
    StageScope shaping(tools_.cuts.clock, Stage::shaping);
    return tools_.cuts.shaper.hyphen(p.style_font, p.run.size, p.features(), p.language());
}

void ItemBuilder::begin(Length indent) {
    if (centred_) para::begin_centred(out_.items, ragged_stretch_);
    if (!centred_ && indent.sp > 0) para::add_box(out_.items, indent, 0);
}

void ItemBuilder::finish() {
    if (centred_) para::finish_centred(out_.items, ragged_stretch_);
    else para::finish_paragraph(out_.items);
}

std::uint32_t ItemBuilder::add_piece(shape::GlyphRun run, std::size_t source, const SourceLoc& loc,
                                     std::uint8_t level) {
    apply_tracking(run, runs_.looks[source].tracking);
    out_.pieces.push_back(Piece{std::move(run), source, loc, {}, level});
    return static_cast<std::uint32_t>(out_.pieces.size());
}

// A piece of a word as a box. With letter spacing (InDesign's justification settings,
// in percent of the font's space), its desired value is added to the gaps now; in
// justified text the minimum and maximum become the box's shrink and stretch, which a
// line uses only past its word spaces' limits (para::Box).
void ItemBuilder::add_word_piece(shape::GlyphRun run, const shape::WordPiece& p, bool word_final, const SourceLoc& loc) {
    if (!letter_spaced_) {
        const std::uint32_t payload = add_piece(std::move(run), p.source, loc, p.level);
        para::add_box(out_.items, width_of(payload), payload);
        return;
    }
    std::vector<std::size_t> gaps = letter_gaps(run, word_final);
    const Length space = tools_.cuts.shaper.space_width(run.font, run.size, p.features(), p.language());
    const auto n = static_cast<std::int64_t>(gaps.size());
    spread_letter_spacing(run, gaps, percent_of(space, letters_.desired) * n);
    const std::uint32_t payload = add_piece(std::move(run), p.source, loc, p.level);
    out_.pieces.back().gaps = std::move(gaps);
    if (justified_) {
        para::add_spaced_box(out_.items, width_of(payload), percent_of(space, letters_.max - letters_.desired) * n,
                             percent_of(space, letters_.desired - letters_.min) * n, payload);
    } else {
        para::add_box(out_.items, width_of(payload), payload);
    }
}

// Each piece as boxes between the cuts that fall in it.
void ItemBuilder::add_word(shape::Word& word, const std::vector<WordCut>& cuts) {
    std::size_t next_cut = 0;
    for (shape::WordPiece& p : word.pieces) next_cut = add_piece_cuts(word, p, cuts, next_cut);
}

// The boxes of piece `p` with the cuts from `next_cut` on that fall in it; returns the
// first cut after it.
std::size_t ItemBuilder::add_piece_cuts(const shape::Word& word, shape::WordPiece& p,
                                        const std::vector<WordCut>& cuts, std::size_t next_cut) {
    const std::size_t piece_end = p.begin + p.run.text.size();
    std::size_t pos = p.begin;
    for (; next_cut < cuts.size(); ++next_cut) {
        const WordCut& cut = cuts[next_cut];
        // A plain cut at the piece's end belongs to it (between two pieces).
        const bool in_piece = cut.plain() ? cut.at > p.begin && cut.at <= piece_end
                                          : cut.begin >= p.begin && cut.end <= piece_end;
        if (!in_piece) break;
        add_part(word, p, pos, cut.begin);
        pos = cut.end;
        add_cut(word, p, cut);
    }
    add_part(word, p, pos, piece_end);
    return next_cut;
}

// The word's bytes [from, to) of piece `p` as a box. A whole piece is its last part:
// its glyphs move into the box's piece rather than being copied (the piece keeps its
// font and size).
void ItemBuilder::add_part(const shape::Word& word, shape::WordPiece& p, std::size_t from, std::size_t to) {
    if (to <= from) return;
    const std::size_t piece_end = p.begin + p.run.text.size();
    shape::GlyphRun part =
        (from == p.begin && to == piece_end) ? std::move(p.run) : sub_run(p.run, from - p.begin, to - p.begin);
    add_word_piece(std::move(part), p, &p == &word.pieces.back() && to == piece_end, word.loc);
}

void ItemBuilder::add_cut(const shape::Word& word, shape::WordPiece& p, const WordCut& cut) {
    if (cut.plain() && cut.kind == hyph::BreakKind::explicit_hyphen) {
        para::add_explicit_hyphen_break(out_.items);
        return;
    }
    if (cut.plain() && cut.kind == hyph::BreakKind::address) {
        para::add_address_break(out_.items, justified_ ? Length{} : ragged_stretch_);
        return;
    }
    shape::GlyphRun hyphen = hyphen_for(p);
    if (cut.plain()) {
        add_hyphen_penalty(add_piece(std::move(hyphen), p.source, word.loc, p.level), cut.last_resort);
        return;
    }
    add_discretionary(word, p, cut, std::move(hyphen));
}

void ItemBuilder::add_discretionary(const shape::Word& word, shape::WordPiece& p, const WordCut& cut,
                                    shape::GlyphRun hyphen) {
    shape::GlyphRun pre = cut.pre;
    if (hyphen.font != pre.font) {  // the hyphen from another face: no break here
        add_part(word, p, cut.begin, cut.end);
        return;
    }
    const auto offset = static_cast<std::uint32_t>(pre.text.size());
    for (shape::Glyph g : hyphen.glyphs) {
        g.cluster += offset;
        pre.glyphs.push_back(g);
    }
    pre.text += hyphen.text;
    const std::uint32_t pre_break = add_piece(std::move(pre), p.source, word.loc, p.level);
    const std::uint32_t post_break = add_piece(cut.post, p.source, word.loc, p.level);
    const std::uint32_t no_break =
        add_piece(sub_run(p.run, cut.begin - p.begin, cut.end - p.begin), p.source, word.loc, p.level);
    add_hyphen_penalty(pre_break, cut.last_resort);
    Discretionary d{out_.items.size(), out_.items.size() + 1, no_break, word.text.substr(cut.begin, cut.at - cut.begin)};
    out_.items.push_back(para::Glue{width_of(no_break) - width_of(post_break), Length{}, Length{}, Length{}});
    para::add_box(out_.items, width_of(post_break), post_break);
    out_.discretionaries.push_back(std::move(d));
}

void ItemBuilder::add_hyphen_penalty(std::uint32_t payload, bool last_resort) {
    const int cost = last_resort ? para::last_resort_hyphen_penalty : para::default_hyphen_penalty;
    const Length width = width_of(payload);
    if (justified_) para::add_hyphenation_point(out_.items, width, cost, payload, last_resort);
    else para::add_ragged_right_hyphenation_point(out_.items, width, ragged_stretch_, cost, payload, last_resort);
}

// ICU allows a break after a space only if a Break follows it (`breakable`).
void ItemBuilder::add_space(const shape::Space& space, bool breakable) {
    // InDesign's word spacing: desired, minimum and maximum in percent of the space;
    // unset, TeX's proportions (stretch 1/2, shrink 1/3).
    const std::optional<style::Spacing>& spacing = style_.word_spacing;
    const Length w = spacing ? percent_of(space.width, spacing->desired) : space.width;
    const Length stretch = spacing ? percent_of(space.width, spacing->max) - w : w / 2;
    const Length shrink = spacing ? w - percent_of(space.width, spacing->min) : w / 3;
    std::vector<para::Item>& items = out_.items;
    std::size_t glue = 0;
    if (!breakable) items.push_back(para::Penalty{Length{}, para::inf_penalty, false});
    if (justified_) {
        glue = para::add_space(items, w, stretch, shrink);
    } else if (!breakable) {
        glue = items.size();
        items.push_back(para::Glue{w, Length{}, Length{}, Length{}});
    } else if (centred_) {
        glue = para::add_centred_space(items, w, ragged_stretch_);
    } else {
        glue = para::add_ragged_right_space(items, w, ragged_stretch_);
    }
    out_.spaces.add(glue, SpaceGlyph{space.font, space.size, space.level});
}

void ItemBuilder::add_break(const shape::Break& brk, bool after_space, bool cjk_paragraph) {
    if (brk.kind == shape::BreakKind::mandatory) {
        out_.items.push_back(para::Glue{Length{}, Length{}, Length{}, Length::from_pt(1)});
        para::add_forced_break(out_.items);
    } else if (!after_space) {
        // Inside a run of text: after a hyphen or dash, or where UAX #14 allows.
        if (brk.after_hyphen) para::add_explicit_hyphen_break(out_.items);
        else if (brk.inter_character) add_inter_character_glue(cjk_paragraph);
        else out_.items.push_back(para::Penalty{Length{}, 0, false});
    }
}

// Chinese and Japanese have no word spaces for justification to stretch: a justified
// line is made flush by spacing out its characters a little (JLREQ 3.8, pTeX's
// \kanjiskip). So a break between characters is glue of no width (characters are set
// solid) that stretches by an eighth of an em, about what a word space stretches, so
// an English line with a Chinese name in it still opens mostly at its word spaces; it
// does not shrink (solid characters must not touch). A line may break at it (it follows
// the word's box). Ragged and centred text get their idiom's space, of no width.
// In a justified paragraph not in Chinese or Japanese, such a break is in a quoted name
// or phrase ("the minister 王毅 said"): it costs what a hyphen does, so that the name
// is broken only where the lines need it (a break at the penalty; the glue after it
// is then dropped).
void ItemBuilder::add_inter_character_glue(bool cjk_paragraph) {
    if (centred_) {
        para::add_centred_space(out_.items, Length{}, ragged_stretch_);
    } else if (!justified_) {
        para::add_ragged_right_space(out_.items, Length{}, ragged_stretch_);
    } else {
        if (!cjk_paragraph) out_.items.push_back(para::Penalty{Length{}, para::default_hyphen_penalty, false});
        para::add_space(out_.items, Length{}, style_.text.size / 8, Length{});
    }
}

// Microtypography (microtype.hpp): each piece's hang into the margins, from its font
// family's protrusion table; in justified text, what its glyphs may gain or lose. A
// hyphen at a break counts as the piece it ends.
void add_microtype(ParagraphItems& out, const style::ParagraphStyle& style, const font::FamilyTable& families) {
    const bool scales = scales_glyphs(style);
    for (para::Item& item : out.items) {
        if (auto* box = std::get_if<para::Box>(&item); box && box->payload > 0) {
            const shape::GlyphRun& run = out.piece(box->payload).run;
            if (style.protrusion) {
                const model::ProtrusionTable& table = families.protrusion(run.font);
                box->hang_left = hang_left(run, table);
                box->hang_right = hang_right(run, table);
            }
            if (scales) {
                box->scale_stretch = scale_stretch(box->width, style.glyph_scaling);
                box->scale_shrink = scale_shrink(box->width, style.glyph_scaling);
            }
        } else if (auto* pen = std::get_if<para::Penalty>(&item); pen && pen->payload > 0 && pen->width.sp > 0) {
            const shape::GlyphRun& run = out.piece(pen->payload).run;
            if (style.protrusion) pen->hang_right = hang_right(run, families.protrusion(run.font));
            if (scales) {
                pen->scale_stretch = scale_stretch(pen->width, style.glyph_scaling);
                pen->scale_shrink = scale_shrink(pen->width, style.glyph_scaling);
            }
        }
    }
}

// The index of the paragraph's last word (segments.size() if none).
std::size_t last_word_of(const std::vector<shape::Segment>& segments) {
    for (std::size_t s = segments.size(); s-- > 0;) {
        if (std::holds_alternative<shape::Word>(segments[s])) return s;
    }
    return segments.size();
}

}  // namespace

const Discretionary* ParagraphItems::discretionary_at_glue(std::size_t i) const {
    auto d = std::lower_bound(discretionaries.begin(), discretionaries.end(), i,
                              [](const Discretionary& x, std::size_t item) { return x.glue < item; });
    return d != discretionaries.end() && d->glue == i ? &*d : nullptr;
}

const Discretionary* ParagraphItems::discretionary_at_box(std::size_t i) const {
    auto d = std::lower_bound(discretionaries.begin(), discretionaries.end(), i,
                              [](const Discretionary& x, std::size_t item) { return x.post_break < item; });
    return d != discretionaries.end() && d->post_break == i ? &*d : nullptr;
}

std::uint8_t ParagraphItems::level_of(std::size_t i) const {
    if (const auto* b = std::get_if<para::Box>(&items[i]); b && b->payload > 0) return piece(b->payload).level;
    if (const auto* p = std::get_if<para::Penalty>(&items[i]); p && p->payload > 0) return piece(p->payload).level;
    if (const SpaceGlyph* space = spaces.find(i)) return space->level;
    if (const Discretionary* d = discretionary_at_glue(i)) return piece(d->no_break).level;
    return base_level;
}

std::string ParagraphItems::trace_text(std::size_t i) const {
    if (const auto* b = std::get_if<para::Box>(&items[i]); b && b->payload > 0) return piece(b->payload).run.text;
    if (std::holds_alternative<para::Glue>(items[i]) && spaces.find(i)) return " ";
    if (const Discretionary* d = discretionary_at_glue(i)) return d->before_break;
    return "";
}

ParagraphItems prepare_items(std::vector<shape::Segment> segments, const CollectedRuns& runs,
                             const style::ParagraphStyle& style, Length indent, const std::string& language,
                             PrepareTools& tools) {
    ItemBuilder builder(runs, style, tools);
    builder.reserve(segments.size());
    builder.begin(indent);
    const bool centred = style.align == model::Align::center;
    const std::size_t last_word = last_word_of(segments);
    const std::vector<bool> in_capitals_text = capitals_text(segments);
    const std::string primary = primary_language(language);
    const bool cjk_paragraph = primary == "zh" || primary == "ja";
    for (std::size_t s = 0; s < segments.size(); ++s) {
        if (auto* word = std::get_if<shape::Word>(&segments[s])) {
            const WordCutRules rules = word_cut_rules(style, *word, language, centred, s == last_word, in_capitals_text[s]);
            builder.add_word(*word, find_word_cuts(*word, rules, tools.cuts));
        } else if (const auto* space = std::get_if<shape::Space>(&segments[s])) {
            const bool breakable = !space->no_break && s + 1 < segments.size() &&
                                   std::holds_alternative<shape::Break>(segments[s + 1]);
            builder.add_space(*space, breakable);
        } else if (const auto* brk = std::get_if<shape::Break>(&segments[s])) {
            builder.add_break(*brk, s > 0 && std::holds_alternative<shape::Space>(segments[s - 1]), cjk_paragraph);
        }
    }
    builder.finish();
    ParagraphItems out = builder.take();
    add_microtype(out, style, tools.families);
    out.base_level = shape::base_level(runs.direction);
    out.bidi = out.base_level != 0 ||
               std::any_of(out.pieces.begin(), out.pieces.end(), [](const Piece& p) { return p.level != 0; });
    return out;
}

}  // namespace quire::galley
