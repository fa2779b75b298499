#pragma once
// An issue as the manifest describes it, with its articles and layout read in.
#include "core/source_loc.hpp"
#include "model/article.hpp"
#include "model/layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quire::model {

struct IssueMeta {
    std::string title;
    std::string subtitle;
    std::optional<int> volume;
    std::string number;       // "Spring 2025"
    std::string date;         // ISO 8601 date, YYYY-MM-DD
    std::string publisher;
    std::string issn;
    std::vector<std::string> editors;
    std::string contact;
    std::string keywords;
    std::string rights;
    std::optional<TextBlock> disclaimer;  // default for articles without their own
};

struct Contents {
    std::string title = "Contents";
};

// The cover: the nameplate, the issue's number, an optional picture with its credit,
// and the feature articles' titles as cover lines (composed by page/cover).
struct Cover {
    std::string image;       // resolved path; empty: a typographic cover
    std::string credit;      // the picture's credit line; required with an image
    std::string alt;         // what the picture shows, for readers who cannot see it
    SourceLoc loc;
};

// The manifest's punctuation=: text as typed, or straight quotes, -- and ... turned
// into typographer's punctuation after reading (input/typographic_punctuation.hpp).
enum class Punctuation { as_typed, typographic };

struct Issue {
    std::string path;        // the manifest, as opened
    std::string language;    // BCP 47
    Punctuation punctuation = Punctuation::as_typed;
    IssueMeta meta;
    std::optional<Cover> cover;
    std::optional<Contents> contents;
    std::string layout_path;
    Layout layout;
    std::vector<Article> articles;
    SourceLoc loc;
};

}  // namespace quire::model
