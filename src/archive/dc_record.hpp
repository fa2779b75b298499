#pragma once
// What the archive records of each PDF it writes, in Dublin Core's terms: the issue's
// and each article's title, creators, subjects, date, language, pages, the file and its
// SHA-256. archive/oai_dc.hpp writes it as an oai_dc record.
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

}  // namespace quire::archive
