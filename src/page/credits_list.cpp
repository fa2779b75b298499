#include "page/credits_list.hpp"

#include "page/running_lines.hpp"

namespace quire::page {

galley::ArticleGalley make_credits_galley(const std::string& heading, const std::vector<CreditEntry>& credits,
                                  Length column_width, Length text_width, const galley::LineSetter& setter,
                                  const style::StyleSheet& styles) {
    galley::ArticleGalley g;
    g.id = "image-credits";
    g.plan.title = heading;
    // A section of its own: the heading, a paragraph per credit.
    render::StructureNode root;
    root.kind = render::StructureKind::division;
    g.structure.add(std::move(root), -1);
    const char* head_style = styles.has_paragraph("heading") ? "heading" : "body";
    galley::TextBlock head;
    head.role = galley::BlockRole::furniture;
    head.lines = setter(heading, head_style, text_width);
    render::StructureNode title;
    title.kind = render::StructureKind::heading;
    title.level = 1;
    galley::tag_lines(head.lines, g.structure.add(std::move(title), 0));
    head.leading = style_leading(styles, head_style, head.lines);
    head.space_after = styles.has_paragraph(head_style) ? styles.paragraph(head_style).space_after : Length{};
    head.keep_with_next = true;
    g.opener.push_back(std::move(head));

    const char* style = styles.has_paragraph("credit") ? "credit" : "body";
    for (const CreditEntry& c : credits) {
        galley::TextBlock b;
        b.role = galley::BlockRole::body;
        b.lines = setter((c.folio.empty() ? std::string("Cover: ") : "Page " + c.folio + ": ") + (c.text.empty() ? std::string("uncredited image") : c.text),
                         style, column_width);
        galley::tag_lines(b.lines, g.structure.add(render::StructureKind::paragraph, 0));
        b.leading = style_leading(styles, style, b.lines);
        // Small type off the grid: snapping 9pt leading to a 13pt grid would leave
        // holes; the list is the last text, so nothing follows to misalign.
        b.snap_to_grid = false;
        b.space_after = b.leading / 3;
        g.body.push_back(std::move(b));
    }
    return g;
}

}  // namespace quire::page
