#include "page/master_selection.hpp"

namespace quire::page {

const char* master_name(PageKind kind) {
    switch (kind) {
    case PageKind::cover: return "cover";
    case PageKind::contents: return "contents";
    case PageKind::opener: return "opener";
    case PageKind::body: return "body";
    }
    return "body";
}

const model::Master& select_master(const model::Layout& layout, PageKind kind) {
    if (const model::Master* m = layout.master(master_name(kind))) return *m;
    // A cover without its own master gets no running lines at all ("nothing on the
    // cover"), not the body master's.
    static const model::Master empty{};
    if (kind == PageKind::cover) return empty;
    if (const model::Master* m = layout.master("body")) return *m;
    return empty;
}

}  // namespace quire::page
