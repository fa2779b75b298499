#pragma once
// Reading the XMP packet of a PDF/A file: property values, and what its PDF/A
// extension schemas describe (6.6.2.3). Internal to verify/.
#include <libxml/tree.h>

#include <memory>

#include <optional>
#include <set>
#include <string>

namespace quire::verify {

// The value of an XMP property (element or attribute form) anywhere under `node` and
// its siblings; for an array, its first item (x-default for a language alternative).
std::optional<std::string> xmp_value(xmlNodePtr node, const char* ns, const char* name);

// Whether any element or attribute under `node` (and its siblings) is in namespace `ns`.
bool uses_namespace(xmlNodePtr node, const char* ns);

// The namespace URIs the packet's PDF/A extension schemas describe (each
// pdfaSchema:namespaceURI under pdfaExtension:schemas).
std::set<std::string> described_namespaces(xmlNodePtr node);

// An XMP packet parsed quietly (no network, no messages); null when not well-formed.
struct XmlDocFree {
    void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocFree>;
XmlDocument parse_xmp(const std::string& packet);

// Seconds since 1970 of a PDF date "D:YYYYMMDDHHmmSSOHH'mm" or an XMP date
// "YYYY-MM-DDThh:mm:ss+hh:mm" (the digits are read alike), to compare the two.
std::optional<long long> date_seconds(std::string text);

}  // namespace quire::verify
