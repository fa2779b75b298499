// The article tree -> article XML: escaping, and the parts the schema requires.
#include "import/article_xml.hpp"

#include <catch2/catch.hpp>

using namespace quire::import;

TEST_CASE("text and attributes are escaped, control characters dropped", "[import]") {
    Article a;
    a.title = {Inline{Inline::Kind::text, "Tom & \"Jerry\" <1>\f", {}}};
    a.body.push_back(Figure{"a\"b&.png", "x < y", {}});
    const std::string xml = article_xml(a);
    CHECK(xml.find("<title>Tom &amp; &quot;Jerry&quot; &lt;1&gt;</title>") != std::string::npos);
    CHECK(xml.find("<figure src=\"a&quot;b&amp;.png\" alt=\"x &lt; y\">") != std::string::npos);
    CHECK(xml.find("<credit></credit>") != std::string::npos);
}

TEST_CASE("an empty article still has the title and the one block the schema wants", "[import]") {
    const std::string xml = article_xml(Article{});
    CHECK(xml == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article version=\"1\">\n  <title></title>\n"
                 "  <body>\n    <p></p>\n  </body>\n</article>\n");
}
