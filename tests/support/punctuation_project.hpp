#pragma once
// A one-article issue in a scratch project (layouts/ and fonts/ copied in), for the
// tests of typographer's punctuation: the manifest's punctuation= and the article's
// language and body are the test's.
#include "tool_run.hpp"

#include <fstream>
#include <string>

namespace quire::test {

struct PunctuationIssue {
    std::string punctuation;       // the manifest's punctuation="..."; empty: none
    std::string article_language;  // the article's xml:lang; empty: the issue's (en-GB)
    std::string title = "A \"quoted\" title";
    std::string body;              // the <body>'s content
};

// Writes the project into `dir`; returns the manifest's path.
inline std::string write_punctuation_issue(const ScratchDir& dir, const PunctuationIssue& issue) {
    copy_project(dir);
    std::filesystem::create_directories(dir.path() / "issues/p/articles");
    const std::string attribute = issue.punctuation.empty() ? "" : " punctuation=\"" + issue.punctuation + "\"";
    std::ofstream(dir.file("issues/p/issue.xml"), std::ios::binary)
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<issue version=\"1\" layout=\"../../layouts/review.xml\" xml:lang=\"en-GB\"" << attribute << ">\n"
        << "  <meta><title>The \"Review\"</title><date>2025-04-01</date>"
        << "<publisher>St Andrews Foreign Affairs Society</publisher></meta>\n"
        << "  <article href=\"articles/a.xml\"/>\n"
        << "</issue>\n";
    const std::string lang = issue.article_language.empty() ? "" : " xml:lang=\"" + issue.article_language + "\"";
    std::ofstream(dir.file("issues/p/articles/a.xml"), std::ios::binary)
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<article version=\"1\" id=\"a\"" << lang << ">\n"
        << "  <title>" << issue.title << "</title>\n"
        << "  <body>\n" << issue.body << "\n  </body>\n"
        << "</article>\n";
    return dir.file("issues/p/issue.xml");
}

}  // namespace quire::test
