#pragma once
// Writes one page's drawing operators. Text is set as glyph ids (the CIDs of the
// embedded subset, which keeps the font's own ids) with TJ, each
// glyph put exactly where HarfBuzz placed it; images and rules are placed in user
// space. The display list's top-left, y-down scaled points become PDF points from the
// bottom-left of the media box (which includes the bleed).
#include "pdf/source_font.hpp"
#include "pdf/page_glyph_texts.hpp"
#include "pdf/to_unicode_cmap.hpp"
#include "render/display_list.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quire::pdf {

struct PageGeometry {
    Length height;  // trimmed page height
    Length bleed;

    double x(Length x) const { return (x + bleed).pt(); }
    double y(Length y) const { return (bleed + height - y).pt(); }
};

// What the content stream needs to know of a font.
struct TextFont {
    std::string_view resource;           // name in the page's /Font resources, e.g. "F1"
    const SourceFont* font = nullptr;     // its advances: the widths PDF readers will use
    PageGlyphTexts* texts = nullptr;     // this page's ToUnicode choices, made as text is met
};

class ContentStream {
public:
    explicit ContentStream(PageGeometry geometry) : geometry_(geometry) {}

    void glyphs(const render::DrawGlyphs& run, const TextFont& font);
    void image(const render::DrawImage& image, const std::string& resource);
    void rule(const render::DrawRule& rule);

    // Tagged output: from now on every drawing is marked content, each sequence
    // content of a node of `structure` (its MCID's node appended to `mcid_nodes`) or
    // an artifact (furniture).
    void tag(const render::StructureTree* structure, std::vector<int>* mcid_nodes) {
        structure_ = structure;
        mcid_nodes_ = mcid_nodes;
    }
    // What the drawing after it is: content of `node`, or an artifact (-1, or a node
    // the structure does not have). A run of ops of one node is one sequence.
    void mark(int node);
    // ...or a pagination artifact: the running heads and folios a reader skips.
    void mark_pagination();
    // Closes the open sequence (at the page's end).
    void end_marks();

    const std::string& data() const { return out_; }
    // The stream, moved out (the ContentStream is left empty).
    std::string take() { return std::move(out_); }

    // PDF/A (ISO 19005-2 6.2.11.8) forbids drawing .notdef: with this on, glyph 0 is
    // left out and the glyphs after it keep their places (the layout has already
    // warned that the font lacks the character).
    void leave_out_notdef(bool on) { leave_out_notdef_ = on; }

private:
    void set_fill(const render::Color& color);
    void open_content(const std::string& properties);
    // Clusters [from, to) of a run as one text object; `actual_text`: each cluster's
    // text goes in an ActualText span inside it.
    void text_object(const render::DrawGlyphs& run, const TextFont& font, const std::vector<GlyphCluster>& clusters,
                     std::size_t from, std::size_t to, const std::vector<bool>& actual_text);

    PageGeometry geometry_;
    std::string out_;
    std::optional<std::string> fill_;  // the fill colour operator in force
    // Scratch of glyphs(), kept between runs so that a run allocates nothing.
    std::vector<GlyphCluster> clusters_;
    std::vector<bool> actual_text_;
    std::vector<std::uint32_t> gids_;
    bool leave_out_notdef_ = false;
    const render::StructureTree* structure_ = nullptr;  // null: untagged
    std::vector<int>* mcid_nodes_ = nullptr;
    bool marked_ = false;  // a sequence is open
    int node_ = -1;        // its node; -1: an artifact; pagination_node: a pagination artifact
    static constexpr int pagination_node = -2;
};

// "0.2 g", "1 0 0 rg", "0 0 0 1 k" (fill) or the stroking forms.
std::string color_operator(const render::Color& color, bool stroke);

}  // namespace quire::pdf
