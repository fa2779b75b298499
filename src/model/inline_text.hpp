#pragma once
// Running text as the readers hand it on: runs of characters sharing one set of
// inline styles. Whitespace is already collapsed the way a reader of XML expects.
#include "core/source_loc.hpp"

#include <string>
#include <vector>

namespace quire::model {

// A `dir` attribute (HTML's): which way text runs. unset: no `dir` says.
enum class Direction : unsigned char { unset, ltr, rtl };

struct InlineRun {
    std::string text{};                         // UTF-8; "\n" stands for a forced line break (<br/>)
    std::vector<std::string> character_styles{};  // outermost first: "em", "strong", or a <span style>
    std::string href{};                         // link target; empty when not a link
    SourceLoc loc{};                            // where the run's text starts
    bool as_typed = false;                      // <literal>: never given typographer's punctuation
    int note = 0;                               // > 0: the reference mark of the article's note of this number
    std::string language{};                     // BCP 47 from an xml:lang in the text; empty: the article's
    // The nearest `dir` inside the block (<span dir>): an embedding in the paragraph's
    // direction (UAX #9). unset: the run takes the paragraph's direction.
    Direction direction = Direction::unset;
    // The nearest `dir` on the block or around it (<p dir>, <quote dir>, <article dir>):
    // the paragraph's direction, carried by each of its runs as a block's xml:lang is.
    // unset: the paragraph's language decides.
    Direction block_direction = Direction::unset;
};

using InlineText = std::vector<InlineRun>;

// The plain characters of some inline text, styles dropped.
std::string plain_text(const InlineText& text);

}  // namespace quire::model
