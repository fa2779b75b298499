#pragma once
// What a PDF of `quire init`'s first issue must be, checked with real readers: qpdf
// finds no damage, pdffonts every font embedded and subset, pdftotext the sample
// article's words. For the init test (build tree) and the install test (a moved install).
#include <string>

namespace quire::test {

void check_first_issue_pdf(const std::string& pdf);

}  // namespace quire::test
