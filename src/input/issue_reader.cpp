#include "input/issue_reader.hpp"

#include "input/article_reader.hpp"
#include "input/file_limits.hpp"
#include "input/image_probe.hpp"
#include "input/inline_reader.hpp"
#include "input/issue_punctuation.hpp"
#include "input/layout_reader.hpp"
#include "input/schema.hpp"
#include "input/xml_file.hpp"

#include <filesystem>
#include <map>

namespace quire::input {
namespace fs = std::filesystem;
namespace {

std::string child_text(const xmlNode* parent, const char* name) {
    for (const xmlNode* c = parent->children; c; c = c->next) {
        if (is_element(c, name)) return text_content(c);
    }
    return "";
}

PathPolicy policy_for(const std::string& manifest_path, const ReadOptions& options) {
    PathPolicy paths;
    paths.allow_tree(fs::path(manifest_path).parent_path().empty() ? fs::path(".") : fs::path(manifest_path).parent_path());
    if (auto root = PathPolicy::find_project_root(manifest_path)) {
        paths.allow_tree(*root / "layouts");
        paths.allow_tree(*root / "fonts");
    }
    for (const std::string& dir : options.allowed_directories) paths.allow_tree(dir);
    if (!options.layout_override.empty()) paths.allow_file(options.layout_override);
    paths.record_into(options.inputs);
    return paths;
}


bool has_contents(const xmlNode* root) {
    for (const xmlNode* c = root->children; c; c = c->next) {
        if (is_element(c, "contents")) return true;
    }
    return false;
}

// The cover's picture is checked as a figure's is (readable, an image quire can embed);
// an uncredited one is a warning, as for figures: the Review credits every image.
std::optional<model::Cover> read_cover(const XmlFile& file, const xmlNode* element, const std::string& manifest_path,
                                       const PathPolicy& paths, DiagnosticSink& sink) {
    model::Cover cover;
    cover.loc = file.loc(element);
    cover.credit = attribute(element, "credit").value_or("");
    cover.alt = attribute(element, "alt").value_or("");
    if (auto image = attribute(element, "image")) {
        const SourceLoc image_loc = file.attr_loc(element, "image");
        auto path = paths.resolve(manifest_path, *image, image_loc, "image", sink);
        if (!path || !probe_image(*path, image_loc, sink)) return std::nullopt;
        cover.image = *path;
        if (cover.credit.empty()) {
            sink.warning(cover.loc, "the cover picture has no credit=\"...\": the Review credits every image");
        }
        if (cover.alt.empty()) {
            sink.warning(cover.loc, "the cover picture has no alt=\"...\" and is tagged as decoration, which a reader who cannot see it never hears of: say what it shows");
        }
    }
    return cover;
}

}  // namespace

std::optional<model::Issue> read_issue(const std::string& manifest_path, const ReadOptions& options,
                                       DiagnosticSink& sink) {
    const int errors_before = sink.error_count();
    if (options.inputs) options.inputs->push_back(manifest_path);
    std::optional<XmlFile> file = XmlFile::read(manifest_path, sink);
    if (!file) return std::nullopt;
    // A manifest that breaks the schema is still followed to its layout and articles,
    // so that their problems come out in the same run (it fails below, as for any error).
    const bool manifest_valid = validate(*file, SchemaKind::issue, sink);
    if (!manifest_valid && !is_element(file->root(), "issue")) return std::nullopt;
    const PathPolicy paths = policy_for(manifest_path, options);

    model::Issue issue;
    const xmlNode* root = file->root();
    issue.path = manifest_path;
    issue.loc = file->loc(root);
    if (xmlChar* lang = xmlNodeGetLang(root)) {
        issue.language = reinterpret_cast<const char*>(lang);
        xmlFree(lang);
    }
    if (attribute(root, "punctuation").value_or("as-typed") == "typographic") {
        issue.punctuation = model::Punctuation::typographic;
    }

    // The layout first: articles are checked against its styles.
    SourceLoc layout_loc = file->attr_loc(root, "layout");
    std::optional<model::Layout> layout;
    if (!options.layout_override.empty()) {
        // Named on the command line: relative to the working directory, not the manifest.
        if (options.inputs) options.inputs->push_back(options.layout_override);
        issue.layout_path = options.layout_override;
        layout = read_layout(options.layout_override, paths, sink);
    } else if (auto layout_attr = attribute(root, "layout")) {
        if (auto layout_path = paths.resolve(manifest_path, *layout_attr, layout_loc, "layout", sink)) {
            issue.layout_path = *layout_path;
            layout = read_layout(*layout_path, paths, sink);
        }
    }
    // A layout with errors still names its styles: the articles' style names are
    // checked against those in the same run, rather than after the layout is fixed.
    std::optional<model::Layout> layout_style_names;
    if (!layout && !issue.layout_path.empty()) layout_style_names = read_layout_style_names(issue.layout_path);
    const model::Layout* styles = layout ? &*layout : layout_style_names ? &*layout_style_names : nullptr;
    const StyleCheck style_check = layout ? StyleCheck::every_style : StyleCheck::named_styles;

    // Bounded work for a hostile manifest: past max_articles, refuse at the first one
    // too many and read none of them.
    bool too_many_articles = false;
    std::size_t article_count = 0;
    for (const xmlNode* c = root->children; c && !too_many_articles; c = c->next) {
        if (is_element(c, "article") && ++article_count > max_articles) {
            sink.error(file->attr_loc(c, "href"), "too many articles: an issue may have at most " +
                                                      std::to_string(max_articles) + "; this is article " +
                                                      std::to_string(article_count));
            too_many_articles = true;
        }
    }
    std::map<std::string, SourceLoc> article_locs;  // by canonical path
    for (const xmlNode* c = root->children; c; c = c->next) {
        if (is_element(c, "meta")) {
            model::IssueMeta& m = issue.meta;
            m.title = child_text(c, "title");
            m.subtitle = child_text(c, "subtitle");
            if (std::string v = child_text(c, "volume"); !v.empty()) m.volume = whole_number(v).value_or(0);  // 0: not a number (the schema said so)
            m.number = child_text(c, "number");
            m.date = child_text(c, "date");
            m.publisher = child_text(c, "publisher");
            m.issn = child_text(c, "issn");
            m.contact = child_text(c, "contact");
            m.keywords = child_text(c, "keywords");
            m.rights = child_text(c, "rights");
            for (const xmlNode* e = c->children; e; e = e->next) {
                if (is_element(e, "editor")) m.editors.push_back(text_content(e));
                if (is_element(e, "disclaimer")) {
                    model::TextBlock block;
                    block.style = model::default_style::disclaimer;
                    block.loc = file->loc(e);
                    block.text = read_inline(*file, e, styles, sink);
                    if (layout && !layout->paragraph_style(block.style)) {
                        sink.error(block.loc, "the layout " + layout->path +
                                                  " defines no paragraph style 'disclaimer' to set this in");
                    }
                    m.disclaimer = std::move(block);
                }
            }
        } else if (is_element(c, "contents")) {
            issue.contents = model::Contents{attribute(c, "title").value_or("Contents")};
        } else if (is_element(c, "cover")) {
            issue.cover = read_cover(*file, c, manifest_path, paths, sink);
        } else if (is_element(c, "article")) {
            SourceLoc loc = file->attr_loc(c, "href");
            const std::optional<std::string> href = attribute(c, "href");
            if (too_many_articles || !href) continue;  // no href: the schema said so
            auto article_path = paths.resolve(manifest_path, *href, loc, "article", sink);
            if (!article_path) continue;
            std::error_code ec;
            const std::string canonical = fs::canonical(*article_path, ec).string();
            if (auto [first, inserted] = article_locs.insert({canonical, loc}); !inserted) {
                sink.error(loc, "article " + *article_path + " is listed twice");
                sink.note(first->second, "it is first listed here");
                continue;
            }
            auto article = read_article(*article_path, styles, issue.language, paths, sink, style_check);
            if (!article) continue;
            if (attribute(c, "page").value_or("own") == "contents") {
                const SourceLoc page_loc = file->attr_loc(c, "page");
                if (!has_contents(root)) {
                    sink.error(page_loc, "page=\"contents\" needs a contents page: add <contents/> to the issue");
                } else if (article->kind != model::ArticleKind::note) {
                    sink.error(page_loc, "only a note (<article kind=\"note\">) can stand on the contents page; " +
                                             *article_path + " is a feature");
                }
                article->on_contents_page = true;
            }
            issue.articles.push_back(std::move(*article));
        }
    }
    if (sink.error_count() > errors_before || !manifest_valid || !layout) return std::nullopt;
    issue.layout = std::move(*layout);
    // After reading, so diagnostics quote the text as the writer typed it.
    if (issue.punctuation == model::Punctuation::typographic) apply_typographic_punctuation(issue);
    return issue;
}

}  // namespace quire::input
