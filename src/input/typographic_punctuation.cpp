#include "input/typographic_punctuation.hpp"

#include "core/utf8.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <vector>

namespace quire::input {
namespace {

constexpr char32_t narrow_no_break_space = U'\u202F';

struct QuoteMarks {
    char32_t open_double, close_double, open_single, close_single;
};

struct Conventions {
    QuoteMarks quotes;
    bool french_spacing = false;  // U+202F inside « » and before ; : ! ?
};

std::vector<std::string> subtags_of(std::string_view language) {
    std::vector<std::string> out(1);
    for (char c : language) {
        if (c == '-' || c == '_') out.emplace_back();
        else out.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// The table in the header, by primary language subtag and, where quotes differ, region.
Conventions conventions_for(std::string_view language) {
    const std::vector<std::string> tags = subtags_of(language);
    const std::string& primary = tags.front();
    const bool in_switzerland = std::find(tags.begin(), tags.end(), "ch") != tags.end();
    const bool in_brazil = std::find(tags.begin(), tags.end(), "br") != tags.end();
    if (primary == "fr") return {{U'«', U'»', U'“', U'”'}, true};
    if (primary == "de" && in_switzerland) return {{U'«', U'»', U'‹', U'›'}};
    if (primary == "de") return {{U'„', U'“', U'‚', U'‘'}};
    if (primary == "pt" && in_brazil) return {{U'“', U'”', U'‘', U'’'}};
    if (primary == "es" || primary == "it" || primary == "pt") return {{U'«', U'»', U'“', U'”'}};
    if (primary == "pl") return {{U'„', U'”', U'«', U'»'}};
    if (primary == "ru") return {{U'«', U'»', U'„', U'“'}};
    return {{U'“', U'”', U'‘', U'’'}};  // English, Dutch, and the default
}

bool is_alnum(char32_t c) { return c != 0 && u_isalnum(static_cast<UChar32>(c)); }
bool is_space(char32_t c) { return c != 0 && u_isUWhiteSpace(static_cast<UChar32>(c)); }
// Spaces a writer types where French wants a narrow no-break space: replaced, not doubled.
bool is_replaceable_space(char32_t c) {
    return c == U' ' || c == U'\u00A0' || c == U'\u2009' || c == narrow_no_break_space;
}

// One character of the paragraph, with the run it belongs to.
struct Char {
    char32_t value;
    std::size_t run;
    bool convertible;  // false in <literal> and in URLs and e-mail addresses
};

std::vector<Char> flatten(const model::InlineText& text) {
    std::vector<Char> chars;
    for (std::size_t run = 0; run < text.size(); ++run) {
        for (const CodePoint& cp : decode_utf8(text[run].text)) chars.push_back({cp.value, run, !text[run].as_typed});
    }
    return chars;
}

bool matches(const std::vector<Char>& chars, std::size_t at, std::size_t end, std::u32string_view what) {
    if (end - at < what.size()) return false;
    for (std::size_t k = 0; k < what.size(); ++k) {
        if (chars[at + k].value != what[k]) return false;
    }
    return true;
}

bool is_scheme_char(char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == '+' || c == '.' || c == '-'); }
bool is_mailbox_char(char32_t c) {
    return c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
}

// Where a URL or e-mail address begins in the word [begin, end), if it holds one:
// "scheme://", "www." at a word's start, or "name@domain.tld".
std::optional<std::size_t> address_start(const std::vector<Char>& chars, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
        if (matches(chars, i, end, U"://")) {
            while (i > begin && is_scheme_char(chars[i - 1].value)) --i;
            return i;
        }
        if (matches(chars, i, end, U"www.") && (i == begin || !is_alnum(chars[i - 1].value))) return i;
    }
    for (std::size_t i = begin + 1; i < end; ++i) {
        if (chars[i].value != U'@' || !is_mailbox_char(chars[i - 1].value)) continue;
        const bool has_domain = std::any_of(chars.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                            chars.begin() + static_cast<std::ptrdiff_t>(end),
                                            [](const Char& c) { return c.value == U'.'; });
        if (!has_domain) continue;
        while (i > begin && is_mailbox_char(chars[i - 1].value)) --i;
        return i;
    }
    return std::nullopt;
}

// Punctuation after an address belongs to the sentence: `"see http://x.org".` keeps
// its quotes and full stop convertible.
bool is_trailing_punctuation(char32_t c) {
    return std::u32string_view(U"\"'.,;:!?)]}”’»›").find(c) != std::u32string_view::npos;
}

// Marks the URLs and e-mail addresses in the text as not convertible: a reader types
// them as printed, so `http://x--y.org` must keep its two hyphens.
void protect_addresses(std::vector<Char>& chars) {
    std::size_t begin = 0;
    while (begin < chars.size()) {
        if (is_space(chars[begin].value)) { ++begin; continue; }
        std::size_t end = begin;
        while (end < chars.size() && !is_space(chars[end].value)) ++end;
        if (std::optional<std::size_t> start = address_start(chars, begin, end)) {
            std::size_t stop = end;
            while (stop > *start && is_trailing_punctuation(chars[stop - 1].value)) --stop;
            for (std::size_t i = *start; i < stop; ++i) chars[i].convertible = false;
        }
        begin = end;
    }
}

// Walks the paragraph once, writing each character or its typographic replacement.
// Decisions look back at what has been written (across runs, so the quote after
// `<em>Hammersmith</em>` sees the 'h') and ahead at what was typed.
class Punctuator {
public:
    // `conventions`: each run's, by its language (a French phrase in an English
    // paragraph gets guillemets).
    Punctuator(std::vector<Char> chars, std::vector<Conventions> conventions)
        : in_(std::move(chars)), conventions_(std::move(conventions)) {}

    std::vector<Char> run() {
        for (std::size_t i = 0; i < in_.size();) i = step(i);
        return std::move(out_);
    }

private:
    // Handles the character at `i`; returns the index of the next one to handle.
    std::size_t step(std::size_t i) {
        const Char& c = in_[i];
        if (!c.convertible) return keep(i);
        marks_ = conventions_[c.run].quotes;
        french_ = conventions_[c.run].french_spacing;
        switch (c.value) {
            case U'"': return double_quote(i);
            case U'\'': return single_quote(i);
            case U'-': return repeated(i, {0, U'–', U'—'});
            case U'.': return repeated(i, {0, 0, U'…'});
            case U';': case U':': case U'!': case U'?': return french_ ? french_mark(i) : keep(i);
            case U'«': return french_ ? opening_guillemet(i, c.value) : keep(i);
            case U'»': return french_ ? closing_guillemet(i, c.value) : keep(i);
            default: return keep(i);
        }
    }

    std::size_t keep(std::size_t i) {
        emit(in_[i]);
        return i + 1;
    }

    void emit(const Char& c) { out_.push_back(c); }
    void emit(char32_t value, std::size_t from) { out_.push_back({value, in_[from].run, true}); }
    char32_t last() const { return out_.empty() ? 0 : out_.back().value; }
    char32_t next(std::size_t i) const { return i + 1 < in_.size() ? in_[i + 1].value : 0; }

    // A quote here opens: at the start of the text, after a space, an opening
    // bracket, a dash or an opening quote.
    bool opening_context() const {
        const char32_t c = last();
        if (c == 0 || is_space(c)) return true;
        if (std::u32string_view(U"([{-\u2010\u2011\u2012\u2013\u2014\u2015„‚").find(c) != std::u32string_view::npos) return true;
        if (c == marks_.open_double || c == marks_.open_single) return true;
        const bool others_open = std::u32string_view(U"“‘«‹").find(c) != std::u32string_view::npos;
        return others_open && c != marks_.close_double && c != marks_.close_single;
    }

    // A quote between spaces (`he said " no "`) closes the one left open, as French
    // writers type `" oui "`.
    bool opens(std::size_t i, int open_count) const {
        if (!opening_context()) return false;
        const bool stands_alone = next(i) == 0 || is_space(next(i));
        return !(stands_alone && open_count > 0);
    }

    std::size_t double_quote(std::size_t i) {
        if (opens(i, open_doubles_)) {
            ++open_doubles_;
            return open_quote(i, marks_.open_double);
        }
        open_doubles_ = std::max(0, open_doubles_ - 1);
        return close_quote(i, marks_.close_double);
    }

    // An apostrophe inside a word (don't, l'homme), before a year ('90s) or after a word
    // with no single quote open (the students'); otherwise a single quote.
    std::size_t single_quote(std::size_t i) {
        constexpr char32_t apostrophe = U'’';
        const char32_t after = next(i);
        const bool inside_word = is_alnum(last()) && is_alnum(after);
        const bool before_year = opening_context() && after != 0 && u_isdigit(static_cast<UChar32>(after));
        if (inside_word || before_year) return replace(i, apostrophe);
        if (opens(i, open_singles_)) {
            ++open_singles_;
            return open_quote(i, marks_.open_single);
        }
        if (open_singles_ == 0) return replace(i, apostrophe);
        --open_singles_;
        return close_quote(i, marks_.close_single);
    }

    std::size_t replace(std::size_t i, char32_t mark) {
        emit(mark, i);
        return i + 1;
    }

    std::size_t open_quote(std::size_t i, char32_t mark) {
        return french_ && mark == U'«' ? opening_guillemet(i, mark) : replace(i, mark);
    }

    std::size_t close_quote(std::size_t i, char32_t mark) {
        return french_ && mark == U'»' ? closing_guillemet(i, mark) : replace(i, mark);
    }

    // « then a narrow no-break space, which takes the place of a space typed after it.
    std::size_t opening_guillemet(std::size_t i, char32_t mark) {
        emit(mark, i);
        emit(narrow_no_break_space, i);
        const bool typed_space = i + 1 < in_.size() && in_[i + 1].convertible && is_replaceable_space(in_[i + 1].value);
        return typed_space ? i + 2 : i + 1;
    }

    std::size_t closing_guillemet(std::size_t i, char32_t mark) {
        space_before(i);
        emit(mark, i);
        return i + 1;
    }

    // ; : ! ? in French: a narrow no-break space before them, unless they are not
    // punctuation of the sentence (10:30, a URL's "?q=") or follow another mark (?!).
    std::size_t french_mark(std::size_t i) {
        const bool in_sentence = !is_alnum(next(i));
        const bool after_mark = std::u32string_view(U";:!?([«").find(last()) != std::u32string_view::npos;
        if (in_sentence && !after_mark) space_before(i);
        return keep(i);
    }

    // A narrow no-break space before the character at `i`: it replaces a space the
    // writer typed there (never one kept as typed), in that space's run, and is not
    // added at a line's start.
    void space_before(std::size_t i) {
        std::size_t run = in_[i].run;
        if (!out_.empty() && out_.back().convertible && is_replaceable_space(out_.back().value)) {
            run = out_.back().run;
            out_.pop_back();
        } else if (last() == 0 || is_space(last())) {
            return;
        }
        out_.push_back({narrow_no_break_space, run, true});
    }

    // Two or three of the same character in one run become `replacements[1]` or
    // `[2]` (0: as typed); longer runs stay as typed.
    std::size_t repeated(std::size_t i, std::array<char32_t, 3> replacements) {
        std::size_t end = i;
        while (end < in_.size() && in_[end].value == in_[i].value && in_[end].run == in_[i].run &&
               in_[end].convertible) {
            ++end;
        }
        const std::size_t count = end - i;
        if (count <= 3 && replacements[count - 1] != 0) {
            emit(replacements[count - 1], i);
        } else {
            for (std::size_t k = i; k < end; ++k) emit(in_[k]);
        }
        return end;
    }

    std::vector<Char> in_;
    std::vector<Char> out_;
    std::vector<Conventions> conventions_;  // by run
    QuoteMarks marks_{};                    // the current character's run's
    bool french_ = false;
    int open_doubles_ = 0;
    int open_singles_ = 0;
};

}  // namespace

model::InlineText typographic_punctuation(model::InlineText text, std::string_view language) {
    std::vector<Char> chars = flatten(text);
    protect_addresses(chars);
    std::vector<Conventions> conventions;
    for (const model::InlineRun& run : text) conventions.push_back(conventions_for(run.language.empty() ? language : run.language));
    const std::vector<Char> out = Punctuator(std::move(chars), std::move(conventions)).run();
    for (model::InlineRun& run : text) run.text.clear();
    for (const Char& c : out) append_utf8(text[c.run].text, c.value);
    return text;
}

std::string typographic_punctuation(std::string_view text, std::string_view language) {
    model::InlineText runs{model::InlineRun{std::string(text), {}, "", {}}};
    return typographic_punctuation(std::move(runs), language).front().text;
}

}  // namespace quire::input
