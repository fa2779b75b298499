#pragma once
// The archive record of an issue: one XML file beside the PDFs that a library can
// ingest, with Dublin Core elements (http://purl.org/dc/elements/1.1/ and
// http://purl.org/dc/terms/) for the issue and each article, and each PDF's file name
// and SHA-256 checksum.
#include <string>
#include <vector>

namespace quire::archive {

struct RecordEntry {
    std::string title;
    std::vector<std::string> creators;
    std::string publisher;
    std::string date;          // ISO 8601
    std::string language;      // BCP 47
    std::string pages;         // "3-9" (issue page labels)
    int page_count = 0;
    std::vector<std::string> subjects;
    std::string description;
    std::string identifier;    // ISSN for the issue, the article id for an article
    std::string file;          // file name, relative to the record
    std::string sha256;        // lower-case hex
};

struct IssueRecord {
    RecordEntry issue;
    std::vector<RecordEntry> articles;
};

// The record as XML (UTF-8), the same bytes for the same record.
std::string dc_record_xml(const IssueRecord& record);

}  // namespace quire::archive
