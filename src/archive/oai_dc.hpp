#pragma once
// The archive's catalogue records: for the PDF and for each article's, an
// OAI-PMH 2.0 oai_dc record (http://www.openarchives.org/OAI/2.0/oai_dc/), the simple
// Dublin Core a library's harvester reads, written beside the PDF as NAME.dc.xml.
#include "archive/dc_record.hpp"

#include <string>

namespace quire::archive {

// The record of one PDF as XML (UTF-8), the same bytes for the same entry. `part_of` is
// the issue an article belongs to ("" for the issue itself): its title goes to
// dc:source with the article's pages, its PDF's file name to dc:relation.
struct PartOf {
    std::string title;
    std::string file;
};
std::string oai_dc_xml(const RecordEntry& entry, const PartOf& part_of);

// RFC 6920's name for a SHA-256 digest given in hex: "ni:///sha-256;" and the digest
// in base64url without padding; "" when `hex` is not 64 hex digits.
std::string ni_sha256(const std::string& hex);

}  // namespace quire::archive
