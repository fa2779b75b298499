#pragma once
// Pages as absolute drawing operations: the hand-over from page composition to the
// PDF writer (design §2). Coordinates are scaled points from the top-left corner of
// the trimmed page, y growing downwards; pdf/ turns them into PDF user space.
#include "core/length.hpp"
#include "core/source_loc.hpp"
#include "render/structure.hpp"
#include "shape/glyph_run.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace quire::render {

struct Color {
    // registration: every separation at once (printer's marks only; c[0] is the tint),
    // written as a /Separation /All colour space.
    enum class Space { gray, rgb, cmyk, registration };
    Space space = Space::gray;
    double c[4] = {0, 0, 0, 0};  // components in 0..1 (gray: c[0]; rgb: c[0..2]; cmyk: c[0..3])

    static Color black() { return Color{}; }
    static Color rgb(double r, double g, double b) { return Color{Space::rgb, {r, g, b, 0}}; }
};

// A font file the document uses; DrawGlyphs::font indexes DisplayList::fonts.
struct FontSource {
    std::string path;     // OpenType/TrueType file
    unsigned face_index = 0;
};

// Glyphs set on one baseline starting at (x, y). Each glyph's origin is the previous
// origin plus the previous glyph's advance; offsets move the glyph off its origin.
struct DrawGlyphs {
    Length x, y;
    std::uint32_t font = 0;                  // index into DisplayList::fonts
    Length size;
    std::vector<shape::Glyph> glyphs;
    std::string text;                        // the text the clusters index
    Color color;
    // Glyph scaling (justification), in thousandths: 1000 draws the font as it is,
    // 1020 two per cent wider. The glyphs' advances and offsets are already the
    // scaled ones, as they stand on the page; the writer draws the outlines scaled
    // (the PDF's horizontal scaling, Tz), so the text still extracts.
    int horizontal_scale = 1000;
    int node = -1;                           // what the glyphs are (structure.hpp); -1: furniture
    SourceLoc loc;                           // the first word's place in the user's files (preflight
                                             // warnings); empty for running lines and the like
};

struct DrawImage {
    std::string path;                        // JPEG or PNG
    Length x, y, width, height;              // the box the image fills; (x, y) is its top-left
    int node = -1;                           // the figure it is (structure.hpp); -1: decoration
};

struct DrawRule {
    Length x1, y1, x2, y2;
    Length thickness;
    Color color;
    int node = -1;                           // structure.hpp; rules are furniture (-1) as a rule
};

// A clickable area: an external URI or a place in the document.
struct LinkArea {
    Length x, y, width, height;              // (x, y) is the top-left corner
    std::string uri;                         // external link when not empty
    int target_page = -1;                    // internal link: 0-based page index
    Length target_y;                         // internal link: where on that page
    int node = -1;                           // the link's node (structure.hpp)
};

// A set line's box and how it was judged, for proofs (--proof, proof/): it draws
// nothing, and the proof stage takes it off the page before the PDF writer sees it.
struct LineMark {
    Length x, y, width, height;              // the line's box; (x, y) its top-left
    int line = 0, count = 1;                 // line `line` of `count` in its paragraph
    int widow_lines = 0, orphan_lines = 0;   // the paragraph's limits
    bool splittable = false;                 // running text, which a column may break
    bool overfull = false, loose = false;
    int node = -1;                           // never content
};

using DrawOp = std::variant<DrawGlyphs, DrawImage, DrawRule, LinkArea, LineMark>;

// The structure node an op is content of; -1: furniture.
inline int& node_of(DrawOp& op) { return std::visit([](auto& o) -> int& { return o.node; }, op); }
inline int node_of(const DrawOp& op) { return std::visit([](const auto& o) { return o.node; }, op); }

// Ops [begin, end) of a page drawn for one article, where a page carries more than one
// article's drawing or issue matter beside an article (the welcome note under the
// contents list; an article starting in a free column of the previous one's last page).
struct OpSpan {
    int article = -1;                        // the article (0-based)
    std::size_t begin = 0, end = 0;
};

struct Page {
    Length width, height;                    // trimmed size
    Length bleed;                            // drawn area beyond the trim on every side
    Length slug;                             // print output: room for printer's marks beyond
                                             // the bleed on every side (0: none)
    std::string label;                       // printed page number ("1", "iv", "")
    int article = -1;                        // the article (0-based) the page belongs to; -1: none
    std::vector<int> notes;                  // other articles set on this page (the welcome on the
                                             // contents page; an article starting in a free column of
                                             // the previous one's last page), for their archive copies
    std::vector<DrawOp> ops;
    std::size_t running_ops = 0;             // how many of ops, from the first, are the page's own
                                             // furniture (running lines, folio; proof guides)
    std::vector<OpSpan> parts;               // on a page shared with other material: which ops are
                                             // whose (ops in no part beyond running_ops are the
                                             // issue's: the contents list, the masthead); empty: the
                                             // page is all `article`'s
};

// A bookmark in the PDF's outline.
struct Outline {
    std::string title;
    int page = 0;                            // 0-based page index
    Length y;                                // top of the destination, from the page top
    std::vector<Outline> children;
    int article = -1;                        // the article the entry is (0-based); -1: the issue's
                                             // own (contents, credits)
};

struct DocumentInfo {
    std::string title, author, subject, keywords;
    std::string language;                    // BCP 47, e.g. "en-GB"
    std::string date;                        // ISO 8601 date or date-time of the issue
    std::string producer;                    // "quire 0.1.0"
    std::string publisher;                   // XMP dc:publisher; may be empty
    std::string source;                      // XMP dc:source: e.g. the issue and pages an article comes from
};

struct DisplayList {
    std::vector<FontSource> fonts;
    std::vector<Page> pages;
    std::vector<Outline> outlines;
    DocumentInfo info;
    // What the ops' nodes are, in reading order (empty: an untagged document).
    StructureTree structure;
};

}  // namespace quire::render
