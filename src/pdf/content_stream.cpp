#include "pdf/content_stream.hpp"

#include "pdf/number_format.hpp"
#include "pdf/press_intent.hpp"
#include "pdf/text_string.hpp"
#include "pdf/to_unicode_cmap.hpp"


namespace quire::pdf {

namespace {

// "<XXXX>": a glyph code of an Identity-H font, appended in place (it is written for
// every glyph of the issue, so no formatting and no temporary strings).
void append_glyph_code(std::string& out, std::uint32_t gid) {
    static constexpr char digits[] = "0123456789ABCDEF";
    const char code[6] = {'<', digits[(gid >> 12) & 0xF], digits[(gid >> 8) & 0xF], digits[(gid >> 4) & 0xF],
                          digits[gid & 0xF], '>'};
    out.append(code, sizeof code);
}

// Builds the operand of one TJ after another, so a run can be cut for marked content
// or a change of text rise without losing track of the pen.
class TjWriter {
public:
    explicit TjWriter(std::string& out) : out_(out) {}
    void glyph(std::uint32_t gid) {
        open();
        append_glyph_code(out_, gid);
    }
    void adjust(double thousandths) {
        const bool first = !open_;
        open();
        if (!first) out_ += ' ';
        out_ += format_number(thousandths, 2);
        out_ += ' ';
    }
    void close() {
        if (open_) out_ += "] TJ\n";
        open_ = false;
    }

private:
    void open() {
        if (!open_) out_ += '[';
        open_ = true;
    }
    std::string& out_;
    bool open_ = false;
};

}  // namespace

std::string color_operator(const render::Color& color, bool stroke) {
    switch (color.space) {
        case render::Color::Space::gray:
            return format_number(color.c[0], 4) + (stroke ? " G" : " g");
        case render::Color::Space::rgb:
            return format_number(color.c[0], 4) + ' ' + format_number(color.c[1], 4) + ' ' +
                   format_number(color.c[2], 4) + (stroke ? " RG" : " rg");
        case render::Color::Space::cmyk:
            return format_number(color.c[0], 4) + ' ' + format_number(color.c[1], 4) + ' ' +
                   format_number(color.c[2], 4) + ' ' + format_number(color.c[3], 4) + (stroke ? " K" : " k");
        case render::Color::Space::registration:  // press_intent.hpp: the page's /Separation /All
            return std::string("/") + registration_colour_space + (stroke ? " CS " : " cs ") +
                   format_number(color.c[0], 4) + (stroke ? " SCN" : " scn");
    }
    return "0 g";
}

void ContentStream::set_fill(const render::Color& color) {
    std::string op = color_operator(color, false);
    if (fill_ && *fill_ == op) return;
    out_ += op + '\n';
    fill_ = std::move(op);
}

void ContentStream::glyphs(const render::DrawGlyphs& run, const TextFont& font) {
    if (run.glyphs.empty() || run.size.sp <= 0) return;
    set_fill(run.color);
    out_ += "BT\n/" + font.resource + ' ' + format_pt(run.size) + " Tf\n" + format_number(geometry_.x(run.x)) + ' ' +
            format_number(geometry_.y(run.y)) + " Td\n";
    // Horizontal scaling multiplies every horizontal move in the TJ too, glyph widths
    // and adjustments alike: the positions wanted are divided by it below.
    const bool scaled = run.horizontal_scale != 1000;
    if (scaled) out_ += format_number(run.horizontal_scale / 10.0, 2) + " Tz\n";

    // Positions in thousandths of an em from the run's origin. `pen` is where a PDF
    // reader's pen stands after what we wrote (font widths minus our adjustments);
    // each glyph gets the adjustment that brings the pen to where HarfBuzz put it, so
    // rounding never accumulates along a line.
    const double per_sp = 1000.0 / static_cast<double>(run.size.sp) * 1000.0 / run.horizontal_scale;
    double pen = 0;
    std::int64_t origin_sp = 0;
    double rise = 0;
    TjWriter tj(out_);

    std::vector<std::uint32_t> gids;
    for (const GlyphCluster& cluster : glyph_clusters(run)) {
        gids.clear();
        for (std::size_t i = cluster.first; i < cluster.last; ++i) gids.push_back(run.glyphs[i].gid);
        const bool actual_text = !font.texts->cmap_gives(gids, cluster.text);
        if (actual_text) {
            // The CMap gives these glyphs other text: say what they are here.
            tj.close();
            out_ += "/Span <</ActualText <FEFF" + hex(utf16be(cluster.text)) + ">>> BDC\n";
        }
        for (std::size_t i = cluster.first; i < cluster.last; ++i) {
            const shape::Glyph& g = run.glyphs[i];
            if (leave_out_notdef_ && g.gid == 0) {
                origin_sp += g.advance.sp;  // the next glyph's adjustment keeps the gap
                continue;
            }
            const double wanted_rise = round_to_decimals(g.y_offset.pt(), 4);
            if (wanted_rise != rise) {
                // HarfBuzz offsets are y-up, like text rise.
                tj.close();
                out_ += format_number(wanted_rise) + " Ts\n";
                rise = wanted_rise;
            }
            const double target = static_cast<double>(origin_sp + g.x_offset.sp) * per_sp;
            // Hundredths of a thousandth of an em are far below any device's
            // resolution, and coarser than the scaled-point noise in the advances.
            const double adjustment = round_to_decimals(pen - target, 2);
            if (adjustment != 0) {
                tj.adjust(adjustment);
                pen -= adjustment;
            }
            tj.glyph(g.gid);
            pen += font.font->width(g.gid);
            origin_sp += g.advance.sp;
        }
        if (actual_text) {
            tj.close();
            out_ += "EMC\n";
        }
    }
    tj.close();
    if (rise != 0) out_ += "0 Ts\n";  // text rise outlives ET: reset it for the next run
    if (scaled) out_ += "100 Tz\n";  // so does horizontal scaling
    out_ += "ET\n";
}

void ContentStream::image(const render::DrawImage& image, const std::string& resource) {
    // The image space unit square is scaled to the box; its bottom-left is the box's
    // bottom-left in PDF space.
    out_ += "q\n" + format_pt(image.width) + " 0 0 " + format_pt(image.height) + ' ' +
            format_number(geometry_.x(image.x)) + ' ' + format_number(geometry_.y(image.y + image.height)) +
            " cm\n/" + resource + " Do\nQ\n";
}

void ContentStream::rule(const render::DrawRule& rule) {
    out_ += "q\n" + color_operator(rule.color, true) + '\n' + format_pt(rule.thickness) + " w\n" +
            format_number(geometry_.x(rule.x1)) + ' ' + format_number(geometry_.y(rule.y1)) + " m " +
            format_number(geometry_.x(rule.x2)) + ' ' + format_number(geometry_.y(rule.y2)) + " l S\nQ\n";
}

}  // namespace quire::pdf
