#pragma once
// The contents page: a heading in `contents-title`, then one entry per article, its
// title (and byline) set in `contents-entry` at the text width less a column for the
// page number, which is set on its own and right-aligned, with a link over the entry
// to the article's first page. Takes the entries (pages already known) and returns the
// contents pages (more than one if the list is long).
#include "page/composed_page.hpp"
#include "page/credits_list.hpp"
#include "galley/galley.hpp"
#include "style/style_sheet.hpp"

#include <string>
#include <vector>

namespace quire::page {

// What the contents page carries besides the entries: a nameplate line over the
// heading (the name and number), and, at the foot of its last page, the
// masthead (publisher, editors, contact) and the image credits with their pages, as
// magazines print them beside the contents.
struct ContentsExtras {
    std::string nameplate;                 // empty: none
    std::vector<std::string> masthead;     // one line each
    std::string credits_title;
    std::vector<CreditEntry> credits;      // in page order
    // Notes set after the list (the welcome): their title in `contents-note-title`
    // (else `heading`), then their set text as the galley has it. Each note's title is
    // recorded in the page's headings, for its outline entry.
    struct Note {
        int index;                         // the galley's index in the issue
        const galley::ArticleGalley* galley;
    };
    std::vector<Note> notes;
    // Where the contents' own text goes in the document's structure: under node
    // `parent` of `structure`. Null: untagged (the passes that only measure).
    render::StructureTree* structure = nullptr;
    int parent = -1;
};

struct ContentsEntry {
    std::string title, byline;
    std::string folio;          // the printed number of the article's first page
    int target_page = 0;        // 0-based page index
    Length target_y;            // top of the title on that page
};

std::vector<ComposedPage> compose_contents(const std::string& heading, const std::vector<ContentsEntry>& entries,
                                           int first_page_index, const StartPage& start_page,
                                           const galley::LineSetter& setter, const style::StyleSheet& styles,
                                           const ContentsExtras& extras = {});

}  // namespace quire::page
