#include "archive/oai_dc.hpp"

#include "core/xml_text.hpp"

#include <cstdint>
#include <vector>

namespace quire::archive {

namespace {

void element(std::string& x, const char* name, const std::string& value) {
    if (value.empty()) return;
    x += std::string("  <dc:") + name + '>' + xml_escape(value) + "</dc:" + name + ">\n";
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string ni_sha256(const std::string& hex) {
    if (hex.size() != 64) return "";
    std::vector<std::uint8_t> bytes;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = hex_digit(hex[i]), lo = hex_digit(hex[i + 1]);
        if (hi < 0 || lo < 0) return "";
        bytes.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
    }
    static const char* const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out = "ni:///sha-256;";
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t{bytes[i]} << 16) | (i + 1 < bytes.size() ? std::uint32_t{bytes[i + 1]} << 8 : 0) |
                                (i + 2 < bytes.size() ? std::uint32_t{bytes[i + 2]} : 0);
        const std::size_t left = bytes.size() - i;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        if (left > 1) out += alphabet[(n >> 6) & 63];
        if (left > 2) out += alphabet[n & 63];
    }
    return out;
}

std::string oai_dc_xml(const RecordEntry& e, const PartOf& part_of) {
    std::string x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\"\n"
        "           xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "           xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "           xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ "
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n";
    element(x, "title", e.title);
    for (const std::string& c : e.creators) element(x, "creator", c);
    for (const std::string& s : e.subjects) element(x, "subject", s);
    element(x, "description", e.description);
    element(x, "publisher", e.publisher);
    element(x, "date", e.date);
    element(x, "type", "Text");
    element(x, "format", "application/pdf");
    if (e.page_count > 0) element(x, "format", std::to_string(e.page_count) + (e.page_count == 1 ? " page" : " pages"));
    // The file, its content by digest (RFC 6920), and the or article's own id.
    element(x, "identifier", e.file);
    element(x, "identifier", ni_sha256(e.sha256));
    element(x, "identifier", e.identifier);
    element(x, "language", e.language);
    if (!part_of.title.empty()) element(x, "source", part_of.title + (e.pages.empty() ? "" : ", pages " + e.pages));
    element(x, "relation", part_of.file);
    x += "</oai_dc:dc>\n";
    return x;
}

}  // namespace quire::archive
