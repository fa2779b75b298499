#include "issue_shapes.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

namespace quire::test {

namespace fs = std::filesystem;

namespace {

const char* const source_files[] = {
    "issues/2025-spring/articles/scam-compounds.xml",
    "tests/golden/long-issue/articles/munich.xml",
    "tests/golden/long-issue/articles/canada.xml",
};

const char* const figures[] = {"", "top column", "top page", "bottom column", "bottom page", "here column", "here page"};
const int lengths[] = {0, 2, 5, 9};

struct SourceArticle {
    std::string section, title, subtitle;
    std::vector<std::string> blocks;  // <p>, <h2>, <h3> elements as written
};

std::string first_match(const std::string& text, const std::string& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : std::string();
}

SourceArticle read_source(int source) {
    const std::string text = read_bytes(source_files[source]);
    REQUIRE(!text.empty());
    SourceArticle a;
    a.section = first_match(text, "section=\"([^\"]*)\"");
    a.title = first_match(text, "<title>([^<]*)</title>");
    a.subtitle = first_match(text, "<subtitle>([^<]*)</subtitle>");
    const std::regex block("<(p|h2|h3)\\b[^>]*>[\\s\\S]*?</\\1>");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), block); it != std::sregex_iterator(); ++it) {
        a.blocks.push_back(it->str());
    }
    REQUIRE(a.blocks.size() > 9);
    return a;
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string figure_element(const std::string& figure) {
    const std::size_t space = figure.find(' ');
    return "<figure src=\"../images/compound-at-night.jpg\" placement=\"" + figure.substr(0, space) + "\" span=\"" +
           figure.substr(space + 1) +
           "\" alt=\"A walled compound at night.\"><caption>A compound at night.</caption>"
           "<credit>Drawn for the tests.</credit></figure>";
}

std::string article_text(const ArticleShape& shape, int number) {
    const SourceArticle src = read_source(shape.source);
    std::vector<std::string> body(src.blocks.begin(),
                                  shape.blocks == 0 ? src.blocks.end() : src.blocks.begin() + shape.blocks);
    if (!shape.figure.empty()) body.insert(body.begin() + std::min<std::size_t>(1, body.size()), figure_element(shape.figure));
    const std::string quote = std::string("<pullquote") + (shape.pullquote_spans ? " span=\"page\"" : "") +
                              ">A turning point is easier to name in hindsight than to recognise.</pullquote>";
    if (shape.pullquote == PullQuoteAt::start) body.insert(body.begin(), quote);
    if (shape.pullquote == PullQuoteAt::middle) body.insert(body.begin() + body.size() / 2, quote);
    if (shape.pullquote == PullQuoteAt::end) body.push_back(quote);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article version=\"1\" id=\"a" +
                      std::to_string(number) + "\" xml:lang=\"en-GB\" section=\"" + src.section + "\">\n  <title>" +
                      src.title + " (" + std::to_string(number) + ")</title>\n";
    if (number % 2 == 0) out += "  <subtitle>" + src.subtitle + "</subtitle>\n";
    out += "  <body>\n";
    for (const std::string& b : body) out += "    " + b + "\n";
    return out + "  </body>\n</article>\n";
}

// The layout, edited for the shape: its <flow> and whether body-first has a drop cap.
std::string layout_text(const std::string& layout, const IssueShape& shape) {
    std::string text = read_bytes("layouts/" + layout);
    REQUIRE(!text.empty());
    const std::string cap = " drop-cap-lines=\"3\" drop-cap-style=\"drop-cap\"";
    text = std::regex_replace(text, std::regex(" drop-cap-lines=\"[0-9]\"( drop-cap-style=\"[^\"]*\")?"), "");
    const std::string first = "name=\"body-first\" based-on=\"body\"";
    REQUIRE(text.find(first) != std::string::npos);
    if (shape.drop_cap) text.replace(text.find(first), first.size(), first + cap);
    const std::string fonts = "<fonts fallback";
    REQUIRE(text.find(fonts) != std::string::npos);
    text.replace(text.find(fonts), fonts.size(),
                 "<flow article-start=\"" + shape.article_start + "\"/>\n  " + fonts);
    return text;
}

std::string manifest_text(const IssueShape& shape, const std::string& layout) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue version=\"1\" layout=\"../../layouts/" +
                      layout + "\" xml:lang=\"en-GB\">\n" +
                      "  <meta>\n    <title>St Andrews Foreign Affairs Review</title>\n"
                      "    <number>Matrix " + shape.name + "</number>\n    <date>2025-04-01</date>\n"
                      "    <publisher>quire's test suite</publisher>\n"
                      "    <disclaimer>The views expressed are the authors' own.</disclaimer>\n  </meta>\n";
    if (shape.cover) out += "  <cover image=\"images/cover.jpg\" credit=\"Drawn for the tests.\"/>\n";
    if (shape.contents) out += "  <contents title=\"Contents\"/>\n";
    if (shape.note_on_contents) out += "  <article href=\"articles/welcome.xml\" page=\"contents\"/>\n";
    for (std::size_t i = 0; i < shape.articles.size(); ++i) {
        out += "  <article href=\"articles/a" + std::to_string(i + 1) + ".xml\"/>\n";
    }
    return out + "</issue>\n";
}

}  // namespace

std::vector<IssueShape> issue_shapes() {
    static const char* const starts[] = {"page", "recto", "column"};
    std::vector<IssueShape> shapes;
    for (int k = 0; k < 16; ++k) {
        IssueShape s;
        s.cover = k % 2 == 0;
        s.contents = k % 4 != 3;
        s.note_on_contents = s.contents && k % 3 != 1;
        s.article_start = starts[k % 3];
        s.drop_cap = (k / 2) % 2 == 0;
        for (int i = 0; i < k + 1; ++i) {
            ArticleShape a;
            a.source = (i + k) % 3;
            a.blocks = lengths[(i + 2 * k) % 4];
            a.figure = figures[(i + k) % 7];
            a.pullquote = static_cast<PullQuoteAt>((i + k) % 4);
            a.pullquote_spans = ((i + k) / 4) % 2 == 1;
            s.articles.push_back(a);
        }
        s.name = std::to_string(k + 1) + " articles" + (s.cover ? ", cover" : "") + (s.contents ? ", contents" : "") +
                 (s.note_on_contents ? ", note on contents" : "") + ", start " + s.article_start +
                 (s.drop_cap ? ", drop cap" : "");
        shapes.push_back(std::move(s));
    }
    return shapes;
}

std::string write_issue(const ScratchDir& dir, const IssueShape& shape, const std::string& layout) {
    copy_project(dir);
    write_file(dir.path() / "layouts" / layout, layout_text(layout, shape));
    const fs::path issue = dir.path() / "issues/matrix";
    fs::create_directories(issue / "images");
    for (const char* image : {"cover.jpg", "compound-at-night.jpg"}) {
        fs::copy(fs::path("issues/2025-spring/images") / image, issue / "images" / image);
    }
    fs::create_directories(issue / "articles");
    fs::copy("issues/2025-spring/articles/welcome.xml", issue / "articles/welcome.xml");
    for (std::size_t i = 0; i < shape.articles.size(); ++i) {
        write_file(issue / ("articles/a" + std::to_string(i + 1) + ".xml"),
                   article_text(shape.articles[i], static_cast<int>(i + 1)));
    }
    write_file(issue / "issue.xml", manifest_text(shape, layout));
    return (issue / "issue.xml").string();
}

}  // namespace quire::test
