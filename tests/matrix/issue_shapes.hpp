#pragma once
// The issue shapes of the matrix test (issue 14): issues made by the test from the
// sample's article and the long test issue's two, in a scratch project with the
// shipped layouts. Each shape varies what composition must survive: a cover or not, a
// contents page or not, a note on the contents page, 1 to 16 articles of different
// lengths, figures at every placement and span, pull quotes at the start, middle and
// end of a body, drop caps on or off, and every <flow article-start>.
#include "tool_run.hpp"

#include <string>
#include <vector>

namespace quire::test {

enum class PullQuoteAt { none, start, middle, end };

struct ArticleShape {
    int source = 0;        // which source article: 0 the sample's, 1 munich, 2 canada
    int blocks = 0;        // how many of its paragraphs and headings (0: all of them)
    std::string figure;    // "" none, else "placement span" ("top column", "here page" ...)
    PullQuoteAt pullquote = PullQuoteAt::none;
    bool pullquote_spans = false;  // span="page"
};

struct IssueShape {
    std::string name;  // for messages: what varies
    bool cover = false;
    bool contents = false;
    bool note_on_contents = false;  // the welcome note set under the contents list
    std::string article_start;      // page, recto, column
    bool drop_cap = false;
    std::vector<ArticleShape> articles;
};

// The fixed list the matrix runs: shape k has k+1 articles (1 to 16), and the other
// choices rotate so that every value of every choice meets several others.
std::vector<IssueShape> issue_shapes();

// Writes `shape` as a project in `dir` (layouts/ and fonts/ copied from the source
// tree, the layout named `layout` edited for the shape's flow and drop cap) and
// returns the manifest's path.
std::string write_issue(const ScratchDir& dir, const IssueShape& shape, const std::string& layout);

}  // namespace quire::test
