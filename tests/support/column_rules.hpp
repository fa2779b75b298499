#pragma once
// The page-breaking rules checked on a finished PDF as a reader sees it: mutool's
// structured text (`mutool draw -F stext`) gives every line with its font, size and box,
// and each column's lines are judged by their shape alone:
//   - a heading that ends a column is stranded;
//   - a paragraph's first line alone at a column's foot (an orphan) is a full-width line
//     that is indented, or that follows a heading, at the foot;
//   - a paragraph's last line alone at a column's head (a widow) is a short line set
//     flush left at the head;
//   - with a baseline grid given, a heading in mid-column stands two grid lines below
//     the body line before it and one above the body line after it ("heading spacing":
//     no hole above or below, the text after it on the grid).
// Body lines and headings are told apart by font and size (TextRoles); other lines
// (captions, credits, furniture) count only as what ends a column.
#include <string>
#include <vector>

namespace quire::test {

struct TextRoles {
    std::string body_font = "EBGaramond12";   // prefix of the body's font names
    double body_size = 10.5;
    std::string heading_font = "Inter";       // prefix of the headings' font names
    double heading_size = 10.5;
    // Lines whose baseline is this close to the page box's foot are the running footer
    // (folio, disclaimer), not the column's end: the Review's 24 mm bottom margin plus
    // the 3 mm bleed the page box includes.
    double footer_zone = (24.0 + 3.0) / 25.4 * 72.0;
    // The baseline grid's step, to check headings' spacing; 0: not checked.
    double grid = 0.0;
};

struct RuleBreak {
    int page;              // 1-based
    int column;            // 0-based, by the line's left edge
    std::string rule;      // "widow", "orphan", "stranded heading" or "heading spacing"
    std::string line;      // the offending line's text
};

struct ColumnCheck {
    std::vector<RuleBreak> breaks;
    int body_lines = 0;   // how many lines were judged body text (so that "no breaks"
    int columns = 0;      // is not the verdict on a document it could not read)
};

// The Review's roles with its 13 pt grid: headings' spacing checked too.
inline TextRoles review_grid() {
    TextRoles roles;
    roles.grid = 13.0;
    return roles;
}

// Checks the stext XML of a document (several pages).
ColumnCheck column_rule_breaks(const std::string& stext_xml, const TextRoles& roles = {});

// Runs mutool on `pdf` (REQUIREs that it works) and checks its pages.
ColumnCheck column_rule_breaks_of_pdf(const std::string& pdf, const TextRoles& roles = {});

std::string describe(const ColumnCheck& check);

// Where each column's body text ends: page (1-based) -> the last body line's baseline in
// each column that has body text, left to right (from mutool's structured text).
std::vector<std::pair<int, std::vector<double>>> column_ends_of_pdf(const std::string& pdf, const TextRoles& roles = {});

}  // namespace quire::test
