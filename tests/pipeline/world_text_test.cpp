// The world's text (issue 20): names and phrases in other scripts inside an English
// article, built by the real binary in the sample's layout (EB Garamond, Inter), whose
// fonts have none of Arabic, Hebrew, Chinese, Japanese, Korean or Armenian. Installed
// fonts (Debian's fonts-noto-core and fonts-noto-cjk, in .ci/setup) set them.
#include "pdf_text.hpp"
#include "punctuation_project.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

using namespace quire::test;

namespace {

const char* const body =
    "<p>The Arab League (<span xml:lang=\"ar\">\u062C\u0627\u0645\u0639\u0629</span>) met in Cairo; "
    "the Knesset (<span xml:lang=\"he\">\u05DB\u05E0\u05E1\u05EA</span>) did not.</p>\n"
    "<p>Beijing\u2019s <span xml:lang=\"zh\">\u5916\u4EA4\u90E8</span>, Tokyo\u2019s "
    "<span xml:lang=\"ja\">\u5916\u52D9\u7701</span> and Seoul\u2019s "
    "<span xml:lang=\"ko\">\uC678\uAD50\uBD80</span> all replied.</p>\n"
    "<p>In Hanoi, <span xml:lang=\"vi\">B\u1ED9 Ngo\u1EA1i giao</span>; in Athens, "
    "<span xml:lang=\"el\">\u03A5\u03C0\u03BF\u03C5\u03C1\u03B3\u03B5\u03AF\u03BF</span>; in Moscow, "
    "<span xml:lang=\"ru\">\u041C\u0418\u0414</span>; in Yerevan, "
    "<span xml:lang=\"hy\">\u0531\u0580\u057F\u0561\u0584\u056B\u0576</span>.</p>\n";

struct Built {
    ToolResult run;
    std::string pdf;
};

Built build(const ScratchDir& dir, const std::string& options) {
    const std::string manifest = write_punctuation_issue(dir, {"", "", "Ministries", body});
    const std::string pdf = dir.file("issue.pdf");
    return {run_tool(quoted(QUIRE_BINARY) + " build " + quoted(manifest) + " -o " + quoted(pdf) + " " + options), pdf};
}

}  // namespace

TEST_CASE("characters the layout's fonts lack come from installed fonts, embedded", "[pipeline][world]") {
    ScratchDir dir;
    const Built b = build(dir, "--debug=fonts");
    INFO(b.run.err);
    REQUIRE(b.run.exit_code == 0);
    // No glyph is missing, and no language lacks patterns: Greek has Debian's, and
    // Chinese, Japanese, Korean and Vietnamese are not hyphenated.
    CHECK(b.run.err.find("warning") == std::string::npos);
    // --debug=fonts names the installed faces it chose, and the layout's.
    CHECK(b.run.err.find("EBGaramond12-Regular.otf (EBGaramond12-Regular)") != std::string::npos);
    // Serif faces for a serif text, the Chinese cut for Chinese and the Korean for Korean.
    CHECK(b.run.err.find("NotoSerifCJK-Regular.ttc#2 (NotoSerifCJKsc-Regular)") != std::string::npos);
    CHECK(b.run.err.find("NotoSerifCJK-Regular.ttc#1 (NotoSerifCJKkr-Regular)") != std::string::npos);
    CHECK(b.run.err.find("DejaVuSans.ttf") == std::string::npos);
    CHECK(b.run.err.find(": installed, for characters the layout's fonts lack") != std::string::npos);

    // Every face is embedded and subset (pdffonts: emb and sub both "yes").
    const ToolResult fonts = run_tool("pdffonts " + quoted(b.pdf));
    INFO(fonts.out);
    REQUIRE(fonts.exit_code == 0);
    CHECK(fonts.out.find("NotoSerifCJKsc-Regular") != std::string::npos);
    CHECK(fonts.out.find(" no  ") == std::string::npos);
    CHECK(run_tool("qpdf --check " + quoted(b.pdf)).exit_code == 0);

    // The left-to-right scripts come back whole, in order.
    const std::string text = extracted_text(b.pdf);
    INFO(text);
    for (const char* words : {"\u5916\u4EA4\u90E8", "\u5916\u52D9\u7701", "\uC678\uAD50\uBD80", "B\u1ED9 Ngo\u1EA1i giao",
                              "\u03A5\u03C0\u03BF\u03C5\u03C1\u03B3\u03B5\u03AF\u03BF", "\u041C\u0418\u0414",
                              "\u0531\u0580\u057F\u0561\u0584\u056B\u0576"})
        CHECK(text.find(words) != std::string::npos);
}

TEST_CASE("the same issue twice gives the same bytes, with installed fonts", "[pipeline][world]") {
    ScratchDir one, two;
    const Built a = build(one, "--jobs 1");
    const Built b = build(two, "--jobs 2");
    REQUIRE((a.run.exit_code == 0 && b.run.exit_code == 0));
    CHECK(read_bytes(a.pdf) == read_bytes(b.pdf));
}

TEST_CASE("with --no-system-fonts each paragraph's missing characters are one warning", "[pipeline][world]") {
    ScratchDir dir;
    const Built b = build(dir, "--no-system-fonts");
    INFO(b.run.err);
    REQUIRE(b.run.exit_code == 0);
    std::size_t warnings = 0;
    for (std::size_t at = b.run.err.find("warning: no font has"); at != std::string::npos;
         at = b.run.err.find("warning: no font has", at + 1))
        ++warnings;
    // Three paragraphs lack glyphs; Vietnamese, Greek and Russian are EB Garamond's.
    CHECK(warnings == 3);
    CHECK(b.run.err.find("U+062C '\u062C', U+0627 '\u0627'") != std::string::npos);
    CHECK(b.run.err.find("U+0531 '\u0531'") != std::string::npos);
    CHECK(b.run.err.find("U+0412") == std::string::npos);
}
