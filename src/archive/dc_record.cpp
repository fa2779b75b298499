#include "archive/dc_record.hpp"

#include "core/xml_text.hpp"

namespace quire::archive {

namespace {


void element(std::string& x, const char* indent, const char* name, const std::string& value) {
    if (value.empty()) return;
    x += std::string(indent) + '<' + name + '>' + xml_escape(value) + "</" + name + ">\n";
}

void entry(std::string& x, const char* tag, const RecordEntry& e, const char* indent, const std::string& part_of) {
    x += std::string(indent) + '<' + tag + " file=\"" + xml_escape(e.file) + "\" sha256=\"" + e.sha256 + "\"";
    if (!e.pages.empty()) x += " pages=\"" + xml_escape(e.pages) + "\"";
    x += ">\n";
    const std::string inner = std::string(indent) + "  ";
    element(x, inner.c_str(), "dc:title", e.title);
    for (const std::string& c : e.creators) element(x, inner.c_str(), "dc:creator", c);
    for (const std::string& s : e.subjects) element(x, inner.c_str(), "dc:subject", s);
    element(x, inner.c_str(), "dc:description", e.description);
    element(x, inner.c_str(), "dc:publisher", e.publisher);
    element(x, inner.c_str(), "dc:date", e.date);
    element(x, inner.c_str(), "dc:type", "Text");
    element(x, inner.c_str(), "dc:format", "application/pdf");
    element(x, inner.c_str(), "dc:identifier", e.identifier);
    element(x, inner.c_str(), "dc:language", e.language);
    element(x, inner.c_str(), "dcterms:isPartOf", part_of);
    if (e.page_count > 0) element(x, inner.c_str(), "dcterms:extent", std::to_string(e.page_count) + (e.page_count == 1 ? " page" : " pages"));
    element(x, inner.c_str(), "dcterms:conformsTo", "ISO 19005-2:2011 (PDF/A-2u)");
}

}  // namespace

std::string dc_record_xml(const IssueRecord& record) {
    std::string x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<archive-record xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">\n";
    entry(x, "issue", record.issue, "  ", "");
    for (const RecordEntry& a : record.articles) {
        entry(x, "article", a, "    ", record.issue.title);
        x += "    </article>\n";
    }
    x += "  </issue>\n</archive-record>\n";
    return x;
}

}  // namespace quire::archive
