#pragma once
// The cover: the issue's nameplate and number at the head, the features' titles (cover
// lines) at the foot, and the picture, with its credit under it, in the space between.
// Without a picture it is a typographic cover. Takes what the cover says (CoverSpec) and
// the page as the master frames it; returns the composed page with the picture's credit
// recorded for the image-credits list.
//
// Styles, each with a fallback so a layout without cover styles still makes a cover:
//   cover-title (else title)   the nameplate
//   cover-issue (else section) the issue's number and date, under a hairline
//   cover-line  (else subtitle, else title) a feature's title; over it its section in
//               section, under it its subtitle in cover-subtitle (else standfirst) and
//               its byline in byline
//   credit                      the picture's credit
#include "model/issue.hpp"
#include "page/composed_page.hpp"
#include "galley/galley.hpp"
#include "style/style_sheet.hpp"

#include <string>
#include <vector>

namespace quire::page {

// A feature on the cover: its section over its title, its subtitle and byline under.
struct CoverLine {
    std::string section, title, subtitle, byline;
};

struct CoverSpec {
    std::string image_path;        // empty: no picture
    double aspect = 1.0;           // the picture's height / width
    std::string credit;            // the picture's credit
    std::string alt;               // what the picture shows
    std::vector<CoverLine> lines;  // the features, in issue order
};

// Where the cover's text and picture go in the document's structure: under node
// `parent` of `tree` (null: untagged).
struct CoverTags {
    render::StructureTree* tree = nullptr;
    int parent = -1;
};

ComposedPage compose_cover(const CoverSpec& cover, const model::IssueMeta& meta, PageStart start,
                           const galley::LineSetter& setter, const style::StyleSheet& styles, CoverTags tags = {});

}  // namespace quire::page
