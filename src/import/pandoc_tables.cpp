// Pandoc's tables (pandoc-api 1.22: caption, column specs, head, bodies, foot) -> the
// article's <table> (spec 16): a caption, column widths, rows of cells.
#include "import/pandoc_converter.hpp"

#include <cmath>

namespace quire::import {

namespace {

// Widths as per cents of the text width, when pandoc knows every column's; a table
// with some widths unknown gets none, and the layout shares the width out.
std::vector<std::string> column_widths(const json& specs) {
    std::vector<std::string> out;
    for (const json& spec : specs) {
        const json& width = spec.at(1);
        if (width.at("t") != "ColWidth") return {};
        out.push_back(std::to_string(static_cast<int>(std::lround(width.at("c").get<double>() * 100))) + "%");
    }
    return out;
}

}  // namespace

Table PandocConverter::table(const json& c) {
    Table out;
    // Caption: [short caption, blocks]; the format's caption is inline.
    for (Inlines& p : paragraphs(c.at(1).at(1), "a table caption")) {
        if (!out.caption.empty()) append_text(out.caption, " ");
        for (Inline& piece : p) out.caption.push_back(std::move(piece));
    }
    out.column_widths = column_widths(c.at(2));
    // Column specs: [alignment, width]. The format sets every cell in its table style.
    for (const json& spec : c.at(2)) {
        const std::string align = spec.at(0).at("t").get<std::string>();
        if (align != "AlignDefault" && align != "AlignLeft") {
            warn("a table column aligned " + align.substr(5) + ": the article format sets every cell flush left");
            break;
        }
    }
    bool merged = false;
    const auto add_rows = [&](const json& rows, bool header) {
        for (const json& row : rows) {
            TableRow r{header, {}};
            for (const json& cell : row.at(1)) {
                // Cell: [attr, alignment, row span, column span, blocks].
                if (cell.at(2).get<int>() > 1 || cell.at(3).get<int>() > 1) merged = true;
                r.cells.push_back(TableCell{paragraphs(cell.at(4), "a table cell")});
            }
            out.rows.push_back(std::move(r));
        }
    };
    add_rows(c.at(3).at(1), true);
    for (const json& body : c.at(4)) {
        add_rows(body.at(2), true);  // a body's own header rows
        add_rows(body.at(3), false);
    }
    add_rows(c.at(5).at(1), false);
    if (merged) warn("a table has merged cells, which the article format cannot hold: each kept as one cell");
    if (out.rows.empty()) warn("a table without rows: dropped");
    return out;
}

}  // namespace quire::import
