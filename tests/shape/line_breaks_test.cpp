#include "shape/line_breaks.hpp"

#include <catch2/catch.hpp>

using namespace quire::shape;

namespace {

// The text cut at its break opportunities; a mandatory one is marked with "!".
std::vector<std::string> pieces(BreakFinder& finder, const std::string& text, const char* language = "en-GB") {
    std::vector<std::string> out;
    std::size_t prev = 0;
    for (const BreakOpportunity& b : finder.find(text, language)) {
        out.push_back(text.substr(prev, b.offset - prev) + (b.kind == BreakKind::mandatory ? "!" : ""));
        prev = b.offset;
    }
    return out;
}

}  // namespace

TEST_CASE("line breaks follow UAX #14 around dashes, hyphens and URLs", "[shape][linebreak]") {
    BreakFinder finder;
    // UAX 14 would also break before the em dash; a dash set close stays with its word.
    CHECK(pieces(finder, "A dash\u2014then a well-known URL https://www.example.com/a/b here.") ==
          std::vector<std::string>{"A ", "dash\u2014", "then ", "a ", "well-", "known ", "URL ", "https://",
                                   "www.example.com/", "a/", "b ", "here."});
    // At a paragraph's end too ("as if to myself\u2014"), and a spaced dash still breaks.
    CHECK(pieces(finder, "to myself\u2014") == std::vector<std::string>{"to ", "myself\u2014"});
    CHECK(pieces(finder, "one \u2014 two") == std::vector<std::string>{"one ", "\u2014 ", "two"});
}

TEST_CASE("spaces stay with the word before them and some breaks are forbidden", "[shape][linebreak]") {
    BreakFinder finder;
    // No break before "!" nor inside "(see", nor at a no-break space.
    CHECK(pieces(finder, "word ! (see p.\u00A012)") == std::vector<std::string>{"word ! ", "(see ", "p.\u00A012)"});
}

TEST_CASE("a newline is a mandatory break, the text end is always reported", "[shape][linebreak]") {
    BreakFinder finder;
    CHECK(pieces(finder, "one\ntwo") == std::vector<std::string>{"one\n!", "two"});
    const auto breaks = finder.find("abc", "en-US");
    REQUIRE(breaks.size() == 1);
    CHECK(breaks[0].offset == 3);
    CHECK(finder.find("", "en").empty());
    // Offsets are bytes into the UTF-8 text.
    CHECK(finder.find("\u00E9t\u00E9 ici", "fr")[0].offset == 6);
}

namespace {

// Kinsoku, checked on every piece: no line may start with closing punctuation, an
// iteration mark, the prolonged sound mark or a small kana, nor end with an opening bracket.
const std::vector<std::string> no_line_start = {"\u3001", "\u3002", "\uFF0C", "\uFF0E", "\u300D", "\u300F", "\uFF09",
                                                "\u3011", "\u300B", "\u201D", "\u30FB", "\u30FC", "\uFF1A", "\uFF01",
                                                "\uFF1F", "\u3005", "\u3063", "\u3087", "\u30C3", "\u30E7"};
const std::vector<std::string> no_line_end = {"\u300C", "\u300E", "\uFF08", "\u3010", "\u300A", "\u201C"};

void check_kinsoku(const std::vector<std::string>& cut) {
    for (std::size_t i = 0; i < cut.size(); ++i) {
        INFO("piece " << i << ": " << cut[i]);
        for (const std::string& s : no_line_start) CHECK_FALSE(cut[i].starts_with(s));
        if (i + 1 < cut.size())
            for (const std::string& s : no_line_end) CHECK_FALSE(cut[i].ends_with(s));
    }
}

}  // namespace

TEST_CASE("Chinese breaks between characters, but not before closing or after opening punctuation",
          "[shape][linebreak][cjk]") {
    BreakFinder finder;
    const std::string text = "他说：\u201C你好。\u201D《人民日报》报道，外交部（北京）表示：「合作、共赢」。";
    const std::vector<std::string> cut = pieces(finder, text, "zh");
    CHECK(cut == std::vector<std::string>{"他", "说：", "\u201C你", "好。\u201D", "《人", "民", "日", "报》", "报",
                                          "道，", "外", "交", "部", "（北", "京）", "表", "示：", "「合", "作、",
                                          "共", "赢」。"});
    check_kinsoku(cut);
    check_kinsoku(pieces(finder, text, "zh-Hant-TW"));
}

TEST_CASE("Japanese breaks between characters with strict kinsoku: no small kana or \u30FC at a line start",
          "[shape][linebreak][cjk]") {
    BreakFinder finder;
    const std::string text = "ちょっとコーヒーを飲みましょう。「東京」（とうきょう）・大阪【注】々";
    const std::vector<std::string> cut = pieces(finder, text, "ja");
    CHECK(cut == std::vector<std::string>{"ちょっ", "と", "コー", "ヒー", "を", "飲", "み", "ま", "しょ", "う。",
                                          "「東", "京」", "（と", "う", "きょ", "う）・", "大", "阪", "【注】々"});
    check_kinsoku(cut);
    check_kinsoku(pieces(finder, text, "ja-JP"));
    // A tag that asks for ICU's loose rules gets them (a small kana may start a line).
    CHECK(pieces(finder, "ちょっと", "ja-u-lb-loose").size() > 2);
}

TEST_CASE("Korean breaks at spaces only, keeping its words whole", "[shape][linebreak][cjk]") {
    BreakFinder finder;
    CHECK(pieces(finder, "대한민국의 수도는 서울이다. 「한국」(韓國) 2025년에", "ko") ==
          std::vector<std::string>{"대한민국의 ", "수도는 ", "서울이다. ", "「한국」", "(韓國) ", "2025년에"});
    // Hangul in a text not marked Korean breaks as UAX #14 says, between syllables.
    CHECK(pieces(finder, "서울이다", "en").size() == 4);
}

TEST_CASE("a text in several languages breaks only where each side's language allows", "[shape][linebreak][cjk]") {
    BreakFinder finder;
    const std::string text = "Seoul (서울특별시) and 東京 ちょっと";
    const std::size_t korean_end = text.find(')');
    const std::size_t japanese = text.find("東");
    const std::vector<LanguageSpan> spans = {
        {text.find("서"), "en-GB"}, {korean_end, "ko"}, {japanese, "en-GB"}, {text.size(), "ja"}};
    std::vector<std::string> cut;
    std::size_t prev = 0;
    for (const BreakOpportunity& b : finder.find(text, spans)) {
        cut.push_back(text.substr(prev, b.offset - prev));
        prev = b.offset;
    }
    CHECK(cut == std::vector<std::string>{"Seoul ", "(서울특별시) ", "and ", "東", "京 ", "ちょっ", "と"});
    // One language: as the plain find.
    CHECK(finder.find(text, std::vector<LanguageSpan>{{text.size(), "en-GB"}}) == finder.find(text, "en-GB"));
}
