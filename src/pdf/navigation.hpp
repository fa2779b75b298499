#pragma once
// Ways to move through the PDF: the outline (bookmarks), link annotations and page
// labels. All are plain dictionaries written by us: PoDoFo's PdfAnnotation stamps
// the clock time into /M, and its outline and page classes hold pointers that
// CreatePage invalidates (design §5).
#include "core/diagnostics.hpp"
#include "pdf/content_stream.hpp"
#include "render/display_list.hpp"

#include <podofo/podofo.h>

#include <string>
#include <vector>

namespace quire::pdf {

// Page objects and their geometry, by display list page index.
struct PageTargets {
    std::vector<PoDoFo::PdfReference> refs;
    std::vector<PageGeometry> geometry;
};

// The /Outlines dictionary for `outlines`, or a null reference when there are none.
// Entries pointing past the last page are dropped with a warning.
PoDoFo::PdfReference write_outlines(PoDoFo::PdfVecObjects& objects, const std::vector<render::Outline>& outlines,
                                    const PageTargets& pages, DiagnosticSink& diagnostics);

// A /Link annotation for `link` on a page of `geometry`: /URI for external links,
// /GoTo with an /XYZ destination for internal ones. Null when the link goes nowhere.
PoDoFo::PdfReference write_link(PoDoFo::PdfVecObjects& objects, const render::LinkArea& link,
                                const PageGeometry& geometry, const PageTargets& pages, DiagnosticSink& diagnostics);

// The /PageLabels number tree: arabic numbering where labels are numbers and count
// up, otherwise the label itself as a prefix (ISO 32000-1 §12.4.2).
// `labels` are the pages' printed numbers, by page index.
PoDoFo::PdfDictionary page_labels(const std::vector<std::string>& labels);

}  // namespace quire::pdf
