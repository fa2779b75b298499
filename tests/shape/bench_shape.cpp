// Shapes the sample article (or a file given on the command line) with EB Garamond at
// 10.5 pt, paragraph by paragraph as the pipeline will, and prints the wall time and
// the cache hit rate. Not a test: timings vary by machine, so nothing is asserted.
#include "shape/paragraph.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace quire;

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "/work/shared/seed/000_8855957e6f0d8a74.txt";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "bench_shape: cannot read " << path << "\n";
        return 1;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    // Paragraphs are separated by blank lines, as in the seed files.
    std::vector<std::string> paragraphs;
    std::string current;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) {
            if (!current.empty()) paragraphs.push_back(current);
            current.clear();
        } else {
            current += current.empty() ? line : " " + line;
        }
    }
    if (!current.empty()) paragraphs.push_back(current);

    DiagnosticSink sink;
    font::FontRegistry registry;
    const auto font = registry.load(std::string(QUIRE_SOURCE_DIR) + "/fonts/EBGaramond/EBGaramond12-Regular.otf", {}, sink);
    if (!font) {
        print_diagnostics(std::cerr, sink);
        return 1;
    }
    shape::Shaper shaper(registry);
    shape::BreakFinder breaks;
    shape::TextStyle style;
    style.font = *font;
    style.size = Length::from_pt(10.5);
    style.language = "en-GB";

    std::size_t words = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& p : paragraphs) {
        const std::vector<shape::StyledText> runs{{p, style, {path, 0, 0}}};
        for (const shape::Segment& s : shape::shape_paragraph(shaper, breaks, runs, sink))
            words += std::holds_alternative<shape::Word>(s);
    }
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    const auto& st = shaper.stats();
    std::printf("%zu bytes, %zu paragraphs, %zu words: %.2f ms; %llu shape lookups, %llu HarfBuzz calls, cache hit rate %.1f%%\n",
                text.size(), paragraphs.size(), words, elapsed.count(), static_cast<unsigned long long>(st.lookups),
                static_cast<unsigned long long>(st.shaped), 100.0 * st.hit_rate());
    print_diagnostics(std::cerr, sink);
    return 0;
}
