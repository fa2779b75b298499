#pragma once
// An article as written: its furniture (title, standfirst, ...) and its body blocks.
// Style names are as written; the layout decides what they look like.
#include "core/source_loc.hpp"
#include "model/inline_text.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace quire::model {

// Every text element is set in a paragraph style: the one it names, or the default
// for its kind (the `default_style` constants below).
struct TextBlock {
    std::string style;
    InlineText text;
    SourceLoc loc;
};

struct Paragraph : TextBlock {};
struct Heading : TextBlock {
    int level = 2;  // h2, h3
};
struct PullQuote : TextBlock {
    bool across = false;     // span="page": across the columns, at a page top
};

enum class FigurePlacement { here, top, bottom };
enum class FigureSpan { column, page };

struct Figure {
    std::string image;       // path to open, already resolved and checked
    FigurePlacement placement = FigurePlacement::top;
    FigureSpan span = FigureSpan::column;
    std::string alt;         // alternative text for the archive copy
    std::optional<TextBlock> caption;
    TextBlock credit;        // every image is credited: the schema requires it
    SourceLoc loc;
};

// A block quotation: its paragraphs, set narrower than the column, and who said it.
struct Quote {
    std::vector<Paragraph> paragraphs;
    std::optional<TextBlock> attribution;
    SourceLoc loc;
};

enum class ListKind { bullet, number };

struct List;

// A list item: its paragraphs (the first carries the bullet or number), then at most
// one list of the next level.
struct ListItem {
    std::vector<Paragraph> paragraphs;
    std::vector<List> sublists;
    SourceLoc loc;
};

struct List {
    ListKind kind = ListKind::bullet;
    int start = 1;   // the first item's number
    int level = 1;   // 1, or 2 for a list inside an item
    std::vector<ListItem> items;
    SourceLoc loc;
};

enum class NotePlace { foot, end };

// A note (<note>), numbered in the article's reading order from 1; its reference mark
// is the run of the text with InlineRun::note == number.
struct Note {
    int number = 0;
    InlineText text;
    std::optional<NotePlace> place;  // the note's own choice; else the layout's
    SourceLoc loc;
};

// A table's column: a share of the width left after percentages ("2*": share 2), or a
// percentage of the table's width.
struct TableColumn {
    double amount = 1;
    bool percent = false;
};

struct TableRow {
    bool header = false;
    std::vector<std::vector<Paragraph>> cells;  // each cell's paragraphs
    SourceLoc loc;
};

struct Table {
    std::optional<TextBlock> caption;
    std::vector<TableColumn> columns;  // one per cell of a row (all 1* when none are given)
    std::vector<TableRow> rows;        // header rows first
    std::optional<TextBlock> source;
    SourceLoc loc;
};

using Block = std::variant<Paragraph, Heading, PullQuote, Figure, Quote, List, Table>;

enum class ArticleKind { feature, note };

struct Article {
    std::string path;        // the article file, as opened
    std::string id;          // stable identifier (from the file name unless given)
    std::string language;    // BCP 47, e.g. "en-GB"; the if the article has none
    std::string section;     // e.g. "Asia-Pacific"; may be empty
    std::string keywords;    // the article's own, "; "-separated, for its archive copy; may be empty
    std::string short_title; // for running heads; empty: the title
    ArticleKind kind = ArticleKind::feature;
    // Set on the contents page, after the list, instead of on pages of its own (the
    // manifest's <article page="contents">: the Review's welcome note). Notes only.
    bool on_contents_page = false;
    TextBlock title;
    std::optional<TextBlock> subtitle;
    std::vector<TextBlock> bylines;
    std::optional<TextBlock> standfirst;
    std::vector<Block> body;
    std::vector<Paragraph> bio;           // about the author(s), after the text; may be empty
    std::vector<Note> notes;              // in number order
    std::optional<TextBlock> disclaimer;  // the article's own; else the default applies
    SourceLoc loc;
};

// The paragraph style each element is set in unless it names another.
namespace default_style {
inline constexpr const char* title = "title";
inline constexpr const char* subtitle = "subtitle";
inline constexpr const char* byline = "byline";
inline constexpr const char* standfirst = "standfirst";
inline constexpr const char* paragraph = "body";
inline constexpr const char* heading2 = "heading";
inline constexpr const char* heading3 = "subheading";
inline constexpr const char* pullquote = "pullquote";
inline constexpr const char* caption = "caption";
inline constexpr const char* credit = "credit";
inline constexpr const char* disclaimer = "disclaimer";
inline constexpr const char* quote = "quote";
inline constexpr const char* quote_attribution = "quote-attribution";
inline constexpr const char* list_item = "list-item";      // a list's items; "-2" at the second level
inline constexpr const char* bio = "bio";
inline constexpr const char* note = "note";
inline constexpr const char* table_caption = "table-caption";
inline constexpr const char* table_header = "table-header";
inline constexpr const char* table_cell = "table-cell";
inline constexpr const char* table_source = "table-source";
}  // namespace default_style

// The character style each inline element is set in.
namespace default_character_style {
inline constexpr const char* emphasis = "em";
inline constexpr const char* strong = "strong";
inline constexpr const char* link = "link";
inline constexpr const char* note_reference = "note-reference";
inline constexpr const char* acronym = "acronym";
}  // namespace default_character_style

}  // namespace quire::model
