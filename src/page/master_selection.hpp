#pragma once
// Which master a page uses. Takes the page's kind and the layout; returns the master,
// falling back to `body` and then to an empty master (no header, no footer) so that a
// layout need not define every kind.
#include "model/layout.hpp"

namespace quire::page {

enum class PageKind { cover, contents, opener, body };

const char* master_name(PageKind kind);

// Never null: a master the layout lacks falls back to "body", then to an empty master.
const model::Master& select_master(const model::Layout& layout, PageKind kind);

}  // namespace quire::page
