#include "galley/word_cuts.hpp"

#include "core/utf8.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>

namespace quire::galley {
namespace {

// German and Luxembourgish write every noun with a capital: there a capital does not
// mark a name.
bool nouns_capitalised(const std::string& language) {
    const std::string primary = language.substr(0, language.find_first_of("-_"));
    return primary == "de" || primary == "lb";
}

// A word of two letters or more, every letter a capital ("UNODC", "WARRANTY,").
bool in_capitals(const std::string& text) {
    // Asked of every word: an ASCII word is answered without decoding it.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        int ascii_letters = 0;
        for (char c : text) {
            if (c >= 'a' && c <= 'z') return false;
            ascii_letters += c >= 'A' && c <= 'Z';
        }
        return ascii_letters >= 2;
    }
    int letters = 0;
    for (const CodePoint& c : decode_utf8(text)) {
        const auto u = static_cast<UChar32>(c.value);
        if (!u_isalpha(u)) continue;
        if (!u_isUUppercase(u)) return false;
        ++letters;
    }
    return letters >= 2;
}

// The points the hyphenator gives the word (kept by it: read, not copied). A point in
// a name (BreakPoint::in_name) is a last resort where the rules say so.
const std::vector<hyph::BreakPoint>& hyphenation_points(const shape::Word& word, const WordCutRules& rules,
                                                        CutTools& tools) {
    StageScope hyphenation(tools.clock, Stage::hyphenation);
    hyph::Options options = rules.options;
    options.hyphenate_capitalised = rules.names_always || rules.names_last;
    return tools.hyphenator.break_points(rules.language, word.text, options, word.loc, tools.sink);
}

// Byte offsets in the word where a cluster starts: the only places its glyphs can be
// cut. One flag a byte (and one for the end), as every word that has break points
// asks: a flat array, not a node per offset (issue 19).
class ClusterStarts {
public:
    explicit ClusterStarts(const shape::Word& word) : starts_(word.text.size() + 1, false) {
        for (const shape::WordPiece& p : word.pieces) {
            mark(p.begin);
            for (const shape::Glyph& g : p.run.glyphs) mark(p.begin + g.cluster);
        }
    }
    bool count(std::size_t at) const { return at < starts_.size() && starts_[at]; }

private:
    void mark(std::size_t at) {
        if (at < starts_.size()) starts_[at] = true;
    }
    std::vector<bool> starts_;
};

// Whether HarfBuzz lets piece `p` be cut at byte `rel` of its text as it stands: a
// glyph starts a cluster there, and it is not unsafe to break before it
// (GlyphRun::safe_cuts). Then both sides shaped apart would give the same glyphs.
bool cuts_cleanly(const shape::GlyphRun& run, std::size_t rel) {
    const auto& glyphs = run.glyphs;
    const std::size_t n = std::min<std::size_t>(glyphs.size(), 64);
    for (std::size_t i = 1; i < n; ++i) {
        if (glyphs[i].cluster < rel) continue;
        return glyphs[i].cluster == rel && glyphs[i - 1].cluster < rel && ((run.safe_cuts >> i) & 1U) != 0;
    }
    return false;
}

bool same_glyph(const shape::Glyph& x, const shape::Glyph& y, std::uint32_t shift) {
    return x.gid == y.gid && x.cluster == y.cluster + shift && x.advance == y.advance && x.x_offset == y.x_offset &&
           x.y_offset == y.y_offset;
}

// Where, from the front, `whole` and `before` stop agreeing (at a cluster boundary of both).
std::size_t agreeing_front(const std::vector<shape::Glyph>& whole, const std::vector<shape::Glyph>& before, std::size_t at) {
    std::size_t m = 0;
    while (m < before.size() && m < whole.size() && same_glyph(whole[m], before[m], 0)) ++m;
    while (m > 0 && ((m < before.size() && before[m].cluster == before[m - 1].cluster) ||
                     (m < whole.size() && whole[m].cluster == whole[m - 1].cluster))) {
        --m;
    }
    std::size_t begin = at;
    if (m < before.size()) begin = std::min<std::size_t>(begin, before[m].cluster);
    if (m < whole.size()) begin = std::min<std::size_t>(begin, whole[m].cluster);
    return begin;
}

// Where, from the back, `whole` and `after` start agreeing (at a cluster boundary of both).
std::size_t agreeing_back(const std::vector<shape::Glyph>& whole, const std::vector<shape::Glyph>& after, std::size_t at,
                          std::size_t size) {
    std::size_t tail = 0;
    while (tail < after.size() && tail < whole.size() &&
           same_glyph(whole[whole.size() - 1 - tail], after[after.size() - 1 - tail], static_cast<std::uint32_t>(at))) {
        ++tail;
    }
    auto splits_cluster = [](const std::vector<shape::Glyph>& g, std::size_t t) {
        return t > 0 && t < g.size() && g[g.size() - 1 - t].cluster == g[g.size() - t].cluster;
    };
    while (splits_cluster(after, tail) || splits_cluster(whole, tail)) --tail;
    if (tail < after.size() || (tail < whole.size() && whole[whole.size() - 1 - tail].cluster >= at)) {
        return tail == 0 ? size : whole[whole.size() - tail].cluster;
    }
    return at;
}

// A break at `at` inside piece `p`: a plain cut, a discretionary, or none (no clean
// place to cut the word's own glyphs, or it would reach back before `free_from`).
std::optional<WordCut> cut_inside_piece(const shape::Word& word, const shape::WordPiece& p, const hyph::BreakPoint& bp,
                                        bool last_resort, const ClusterStarts& starts, std::size_t free_from,
                                        CutTools& tools) {
    const std::size_t at = bp.offset;
    const std::string_view piece_text(p.run.text);
    const std::size_t rel = at - p.begin;
    if (cuts_cleanly(p.run, rel)) {  // what shaping the two parts would find, without shaping them
        if (!starts.count(at)) return std::nullopt;
        return WordCut{at, at, at, bp.kind, {}, {}, last_resort};
    }
    shape::GlyphRun before, after;
    {
        StageScope shaping(tools.clock, Stage::shaping);
        before = tools.shaper.shape_text(p.run.font, p.run.size, p.features(), p.language(), piece_text.substr(0, rel), p.script);
        after = tools.shaper.shape_text(p.run.font, p.run.size, p.features(), p.language(), piece_text.substr(rel), p.script);
    }
    const auto [begin, end] = reshaped_span(p.run.glyphs, before.glyphs, after.glyphs, rel, piece_text.size());
    if (begin == rel && end == rel) {
        if (!starts.count(at)) return std::nullopt;
        return WordCut{at, at, at, bp.kind, {}, {}, last_resort};
    }
    if (p.begin + begin < free_from || !starts.count(p.begin + begin) ||
        (p.begin + end < word.text.size() && !starts.count(p.begin + end))) {
        return std::nullopt;
    }
    WordCut cut{p.begin + begin, p.begin + end, at, bp.kind, sub_run(before, begin, rel), sub_run(after, 0, end - rel),
                last_resort};
    cut.pre.text = std::string(piece_text.substr(begin, rel - begin));
    cut.post.text = std::string(piece_text.substr(rel, end - rel));
    cut.pre.loc = cut.post.loc = p.run.loc;
    return cut;
}

}  // namespace

WordCutRules word_cut_rules(const style::ParagraphStyle& style, const shape::Word& word,
                            const std::string& paragraph_language, bool centred, bool last_word,
                            bool in_capitals_text) {
    WordCutRules rules;
    rules.addresses = !centred;
    rules.hyphenate = style.hyphenate && !centred && !last_word;
    rules.options.min_word = style.hyphenate_min_word;
    rules.options.left_min = style.hyphenate_before;
    rules.options.right_min = style.hyphenate_after;
    rules.options.in_capitals_text = in_capitals_text;
    // In the language of the word's first piece: a phrase marked xml:lang="fr" is
    // hyphenated with French patterns.
    rules.language = word.pieces.empty() ? paragraph_language : word.pieces.front().language();
    using model::CapitalsHyphenation;
    rules.names_always = style.hyphenate_capitals == CapitalsHyphenation::yes || nouns_capitalised(rules.language);
    rules.names_last = !rules.names_always && style.hyphenate_capitals == CapitalsHyphenation::last_resort;
    return rules;
}

std::vector<WordCut> find_word_cuts(const shape::Word& word, const WordCutRules& rules, CutTools& tools) {
    // A URL, e-mail address or path breaks with no hyphen (hyph::address_break_points),
    // in any style and at the paragraph's end too: it adds nothing a reader would type.
    const std::vector<hyph::BreakPoint> addresses =
        rules.addresses ? hyph::address_break_points(word.text) : std::vector<hyph::BreakPoint>{};
    const std::vector<hyph::BreakPoint>* points = &addresses;
    if (addresses.empty()) {
        if (!rules.hyphenate) return {};
        points = &hyphenation_points(word, rules, tools);
    }
    const ClusterStarts starts(word);
    std::vector<WordCut> cuts;
    std::size_t free_from = 0;  // no cut may reach back before the end of the last discretionary
    for (const hyph::BreakPoint& bp : *points) {
        const std::size_t at = bp.offset;
        const bool last_resort = rules.names_last && bp.in_name;
        if (at == 0 || at >= word.text.size() || at < free_from) continue;
        const auto inside = std::find_if(word.pieces.begin(), word.pieces.end(), [&](const shape::WordPiece& p) {
            return p.begin < at && at < p.begin + p.run.text.size();
        });
        if (bp.kind != hyph::BreakKind::discretionary || inside == word.pieces.end()) {
            // Between two pieces (shaped apart anyway), after a hyphen in the text, or in
            // an address: the glyphs are cut, nothing is added.
            if (starts.count(at)) cuts.push_back(WordCut{at, at, at, bp.kind, {}, {}, last_resort});
            continue;
        }
        std::optional<WordCut> cut = cut_inside_piece(word, *inside, bp, last_resort, starts, free_from, tools);
        if (!cut) continue;
        if (!cut->plain()) free_from = cut->end;
        cuts.push_back(std::move(*cut));
    }
    return cuts;
}

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

ReshapedSpan reshaped_span(const std::vector<shape::Glyph>& whole, const std::vector<shape::Glyph>& before,
                           const std::vector<shape::Glyph>& after, std::size_t at, std::size_t size) {
    return ReshapedSpan{agreeing_front(whole, before, at), agreeing_back(whole, after, at, size)};
}

shape::GlyphRun sub_run(const shape::GlyphRun& run, std::size_t begin, std::size_t end) {
    shape::GlyphRun out;
    out.font = run.font;
    out.size = run.size;
    out.loc = run.loc;
    out.text = run.text.substr(begin, end - begin);
    out.glyphs.reserve(run.glyphs.size());
    for (const shape::Glyph& g : run.glyphs) {
        if (g.cluster >= begin && g.cluster < end) {
            shape::Glyph copy = g;
            copy.cluster -= static_cast<std::uint32_t>(begin);
            out.glyphs.push_back(copy);
        }
    }
    return out;
}

}  // namespace quire::galley
