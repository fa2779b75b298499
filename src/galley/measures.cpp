#include "galley/measures.hpp"

namespace quire::galley {

Measures measures_of(const model::Layout& layout) {
    const model::PageSetup& page = layout.page;
    int columns = page.columns;
    if (const model::Master* body = layout.master("body"); body && body->columns) columns = *body->columns;
    Measures m;
    m.text_area = page.width - page.margin_inside - page.margin_outside;
    m.column = (m.text_area - page.gutter * (columns - 1)) / columns;
    m.grid = page.baseline_grid;
    m.opener_in_column = layout.flow.article_start == model::ArticleStart::column;
    m.notes_at_end = layout.notes.at_end;
    m.notes_title = layout.notes.title;
    m.footnote_rule_thickness = layout.notes.rule_thickness;
    m.footnote_rule_length = layout.notes.rule_length;
    return m;
}

}  // namespace quire::galley
