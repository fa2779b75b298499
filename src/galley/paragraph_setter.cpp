#include "galley/paragraph_setter.hpp"

#include "core/utf8.hpp"
#include "font/face_metrics.hpp"
#include "font/font_registry.hpp"
#include "galley/microtype.hpp"
#include "para/item_builders.hpp"
#include "para/line_fit.hpp"
#include "para/set_lines.hpp"
#include "para/trace.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <ostream>
#include <set>

namespace quire::galley {
namespace {

// What a box draws: a piece of a word (or a hyphen) and the inline run it came from.
struct Piece {
    shape::GlyphRun run;
    std::size_t source = 0;
    SourceLoc loc;
    std::vector<std::size_t> gaps;  // glyphs after which letter spacing goes (letter_gaps)
};

// Per inline run: what drawing needs beyond glyphs.
struct Source {
    render::Color color;
    std::string href;
    int tracking = 0;  // thousandths of an em
    int note = 0;      // the reference mark of this note (model::InlineRun::note)
};

// An interword glue's space glyph: drawn as a real space so text extraction and
// search see words, not gaps.
struct SpaceGlyph {
    font::FontId font = 0;
    Length size;
};

render::Color to_color(const style::TextColor& color) {
    if (const auto* ink = std::get_if<style::Cmyk>(&color)) {  // for print, as the designer gave it
        return render::Color{render::Color::Space::cmyk, {ink->c, ink->m, ink->y, ink->k}};
    }
    const style::Rgb& rgb = std::get<style::Rgb>(color);
    // Grey text (black included) is written as grey, so printers see pure K.
    if (rgb.r == rgb.g && rgb.g == rgb.b) return render::Color{render::Color::Space::gray, {rgb.r, 0, 0, 0}};
    return render::Color::rgb(rgb.r, rgb.g, rgb.b);
}

std::string upper_case(const std::string& text, const std::string& language) {
    std::string out;
    icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale(language.c_str())).toUTF8String(out);
    return out;
}

void apply_tracking(shape::GlyphRun& run, int tracking) {
    if (tracking == 0) return;
    Length extra{run.size.sp * tracking / 1000};
    for (shape::Glyph& g : run.glyphs) g.advance += extra;
}

// Where letter spacing goes in a piece of a word: after the last glyph of each
// cluster (so a ligature or a base with its marks stays whole), except after the
// word's last cluster, which is followed by a space or the line's end.
std::vector<std::size_t> letter_gaps(const shape::GlyphRun& run, bool word_final) {
    std::vector<std::size_t> gaps;
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const bool cluster_end = i + 1 == run.glyphs.size() ? !word_final : run.glyphs[i + 1].cluster != run.glyphs[i].cluster;
        if (cluster_end) gaps.push_back(i);
    }
    return gaps;
}

// Spreads `extra` over the gaps (cumulative floors, so the shares add up to it exactly).
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

// `percent` of `space` (InDesign's spacing settings are percentages of the space).
Length percent_of(Length space, int percent) { return Length::from_sp(space.sp * percent / 100); }

// Glyphs of a piece whose clusters fall in [begin, end) of the piece's text, as a run
// of their own with clusters made relative to it.
shape::GlyphRun sub_run(const shape::GlyphRun& run, std::size_t begin, std::size_t end) {
    shape::GlyphRun out;
    out.font = run.font;
    out.size = run.size;
    out.loc = run.loc;
    out.text = run.text.substr(begin, end - begin);
    for (const shape::Glyph& g : run.glyphs) {
        if (g.cluster >= begin && g.cluster < end) {
            shape::Glyph copy = g;
            copy.cluster -= static_cast<std::uint32_t>(begin);
            out.glyphs.push_back(copy);
        }
    }
    return out;
}

// German and Luxembourgish write every noun with a capital.
bool nouns_capitalised(const std::string& language) {
    const std::string primary = language.substr(0, language.find_first_of("-_"));
    return primary == "de" || primary == "lb";
}

// A word of two letters or more, every letter a capital ("UNODC", "WARRANTY,").
bool in_capitals(const std::string& text) {
    int letters = 0;
    for (const CodePoint& c : decode_utf8(text)) {
        const auto u = static_cast<UChar32>(c.value);
        if (!u_isalpha(u)) continue;
        if (!u_isUUppercase(u)) return false;
        ++letters;
    }
    return letters >= 2;
}

// Which words stand in text set in capitals: in capitals, with a word in capitals
// just before or after (a legal notice), unlike an acronym in running text
// (hyph::Options::in_capitals_text).
std::vector<bool> capitals_text(const std::vector<shape::Segment>& segments) {
    std::vector<std::size_t> words;
    for (std::size_t s = 0; s < segments.size(); ++s)
        if (std::holds_alternative<shape::Word>(segments[s])) words.push_back(s);
    std::vector<bool> caps(segments.size(), false), out(segments.size(), false);
    for (std::size_t w : words) caps[w] = in_capitals(std::get<shape::Word>(segments[w]).text);
    for (std::size_t k = 0; k < words.size(); ++k) {
        const bool before = k > 0 && caps[words[k - 1]], after = k + 1 < words.size() && caps[words[k + 1]];
        out[words[k]] = caps[words[k]] && (before || after);
    }
    return out;
}

std::string format_pt(Length l) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2fpt", l.pt());
    return buffer;
}

}  // namespace

ParagraphSetter::ParagraphSetter(const style::StyleSheet& styles, FontStyles& fonts, shape::Shaper& shaper,
                                 shape::BreakFinder& breaks, hyph::Hyphenator& hyphenator, DiagnosticSink& sink)
    : styles_(styles), fonts_(fonts), shaper_(shaper), breaks_(breaks), hyphenator_(hyphenator), sink_(sink) {}

std::vector<Line> ParagraphSetter::set_plain(const std::string& text, const std::string& style_name,
                                                   Length width, const std::string& language) {
    model::InlineText inline_text{model::InlineRun{text, {}, "", SourceLoc{}}};
    return set(inline_text, styles_.paragraph(style_name), width, language, SourceLoc{}).lines;
}

SetParagraph ParagraphSetter::set(const model::InlineText& text, const style::ParagraphStyle& style, Length width,
                                  const std::string& language, const SourceLoc& loc,
                                  std::optional<Length> first_indent, const ParShape* shape, bool with_variants) {
    SetParagraph result;
    const font::FontRegistry& registry = shaper_.registry();
    // Everything here but shaping and hyphenation (timed apart below) is line breaking:
    // items, the breaker, and the set lines' drawing.
    StageScope breaking(clock_, Stage::line_breaking);

    // 1. Inline runs -> styled text for shaping.
    std::vector<Source> sources;
    std::vector<shape::StyledText> styled;
    for (const model::InlineRun& run : text) {
        style::TextStyle look = styles_.apply_character_styles(style.text, run.character_styles);
        // A run in another language (xml:lang in the text) is shaped and hyphenated in it.
        const std::string& run_language = run.language.empty() ? language : run.language;
        const shape::TextStyle* shaping = fonts_.resolve(look, run_language, run.loc.file.empty() ? loc : run.loc);
        if (!shaping) return result;  // the family has no face: reported already
        std::string characters = look.text_case == model::TextCase::upper ? upper_case(run.text, run_language) : run.text;
        styled.push_back(shape::StyledText{std::move(characters), *shaping, run.loc.file.empty() ? loc : run.loc});
        // A note's reference mark links to the note (page/note_links.hpp resolves it).
        std::string href = run.note > 0 ? "#" + note_anchor(run.note) : run.href;
        sources.push_back(Source{to_color(look.color), std::move(href), look.tracking, run.note});
    }
    if (styled.empty()) return result;
    std::vector<shape::Segment> segments;
    {
        StageScope shaping(clock_, Stage::shaping);
        segments = shape::shape_paragraph(shaper_, breaks_, styled, sink_);
    }

    // 2. Segments -> Knuth-Plass items. Box payload k > 0 draws pieces[k - 1].
    const model::Align align = style.align;
    const bool justified = align == model::Align::justify;
    const bool centred = align == model::Align::center;
    const Length ragged_stretch = style.text.size * 3;  // Knuth-Plass's suggestion: 3em
    std::vector<para::Item> items;
    std::vector<Piece> pieces;
    std::map<std::size_t, SpaceGlyph> spaces;  // glue item -> its space glyph
    std::map<std::size_t, std::string> discretionary_glue;  // glue items of discretionaries -> text before the break
    std::map<std::size_t, std::uint32_t> unbroken;  // their post-break box -> the no-break piece

    auto add_piece = [&](shape::GlyphRun run, std::size_t source, const SourceLoc& piece_loc) {
        apply_tracking(run, sources[source].tracking);
        Length w = run.width();
        pieces.push_back(Piece{std::move(run), source, piece_loc, {}});
        return std::pair<Length, std::uint32_t>{w, static_cast<std::uint32_t>(pieces.size())};
    };
    // A piece of a word as a box: with letter spacing (InDesign's justification
    // settings, in percent of the font's space), its desired value is added to the
    // gaps now; in justified text the minimum and maximum become the box's shrink and
    // stretch, which a line uses only past its word spaces' limits (para::Box).
    const style::Spacing& letters = style.letter_spacing;
    const bool letter_spaced = letters.min != 0 || letters.desired != 0 || letters.max != 0;
    auto add_word_piece = [&](shape::GlyphRun run, const shape::WordPiece& p, bool word_final, const SourceLoc& piece_loc) {
        if (!letter_spaced) {
            auto [w, payload] = add_piece(std::move(run), p.source, piece_loc);
            para::add_box(items, w, payload);
            return;
        }
        std::vector<std::size_t> gaps = letter_gaps(run, word_final);
        const Length space = shaper_.space_width(run.font, run.size, p.features, p.language);
        const auto n = static_cast<std::int64_t>(gaps.size());
        spread_letter_spacing(run, gaps, percent_of(space, letters.desired) * n);
        auto [w, payload] = add_piece(std::move(run), p.source, piece_loc);
        pieces.back().gaps = std::move(gaps);
        if (justified) {
            para::add_spaced_box(items, w, percent_of(space, letters.max - letters.desired) * n,
                                 percent_of(space, letters.desired - letters.min) * n, payload);
        } else {
            para::add_box(items, w, payload);
        }
    };

    if (centred) para::begin_centred(items, ragged_stretch);
    const Length indent = first_indent.value_or(style.indent);
    if (!centred && indent.sp > 0) para::add_box(items, indent, 0);

    hyph::Options hyphen_options;
    hyphen_options.min_word = style.hyphenate_min_word;
    hyphen_options.left_min = style.hyphenate_before;
    hyphen_options.right_min = style.hyphenate_after;

    // The paragraph's last word is never hyphenated: a paragraph does not end in the
    // tail of a word ("protector-" / "ate."), which TeX's \finalhyphendemerits only
    // discourages (issue 15).
    std::size_t last_word = segments.size();
    for (std::size_t s = segments.size(); s-- > 0;) {
        if (std::holds_alternative<shape::Word>(segments[s])) {
            last_word = s;
            break;
        }
    }

    const std::vector<bool> in_capitals_text = capitals_text(segments);
    for (std::size_t s = 0; s < segments.size(); ++s) {
        if (const auto* word = std::get_if<shape::Word>(&segments[s])) {
            hyphen_options.in_capitals_text = in_capitals_text[s];
            // In the language of the word's first piece: a phrase marked xml:lang="fr" is
            // hyphenated with French patterns. Where every noun has a capital (German,
            // Luxembourgish), a capital does not mark a name.
            const std::string& word_language = word->pieces.empty() ? language : word->pieces.front().language;
            using model::CapitalsHyphenation;
            const bool names_always = style.hyphenate_capitals == CapitalsHyphenation::yes || nouns_capitalised(word_language);
            const bool names_last = !names_always && style.hyphenate_capitals == CapitalsHyphenation::last_resort;
            // Where the word may be hyphenated. Where the glyphs on either side of a point
            // are the same whether the word is shaped whole or in two parts, the point
            // simply cuts the word's glyphs. Where they are not -- a ligature or a
            // contextual form across the point ("ef|ficient" in a font whose "ffi" is one
            // glyph, or whose first f takes another shape before a second), a kern with
            // the next letter -- the point becomes a discretionary, as TeX's: the glyphs
            // as shaped where the line does not break, the two parts shaped apart where
            // it does.
            struct Cut {
                std::size_t begin = 0, end = 0;  // the word's bytes the break reshapes (none: a plain cut)
                std::size_t at = 0;              // the break point
                hyph::BreakKind kind = hyph::BreakKind::discretionary;
                shape::GlyphRun pre, post;       // a discretionary's parts: [begin, at) and [at, end)
                bool last_resort = false;        // in a name, the style's last resort
            };
            std::vector<Cut> cuts;
            // A URL, e-mail address or path breaks after its / . @ with no hyphen, in any
            // style and at the paragraph's end too: it adds nothing a reader would type.
            const std::vector<hyph::BreakPoint> address =
                centred ? std::vector<hyph::BreakPoint>{} : hyph::address_break_points(word->text);
            if (!address.empty() || (style.hyphenate && !centred && s != last_word)) {
                std::set<std::size_t> starts;  // cluster starts
                for (const shape::WordPiece& p : word->pieces) {
                    starts.insert(p.begin);
                    for (const shape::Glyph& g : p.run.glyphs) starts.insert(p.begin + g.cluster);
                }
                std::size_t free_from = 0;  // no cut may reach back before the end of the last one
                const std::vector<hyph::BreakPoint>* points = nullptr;
                std::set<std::size_t> last_resort;  // the points a name has only as a last resort
                if (!address.empty()) {
                    points = &address;
                } else {
                    StageScope hyphenation(clock_, Stage::hyphenation);
                    hyphen_options.hyphenate_capitalised = names_always || names_last;
                    points = &hyphenator_.break_points(word_language, word->text, hyphen_options, word->loc, sink_);
                    if (names_last && !points->empty()) {
                        hyphen_options.hyphenate_capitalised = false;
                        const auto& always = hyphenator_.break_points(word_language, word->text, hyphen_options, word->loc, sink_);
                        for (const hyph::BreakPoint& bp : *points) {
                            if (std::find(always.begin(), always.end(), bp) == always.end()) last_resort.insert(bp.offset);
                        }
                    }
                }
                for (const hyph::BreakPoint& bp : *points) {
                    const std::size_t at = bp.offset;
                    const bool at_last_resort = last_resort.count(at) > 0;
                    if (at == 0 || at >= word->text.size() || at < free_from) continue;
                    const auto inside = std::find_if(word->pieces.begin(), word->pieces.end(), [&](const shape::WordPiece& p) {
                        return p.begin < at && at < p.begin + p.run.text.size();
                    });
                    if (bp.kind != hyph::BreakKind::discretionary || inside == word->pieces.end()) {
                        // Between two pieces (shaped apart anyway), after a hyphen in the
                        // text, or in an address: the glyphs are cut, nothing is added.
                        if (starts.count(at)) cuts.push_back(Cut{at, at, at, bp.kind, {}, {}, at_last_resort});
                        continue;
                    }
                    const shape::WordPiece& p = *inside;
                    const std::string_view piece_text(p.run.text);
                    const std::size_t rel = at - p.begin;
                    shape::GlyphRun before, after;
                    {
                        StageScope shaping(clock_, Stage::shaping);
                        before = shaper_.shape_text(p.run.font, p.run.size, p.features, p.language,
                                                    piece_text.substr(0, rel), p.script);
                        after = shaper_.shape_text(p.run.font, p.run.size, p.features, p.language,
                                                   piece_text.substr(rel), p.script);
                    }
                    const std::vector<shape::Glyph>& whole = p.run.glyphs;
                    auto same = [](const shape::Glyph& x, const shape::Glyph& y, std::uint32_t shift) {
                        return x.gid == y.gid && x.cluster == y.cluster + shift && x.advance == y.advance &&
                               x.x_offset == y.x_offset && x.y_offset == y.y_offset;
                    };
                    // From the front, the glyphs before the point agree up to cluster `begin`;
                    // from the back, those after it agree from cluster `end` on (whole
                    // clusters only, so the word's own glyphs can be cut there).
                    const std::vector<shape::Glyph>& B = before.glyphs;
                    const std::vector<shape::Glyph>& A = after.glyphs;
                    std::size_t m = 0;
                    while (m < B.size() && m < whole.size() && same(whole[m], B[m], 0)) ++m;
                    while (m > 0 && ((m < B.size() && B[m].cluster == B[m - 1].cluster) ||
                                     (m < whole.size() && whole[m].cluster == whole[m - 1].cluster))) {
                        --m;
                    }
                    std::size_t begin = rel;
                    if (m < B.size()) begin = std::min<std::size_t>(begin, B[m].cluster);
                    if (m < whole.size()) begin = std::min<std::size_t>(begin, whole[m].cluster);
                    std::size_t tail = 0;
                    while (tail < A.size() && tail < whole.size() &&
                           same(whole[whole.size() - 1 - tail], A[A.size() - 1 - tail], static_cast<std::uint32_t>(rel))) {
                        ++tail;
                    }
                    auto splits_cluster = [](const std::vector<shape::Glyph>& g, std::size_t t) {
                        return t > 0 && t < g.size() && g[g.size() - 1 - t].cluster == g[g.size() - t].cluster;
                    };
                    while (splits_cluster(A, tail) || splits_cluster(whole, tail)) --tail;
                    std::size_t end = rel;
                    if (tail < A.size() || (tail < whole.size() && whole[whole.size() - 1 - tail].cluster >= rel)) {
                        end = tail == 0 ? piece_text.size() : whole[whole.size() - tail].cluster;
                    }
                    if (begin == rel && end == rel) {
                        if (starts.count(at)) cuts.push_back(Cut{at, at, at, bp.kind, {}, {}, at_last_resort});
                        continue;
                    }
                    if (p.begin + begin < free_from || !starts.count(p.begin + begin) ||
                        (p.begin + end < word->text.size() && !starts.count(p.begin + end))) {
                        continue;  // no clean place to cut the word's own glyphs
                    }
                    Cut cut{p.begin + begin, p.begin + end, at, bp.kind, sub_run(before, begin, rel), sub_run(after, 0, end - rel),
                            at_last_resort};
                    cut.pre.text = std::string(piece_text.substr(begin, rel - begin));
                    cut.post.text = std::string(piece_text.substr(rel, end - rel));
                    cut.pre.loc = cut.post.loc = p.run.loc;
                    free_from = cut.end;
                    cuts.push_back(std::move(cut));
                }
            }
            // Each piece as boxes between the cuts that fall in it, with a hyphenation
            // penalty (or a discretionary) at each cut.
            std::size_t next_cut = 0;
            for (const shape::WordPiece& p : word->pieces) {
                const bool last_piece = &p == &word->pieces.back();
                const std::size_t piece_end = p.begin + p.run.text.size();
                auto add_part = [&](std::size_t from, std::size_t to) {
                    if (to <= from) return;
                    shape::GlyphRun part = (from == p.begin && to == piece_end) ? p.run
                                                                                : sub_run(p.run, from - p.begin, to - p.begin);
                    add_word_piece(std::move(part), p, last_piece && to == piece_end, word->loc);
                };
                const shape::TextStyle& look = styled[p.source].style;
                auto add_penalty = [&](Length w, std::uint32_t payload, bool last_resort) {
                    const int cost = last_resort ? para::last_resort_hyphen_penalty : para::default_hyphen_penalty;
                    if (justified) para::add_hyphenation_point(items, w, cost, payload, last_resort);
                    else para::add_ragged_right_hyphenation_point(items, w, ragged_stretch, cost, payload, last_resort);
                };
                std::size_t pos = p.begin;
                for (; next_cut < cuts.size(); ++next_cut) {
                    const Cut& cut = cuts[next_cut];
                    const bool plain = cut.begin == cut.end;
                    // A plain cut at the piece's end belongs to it (between two pieces).
                    if (plain ? !(cut.at > p.begin && cut.at <= piece_end) : !(cut.begin >= p.begin && cut.end <= piece_end)) break;
                    add_part(pos, cut.begin);
                    pos = cut.end;
                    if (plain && cut.kind == hyph::BreakKind::explicit_hyphen) {
                        para::add_explicit_hyphen_break(items);
                        continue;
                    }
                    if (plain && cut.kind == hyph::BreakKind::address) {
                        para::add_address_break(items, justified ? Length{} : ragged_stretch);
                        continue;
                    }
                    shape::GlyphRun hyphen = [&] {
                        StageScope shaping(clock_, Stage::shaping);
                        return shaper_.hyphen(p.style_font, p.run.size, look.features, p.language);
                    }();
                    if (plain) {
                        auto [w, payload] = add_piece(std::move(hyphen), p.source, word->loc);
                        add_penalty(w, payload, cut.last_resort);
                        continue;
                    }
                    // The discretionary: penalty(pre-break + hyphen) glue(no-break - post-break)
                    // box(post-break). Broken, the line ends with the pre-break part and the
                    // next starts at the box (the glue goes with the break); unbroken, glue
                    // and box add up to the no-break width, and the no-break glyphs are drawn.
                    shape::GlyphRun pre = cut.pre, post = cut.post;
                    if (hyphen.font != pre.font) {  // the hyphen from another face: no break here
                        add_part(cut.begin, cut.end);
                        continue;
                    }
                    const auto offset = static_cast<std::uint32_t>(pre.text.size());
                    for (shape::Glyph g : hyphen.glyphs) {
                        g.cluster += offset;
                        pre.glyphs.push_back(g);
                    }
                    pre.text += hyphen.text;
                    auto [pre_w, pre_payload] = add_piece(std::move(pre), p.source, word->loc);
                    auto [post_w, post_payload] = add_piece(std::move(post), p.source, word->loc);
                    auto [whole_w, whole_payload] = add_piece(sub_run(p.run, cut.begin - p.begin, cut.end - p.begin), p.source, word->loc);
                    add_penalty(pre_w, pre_payload, cut.last_resort);
                    discretionary_glue[items.size()] = word->text.substr(cut.begin, cut.at - cut.begin);
                    items.push_back(para::Glue{whole_w - post_w, Length{}, Length{}, Length{}});
                    unbroken[items.size()] = whole_payload;
                    para::add_box(items, post_w, post_payload);
                }
                add_part(pos, piece_end);
            }
        } else if (const auto* space = std::get_if<shape::Space>(&segments[s])) {
            // ICU allows a break after this space only if a Break follows it.
            const bool breakable = !space->no_break && s + 1 < segments.size() &&
                                   std::holds_alternative<shape::Break>(segments[s + 1]);
            // InDesign's word spacing: desired, minimum and maximum in percent of the
            // space; unset, TeX's proportions (stretch 1/2, shrink 1/3).
            const Length w = style.word_spacing ? percent_of(space->width, style.word_spacing->desired) : space->width;
            const Length word_stretch = style.word_spacing ? percent_of(space->width, style.word_spacing->max) - w : w / 2;
            const Length word_shrink = style.word_spacing ? w - percent_of(space->width, style.word_spacing->min) : w / 3;
            if (!breakable) {
                items.push_back(para::Penalty{Length{}, para::inf_penalty, false});
            }
            spaces[items.size()] = SpaceGlyph{space->font, space->size};
            if (justified) {
                para::add_space(items, w, word_stretch, word_shrink);
            } else if (!breakable) {
                items.push_back(para::Glue{w, Length{}, Length{}, Length{}});
            } else if (centred) {
                para::add_centred_space(items, w, ragged_stretch);
            } else {
                para::add_ragged_right_space(items, w, ragged_stretch);
                spaces.erase(items.size() - 3);
                spaces[items.size() - 1] = SpaceGlyph{space->font, space->size};
            }
        } else if (const auto* brk = std::get_if<shape::Break>(&segments[s])) {
            const bool after_space = s > 0 && std::holds_alternative<shape::Space>(segments[s - 1]);
            if (brk->kind == shape::BreakKind::mandatory) {
                items.push_back(para::Glue{Length{}, Length{}, Length{}, Length::from_pt(1)});
                para::add_forced_break(items);
            } else if (!after_space) {
                // Inside a run of text: after a hyphen or dash, or where UAX #14 allows.
                if (brk->after_hyphen) para::add_explicit_hyphen_break(items);
                else items.push_back(para::Penalty{Length{}, 0, false});
            }
        }
    }
    if (centred) para::finish_centred(items, ragged_stretch);
    else para::finish_paragraph(items);

    // Microtypography (microtype.hpp): each piece's hang into the margins, from its
    // font family's protrusion table; in justified text, what its glyphs may gain or
    // lose. A hyphen at a break counts as the piece it ends.
    const bool scales = justified && (style.glyph_scaling.min != 100 || style.glyph_scaling.max != 100);
    for (para::Item& item : items) {
        if (auto* box = std::get_if<para::Box>(&item); box && box->payload > 0) {
            const shape::GlyphRun& run = pieces[box->payload - 1].run;
            if (style.protrusion) {
                const model::ProtrusionTable& table = fonts_.families().protrusion(run.font);
                box->hang_left = hang_left(run, table);
                box->hang_right = hang_right(run, table);
            }
            if (scales) {
                box->scale_stretch = scale_stretch(box->width, style.glyph_scaling);
                box->scale_shrink = scale_shrink(box->width, style.glyph_scaling);
            }
        } else if (auto* pen = std::get_if<para::Penalty>(&item); pen && pen->payload > 0 && pen->width.sp > 0) {
            const shape::GlyphRun& run = pieces[pen->payload - 1].run;
            if (style.protrusion) pen->hang_right = hang_right(run, fonts_.families().protrusion(run.font));
            if (scales) {
                pen->scale_stretch = scale_stretch(pen->width, style.glyph_scaling);
                pen->scale_shrink = scale_shrink(pen->width, style.glyph_scaling);
            }
        }
    }

    // 3. Break.
    para::BreakParams params;
    params.pretolerance = style.pretolerance;
    params.tolerance = style.tolerance;
    // A narrow magazine measure needs the third pass now and then. It first tries
    // 1.5em of emergency stretch, and 3em (the usual two-column setting) only if a line
    // still overflows: the smaller amount keeps the emergency lines far closer to the
    // font's space (issue 15: on GPL-3's text, sd of the word spaces 0.50 -> 0.34).
    // Ragged text in a narrow measure (a table's cell) may find no line within the
    // ragged glue's 3 em: its last resort may leave a line short by up to the measure.
    params.emergency_stretch = justified ? style.text.size * 3 / 2 : width;
    params.max_hyphen_run = style.hyphenate_limit;
    params.scaling_steps = scales ? scaling_steps : 0;
    const bool shaped = shape && !shape->widths.empty();
    const para::LineWidths widths = shaped ? para::LineWidths(shape->widths) : para::LineWidths(width);
    auto indent_of = [&](std::size_t line) {
        if (!shape || shape->indents.empty()) return Length{};
        return shape->indents[std::min(line, shape->indents.size() - 1)];
    };
    std::optional<para::BreakTrace> trace;
    if (trace_) {
        trace.emplace(items, [&](std::size_t i) -> std::string {
            if (const auto* b = std::get_if<para::Box>(&items[i]); b && b->payload > 0) return pieces[b->payload - 1].run.text;
            if (std::holds_alternative<para::Glue>(items[i]) && spaces.count(i)) return " ";
            // A discretionary's letters before the break (its box holds those after).
            if (auto d = discretionary_glue.find(i); d != discretionary_glue.end()) return d->second;
            return "";
        });
    }
    para::BreakResult breaks =
        para::break_lines_stepped(items, params, widths, {style.text.size * 3}, trace ? &*trace : nullptr);
    if (trace_) {
        *trace_ << "% paragraph " << loc.file << ':' << loc.line << ':' << loc.column << " style '" << style.name
                << "' at " << format_pt(width) << "\n" << trace->text() << '\n';
    }
    result.pass = breaks.pass;
    std::vector<para::Line> lines = para::set_lines(items, breaks, widths, params.scaling_steps);

    // 4. Lines -> drawing operations relative to each line's origin.
    auto draw_lines = [&](const std::vector<para::Line>& set_list) {
        std::vector<Line> drawn;
        for (std::size_t n = 0; n < set_list.size(); ++n) {
            const para::Line& set = set_list[n];
            Line out;
            out.width = width;
            std::vector<render::DrawGlyphs> runs;
            Length x, ink_end;
            std::size_t glue_index = 0, box_index = 0;
            std::string link;
            Length link_start;
            std::vector<render::LinkArea> links;
            std::set<font::FontId> fonts_used;
            SourceLoc first_word_loc;

            auto close_link = [&](Length at) {
                if (!link.empty()) links.push_back(render::LinkArea{link_start, Length{}, at - link_start, Length{}, link, -1, Length{}});
                link.clear();
            };
            std::optional<SpaceGlyph> pending_space;
            Length pending_glue;
            const int scale = set.scale_step != 0 ? horizontal_scale(style.glyph_scaling, set.scale_step) : 1000;
            // A piece drawn at the line's glyph scaling: `extra` wider, as the breaker counted it.
            auto scaled_piece = [&](const Piece& piece, Length scale_stretch, Length scale_shrink) {
                const std::int64_t extra = para::scaled_by(scale_stretch, scale_shrink, set.scale_step, set.scaling_steps);
                if (extra == 0) return piece;
                Piece copy = piece;
                scale_run(copy.run, Length::from_sp(extra), scale);
                return copy;
            };
            auto draw_piece = [&](const Piece& piece) {
                // The glue since the last piece becomes a real space glyph (so text
                // extraction and search see words) when it was a space in the run's font.
                if (pending_space && !runs.empty() && ink_end + pending_glue == x && runs.back().font == pending_space->font &&
                    runs.back().size == pending_space->size && pending_glue.sp > 0) {
                    if (auto gid = registry.glyph_index(pending_space->font, U' ')) {
                        render::DrawGlyphs& draw = runs.back();
                        draw.glyphs.push_back(shape::Glyph{*gid, static_cast<std::uint32_t>(draw.text.size()), pending_glue, {}, {}});
                        draw.text += ' ';
                        ink_end = x;
                    }
                }
                pending_space.reset();
                pending_glue = Length{};
                const Source& source = sources[piece.source];
                if (source.note > 0 && std::find(out.notes.begin(), out.notes.end(), source.note) == out.notes.end()) {
                    out.notes.push_back(source.note);
                }
                if (first_word_loc.file.empty()) first_word_loc = piece.loc;
                fonts_used.insert(piece.run.font);
                bool joins = !runs.empty() && runs.back().font == piece.run.font && runs.back().size == piece.run.size &&
                             runs.back().color.space == source.color.space &&
                             std::equal(std::begin(runs.back().color.c), std::end(runs.back().color.c), std::begin(source.color.c)) &&
                             ink_end == x;
                if (!joins) {
                    render::DrawGlyphs draw;
                    draw.x = x;
                    draw.font = piece.run.font;
                    draw.size = piece.run.size;
                    draw.color = source.color;
                    // Every run of a line at the line's scale (a discretionary's piece
                    // too, whose box may be empty).
                    draw.horizontal_scale = scale;
                    runs.push_back(std::move(draw));
                }
                render::DrawGlyphs& draw = runs.back();
                const auto offset = static_cast<std::uint32_t>(draw.text.size());
                for (shape::Glyph g : piece.run.glyphs) {
                    g.cluster += offset;
                    draw.glyphs.push_back(g);
                }
                draw.text += piece.run.text;
                if (source.href != link) {
                    close_link(x);
                    if (!source.href.empty()) { link = source.href; link_start = x; }
                }
                x += piece.run.width();
                ink_end = x;
            };

            for (std::size_t i = set.first; i < set.last; ++i) {
                const para::Item& item = items[i];
                if (const auto* box = std::get_if<para::Box>(&item)) {
                    if (box->payload == 0) { x += box->width; continue; }
                    if (auto u = unbroken.find(i); u != unbroken.end() && i != set.first) {
                        // A discretionary not broken: the ligature as shaped, scaled by what
                        // the box after the break would have gained.
                        draw_piece(scaled_piece(pieces[u->second - 1], box->scale_stretch, box->scale_shrink));
                        continue;
                    }
                    while (box_index < set.boxes.size() && set.boxes[box_index].item < i) ++box_index;
                    if (box_index < set.boxes.size() && set.boxes[box_index].item == i) {
                        // Letter spacing the breaker used on this line.
                        Piece spaced = pieces[box->payload - 1];
                        spread_letter_spacing(spaced.run, spaced.gaps, set.boxes[box_index].extra);
                        draw_piece(scaled_piece(spaced, box->scale_stretch, box->scale_shrink));
                        continue;
                    }
                    draw_piece(scaled_piece(pieces[box->payload - 1], box->scale_stretch, box->scale_shrink));
                } else if (std::holds_alternative<para::Glue>(item)) {
                    if (discretionary_glue.count(i)) continue;  // drawn as part of the box after it
                    while (glue_index < set.glue.size() && set.glue[glue_index].item < i) ++glue_index;
                    Length w = glue_index < set.glue.size() && set.glue[glue_index].item == i ? set.glue[glue_index].width
                                                                                               : std::get<para::Glue>(item).width;
                    // Glue is placed by running sums: in the ragged idioms one glue of a
                    // pair may be set negative, the pair adding up to the space.
                    pending_glue += w;
                    if (auto space = spaces.find(i); space != spaces.end()) pending_space = space->second;
                    x += w;
                } else if (const auto* penalty = std::get_if<para::Penalty>(&item)) {
                    if (i + 1 == set.last && penalty->width.sp == 0 && penalty->flagged && !runs.empty() &&
                        runs.back().text.ends_with('-')) {
                        // A hyphen of the text ends the line: given as U+2010 so that readers
                        // keep it when they join the lines (shape::Shaper::break_hyphen_text).
                        runs.back().text.replace(runs.back().text.size() - 1, 1, "\u2010");
                    }
                    if (i + 1 == set.last && penalty->width.sp > 0 && penalty->payload > 0) {
                        // Ragged text's hyphenation point puts the line's stretch before its
                        // hyphen (para::add_ragged_right_hyphenation_point): the hyphen
                        // follows its letters, the stretch stays at the line's end.
                        if (!justified) {
                            pending_glue = Length{};
                            x = ink_end;
                        }
                        draw_piece(scaled_piece(pieces[penalty->payload - 1], penalty->scale_stretch, penalty->scale_shrink));
                    }
                }
            }
            close_link(ink_end);
            // To the measure's edge: what hangs past it on either side is not counted.
            out.natural_width = indent_of(n) + ink_end - set.hang_left - set.hang_right;
            const Length line_width = widths(static_cast<int>(n));
            // Margin kerning: the line starts hang_left left of its measure (right-aligned
            // lines end hang_right past it).
            Length shift = align == model::Align::right ? indent_of(n) + line_width + set.hang_right - ink_end
                                                        : indent_of(n) - set.hang_left;
            for (font::FontId f : fonts_used) {
                const font::FaceMetrics& m = registry.metrics(f);
                for (const render::DrawGlyphs& r : runs) {
                    if (r.font != f) continue;
                    out.ascent = std::max(out.ascent, font::scale_units(m.ascender, r.size, m.units_per_em));
                    out.descent = std::max(out.descent, font::scale_units(-m.descender, r.size, m.units_per_em));
                }
            }
            for (const render::DrawGlyphs& r : runs) {
                const int upem = registry.metrics(r.font).units_per_em;
                for (const shape::Glyph& g : r.glyphs) {
                    const font::FontRegistry::InkHeight ink = registry.ink_height(r.font, g.gid);
                    out.ink_ascent = std::max(out.ink_ascent, font::scale_units(ink.top, r.size, upem) + Length(g.y_offset));
                    out.ink_descent = std::max(out.ink_descent, font::scale_units(ink.bottom, r.size, upem) - Length(g.y_offset));
                }
            }
            for (render::DrawGlyphs& r : runs) {
                r.x += shift;
                out.ops.push_back(std::move(r));
            }
            for (render::LinkArea& l : links) {
                l.x += shift;
                l.y = -out.ascent;
                l.height = out.ascent + out.descent;
                out.ops.push_back(std::move(l));
            }
            out.hyphenated = set.hyphenated;
            out.hang_left = set.hang_left;
            out.hang_right = set.hang_right;
            drawn.push_back(std::move(out));
        }
        return drawn;
    };
    result.lines = draw_lines(lines);
    for (const Line& line : result.lines) result.hyphenated_lines += line.hyphenated;

    // The same paragraph one line longer and one line shorter (TeX's \looseness=1 and
    // -1), for a column that would end short (page/run_long.hpp): only where every line
    // stays within the style's tolerance, in the first or second pass (or by breaking
    // names, if the paragraph itself needed to), without a hyphen more in a row than
    // the style allows.
    if (with_variants && justified && !result.lines.empty()) {
        auto variant = [&](int looseness) -> std::vector<Line> {
            para::BreakParams varied = params;
            varied.looseness = looseness;
            varied.emergency_stretch = Length{};
            const para::BreakResult r = para::break_lines(items, varied, widths);
            if (r.looseness != looseness || r.pass == para::BreakPass::emergency ||
                (r.pass == para::BreakPass::last_resort && breaks.pass != para::BreakPass::last_resort) || !r.feasible() ||
                !r.overfull_lines.empty() || !r.underfull_lines.empty()) {
                return {};
            }
            // Without emergency stretch the second pass is the final one, where the hyphen
            // limit is only a cost: a setting that breaks it is not offered.
            int run = 0;
            for (const para::Break& b : r.breaks) {
                run = b.hyphenated ? run + 1 : 0;
                if (params.max_hyphen_run > 0 && run > params.max_hyphen_run) return {};
            }
            return draw_lines(para::set_lines(items, r, widths, params.scaling_steps));
        };
        result.longer = variant(1);
        if (result.lines.size() > 2) result.shorter = variant(-1);
    }
    // Loose: beyond the tolerance (only justified lines stretch to fit a measure).
    for (int line : breaks.underfull_lines) result.lines[static_cast<std::size_t>(line)].loose = justified;
    for (int line : breaks.overfull_lines) {
        result.lines[static_cast<std::size_t>(line)].overfull = true;
        ++result.overfull_lines;
        const para::Break& b = breaks.breaks[static_cast<std::size_t>(line)];
        SourceLoc where = loc;
        for (std::size_t i = lines[static_cast<std::size_t>(line)].first; i < lines[static_cast<std::size_t>(line)].last; ++i) {
            if (const auto* box = std::get_if<para::Box>(&items[i]); box && box->payload > 0) {
                if (!pieces[box->payload - 1].loc.file.empty()) where = pieces[box->payload - 1].loc;
                break;
            }
        }
        sink_.warning(where, "overfull line " + std::to_string(line + 1) + " of a paragraph in style '" + style.name +
                                 "': " + format_pt(b.overfull) + " too wide for the " +
                                 format_pt(widths(line)) + " measure");
    }
    return result;
}

}  // namespace quire::galley
