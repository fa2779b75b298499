#include "archive/oai_dc.hpp"

#include <libxml/xmlwriter.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace quire::archive {

namespace {

struct BufferDeleter { void operator()(xmlBuffer* p) const { xmlBufferFree(p); } };
struct WriterDeleter { void operator()(xmlTextWriter* p) const { xmlFreeTextWriter(p); } };

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// One Dublin Core element; an empty value is left out (oai_dc has no empty elements).
void element(xmlTextWriter* w, const char* name, const std::string& value) {
    if (value.empty()) return;
    xmlTextWriterWriteElementNS(w, x("dc"), x(name), nullptr, x(value.c_str()));
}

void elements(xmlTextWriter* w, const RecordEntry& e, const PartOf& part_of) {
    element(w, "title", e.title);
    for (const std::string& c : e.creators) element(w, "creator", c);
    for (const std::string& s : e.subjects) element(w, "subject", s);
    element(w, "description", e.description);
    element(w, "publisher", e.publisher);
    element(w, "date", e.date);
    element(w, "type", "Text");
    element(w, "format", "application/pdf");
    if (e.page_count > 0) element(w, "format", std::to_string(e.page_count) + (e.page_count == 1 ? " page" : " pages"));
    // The file, its content by digest (RFC 6920), and the or article's own id.
    element(w, "identifier", e.file);
    element(w, "identifier", ni_sha256(e.sha256));
    element(w, "identifier", e.identifier);
    element(w, "language", e.language);
    if (!part_of.title.empty()) element(w, "source", part_of.title + (e.pages.empty() ? "" : ", pages " + e.pages));
    element(w, "relation", part_of.file);
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

// libxml2's writer escapes the text and closes the elements; indented two spaces an
// element, as a cataloguer reading the file expects.
std::string oai_dc_xml(const RecordEntry& e, const PartOf& part_of) {
    const std::unique_ptr<xmlBuffer, BufferDeleter> buffer(xmlBufferCreate());
    std::unique_ptr<xmlTextWriter, WriterDeleter> writer(xmlNewTextWriterMemory(buffer.get(), 0));
    xmlTextWriter* w = writer.get();
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, x("  "));
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", nullptr);
    // The namespaces declared as attributes, so they come in the order written.
    xmlTextWriterStartElement(w, x("oai_dc:dc"));
    xmlTextWriterWriteAttribute(w, x("xmlns:oai_dc"), x("http://www.openarchives.org/OAI/2.0/oai_dc/"));
    xmlTextWriterWriteAttribute(w, x("xmlns:dc"), x("http://purl.org/dc/elements/1.1/"));
    xmlTextWriterWriteAttribute(w, x("xmlns:xsi"), x("http://www.w3.org/2001/XMLSchema-instance"));
    xmlTextWriterWriteAttribute(w, x("xsi:schemaLocation"),
                                x("http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"));
    elements(w, e, part_of);
    xmlTextWriterEndDocument(w);  // closes the root and flushes into the buffer
    writer.reset();
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace quire::archive
