#include "input/article_reader.hpp"

#include "core/utf8.hpp"
#include "input/suggest.hpp"

#include "input/file_limits.hpp"
#include "input/image_probe.hpp"
#include "input/inline_reader.hpp"
#include "input/schema.hpp"
#include "input/xml_file.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

namespace quire::input {
namespace {

// A list numbered past this is a typing slip, not a list.
constexpr int max_list_start = 1000000;

class ArticleReader {
public:
    ArticleReader(const XmlFile& file, const model::Layout* layout, const PathPolicy& paths, DiagnosticSink& sink,
                  bool schema_valid, StyleCheck style_check)
        : file_(file), layout_(layout), paths_(paths), sink_(sink), schema_valid_(schema_valid),
          style_check_(style_check) {}

    model::Article read(const std::string& issue_language) {
        const xmlNode* root = file_.root();
        model::Article article;
        article.path = file_.path();
        article.loc = file_.loc(root);
        article.id = attribute(root, "id").value_or(std::filesystem::path(file_.path()).stem().string());
        article.language = attribute(root, "lang").value_or("");
        if (xmlChar* lang = xmlNodeGetLang(root)) {
            article.language = reinterpret_cast<const char*>(lang);
            xmlFree(lang);
        }
        if (article.language.empty()) article.language = issue_language;
        article.section = attribute(root, "section").value_or("");
        article.keywords = attribute(root, "keywords").value_or("");
        article.short_title = attribute(root, "short-title").value_or("");
        article.kind = attribute(root, "kind").value_or("feature") == "note" ? model::ArticleKind::note
                                                                             : model::ArticleKind::feature;
        for (const xmlNode* child = root->children; child; child = child->next) {
            if (is_element(child, "title")) article.title = text_block(child, model::default_style::title);
            else if (is_element(child, "subtitle")) article.subtitle = text_block(child, model::default_style::subtitle);
            else if (is_element(child, "byline")) article.bylines.push_back(text_block(child, model::default_style::byline));
            else if (is_element(child, "standfirst")) article.standfirst = text_block(child, model::default_style::standfirst);
            else if (is_element(child, "body")) read_body(child, article);
            else if (is_element(child, "bio")) read_bio(child, article);
            else if (is_element(child, "disclaimer")) article.disclaimer = text_block(child, model::default_style::disclaimer);
            // In an invalid article the text may stand in elements the schema refused
            // (<ul>, <table> before they existed): not a second problem.
            if (is_element(child, "body") && body_text_blocks_ == 0 && schema_valid_) {
                sink_.warning(file_.loc(child), "the body of this article has no text and no figures: it will "
                                                 "print only its title");
            }
        }
        article.notes = std::move(notes_.notes);
        return article;
    }

private:
    model::TextBlock text_block(const xmlNode* element, const char* default_style) {
        model::TextBlock block;
        block.loc = file_.loc(element);
        block.style = default_style;
        if (auto named = attribute(element, "style")) {
            block.style = *named;
            check_paragraph_style(block.style, file_.attr_loc(element, "style"));
        } else if (style_check_ == StyleCheck::every_style) {
            check_paragraph_style(block.style, block.loc);
        }
        block.text = read_inline(file_, element, layout_, sink_, in_text_ ? &notes_ : nullptr);
        check_bounds(block);
        return block;
    }

    // Hostile-input bounds (file_limits.hpp): a paragraph's length and runs of
    // combining marks are refused here, with the paragraph's location, rather than
    // left to line breaking and shaping, whose cost grows with them.
    void check_bounds(const model::TextBlock& block) {
        std::size_t chars = 0, marks = 0, longest = 0, longest_at = 0;
        for (const model::InlineRun& run : block.text) {
            const std::string& t = run.text;
            for (std::size_t i = 0; i < t.size();) {
                const char32_t c = next_code_point(t, i);
                ++chars;
                if (u_getCombiningClass(static_cast<UChar32>(c)) != 0) {
                    if (++marks > longest) {
                        longest = marks;
                        longest_at = chars;
                    }
                } else {
                    marks = 0;
                }
            }
        }
        if (chars > max_paragraph_chars) {
            sink_.error(block.loc, "this paragraph has " + std::to_string(chars) + " characters; quire sets at most " +
                                       std::to_string(max_paragraph_chars) + " in one paragraph: split it");
        } else if (longest > max_combining_marks) {
            sink_.error(block.loc, std::to_string(longest) + " combining marks in a row (ending at character " +
                                       std::to_string(longest_at) + " of this paragraph); Unicode's stream-safe text "
                                       "(UAX #15) has at most " + std::to_string(max_combining_marks));
        }
        if (!block.text.empty()) ++text_blocks_;
    }

    void check_paragraph_style(const std::string& name, const SourceLoc& loc) {
        // A name the schema refused (empty, "two words") was reported by it.
        if (!layout_ || !is_style_name(name) || layout_->paragraph_style(name)) return;
        std::vector<std::string> names;
        for (const model::ParagraphStyle& style : layout_->paragraph_styles) names.push_back(style.name);
        sink_.error(loc, "unknown paragraph style '" + name + "' (the layout " + layout_->path +
                             " defines no such <paragraph-style>)" + did_you_mean(name, names, "it defines", 0));
    }

    // The body and the bio are running text, where notes may stand.
    void read_bio(const xmlNode* bio, model::Article& article) {
        in_text_ = true;
        article.bio = paragraphs_of(bio, model::default_style::bio);
        in_text_ = false;
    }

    void read_body(const xmlNode* body, model::Article& article) {
        const std::size_t blocks_before = text_blocks_;
        in_text_ = true;
        read_body_blocks(body, article);
        in_text_ = false;
        body_text_blocks_ = text_blocks_ - blocks_before + figures_;
    }

    void read_body_blocks(const xmlNode* body, model::Article& article) {
        for (const xmlNode* child = body->children; child; child = child->next) {
            if (is_element(child, "p")) {
                article.body.push_back(model::Paragraph{text_block(child, model::default_style::paragraph)});
            } else if (is_element(child, "h2") || is_element(child, "h3")) {
                bool second = is_element(child, "h2");
                model::Heading heading{text_block(child, second ? model::default_style::heading2 : model::default_style::heading3)};
                heading.level = second ? 2 : 3;
                article.body.push_back(std::move(heading));
            } else if (is_element(child, "pullquote")) {
                model::PullQuote quote{text_block(child, model::default_style::pullquote)};
                quote.across = attribute(child, "span").value_or("column") == "page";
                article.body.push_back(std::move(quote));
            } else if (is_element(child, "figure")) {
                ++figures_;
                if (auto figure = read_figure(child)) article.body.push_back(std::move(*figure));
            } else if (is_element(child, "quote")) {
                article.body.push_back(read_quote(child));
            } else if (is_element(child, "list")) {
                article.body.push_back(read_list(child, 1));
            } else if (is_element(child, "table")) {
                article.body.push_back(read_table(child));
            }
        }
    }

    model::Quote read_quote(const xmlNode* element) {
        model::Quote quote;
        quote.loc = file_.loc(element);
        for (const xmlNode* child = element->children; child; child = child->next) {
            if (is_element(child, "p")) quote.paragraphs.push_back(model::Paragraph{text_block(child, model::default_style::quote)});
            else if (is_element(child, "attribution")) quote.attribution = text_block(child, model::default_style::quote_attribution);
        }
        return quote;
    }

    // A list of the first or second level; its items' style is the list's, else the
    // default for the level ("list-item", "list-item-2").
    model::List read_list(const xmlNode* element, int level) {
        model::List list;
        list.loc = file_.loc(element);
        list.level = level;
        if (level > 2) {
            sink_.error(list.loc, "a list inside a list inside a list: lists nest two levels deep at most; make this "
                                  "level part of its item's text, or a list of its own after the outer list");
            return list;
        }
        list.kind = attribute(element, "type").value_or("bullet") == "number" ? model::ListKind::number : model::ListKind::bullet;
        // The schema's nonNegativeInteger, which may be past any int; nothing when the
        // schema refused it (an invalid article is read too).
        const std::string start = attribute(element, "start").value_or("1");
        if (auto number = whole_number(start); number && *number <= max_list_start) {
            list.start = *number;
        } else if (!start.empty() && std::all_of(start.begin(), start.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            sink_.error(file_.attr_loc(element, "start"), "a list's first number must be at most " +
                                                              std::to_string(max_list_start) + ", not " + start);
        }
        const std::string style = attribute(element, "style").value_or(
            level == 1 ? std::string(model::default_style::list_item) : std::string(model::default_style::list_item) + "-2");
        if (attribute(element, "style")) check_paragraph_style(style, file_.attr_loc(element, "style"));
        for (const xmlNode* child = element->children; child; child = child->next) {
            if (!is_element(child, "item")) continue;
            model::ListItem item;
            item.loc = file_.loc(child);
            item.paragraphs = paragraphs_of(child, style.c_str());
            for (const xmlNode* inner = child->children; inner; inner = inner->next) {
                if (is_element(inner, "list")) item.sublists.push_back(read_list(inner, level + 1));
            }
            list.items.push_back(std::move(item));
        }
        return list;
    }

    // A table: every row has as many cells as the table has columns (its <column>s,
    // else its first row's cells).
    model::Table read_table(const xmlNode* element) {
        model::Table table;
        table.loc = file_.loc(element);
        for (const xmlNode* child = element->children; child; child = child->next) {
            if (is_element(child, "caption")) table.caption = text_block(child, model::default_style::table_caption);
            else if (is_element(child, "source")) table.source = text_block(child, model::default_style::table_source);
            else if (is_element(child, "column")) table.columns.push_back(table_column(attribute(child, "width").value_or("1*")));
            else if (is_element(child, "row")) table.rows.push_back(read_row(child));
        }
        // (No rows: the schema has said so; an invalid article is read too.)
        const std::size_t count = !table.columns.empty() ? table.columns.size()
                                  : table.rows.empty()    ? 0
                                                          : table.rows.front().cells.size();
        if (table.columns.empty()) table.columns.assign(count, model::TableColumn{});
        double percent = 0;
        for (const model::TableColumn& c : table.columns) percent += c.percent ? c.amount : 0;
        if (percent > 100) sink_.error(table.loc, "the columns' percentages add up to more than 100%");
        for (const model::TableRow& row : table.rows) {
            if (row.cells.size() != count) {
                const std::size_t n = row.cells.size();
                sink_.error(row.loc, "this row has " + std::to_string(n) + (n == 1 ? " cell" : " cells") + "; the table has " +
                                         std::to_string(count) + " columns");
            }
        }
        return table;
    }

    // "2*" or "30%"; a width the schema refused counts as "1*".
    static model::TableColumn table_column(const std::string& width) {
        model::TableColumn c;
        if (width.size() < 2 || (width.back() != '%' && width.back() != '*')) return c;
        double amount = 0;
        const auto [end, error] = std::from_chars(width.data(), width.data() + width.size() - 1, amount);
        if (error != std::errc() || end != width.data() + width.size() - 1) return c;
        c.percent = width.back() == '%';
        c.amount = amount;
        return c;
    }

    model::TableRow read_row(const xmlNode* element) {
        model::TableRow row;
        row.loc = file_.loc(element);
        row.header = attribute(element, "header").value_or("no") == "yes";
        const char* style = row.header ? model::default_style::table_header : model::default_style::table_cell;
        for (const xmlNode* cell = element->children; cell; cell = cell->next) {
            if (is_element(cell, "cell")) row.cells.push_back(paragraphs_of(cell, style));
        }
        return row;
    }

    // An element that holds either inline text (one paragraph in `style`) or <p>
    // elements (each in its own style, else `style`).
    std::vector<model::Paragraph> paragraphs_of(const xmlNode* element, const char* style) {
        std::vector<model::Paragraph> out;
        for (const xmlNode* child = element->children; child; child = child->next) {
            if (is_element(child, "p")) out.push_back(model::Paragraph{text_block(child, style)});
        }
        if (out.empty()) out.push_back(model::Paragraph{text_block(element, style)});
        return out;
    }

    std::optional<model::Figure> read_figure(const xmlNode* element) {
        model::Figure figure;
        figure.loc = file_.loc(element);
        std::string placement = attribute(element, "placement").value_or("top");
        figure.placement = placement == "here" ? model::FigurePlacement::here
                           : placement == "bottom" ? model::FigurePlacement::bottom
                                                   : model::FigurePlacement::top;
        figure.span = attribute(element, "span").value_or("column") == "page" ? model::FigureSpan::page
                                                                               : model::FigureSpan::column;
        figure.alt = attribute(element, "alt").value_or("");
        for (const xmlNode* child = element->children; child; child = child->next) {
            if (is_element(child, "caption")) figure.caption = text_block(child, model::default_style::caption);
            else if (is_element(child, "credit")) figure.credit = text_block(child, model::default_style::credit);
        }
        SourceLoc src_loc = file_.attr_loc(element, "src");
        const std::string src = attribute(element, "src").value_or("");
        if (src.empty()) return std::nullopt;  // the schema said so (only an invalid article gets here)
        auto image = paths_.resolve(file_.path(), src, src_loc, "image", sink_);
        if (!image) return std::nullopt;
        if (!probe_image(*image, src_loc, sink_)) return std::nullopt;
        figure.image = *image;
        check_figure_height(figure);
        return figure;
    }

    // An image taller than the text area at its printed width cannot be placed as
    // asked: page composition shrinks it to fit (narrower than its column). Say so.
    void check_figure_height(const model::Figure& figure) {
        if (!layout_) return;
        const auto size = read_image_size(figure.image);
        if (!size) return;
        const model::PageSetup& page = layout_->page;
        int columns = page.columns;
        if (const model::Master* body = layout_->master("body"); body && body->columns) columns = *body->columns;
        const Length text_width = page.width - page.margin_inside - page.margin_outside;
        const Length width = figure.span == model::FigureSpan::page || columns < 1
                                 ? text_width
                                 : (text_width - page.gutter * (columns - 1)) / columns;
        const Length text_height = page.height - page.margin_top - page.margin_bottom;
        const double height_pt = width.pt() * size->height / size->width;
        if (text_height.sp <= 0 || height_pt <= text_height.pt()) return;
        auto mm = [](double pt) { return std::to_string(static_cast<long>(pt * 25.4 / 72.0 + 0.5)) + " mm"; };
        sink_.warning(figure.loc, "image " + figure.image + " is " + mm(height_pt) + " tall at its printed width (" +
                                      mm(width.pt()) + "), taller than the " + mm(text_height.pt()) +
                                      " text area: it will be shrunk to fit the page");
    }

    const XmlFile& file_;
    const model::Layout* layout_;
    const PathPolicy& paths_;
    DiagnosticSink& sink_;
    const bool schema_valid_;
    const StyleCheck style_check_;
    std::size_t text_blocks_ = 0, figures_ = 0, body_text_blocks_ = 0;
    NoteCollector notes_;
    bool in_text_ = false;  // reading running text: notes allowed
};

}  // namespace

std::optional<model::Article> read_article(const std::string& path, const model::Layout* layout,
                                           const std::string& issue_language, const PathPolicy& paths,
                                           DiagnosticSink& sink, StyleCheck style_check) {
    std::optional<XmlFile> file = XmlFile::read(path, sink);
    if (!file) return std::nullopt;
    const int errors_before = sink.error_count();
    const bool valid = validate(*file, SchemaKind::article, sink);
    model::Article article = ArticleReader(*file, layout, paths, sink, valid, style_check).read(issue_language);
    if (!valid || sink.error_count() > errors_before) return std::nullopt;
    return article;
}

}  // namespace quire::input
