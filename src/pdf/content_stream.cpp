#include "pdf/content_stream.hpp"

#include "pdf/number_format.hpp"
#include "pdf/press_intent.hpp"
#include "pdf/structure_tree.hpp"
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
        append_number(out_, thousandths, 2);
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
    out_ += op;
    out_ += '\n';
    fill_ = std::move(op);
}

// A run whose clusters all read as the CMap says is one text object. In tagged
// content, a cluster that needs ActualText is a marked-content sequence of its own
// (a Span with the MCID and the ActualText), between text objects for the rest: an
// ActualText span nested inside an MCID's sequence hides the rest of the sequence
// from readers that take text by structure (poppler's, for one).
void ContentStream::glyphs(const render::DrawGlyphs& run, const TextFont& font) {
    if (run.glyphs.empty() || run.size.sp <= 0) return;
    set_fill(run.color);
    glyph_clusters(run, clusters_);
    const std::vector<GlyphCluster>& clusters = clusters_;
    std::vector<bool>& actual_text = actual_text_;
    actual_text.assign(clusters.size(), false);
    for (std::size_t k = 0; k < clusters.size(); ++k) {
        gids_.clear();
        for (std::size_t i = clusters[k].first; i < clusters[k].last; ++i) gids_.push_back(run.glyphs[i].gid);
        actual_text[k] = !font.texts->cmap_gives(gids_, clusters[k].text);
    }
    if (!marked_ || node_ < 0) {
        text_object(run, font, clusters, 0, clusters.size(), actual_text);
        return;
    }
    const int node = node_;
    std::size_t from = 0;
    for (std::size_t k = 0; k <= clusters.size(); ++k) {
        if (k < clusters.size() && !actual_text[k]) continue;
        if (from < k) {
            mark(node);
            text_object(run, font, clusters, from, k, actual_text);
        }
        if (k < clusters.size()) {
            end_marks();
            open_content("/Span <</MCID " + std::to_string(mcid_nodes_->size()) + " /ActualText <FEFF" +
                         hex(utf16be(clusters[k].text)) + ">>>");
            mcid_nodes_->push_back(node);
            node_ = node;
            text_object(run, font, clusters, k, k + 1, std::vector<bool>(clusters.size(), false));
            end_marks();
        }
        from = k + 1;
    }
}

void ContentStream::text_object(const render::DrawGlyphs& run, const TextFont& font,
                                const std::vector<GlyphCluster>& clusters, std::size_t from, std::size_t to,
                                const std::vector<bool>& actual_text) {
    if (from >= to) return;
    // Where the first cluster's origin stands, from the run's.
    std::int64_t start_sp = 0;
    for (std::size_t i = 0; i < clusters[from].first; ++i) start_sp += run.glyphs[i].advance.sp;
    out_ += "BT\n/";
    out_ += font.resource;
    out_ += ' ';
    append_pt(out_, run.size);
    out_ += " Tf\n";
    append_number(out_, geometry_.x(run.x + Length::from_sp(start_sp)));
    out_ += ' ';
    append_number(out_, geometry_.y(run.y));
    out_ += " Td\n";
    // Horizontal scaling multiplies every horizontal move in the TJ too, glyph widths
    // and adjustments alike: the positions wanted are divided by it below.
    const bool scaled = run.horizontal_scale != 1000;
    if (scaled) out_ += format_number(run.horizontal_scale / 10.0, 2) + " Tz\n";

    // Positions in thousandths of an em from the text object's origin. `pen` is where
    // a PDF reader's pen stands after what we wrote (font widths minus our
    // adjustments); each glyph gets the adjustment that brings the pen to where
    // HarfBuzz put it, so rounding never accumulates along a line.
    const double per_sp = 1000.0 / static_cast<double>(run.size.sp) * 1000.0 / run.horizontal_scale;
    double pen = 0;
    std::int64_t origin_sp = 0;
    double rise = 0;
    TjWriter tj(out_);
    for (std::size_t k = from; k < to; ++k) {
        const GlyphCluster& cluster = clusters[k];
        if (actual_text[k]) {
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
                append_number(out_, wanted_rise);
                out_ += " Ts\n";
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
        if (actual_text[k]) {
            tj.close();
            out_ += "EMC\n";
        }
    }
    tj.close();
    if (rise != 0) out_ += "0 Ts\n";  // text rise outlives ET: reset it for the next run
    if (scaled) out_ += "100 Tz\n";  // so does horizontal scaling
    out_ += "ET\n";
}

void ContentStream::mark(int node) {
    if (structure_ == nullptr) return;
    if (node >= static_cast<int>(structure_->nodes.size())) node = -1;
    if (marked_ && node == node_) return;
    end_marks();
    if (node < 0) {
        out_ += "/Artifact BMC\n";
    } else {
        const std::string role = structure_role(structure_->nodes[static_cast<std::size_t>(node)]);
        open_content('/' + role + " <</MCID " + std::to_string(mcid_nodes_->size()) + ">>");
        mcid_nodes_->push_back(node);
    }
    marked_ = true;
    node_ = node;
}

void ContentStream::mark_pagination() {
    if (structure_ == nullptr || (marked_ && node_ == pagination_node)) return;
    end_marks();
    out_ += "/Artifact <</Type /Pagination>> BDC\n";
    marked_ = true;
    node_ = pagination_node;
}

void ContentStream::open_content(const std::string& properties) {
    out_ += properties + " BDC\n";
    marked_ = true;
}

void ContentStream::end_marks() {
    if (marked_) out_ += "EMC\n";
    marked_ = false;
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
