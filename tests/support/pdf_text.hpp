#pragma once
// Text read back from quire's PDFs as a reader gets it, for the tests that compare it
// with the articles.
#include <string>
#include <vector>

namespace quire::test {

// reading: pdftotext's guess at reading order from where text stands on the page;
// content_stream: the order the PDF draws it in (pdftotext -raw), which is quire's own
// reading order -- for pages whose layout pdftotext's guess gets wrong. Its words are
// pdftotext's word boxes (-raw -bbox), which part at every space glyph: plain -raw
// runs words together where a tight line's spaces are narrower than 0.15 em.
enum class TextOrder { reading, content_stream };

// pdftotext's text of `pdf` (REQUIREs that it runs), with the hyphens quire adds at
// line ends (U+002D and a line break) taken out again, and the text's own hyphens at
// line ends (U+2010) kept as '-'.
std::string extracted_text(const std::string& pdf, TextOrder order = TextOrder::reading);

// The whitespace-separated words of `text`.
std::vector<std::string> words_of(const std::string& text);

// A word as pdftotext -bbox places it: page (1-based) and box in points, y downwards.
struct WordBox {
    int page;
    double x0, y0, x1, y1;
    std::string text;
};

struct WordBoxes {
    std::vector<WordBox> words;
    double page_width = 0;  // the last page's
};

// Every word of `pdf` with its box (REQUIREs that pdftotext runs).
WordBoxes word_boxes(const std::string& pdf);

}  // namespace quire::test
