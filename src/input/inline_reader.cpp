#include "input/inline_reader.hpp"
#include "input/schema.hpp"
#include "input/suggest.hpp"

#include "model/article.hpp"

#include <cstring>

namespace quire::input {
namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// An element's own `dir` (the schema allows only "ltr" and "rtl").
model::Direction own_direction(const xmlNode* element) {
    const std::optional<std::string> dir = attribute(element, "dir");
    if (!dir) return model::Direction::unset;
    return *dir == "rtl" ? model::Direction::rtl : model::Direction::ltr;
}

class InlineReader {
public:
    InlineReader(const XmlFile& file, const model::Layout* layout, DiagnosticSink& sink, NoteCollector* notes)
        : file_(file), layout_(layout), sink_(sink), notes_(notes) {}

    model::InlineText read(const xmlNode* element) {
        // A block in another language than its article's (<p xml:lang>, or inside a
        // <quote xml:lang>): its runs carry it.
        for (const xmlNode* n = element; n != nullptr && n->type == XML_ELEMENT_NODE && !is_element(n, "article"); n = n->parent) {
            if (auto lang = own_language(n)) {
                language_ = *lang;
                break;
            }
        }
        // Its direction, from the block or around it, the article included.
        for (const xmlNode* n = element; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
            block_direction_ = own_direction(n);
            if (block_direction_ != model::Direction::unset || is_element(n, "article")) break;
        }
        walk(element);
        // No blank at the end of the block.
        while (!runs_.empty()) {
            std::string& last = runs_.back().text;
            if (!last.empty() && last.back() == ' ') last.pop_back();
            if (!last.empty()) break;
            runs_.pop_back();
        }
        return std::move(runs_);
    }

private:
    void walk(const xmlNode* element) {
        for (const xmlNode* child = element->children; child; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                add_text(reinterpret_cast<const char*>(child->content), file_.loc(child));
            } else if (is_element(child, "br")) {
                add_break(file_.loc(child));
            } else if (is_element(child, "list")) {
                continue;  // a list inside a list item: a block of its own, read by the article reader
            } else if (is_element(child, "note")) {
                add_note(child);
            } else if (child->type == XML_ELEMENT_NODE) {
                enter(child);
            }
        }
    }

    void enter(const xmlNode* element) {
        const char* name = reinterpret_cast<const char*>(element->name);
        std::string pushed_style;
        std::string saved_href = href_;
        const std::string saved_language = language_;
        if (auto lang = own_language(element)) language_ = *lang;
        const model::Direction saved_direction = direction_;
        if (own_direction(element) != model::Direction::unset) direction_ = own_direction(element);
        const bool saved_as_typed = as_typed_;
        if (std::strcmp(name, "em") == 0) {
            pushed_style = model::default_character_style::emphasis;
        } else if (std::strcmp(name, "strong") == 0) {
            pushed_style = model::default_character_style::strong;
        } else if (std::strcmp(name, "span") == 0) {
            pushed_style = attribute(element, "style").value_or("");
            // A span may only mark a language (xml:lang) or a direction (dir), in no style of its own.
            if (!attribute(element, "style") && !own_language(element) && !attribute(element, "dir")) {
                sink_.error(file_.loc(element), "<span> needs the attribute 'style' (a character style), "
                                                "'xml:lang' (the language of its text) or 'dir' (its direction)");
            } else if (attribute(element, "style")) {
                check_character_style(pushed_style, file_.attr_loc(element, "style"));
            }
        } else if (std::strcmp(name, "a") == 0) {
            href_ = attribute(element, "href").value_or("");
            pushed_style = model::default_character_style::link;
        } else if (std::strcmp(name, "abbr") == 0) {
            pushed_style = model::default_character_style::acronym;
        } else if (std::strcmp(name, "literal") == 0) {
            as_typed_ = true;  // plain text in the surrounding style, kept from typographer's punctuation
        }
        if (!pushed_style.empty()) styles_.push_back(pushed_style);
        walk(element);
        if (!pushed_style.empty()) styles_.pop_back();
        href_ = saved_href;
        language_ = saved_language;
        direction_ = saved_direction;
        as_typed_ = saved_as_typed;
    }

    // The note's text is read on its own; here stands its reference mark, its number
    // in the character style "note-reference".
    void add_note(const xmlNode* element) {
        const SourceLoc loc = file_.loc(element);
        if (notes_ == nullptr) {
            sink_.error(loc, "a <note> belongs in the running text (paragraphs, quotations, lists, the bio), not here");
            return;
        }
        model::Note note;
        note.number = static_cast<int>(notes_->notes.size()) + 1;
        note.loc = loc;
        if (auto place = attribute(element, "place")) note.place = *place == "end" ? model::NotePlace::end : model::NotePlace::foot;
        // Reserve the number before reading the note's text: a note inside a note is refused there.
        notes_->notes.push_back(note);
        model::InlineText text = InlineReader(file_, layout_, sink_, nullptr).read(element);
        notes_->notes[static_cast<std::size_t>(note.number - 1)].text = std::move(text);
        // The mark follows the word before it with no space: "...so.¹ Then".
        pending_space_ = false;
        styles_.push_back(model::default_character_style::note_reference);
        model::InlineRun& run = current_run(loc);
        if (run.note != 0 || !run.text.empty()) runs_.push_back(new_run(loc));
        runs_.back().text = std::to_string(note.number);
        runs_.back().note = note.number;
        styles_.pop_back();
    }

    void check_character_style(const std::string& name, const SourceLoc& loc) {
        // A missing or malformed name is the schema's to report (the article may be invalid).
        if (layout_ && is_style_name(name) && !layout_->character_style(name)) {
            std::vector<std::string> names;
            for (const model::CharacterStyle& style : layout_->character_styles) names.push_back(style.name);
            sink_.error(loc, "unknown character style '" + name + "' (the layout " + layout_->path +
                                 " defines no such <character-style>)" + did_you_mean(name, names, "it defines", 0));
        }
    }

    model::InlineRun& current_run(const SourceLoc& loc) {
        if (runs_.empty() || runs_.back().character_styles != styles_ || runs_.back().href != href_ ||
            runs_.back().as_typed != as_typed_ || runs_.back().language != language_ ||
            runs_.back().direction != direction_) {
            runs_.push_back(new_run(loc));
        }
        return runs_.back();
    }

    model::InlineRun new_run(const SourceLoc& loc) const {
        return model::InlineRun{"", styles_, href_, loc, as_typed_, 0, language_, direction_, block_direction_};
    }

    void add_text(const char* raw, const SourceLoc& loc) {
        for (const char* p = raw; p && *p; ++p) {
            if (is_xml_space(*p)) {
                if (!at_line_start()) pending_space_ = true;
                continue;
            }
            model::InlineRun& run = current_run(loc);
            if (pending_space_) {
                // The space goes with the text before it, so a space after an italic
                // word is set in roman when the next word is roman (as in TeX).
                if (!runs_.empty() && &run == &runs_.back() && !run.text.empty()) {
                    run.text += ' ';
                } else if (runs_.size() >= 2 && runs_[runs_.size() - 2].note == 0) {
                    runs_[runs_.size() - 2].text += ' ';
                } else {
                    run.text += ' ';
                }
                pending_space_ = false;
            }
            runs_.back().text += *p;
        }
    }

    void add_break(const SourceLoc& loc) {
        pending_space_ = false;
        if (!runs_.empty() && !runs_.back().text.empty() && runs_.back().text.back() == ' ') runs_.back().text.pop_back();
        current_run(loc).text += '\n';
    }

    bool at_line_start() const {
        for (auto it = runs_.rbegin(); it != runs_.rend(); ++it) {
            if (!it->text.empty()) return it->text.back() == '\n';
        }
        return true;
    }

    const XmlFile& file_;
    const model::Layout* layout_;
    DiagnosticSink& sink_;
    NoteCollector* notes_;
    model::InlineText runs_;
    std::vector<std::string> styles_;
    std::string href_;
    std::string language_;  // from the nearest xml:lang inside the block; empty: the block's
    model::Direction direction_ = model::Direction::unset;        // the nearest dir inside the block
    model::Direction block_direction_ = model::Direction::unset;  // the block's (or around it)
    bool as_typed_ = false;
    bool pending_space_ = false;
};

}  // namespace

model::InlineText read_inline(const XmlFile& file, const xmlNode* element, const model::Layout* layout,
                              DiagnosticSink& sink, NoteCollector* notes) {
    return InlineReader(file, layout, sink, notes).read(element);
}

}  // namespace quire::input
