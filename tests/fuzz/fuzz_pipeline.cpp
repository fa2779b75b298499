// libFuzzer target: the whole pipeline on whole issues, from XML to PDF bytes (issue
// 14: one-article issues could not reach the crashes that several articles, a cover
// and another layout did).
//
// The input is an issue shape and its fuzzed articles:
// - if it starts with '<' it is one article and the shape is the default (cover,
//   contents, the welcome note on the contents page, two copies of the sample's
//   feature after it, the Review's layout); so the seed corpus of articles works;
// - otherwise its first byte chooses the shape: bit 0 a cover, bit 1 a contents page,
//   bit 2 the welcome note on it, bit 3 the A5 layout instead of the Review's, bits 4-5
//   <flow article-start> (page, recto, column, page); its second byte, how many copies
//   of the sample's feature (0-15) stand among the fuzzed articles; the rest is up to
//   four articles parted by "<!--next-->".
// The PDF goes to a scratch file that is overwritten each run.
#include "fuzz_scratch.hpp"
#include "pipeline.hpp"

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

struct Shape {
    bool cover = true, contents = true, note = true, a5 = false;
    int start = 0;   // 0 page, 1 recto, 2 column
    int copies = 2;  // of the sample's feature
    std::vector<std::string> articles;
};

Shape shape_of(const std::uint8_t* data, std::size_t size) {
    Shape s;
    std::string rest(reinterpret_cast<const char*>(data), size);
    if (size >= 2 && data[0] != '<') {
        s.cover = data[0] & 1;
        s.contents = data[0] & 2;
        s.note = (data[0] & 4) && s.contents;
        s.a5 = data[0] & 8;
        s.start = (data[0] >> 4) & 3;
        if (s.start == 3) s.start = 0;
        s.copies = data[1] & 15;
        rest = rest.substr(2);
    }
    const std::string separator = "<!--next-->";
    for (std::size_t at = 0; s.articles.size() < 4;) {
        const std::size_t next = rest.find(separator, at);
        s.articles.push_back(rest.substr(at, next == std::string::npos ? std::string::npos : next - at));
        if (next == std::string::npos) break;
        at = next + separator.size();
    }
    return s;
}

std::string read_scratch(const std::string& relative) {
    std::ifstream in(quire::fuzz::scratch() / relative);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Made once per process: layouts/fuzz-<layout>-<start>.xml, the shipped layouts with a
// <flow> element, and articles/copy-<n>.xml, numbered copies of the sample's feature
// (an issue's articles need ids of their own).
void prepare_project() {
    const std::string feature = read_scratch("issues/2025-spring/articles/scam-compounds.xml");
    const std::string id = "id=\"scam-compounds\"";
    for (int n = 0; n < 16; ++n) {
        std::string copy = feature;
        if (copy.find(id) != std::string::npos) copy.replace(copy.find(id), id.size(), "id=\"copy-" + std::to_string(n) + "\"");
        std::ofstream(quire::fuzz::scratch() / "issues/2025-spring/articles" / ("copy-" + std::to_string(n) + ".xml")) << copy;
    }
    const char* const starts[] = {"page", "recto", "column"};
    for (const char* layout : {"review", "a5-single"}) {
        const std::string text = read_scratch("layouts/" + std::string(layout) + ".xml");
        for (int start = 0; start < 3; ++start) {
            std::string edited = text;
            const std::size_t fonts = edited.find("<fonts");
            if (fonts != std::string::npos) {
                edited.insert(fonts, std::string("<flow article-start=\"") + starts[start] + "\"/>\n  ");
            }
            std::ofstream(quire::fuzz::scratch() / "layouts" /
                          ("fuzz-" + std::string(layout) + "-" + starts[start] + ".xml"))
                << edited;
        }
    }
}

std::string manifest_of(const Shape& s) {
    const char* const starts[] = {"page", "recto", "column"};
    std::string m = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue version=\"1\" layout=\"../../layouts/fuzz-" +
                    std::string(s.a5 ? "a5-single" : "review") + "-" + starts[s.start] +
                    ".xml\" xml:lang=\"en-GB\">\n"
                    "  <meta><title>Fuzz</title><number>1</number><date>2025-04-01</date><publisher>Fuzz</publisher>"
                    "<disclaimer>Views are the authors' own.</disclaimer></meta>\n";
    if (s.cover) m += "  <cover image=\"images/cover.jpg\" credit=\"Fuzz.\"/>\n";
    if (s.contents) m += "  <contents title=\"Contents\"/>\n";
    if (s.note) m += "  <article href=\"articles/welcome.xml\" page=\"contents\"/>\n";
    // The fuzzed articles first, between and after the copies of the sample's feature.
    const std::size_t total = s.articles.size() + static_cast<std::size_t>(s.copies);
    for (std::size_t i = 0, fuzzed = 0, copy = 0; i < total; ++i) {
        const bool take_fuzzed = fuzzed < s.articles.size() && (i % 2 == 0 || i + s.articles.size() - fuzzed >= total);
        m += "  <article href=\"articles/" +
             (take_fuzzed ? "fuzz-" + std::to_string(fuzzed++) : "copy-" + std::to_string(copy++)) + ".xml\"/>\n";
    }
    return m + "</issue>\n";
}

int build(const std::string& manifest) {
    quire::BuildRequest request;
    request.input.manifest = manifest;
    request.output = (quire::fuzz::scratch() / "fuzz.pdf").string();
    quire::DiagnosticSink sink;
    const int code = quire::build_issue(request, sink);
    quire::fuzz::debug_print(sink);
    return code;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool checked = [] {
        prepare_project();
        // The harness itself must typeset a plain issue of every shape's kind, or
        // nothing past the readers would be fuzzed.
        const std::string plain = "\x3f\x03<article version=\"1\"><title>T</title><body><p>Hello.</p></body></article>";
        const Shape s = shape_of(reinterpret_cast<const std::uint8_t*>(plain.data()), plain.size());
        quire::fuzz::write_input("issues/2025-spring/articles/fuzz-0.xml",
                                 reinterpret_cast<const std::uint8_t*>(s.articles[0].data()), s.articles[0].size());
        const std::string text = manifest_of(s);
        const std::string manifest = quire::fuzz::write_input(
            "issues/2025-spring/fuzz-issue.xml", reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
        if (build(manifest) != quire::exit_ok) {
            std::cerr << "fuzz_pipeline: the harness's own issue does not build:\n" << text;
            std::abort();
        }
        return true;
    }();
    (void)checked;
    const Shape s = shape_of(data, size);
    for (std::size_t i = 0; i < s.articles.size(); ++i) {
        quire::fuzz::write_input("issues/2025-spring/articles/fuzz-" + std::to_string(i) + ".xml",
                                 reinterpret_cast<const std::uint8_t*>(s.articles[i].data()), s.articles[i].size());
    }
    const std::string text = manifest_of(s);
    build(quire::fuzz::write_input("issues/2025-spring/fuzz-issue.xml", reinterpret_cast<const std::uint8_t*>(text.data()),
                                   text.size()));
    return 0;
}
