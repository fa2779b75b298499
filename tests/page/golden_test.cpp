// A small fixed issue composed and dumped one draw operation a line, compared with
// tests/page/golden/<case>.txt. UPDATE_GOLDEN=1 rewrites the file (then review the
// diff and the pages by eye before committing).
#include "fake_issue.hpp"
#include "render/display_list_dump.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace quire;
using namespace quire::page;
using namespace quire::page::testing;

namespace {
void check_golden(const std::string& name, const std::string& actual) {
    std::string path = std::string(QUIRE_SOURCE_DIR) + "/tests/page/golden/" + name + ".txt";
    const char* update = std::getenv("UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("rewrote " << path);
        return;
    }
    std::ifstream in(path, std::ios::binary);
    INFO("golden file " << path << " (UPDATE_GOLDEN=1 to write it)");
    REQUIRE(in.good());
    std::stringstream expected;
    expected << in.rdbuf();
    CHECK(actual == expected.str());
}
}  // namespace

TEST_CASE("golden: a note and a short article with a heading, a figure and a disclaimer", "[page][golden]") {
    std::vector<galley::ArticleGalley> articles{
        make_article(0, "Note", {"p3", "p2"}),
        make_article(1, "Golden", {"p5", "h", "p4", "ft", "p6", "p3", "p9", "h", "p4", "p20", "p7"}, "Disclaimer.",
                     "Gold"),
    };
    articles[0].plan.is_note = true;
    DiagnosticSink sink;
    render::DisplayList dl = build_pages(articles, fake_furniture(), small_layout(), stub_setter(), sink);
    CHECK(sink.all().empty());
    check_golden("small_issue", render::dump_display_list(dl));
}
