// Not a test: renders the fake issue to PDF to look at the page geometry. Glyph runs
// become grey bars as wide as their glyphs, images become light boxes, and the grid
// and column frames are drawn in pale blue. Usage: page_dev_render out.pdf
#include "fake_issue.hpp"
#include "page/page_frame.hpp"
#include "pdf/pdf_writer.hpp"

#include <iostream>

using namespace quire;
using namespace quire::page;
using namespace quire::page::testing;

int main(int argc, char** argv) {
    if (argc < 2) { std::cerr << "usage: page_dev_render out.pdf\n"; return 2; }
    model::Layout layout = small_layout();
    DiagnosticSink sink;
    render::DisplayList dl = build_pages(fake_issue(), fake_furniture(), layout, stub_setter(), sink);
    print_diagnostics(std::cerr, sink);
    render::Color blue = render::Color::rgb(0.75, 0.85, 1.0);
    for (std::size_t i = 0; i < dl.pages.size(); ++i) {
        render::Page& p = dl.pages[i];
        std::vector<render::DrawOp> ops;
        PageFrame f = make_page_frame(layout.page, static_cast<int>(i) + 1, std::nullopt);
        for (Length y = f.grid.origin; y <= f.height; y += f.grid.step)
            ops.push_back(render::DrawRule{f.text_left, y, f.text_right(), y, pt(0.2), blue});
        for (int c = 0; c < f.columns; ++c) {
            Length x = f.column_x(c);
            ops.push_back(render::DrawRule{x, f.text_top, x, f.text_bottom, pt(0.3), blue});
            ops.push_back(render::DrawRule{x + f.column_width, f.text_top, x + f.column_width, f.text_bottom, pt(0.3), blue});
        }
        for (const render::DrawOp& op : p.ops) {
            if (const auto* g = std::get_if<render::DrawGlyphs>(&op)) {
                Length w;
                for (const auto& gl : g->glyphs) w += gl.advance;
                render::Color c = g->text.find(" h") != std::string::npos ? render::Color::rgb(0.8, 0.1, 0.1)
                                : g->text.find(" t") != std::string::npos ? render::Color::rgb(0.1, 0.4, 0.1)
                                                                         : render::Color::rgb(0.3, 0.3, 0.3);
                ops.push_back(render::DrawRule{g->x, g->y - pt(2.5), g->x + w, g->y - pt(2.5), pt(5), c});
            } else if (const auto* im = std::get_if<render::DrawImage>(&op)) {
                Length cy = im->y + im->height / 2;
                ops.push_back(render::DrawRule{im->x, cy, im->x + im->width, cy, im->height, render::Color::rgb(0.85, 0.8, 0.6)});
            } else {
                ops.push_back(op);
            }
        }
        p.ops = std::move(ops);
    }
    pdf::PdfOptions opt;
    opt.date_epoch = 0;
    return pdf::write_pdf(dl, opt, argv[1], sink) ? 0 : 1;
}
