#pragma once
// Page composition, the stage entry point (design §2: page/ lines + floats -> pages).
//
// build_pages takes
//   - the articles as galleys (set lines and figures, galley/galley.hpp), in issue order;
//   - the issue's furniture: metadata for running lines, the contents heading, whether
//     there is a cover, the font table the lines' DrawGlyphs index;
//   - the layout (page setup, masters, paragraph styles for leading);
//   - a LineSetter for text known only now (running lines, folios, contents, credits);
// and returns the whole issue as a render::DisplayList: pages in order
//   [cover] contents... article... [image credits...]
// with absolute drawing, page labels (the printed folio), and outlines (one per
// article with its headings as children, plus the contents and the credits list).
// Problems the editor can act on (an uncredited figure, material that cannot be kept
// together) are reported to the sink as warnings; composition always goes on.
#include "core/diagnostics.hpp"
#include "model/issue.hpp"
#include "model/layout.hpp"
#include "page/cover.hpp"
#include "galley/article_plan.hpp"
#include "galley/galley.hpp"
#include "render/display_list.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quire::page {

struct IssueFurniture {
    model::IssueMeta meta;
    std::string language;                    // BCP 47, for the document info
    bool contents = true;                    // a contents page after any cover
    std::string contents_title = "Contents";
    std::string credits_title = "Image credits";
    std::optional<CoverSpec> cover;          // no cover page when absent
    std::vector<render::FontSource> fonts;   // what DrawGlyphs::font indexes, passed through
};

// The issue's document information (the Info dictionary and XMP): its title and
// number, its editors (else its publisher) as author, the titles of its articles (not
// its notes) as subject, its keywords, language and date.
render::DocumentInfo issue_info(const IssueFurniture& furniture, const std::vector<galley::ArticlePlan>& plans);

// The whole issue as a display list (for the archive, print and proof stages and the
// tests; a plain build streams pages to the PDF writer through compose_issue,
// page/issue_composer.hpp, instead). The galleys are taken (move them in): each
// article's lines are let go as soon as its pages are composed.
render::DisplayList build_pages(std::vector<galley::ArticleGalley> articles, const IssueFurniture& furniture,
                                const model::Layout& layout, const galley::LineSetter& setter, DiagnosticSink& sink);

}  // namespace quire::page
