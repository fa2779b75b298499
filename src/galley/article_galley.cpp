#include "galley/article_galley.hpp"

#include "input/image_probe.hpp"

namespace quire::galley {
namespace {

class GalleyBuilder {
public:
    GalleyBuilder(const model::Article& article, const Measures& measures, ParagraphSetter& setter,
                  DiagnosticSink& sink)
        : article_(article), measures_(measures), setter_(setter), sink_(sink) {}

    page::TextBlock text_block(const model::TextBlock& block, page::BlockRole role, page::Span span,
                               std::optional<Length> first_indent = std::nullopt) {
        const style::ParagraphStyle& style = setter_.styles().paragraph(block.style);
        Length width = span == page::Span::all_columns ? measures_.text_area : measures_.column;
        SetParagraph set = setter_.set(block.text, style, width, article_.language, block.loc, first_indent);
        page::TextBlock out;
        out.role = role;
        out.span = span;
        out.lines = std::move(set.lines);
        out.leading = style.leading;
        out.space_before = style.space_before;
        out.space_after = style.space_after;
        out.keep_with_next = style.keep_with_next;
        out.snap_to_grid = style.snap_to_grid;
        out.loc = block.loc;
        if (role == page::BlockRole::heading) out.outline_title = model::plain_text(block.text);
        return out;
    }

    page::TextBlock plain_block(const std::string& text, const std::string& style_name, page::BlockRole role,
                                page::Span span, const SourceLoc& loc) {
        model::TextBlock block;
        block.style = style_name;
        block.text = {model::InlineRun{text, {}, "", loc}};
        block.loc = loc;
        return text_block(block, role, span);
    }

    std::optional<page::FigureBlock> figure(const model::Figure& f) {
        page::FigureBlock out;
        out.span = f.span == model::FigureSpan::page ? page::Span::all_columns : page::Span::column;
        out.placement = f.placement == model::FigurePlacement::here     ? page::FigureBlock::Placement::here
                        : f.placement == model::FigurePlacement::bottom ? page::FigureBlock::Placement::bottom
                                                                        : page::FigureBlock::Placement::top;
        out.image_path = f.image;
        out.loc = f.loc;
        auto size = input::read_image_size(f.image);
        if (!size) {
            sink_.error(f.loc, "cannot read the size of image " + f.image);
            return std::nullopt;
        }
        out.aspect = static_cast<double>(size->height) / static_cast<double>(size->width);
        const Length width = out.span == page::Span::all_columns ? measures_.text_area : measures_.column;
        // Print wants 300 dpi; below 200 the dots show.
        const double dpi = size->width / (width.pt() / 72.0);
        if (dpi < 200.0) {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%.0f dpi", dpi);
            sink_.warning(f.loc, "image " + f.image + " is only " + buffer + " at its printed size (" +
                                     std::to_string(size->width) + " pixels across " +
                                     std::to_string(static_cast<int>(width.pt() * 25.4 / 72.0 + 0.5)) +
                                     " mm); print needs 300");
        }
        if (f.caption) {
            page::TextBlock caption = text_block(*f.caption, page::BlockRole::body, out.span);
            out.caption = std::move(caption.lines);
            out.caption_leading = caption.leading;
            out.gap = setter_.styles().paragraph(f.caption->style).space_before;
        }
        page::TextBlock credit = text_block(f.credit, page::BlockRole::body, out.span);
        out.credit = std::move(credit.lines);
        out.credit_leading = credit.leading;
        if (!f.caption) out.gap = setter_.styles().paragraph(f.credit.style).space_before;
        out.credit_text = model::plain_text(f.credit.text);
        if (out.credit_text.empty()) sink_.warning(f.loc, "this figure's credit is empty: the Review credits every image");
        return out;
    }

private:
    const model::Article& article_;
    const Measures& measures_;
    ParagraphSetter& setter_;
    DiagnosticSink& sink_;
};

}  // namespace

page::ArticleGalley build_article_galley(const model::Article& article, const model::IssueMeta& meta,
                                         const Measures& measures, ParagraphSetter& setter, DiagnosticSink& sink) {
    GalleyBuilder builder(article, measures, setter, sink);
    page::ArticleGalley galley;
    galley.id = article.id;
    galley.title = model::plain_text(article.title.text);
    galley.section = article.section;
    galley.is_note = article.kind == model::ArticleKind::note;
    for (const model::TextBlock& byline : article.bylines) {
        if (!galley.byline.empty()) galley.byline += ", ";
        galley.byline += model::plain_text(byline.text);
    }
    if (!galley.is_note) {
        const model::TextBlock* disclaimer = article.disclaimer ? &*article.disclaimer
                                             : meta.disclaimer  ? &*meta.disclaimer
                                                                : nullptr;
        if (disclaimer) galley.disclaimer = model::plain_text(disclaimer->text);
    }
    galley.loc = article.loc;

    // The opener: across the text area, at the top of the article's first page.
    const page::Span across = page::Span::all_columns;
    if (!article.section.empty() && setter.styles().has_paragraph("section")) {
        galley.opener.push_back(builder.plain_block(article.section, "section", page::BlockRole::furniture, across, article.loc));
    }
    galley.opener.push_back(builder.text_block(article.title, page::BlockRole::furniture, across));
    if (article.subtitle) galley.opener.push_back(builder.text_block(*article.subtitle, page::BlockRole::furniture, across));
    if (article.standfirst) galley.opener.push_back(builder.text_block(*article.standfirst, page::BlockRole::furniture, across));
    for (const model::TextBlock& byline : article.bylines) {
        galley.opener.push_back(builder.text_block(byline, page::BlockRole::furniture, across));
    }

    // The body, in reading order. The paragraph after a heading or a figure starts flush
    // (no indent), as the first paragraph does: its style says so, or we do.
    bool flush_next = true;
    for (const model::Block& block : article.body) {
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            std::optional<Length> indent;
            if (flush_next) indent = Length{};
            galley.body.push_back(builder.text_block(*p, page::BlockRole::body, page::Span::column, indent));
            flush_next = false;
        } else if (const auto* h = std::get_if<model::Heading>(&block)) {
            galley.body.push_back(builder.text_block(*h, page::BlockRole::heading, page::Span::column));
            flush_next = true;
        } else if (const auto* q = std::get_if<model::PullQuote>(&block)) {
            galley.body.push_back(builder.text_block(*q, page::BlockRole::pullquote, page::Span::column));
        } else if (const auto* f = std::get_if<model::Figure>(&block)) {
            if (auto figure = builder.figure(*f)) galley.body.push_back(std::move(*figure));
        }
    }
    return galley;
}

}  // namespace quire::galley
