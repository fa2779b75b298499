#pragma once
// Proof overlays (`--proof`): what a designer needs to see on the page to judge a
// layout. Guides (cyan): the margins' text area, the columns, the baseline grid and the
// frame of every image. Marks (magenta): overfull lines, loose lines (badness above the
// style's tolerance), widows and orphans the composer had to allow, missing glyphs.
//
// Two steps around page composition, so page/ needs to know nothing of proofs:
//   tag_galley:   each article's galley as it is set, before it is composed: gives
//                 every line of running text a render::LineMark carrying its flags and
//                 its place in its paragraph; page/ moves it with the line.
//   draw_proof:   after composition, replaces the markers by marks, adds the guides,
//                 and counts what it marked.
#include "model/layout.hpp"
#include "galley/galley.hpp"
#include "render/display_list.hpp"

#include <iosfwd>
#include <vector>

namespace quire::proof {

struct Summary {
    int overfull = 0;
    int loose = 0;
    int widows = 0;
    int orphans = 0;
    int missing_glyphs = 0;
};

// Adds a marker op to every line of every text block in the galleys.
void tag_galley(galley::ArticleGalley& galley);

// Takes the composed pages (with markers) and the layout they were composed with;
// returns what was marked. Every marker is removed, whether proofing or not.
Summary draw_proof(render::DisplayList& list, const model::Layout& layout);

// Removes the markers without drawing anything.
void strip_markers(render::DisplayList& list);

// "proof: 2 overfull lines, 0 loose lines, ..." on one line.
void print_summary(std::ostream& out, const Summary& summary);

}  // namespace quire::proof
