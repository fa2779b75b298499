#include "galley/paragraph_setter.hpp"

#include "font/face_metrics.hpp"
#include "font/font_registry.hpp"
#include "para/item_builders.hpp"
#include "para/set_lines.hpp"
#include "para/trace.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
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
};

// Per inline run: what drawing needs beyond glyphs.
struct Source {
    render::Color color;
    std::string href;
    int tracking = 0;  // thousandths of an em
};

// An interword glue's space glyph: drawn as a real space so text extraction and
// search see words, not gaps.
struct SpaceGlyph {
    font::FontId font = 0;
    Length size;
};

render::Color to_color(const style::Rgb& rgb) {
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

std::string format_pt(Length l) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2fpt", l.pt());
    return buffer;
}

}  // namespace

ParagraphSetter::ParagraphSetter(const style::StyleSheet& styles, FontStyles& fonts, shape::Shaper& shaper,
                                 shape::BreakFinder& breaks, hyph::Hyphenator& hyphenator, DiagnosticSink& sink)
    : styles_(styles), fonts_(fonts), shaper_(shaper), breaks_(breaks), hyphenator_(hyphenator), sink_(sink) {}

std::vector<page::Line> ParagraphSetter::set_plain(const std::string& text, const std::string& style_name,
                                                   Length width, const std::string& language) {
    model::InlineText inline_text{model::InlineRun{text, {}, "", SourceLoc{}}};
    return set(inline_text, styles_.paragraph(style_name), width, language, SourceLoc{}).lines;
}

SetParagraph ParagraphSetter::set(const model::InlineText& text, const style::ParagraphStyle& style, Length width,
                                  const std::string& language, const SourceLoc& loc,
                                  std::optional<Length> first_indent, const ParShape* shape) {
    SetParagraph result;
    const font::FontRegistry& registry = shaper_.registry();

    // 1. Inline runs -> styled text for shaping.
    std::vector<Source> sources;
    std::vector<shape::StyledText> styled;
    for (const model::InlineRun& run : text) {
        style::TextStyle look = styles_.apply_character_styles(style.text, run.character_styles);
        const shape::TextStyle* shaping = fonts_.resolve(look, language, run.loc.file.empty() ? loc : run.loc);
        if (!shaping) return result;  // the family has no face: reported already
        std::string characters = look.text_case == model::TextCase::upper ? upper_case(run.text, language) : run.text;
        styled.push_back(shape::StyledText{std::move(characters), *shaping, run.loc.file.empty() ? loc : run.loc});
        sources.push_back(Source{to_color(look.color), run.href, look.tracking});
    }
    if (styled.empty()) return result;
    std::vector<shape::Segment> segments = shape::shape_paragraph(shaper_, breaks_, styled, sink_);

    // 2. Segments -> Knuth-Plass items. Box payload k > 0 draws pieces[k - 1].
    const model::Align align = style.align;
    const bool justified = align == model::Align::justify;
    const bool centred = align == model::Align::center;
    const Length ragged_stretch = style.text.size * 3;  // Knuth-Plass's suggestion: 3em
    std::vector<para::Item> items;
    std::vector<Piece> pieces;
    std::map<std::size_t, SpaceGlyph> spaces;  // glue item -> its space glyph

    auto add_piece = [&](shape::GlyphRun run, std::size_t source, const SourceLoc& piece_loc) {
        apply_tracking(run, sources[source].tracking);
        Length w = run.width();
        pieces.push_back(Piece{std::move(run), source, piece_loc});
        return std::pair<Length, std::uint32_t>{w, static_cast<std::uint32_t>(pieces.size())};
    };

    if (centred) para::begin_centred(items, ragged_stretch);
    const Length indent = first_indent.value_or(style.indent);
    if (!centred && indent.sp > 0) para::add_box(items, indent, 0);

    hyph::Options hyphen_options;
    hyphen_options.min_word = style.hyphenate_min_word;
    hyphen_options.left_min = style.hyphenate_before;
    hyphen_options.right_min = style.hyphenate_after;

    for (std::size_t s = 0; s < segments.size(); ++s) {
        if (const auto* word = std::get_if<shape::Word>(&segments[s])) {
            // Where the word may be hyphenated: only at glyph cluster starts, so a
            // ligature is never cut (its parts would be drawn wrong).
            std::vector<hyph::BreakPoint> cuts;
            if (style.hyphenate && !centred) {
                std::set<std::size_t> starts;
                for (const shape::WordPiece& p : word->pieces) {
                    starts.insert(p.begin);
                    for (const shape::Glyph& g : p.run.glyphs) starts.insert(p.begin + g.cluster);
                }
                for (const hyph::BreakPoint& bp :
                     hyphenator_.break_points(language, word->text, hyphen_options, word->loc, sink_)) {
                    if (bp.offset > 0 && bp.offset < word->text.size() && starts.count(bp.offset)) cuts.push_back(bp);
                }
            }
            // Each piece cut at the break points inside it; a hyphenation penalty
            // between the parts.
            std::size_t cut_index = 0;
            for (const shape::WordPiece& p : word->pieces) {
                std::size_t piece_end = p.begin + p.run.text.size();
                std::size_t local = 0;
                while (true) {
                    std::size_t next_cut = cut_index < cuts.size() ? cuts[cut_index].offset : std::string::npos;
                    bool cut_inside = next_cut != std::string::npos && next_cut < piece_end && next_cut > p.begin + local;
                    std::size_t local_end = cut_inside ? next_cut - p.begin : p.run.text.size();
                    if (local_end > local) {
                        shape::GlyphRun part = (local == 0 && local_end == p.run.text.size())
                                                   ? p.run
                                                   : sub_run(p.run, local, local_end);
                        auto [w, payload] = add_piece(std::move(part), p.source, word->loc);
                        para::add_box(items, w, payload);
                    }
                    if (!cut_inside && !(next_cut == piece_end && next_cut < word->text.size())) break;
                    // A cut at local_end (inside this piece or at its end).
                    const hyph::BreakPoint& cut = cuts[cut_index++];
                    if (cut.kind == hyph::BreakKind::explicit_hyphen) {
                        para::add_explicit_hyphen_break(items);
                    } else {
                        const shape::TextStyle& look = styled[p.source].style;
                        shape::GlyphRun hyphen = shaper_.hyphen(p.style_font, p.run.size, look.features, p.language);
                        auto [w, payload] = add_piece(std::move(hyphen), p.source, word->loc);
                        if (justified) para::add_hyphenation_point(items, w, para::default_hyphen_penalty, payload);
                        else para::add_ragged_right_hyphenation_point(items, w, ragged_stretch,
                                                                      para::default_hyphen_penalty, payload);
                    }
                    if (!cut_inside) break;
                    local = local_end;
                }
            }
        } else if (const auto* space = std::get_if<shape::Space>(&segments[s])) {
            // ICU allows a break after this space only if a Break follows it.
            const bool breakable = !space->no_break && s + 1 < segments.size() &&
                                   std::holds_alternative<shape::Break>(segments[s + 1]);
            const Length w = space->width;
            if (!breakable) {
                items.push_back(para::Penalty{Length{}, para::inf_penalty, false});
            }
            spaces[items.size()] = SpaceGlyph{space->font, space->size};
            if (justified) {
                // TeX's proportions for an interword space: stretch 1/2, shrink 1/3.
                para::add_space(items, w, w / 2, w / 3);
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

    // 3. Break.
    para::BreakParams params;
    params.pretolerance = style.pretolerance;
    params.tolerance = style.tolerance;
    // A narrow magazine measure needs the third pass now and then; 3em is the usual
    // setting for two-column work (it only applies when the first two passes fail).
    params.emergency_stretch = justified ? style.text.size * 3 : Length{};
    params.max_hyphen_run = style.hyphenate_limit;
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
            return "";
        });
    }
    para::BreakResult breaks = para::break_lines(items, params, widths, trace ? &*trace : nullptr);
    if (trace_) {
        *trace_ << "% paragraph " << loc.file << ':' << loc.line << ':' << loc.column << " style '" << style.name
                << "' at " << format_pt(width) << "\n" << trace->text() << '\n';
    }
    result.pass = breaks.pass;
    std::vector<para::Line> lines = para::set_lines(items, breaks, widths);

    // 4. Lines -> drawing operations relative to each line's origin.
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const para::Line& set = lines[n];
        page::Line out;
        out.width = width;
        std::vector<render::DrawGlyphs> runs;
        Length x, ink_end;
        std::size_t glue_index = 0;
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
                draw_piece(pieces[box->payload - 1]);
            } else if (std::holds_alternative<para::Glue>(item)) {
                while (glue_index < set.glue.size() && set.glue[glue_index].item < i) ++glue_index;
                Length w = glue_index < set.glue.size() && set.glue[glue_index].item == i ? set.glue[glue_index].width
                                                                                           : std::get<para::Glue>(item).width;
                // Glue is placed by running sums: in the ragged idioms one glue of a
                // pair may be set negative, the pair adding up to the space.
                pending_glue += w;
                if (auto space = spaces.find(i); space != spaces.end()) pending_space = space->second;
                x += w;
            } else if (const auto* penalty = std::get_if<para::Penalty>(&item)) {
                if (i + 1 == set.last && penalty->width.sp > 0 && penalty->payload > 0) draw_piece(pieces[penalty->payload - 1]);
            }
        }
        close_link(ink_end);
        out.natural_width = indent_of(n) + ink_end;
        const Length line_width = widths(static_cast<int>(n));
        Length shift = indent_of(n) + (align == model::Align::right ? line_width - ink_end : Length{});
        for (font::FontId f : fonts_used) {
            const font::FaceMetrics& m = registry.metrics(f);
            for (const render::DrawGlyphs& r : runs) {
                if (r.font != f) continue;
                out.ascent = std::max(out.ascent, font::scale_units(m.ascender, r.size, m.units_per_em));
                out.descent = std::max(out.descent, font::scale_units(-m.descender, r.size, m.units_per_em));
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
        if (set.hyphenated) ++result.hyphenated_lines;
        result.lines.push_back(std::move(out));
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
