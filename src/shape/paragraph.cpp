#include "shape/paragraph.hpp"

#include "core/utf8.hpp"
#include "font/fallback.hpp"
#include "shape/script_runs.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cassert>

namespace quire::shape {

namespace {

// A stretch of the paragraph with one source run, one font, one script and one bidi level.
struct Item {
    std::size_t begin, end;
    std::size_t source;
    font::FontId font;
    int size_permille;  // of the run's size (an installed face matched to the x-height)
    hb_script_t script;
    std::uint8_t level;
    hb_direction_t direction;  // HB_DIRECTION_INVALID when the paragraph needs no bidi
};

bool is_space(char32_t c) { return c == U' ' || c == U'\u00A0'; }

bool is_line_end(char32_t c) {
    const auto lb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK);
    return lb == U_LB_MANDATORY_BREAK || lb == U_LB_CARRIAGE_RETURN || lb == U_LB_LINE_FEED || lb == U_LB_NEXT_LINE;
}

// Ideographs, kana, Hangul and their punctuation and fullwidth forms: East Asian
// Width wide or fullwidth (UAX #11), less emoji, which are wide but no text to space out.
bool is_cjk(char32_t c) {
    const auto width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) && !u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_PRESENTATION);
}

// Hyphens and dashes after which a line ends visibly hyphenated.
bool is_hyphen_or_dash(char32_t c) {
    return c == U'-' || (c >= U'\u2010' && c <= U'\u2015') || c == U'\u2E3A' || c == U'\u2E3B';
}

class ParagraphBuilder {
public:
    ParagraphBuilder(Shaper& shaper, const std::vector<StyledText>& runs, Direction base)
        : shaper_(shaper), runs_(runs), base_(base) {}

    std::vector<Segment> build(BreakFinder& breaks, DiagnosticSink& sink) {
        std::vector<LanguageSpan> languages;
        for (const StyledText& r : runs_) {
            run_begin_.push_back(text_.size());
            text_ += r.text;
            languages.push_back({text_.size(), r.style.language});
        }
        if (text_.empty()) return {};
        itemize(sink);
        std::size_t prev = 0;
        for (const BreakOpportunity& b : breaks.find(text_, languages)) {
            if (b.kind == BreakKind::allowed && b.offset < text_.size() && inside_short_name(b.offset)) continue;
            std::size_t end = b.offset;
            while (end > prev) {
                std::size_t i = end;
                if (!is_line_end(previous_code_point(text_, i))) break;
                end = i;
            }
            const bool after_hyphen = cut_segment(prev, end);
            // Breaks are made in the list's variant in place: moved in from a
            // temporary, GCC 12 warns (-Wmaybe-uninitialized) of members it cannot miss.
            if (b.kind == BreakKind::mandatory)
                out_.emplace_back(std::in_place_type<Break>, Break{BreakKind::mandatory, false});
            else if (b.offset < text_.size())
                out_.emplace_back(std::in_place_type<Break>,
                                  Break{BreakKind::allowed, after_hyphen, between_characters(b.offset)});
            prev = b.offset;
        }
        return std::move(out_);
    }

private:
    void itemize(DiagnosticSink& sink) {
        std::vector<font::FontSpan> fonts;
        std::vector<std::size_t> font_source;
        font::MissingGlyphs missing;
        for (std::size_t r = 0; r < runs_.size(); ++r) {
            const TextStyle& st = runs_[r].style;
            const font::FontChain chain{st.font, st.fallback, st.system, st.language};
            for (font::FontSpan s : font::assign_fonts(shaper_.registry(), runs_[r].text, chain, runs_[r].loc, missing)) {
                s.begin += run_begin_[r];
                s.end += run_begin_[r];
                fonts.push_back(s);
                font_source.push_back(r);
            }
        }
        missing.report(shaper_.registry(), sink);
        const std::vector<ScriptSpan> scripts = script_runs(text_);
        const std::vector<LevelSpan> levels = bidi_levels();
        // The lists cover the whole text; walk them together, cutting at any one's ends.
        std::size_t f = 0, s = 0, l = 0, pos = 0;
        while (f < fonts.size() && s < scripts.size() && l < levels.size()) {
            const std::size_t end = std::min({fonts[f].end, scripts[s].end, levels[l].end});
            const std::uint8_t level = levels[l].level;
            const hb_direction_t direction =
                resolved_ ? (is_rtl_level(level) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR) : HB_DIRECTION_INVALID;
            items_.push_back({pos, end, font_source[f], fonts[f].font, fonts[f].size_permille, scripts[s].script, level, direction});
            pos = end;
            if (fonts[f].end == end) ++f;
            if (scripts[s].end == end) ++s;
            if (levels[l].end == end) ++l;
        }
        assert(pos == text_.size());
    }

    // The paragraph's bidi levels; one span at level 0 when it needs no resolving
    // (no right-to-left text, no explicit direction), which costs one pass over its bytes.
    std::vector<LevelSpan> bidi_levels() {
        std::vector<DirectionSpan> explicit_spans;
        for (std::size_t r = 0; r < runs_.size(); ++r) {
            if (!runs_[r].direction) continue;
            // Not the spaces at its ends: collapsing white space may have moved the one
            // after a <span dir> into it, and a space between the span and the text
            // around it belongs to the paragraph's level (else the gap would be drawn
            // on the span's far side).
            std::size_t begin = run_begin_[r], end = begin + runs_[r].text.size();
            while (begin < end && text_[begin] == ' ') ++begin;
            while (end > begin && text_[end - 1] == ' ') --end;
            if (begin < end) explicit_spans.push_back({begin, end, *runs_[r].direction});
        }
        resolved_ = needs_bidi(text_, base_, explicit_spans);
        if (!resolved_) return {LevelSpan{0, text_.size(), 0}};
        return resolve_levels(text_, base_, explicit_spans);
    }

    // Whether a break between characters falls inside a run of at most four CJK
    // characters: a name quoted in other text ("the minister 王毅 said", 安倍晋三),
    // which is kept whole as a word would be. A Chinese or Japanese text's runs run on
    // to its punctuation and are longer.
    bool inside_short_name(std::size_t offset) const {
        if (!between_characters(offset)) return false;
        constexpr int longest = 4;
        int count = 0;
        for (std::size_t i = offset; i > 0 && count <= longest;) {
            if (const char32_t c = previous_code_point(text_, i); is_space(c) || !is_cjk(c)) break;
            ++count;
        }
        for (std::size_t i = offset; i < text_.size() && count <= longest;) {
            if (const char32_t c = next_code_point(text_, i); is_space(c) || !is_cjk(c)) break;
            ++count;
        }
        return count <= longest;
    }

    // Break::inter_character at an opportunity inside the text.
    bool between_characters(std::size_t offset) const {
        std::size_t i = offset;
        const char32_t before = previous_code_point(text_, i);
        i = offset;
        const char32_t after = next_code_point(text_, i);
        return !is_space(before) && (is_cjk(before) || is_cjk(after));
    }

    const Item& item_at(std::size_t offset) const {
        auto it = std::upper_bound(items_.begin(), items_.end(), offset, [](std::size_t o, const Item& item) { return o < item.end; });
        assert(it != items_.end());
        return *it;
    }

    // Words and spaces of [begin, end), which has no break opportunity inside. Returns
    // whether the last thing in it is a word ending with a hyphen or dash.
    bool cut_segment(std::size_t begin, std::size_t end) {
        bool after_hyphen = false;
        std::size_t i = begin;
        while (i < end) {
            const std::size_t start = i;
            std::size_t next = i;
            const bool space = is_space(next_code_point(text_, next));
            std::size_t stop = next;
            while (stop < end) {
                std::size_t probe = stop;
                if (is_space(next_code_point(text_, probe)) != space) break;
                stop = probe;
            }
            if (space) {
                add_space(start, stop);
                after_hyphen = false;
            } else {
                add_word(start, stop);
                std::size_t last = stop;
                after_hyphen = is_hyphen_or_dash(previous_code_point(text_, last));
            }
            i = stop;
        }
        return after_hyphen;
    }

    void add_word(std::size_t begin, std::size_t end) {
        Word word;
        word.text = text_.substr(begin, end - begin);
        word.loc = runs_[item_at(begin).source].loc;
        for (auto it = items_.begin() + (&item_at(begin) - items_.data()); it != items_.end() && it->begin < end; ++it) {
            const std::size_t b = std::max(begin, it->begin), e = std::min(end, it->end);
            const StyledText& src = runs_[it->source];
            WordPiece piece;
            const Length size = it->size_permille == 1000 ? src.style.size : src.style.size * it->size_permille / 1000;
            piece.run = shaper_.shape_text(it->font, size, src.style.features, src.style.language,
                                           std::string_view(text_).substr(b, e - b), it->script, it->direction);
            piece.run.loc = src.loc;
            piece.begin = b - begin;
            piece.source = it->source;
            piece.style_font = src.style.font;
            piece.style = &src.style;
            piece.script = it->script;
            piece.level = it->level;
            piece.direction = it->direction;
            word.pieces.push_back(std::move(piece));
        }
        out_.push_back(std::move(word));
    }

    void add_space(std::size_t begin, std::size_t end) {
        const Item& item = item_at(begin);
        const StyledText& src = runs_[item.source];
        Space space;
        space.count = 0;
        for (std::size_t i = begin; i < end; ++space.count)
            if (next_code_point(text_, i) == U'\u00A0') space.no_break = true;
        space.font = shaper_.registry().has_glyph(src.style.font, U' ') ? src.style.font : item.font;
        // After CJK text (a Korean word, a Chinese name) set from a fallback face, the
        // space is set in that face, so that it is drawn as a glyph of the same run and
        // readers see the words apart (paragraph_lines: a space glyph joins only a run
        // of its own font).
        std::size_t before = begin;
        const auto* word = out_.empty() ? nullptr : std::get_if<Word>(&out_.back());
        if (word && !word->pieces.empty() && begin > 0 && is_cjk(previous_code_point(text_, before)) &&
            shaper_.registry().has_glyph(word->pieces.back().run.font, U' '))
            space.font = word->pieces.back().run.font;
        space.size = src.style.size;
        space.space_advance = shaper_.space_width(space.font, space.size, src.style.features, src.style.language);
        space.width = space.space_advance * static_cast<std::int64_t>(space.count);
        space.source = item.source;
        space.level = item.level;
        space.loc = src.loc;
        out_.push_back(std::move(space));
    }

    Shaper& shaper_;
    const std::vector<StyledText>& runs_;
    const Direction base_;
    bool resolved_ = false;  // the paragraph's levels came from the bidi algorithm
    std::string text_;
    std::vector<std::size_t> run_begin_;
    std::vector<Item> items_;
    std::vector<Segment> out_;
};

}  // namespace

const FeatureSet& WordPiece::no_features() {
    static const FeatureSet none;
    return none;
}

const std::string& WordPiece::no_language() {
    static const std::string none;
    return none;
}

std::vector<Segment> shape_paragraph(Shaper& shaper, BreakFinder& breaks, const std::vector<StyledText>& runs,
                                     DiagnosticSink& sink, Direction base) {
    return ParagraphBuilder(shaper, runs, base).build(breaks, sink);
}

std::vector<GlyphRun> shape_word_part(Shaper& shaper, const Word& word, std::size_t begin, std::size_t end,
                                      bool add_hyphen) {
    std::vector<GlyphRun> out;
    const WordPiece* last = nullptr;
    for (const WordPiece& piece : word.pieces) {
        const std::size_t pb = piece.begin, pe = piece.begin + piece.run.text.size();
        const std::size_t b = std::max(begin, pb), e = std::min(end, pe);
        if (b >= e) continue;
        last = &piece;
        const std::string_view text = std::string_view(word.text).substr(b, e - b);
        const bool final_piece = e == end;
        const auto hyphen_font = [&] {
            return shaper.registry().has_glyph(piece.style_font, U'\u2010') || shaper.registry().has_glyph(piece.style_font, U'-')
                       ? piece.style_font
                       : piece.run.font;
        };
        if (add_hyphen && final_piece && hyphen_font() == piece.run.font) {
            // Shaped together so the font's kerning against the hyphen applies.
            std::string with_hyphen(text);
            with_hyphen += shaper.hyphen_text(piece.run.font);
            out.push_back(shaper.shape_text(piece.run.font, piece.run.size, piece.features(), piece.language(), with_hyphen,
                                            piece.script, piece.direction));
            out.back().text = std::string(text) + std::string(Shaper::break_hyphen_text);  // as Shaper::hyphen's
            add_hyphen = false;
        } else {
            out.push_back(shaper.shape_text(piece.run.font, piece.run.size, piece.features(), piece.language(), text,
                                            piece.script, piece.direction));
        }
        out.back().loc = piece.run.loc;
    }
    if (add_hyphen && last) {
        const font::FontId f = shaper.registry().has_glyph(last->style_font, U'\u2010') || shaper.registry().has_glyph(last->style_font, U'-')
                                   ? last->style_font
                                   : last->run.font;
        out.push_back(shaper.hyphen(f, last->run.size, last->features(), last->language()));
        out.back().loc = last->run.loc;
    }
    return out;
}

}  // namespace quire::shape
