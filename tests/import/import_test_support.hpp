#pragma once
// Hand-written pandoc trees for the import tests: a document around some blocks, and
// what the importer makes of it as article XML.
#include "import/article_xml.hpp"
#include "import/from_pandoc.hpp"

#include <string>

namespace quire::import::test {

// A title in the metadata by default, so that no test sees the warning for its absence.
inline const std::string titled = R"({"title":{"t":"MetaString","c":"T"}})";

inline nlohmann::json document(const std::string& blocks, const std::string& meta = titled) {
    return nlohmann::json::parse(R"({"pandoc-api-version":[1,22,2,1],"meta":)" + meta + R"(,"blocks":)" + blocks + "}");
}

// The XML between <body> and </body>, without the indentation, one block a line.
inline std::string body_xml(const std::string& blocks, DiagnosticSink& sink, const std::string& meta = titled) {
    const std::string xml = article_xml(from_pandoc(document(blocks, meta), {"in.md"}, sink));
    const std::size_t from = xml.find("<body>\n") + 7, to = xml.find("  </body>");
    std::string out;
    bool start = true;
    for (char c : xml.substr(from, to - from)) {
        if (start && c == ' ') continue;
        start = c == '\n';
        out += c;
    }
    return out;
}

inline std::string warnings(const DiagnosticSink& sink) {
    std::string out;
    for (const Diagnostic& d : sink.all()) out += format_diagnostic(d) + "\n";
    return out;
}

// Pandoc's inline JSON for a few words: Str and Space nodes.
inline std::string words(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (!out.empty()) out += R"(,{"t":"Space"},)";
        out += R"({"t":"Str","c":")" + text.substr(start, end - start) + "\"}";
        start = end + 1;
    }
    return out;
}

inline std::string para(const std::string& text) { return R"({"t":"Para","c":[)" + words(text) + "]}"; }
inline std::string plain(const std::string& text) { return R"({"t":"Plain","c":[)" + words(text) + "]}"; }

}  // namespace quire::import::test
