#include "pdf_text.hpp"

#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <regex>
#include <sstream>

namespace quire::test {

namespace {

std::string xml_unescaped(std::string text) {
    static const std::pair<const char*, const char*> escapes[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : escapes) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
            text.replace(at, std::string(from).size(), to);
        }
    }
    return text;
}

}  // namespace

namespace {

// The words of pdftotext -raw -bbox, one line of text per line of the page.
std::string content_stream_text(const std::string& pdf) {
    const ToolResult r = run_tool("pdftotext -raw -bbox -enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(r.exit_code == 0);
    const std::regex word_re("<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\"[^>]*>([^<]*)</word>");
    std::string text, last_y;
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), word_re); it != std::sregex_iterator(); ++it) {
        const std::string y = (*it)[1].str(), word = xml_unescaped((*it)[2].str());
        if (!text.empty()) text += y == last_y ? " " : "\n";
        text += word;
        last_y = y;
    }
    return text;
}

}  // namespace

std::string extracted_text(const std::string& pdf, TextOrder order) {
    ToolResult r;
    if (order == TextOrder::content_stream) {
        r.out = content_stream_text(pdf);
    } else {
        r = run_tool("pdftotext -enc UTF-8 " + quoted(pdf) + " -");
        REQUIRE(r.exit_code == 0);
    }
    std::string joined;
    // quire writes the hyphen a line break adds as U+002D, which pdftotext's reading
    // mode takes out as it joins the lines (-raw does not: that is done here), and a
    // hyphen of the text at a line's end as U+2010, which stays (burden-sharing).
    const std::string text_hyphen_newline = "\u2010\n", break_hyphen_newline = "-\n";
    for (std::size_t i = 0; i < r.out.size();) {
        if (r.out.compare(i, text_hyphen_newline.size(), text_hyphen_newline) == 0) {
            joined += '-';
            i += text_hyphen_newline.size();
        } else if (r.out.compare(i, break_hyphen_newline.size(), break_hyphen_newline) == 0 && i > 0 &&
                   std::isalpha(static_cast<unsigned char>(r.out[i - 1])) && i + 2 < r.out.size() &&
                   std::isalpha(static_cast<unsigned char>(r.out[i + 2]))) {
            i += break_hyphen_newline.size();
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

WordBoxes word_boxes(const std::string& pdf) {
    const ToolResult boxes = run_tool("pdftotext -bbox -enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(boxes.exit_code == 0);
    const std::regex page_re("<page width=\"([0-9.]+)\""),
        word_re("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");
    WordBoxes out;
    int page = 0;
    std::istringstream lines(boxes.out);
    std::string line;
    std::smatch m;
    while (std::getline(lines, line)) {
        if (std::regex_search(line, m, page_re)) {
            ++page;
            out.page_width = std::stod(m[1]);
        } else if (std::regex_search(line, m, word_re)) {
            out.words.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]),
                                 xml_unescaped(m[5])});
        }
    }
    return out;
}

}  // namespace quire::test
