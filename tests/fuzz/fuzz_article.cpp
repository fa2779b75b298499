// libFuzzer target: one article read against the sample layout (style names, figures
// and their images are checked, as in `quire check`).
#include "fuzz_scratch.hpp"
#include "input/article_reader.hpp"
#include "input/file_limits.hpp"
#include "input/layout_reader.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace input = quire::input;
    static input::PathPolicy paths = [] {
        input::PathPolicy p;
        p.allow_tree(quire::fuzz::scratch() / "issues" / "2025-spring");
        p.allow_tree(quire::fuzz::scratch() / "layouts");
        p.allow_tree(quire::fuzz::scratch() / "fonts");
        return p;
    }();
    static const std::optional<quire::model::Layout> layout = [] {
        quire::DiagnosticSink sink;
        auto l = input::read_layout((quire::fuzz::scratch() / "layouts" / "review.xml").string(), paths, sink);
        if (!l) {  // the sample layout must read, or nothing is fuzzed
            quire::print_diagnostics(std::cerr, sink);
            std::abort();
        }
        return l;
    }();
    const std::string path = quire::fuzz::write_input("issues/2025-spring/articles/fuzz.xml", data, size);
    quire::DiagnosticSink sink;
    input::read_article(path, &*layout, "en-GB", paths, sink);
    quire::fuzz::debug_print(sink);
    return 0;
}
