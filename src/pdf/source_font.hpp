#pragma once
// A font file as the PDF writer reads it while pages come in: glyph advances as PDF
// readers will take them from its embedded subset, and its character map. The subset
// keeps the original glyph ids (font_embedder.hpp), so a page's content stream can be
// written from the file on disk before anything is subset: its widths are the subset's.
#include "core/diagnostics.hpp"
#include "font/hb_handles.hpp"
#include "render/display_list.hpp"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace quire::pdf {

// A SourceFont never moves: pages' text records (page_glyph_texts.hpp) point at it
// while the writer's font table grows, so it is neither copied nor moved and lives
// where `open` put it (issue 14: a table that grew and moved its fonts under those
// pointers crashed the writer). Keep it behind the unique_ptr `open` returns.
class SourceFont {
public:
    // Opens `source` with HarfBuzz; reports an error and returns null when the file
    // cannot be read or has no such face.
    static std::unique_ptr<const SourceFont> open(const render::FontSource& source, DiagnosticSink& diagnostics);

    SourceFont(const SourceFont&) = delete;
    SourceFont& operator=(const SourceFont&) = delete;
    SourceFont(SourceFont&&) = delete;
    SourceFont& operator=(SourceFont&&) = delete;

    unsigned glyph_count() const { return glyph_count_; }
    // The face, for subsetting the same file without reading it again.
    hb_face_t* face() const { return face_.get(); }

    // The advance of glyph `gid` (an id of the original font, below glyph_count()),
    // rounded to the 4 decimals /W is written with, so the content stream's pen and
    // the reader's agree exactly.
    double width(std::uint32_t gid) const;

    // Whether `text` has more than one character and the font maps one of them to
    // `gid`: the glyph draws that character and the rest of the text is drawn
    // elsewhere (a drop cap's letter, in the text of the line beside it).
    bool draws_part_of(std::uint32_t gid, std::string_view text) const;

    // A character the font's cmap maps to `gid` (the lowest), or 0 when none does: the
    // text of a glyph drawn without any (a drop cap, whose letter is read with its word).
    char32_t character_of(std::uint32_t gid) const;

private:
    SourceFont() = default;

    font::HbFace face_;
    font::HbFont font_;
    unsigned glyph_count_ = 0;
    double per_unit_ = 0;                  // 1000 / units per em
    mutable std::vector<double> widths_;   // by glyph id, filled as glyphs are met; NaN: not yet
    mutable std::vector<char32_t> characters_;  // by glyph id, from the cmap at the first use
};

}  // namespace quire::pdf
