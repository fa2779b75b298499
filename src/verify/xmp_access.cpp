#include "verify/xmp_access.hpp"

#include <libxml/parser.h>

namespace quire::verify {

namespace {

const char* const rdf_ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

const char* const pdfa_schema_ns = "http://www.aiim.org/pdfa/ns/schema#";

void silent(void*, xmlErrorPtr) {}

bool in_ns(const xmlNs* ns, const char* uri) { return ns && xmlStrEqual(ns->href, BAD_CAST uri); }

}  // namespace

std::optional<std::string> xmp_value(xmlNodePtr node, const char* ns, const char* name) {
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const bool description = n->ns && xmlStrEqual(n->ns->href, BAD_CAST rdf_ns) &&
                                 xmlStrEqual(n->name, BAD_CAST "Description");
        if (description) {
            if (xmlChar* a = xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns)) {
                std::string v = reinterpret_cast<const char*>(a);
                xmlFree(a);
                return v;
            }
            for (xmlNodePtr p = n->children; p; p = p->next) {
                if (p->type != XML_ELEMENT_NODE || !p->ns || !xmlStrEqual(p->ns->href, BAD_CAST ns) ||
                    !xmlStrEqual(p->name, BAD_CAST name)) {
                    continue;
                }
                // A simple value, or the first li of an array (x-default first).
                for (xmlNodePtr c = p->children; c; c = c->next) {
                    if (c->type != XML_ELEMENT_NODE) continue;
                    std::optional<std::string> first;
                    for (xmlNodePtr li = c->children; li; li = li->next) {
                        if (li->type != XML_ELEMENT_NODE) continue;
                        xmlChar* text = xmlNodeGetContent(li);
                        std::string v = text ? reinterpret_cast<const char*>(text) : "";
                        if (text) xmlFree(text);
                        xmlChar* lang = xmlNodeGetLang(li);
                        const bool x_default = lang && xmlStrEqual(lang, BAD_CAST "x-default");
                        if (lang) xmlFree(lang);
                        if (x_default) return v;
                        if (!first) first = v;
                    }
                    if (first) return first;
                }
                xmlChar* text = xmlNodeGetContent(p);
                std::string v = text ? reinterpret_cast<const char*>(text) : "";
                if (text) xmlFree(text);
                return v;
            }
        }
        if (auto v = xmp_value(n->children, ns, name)) return v;
    }
    return std::nullopt;
}

bool uses_namespace(xmlNodePtr node, const char* ns) {
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (in_ns(n->ns, ns)) return true;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            if (in_ns(a->ns, ns)) return true;
        }
        if (uses_namespace(n->children, ns)) return true;
    }
    return false;
}

std::set<std::string> described_namespaces(xmlNodePtr node) {
    std::set<std::string> out;
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        // Element form <pdfaSchema:namespaceURI>...</...>, or an attribute of a
        // schema's rdf:Description (rdf:parseType="Resource" or not).
        if (in_ns(n->ns, pdfa_schema_ns) && xmlStrEqual(n->name, BAD_CAST "namespaceURI")) {
            if (xmlChar* text = xmlNodeGetContent(n)) {
                out.insert(reinterpret_cast<const char*>(text));
                xmlFree(text);
            }
        }
        if (xmlChar* a = xmlGetNsProp(n, BAD_CAST "namespaceURI", BAD_CAST pdfa_schema_ns)) {
            out.insert(reinterpret_cast<const char*>(a));
            xmlFree(a);
        }
        for (const std::string& uri : described_namespaces(n->children)) out.insert(uri);
    }
    return out;
}

XmlDocument parse_xmp(const std::string& packet) {
    xmlSetStructuredErrorFunc(nullptr, silent);
    XmlDocument doc(xmlReadMemory(packet.data(), static_cast<int>(packet.size()), "metadata.xmp", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    return doc;
}

std::optional<long long> date_seconds(std::string text) {
    if (text.rfind("D:", 0) == 0) text = text.substr(2);
    int field[6] = {0, 1, 1, 0, 0, 0};
    const int width[6] = {4, 2, 2, 2, 2, 2};
    std::size_t i = 0;
    int f = 0;
    for (; f < 6 && i < text.size(); ++f) {
        while (i < text.size() && (text[i] == '-' || text[i] == 'T' || text[i] == ':')) ++i;
        int v = 0, n = 0;
        while (n < width[f] && i < text.size() && text[i] >= '0' && text[i] <= '9') v = v * 10 + (text[i++] - '0'), ++n;
        if (n == 0) break;
        if (n != width[f]) return std::nullopt;
        field[f] = v;
    }
    if (f == 0) return std::nullopt;
    // Milliseconds in XMP: skip.
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    }
    long long offset = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        const int sign = text[i] == '+' ? 1 : -1;
        ++i;
        int hh = 0, mm = 0, n = 0;
        while (n < 2 && i < text.size() && text[i] >= '0' && text[i] <= '9') hh = hh * 10 + (text[i++] - '0'), ++n;
        while (i < text.size() && (text[i] == '\'' || text[i] == ':')) ++i;
        n = 0;
        while (n < 2 && i < text.size() && text[i] >= '0' && text[i] <= '9') mm = mm * 10 + (text[i++] - '0'), ++n;
        offset = sign * (hh * 3600LL + mm * 60LL);
    }
    // days_from_civil (H. Hinnant), as in pdf/metadata.cpp.
    long long y = field[0] - (field[1] <= 2);
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (field[1] + (field[1] > 2 ? -3 : 9)) + 2) / 5 + field[2] - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long long days = era * 146097 + doe - 719468;
    return days * 86400 + field[3] * 3600 + field[4] * 60 + field[5] - offset;
}

}  // namespace quire::verify
