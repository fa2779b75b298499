#include "pdf_text.hpp"

#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace quire::test {

std::string extracted_text(const std::string& pdf, TextOrder order) {
    const char* mode = order == TextOrder::content_stream ? "-raw " : "";
    ToolResult r = run_tool(std::string("pdftotext ") + mode + "-enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(r.exit_code == 0);
    std::string joined;
    const std::string hyphen_newline = "\u2010\n";
    for (std::size_t i = 0; i < r.out.size();) {
        if (r.out.compare(i, hyphen_newline.size(), hyphen_newline) == 0) {
            i += hyphen_newline.size();
        } else {
            joined += r.out[i++];
        }
    }
    return joined;
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

}  // namespace quire::test
