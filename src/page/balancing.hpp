#pragma once
// Balancing an article's last page: the columns end at the same grid line (the left
// one taking the odd line), by refilling the page's text under a common foot that is
// lowered as far as the text still fits. The same legal breaks apply, so widows,
// orphans and stranded headings stay forbidden; the grid is never squeezed.
#include "page/page_state.hpp"

namespace quire::page {

// Refills page.columns from page.first_unit to the end of the flow. Leaves the page
// as it was if no lower foot holds all of it.
void balance_columns(const Flow& flow, PageState& page);

}  // namespace quire::page
