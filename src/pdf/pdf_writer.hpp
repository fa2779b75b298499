#pragma once
// The last stage of the pipeline (design §2): pages become a PDF 1.7 file. Fonts are
// subset and embedded by us, images embedded (JPEG as is, PNG decoded with its alpha
// as a soft mask), outlines, links, page labels and metadata written, and the same
// input always gives the same bytes: no clock time, a content-derived /ID.
//
// Pages stream in: each is encoded and deflated as it is added and its drawing may be
// dropped at once; what the writer keeps of a page is its compressed content stream
// and a little bookkeeping (fonts and images it names, its links, its glyphs' texts).
// A page's bytes depend on that page alone, so pages may come in any order and the
// file is the same.
#include "core/diagnostics.hpp"
#include "pdf/pdf_options.hpp"
#include "render/display_list.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quire::pdf {

// The font file of a font id that pages draw with (DrawGlyphs::font); nothing when the
// id names no font.
using FontLookup = std::function<std::optional<render::FontSource>(std::uint32_t font)>;

class PdfWriter {
public:
    PdfWriter(PdfOptions options, DiagnosticSink& diagnostics);
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    // Encodes page `index` (0-based: its place in the document) and queues its content
    // stream for deflating; `page` is not used after the call. Pages may come in any
    // order, each index once. Fonts are opened through `font_source` at their first
    // use, images loaded at theirs. Returns false after reporting errors (a CMYK colour
    // in PDF/A, an image or font that cannot be read); the document can then not be
    // finished, but adding the other pages reports their errors too.
    //
    // With a `structure` (which names every node the page's ops do) and PDF/A on, the
    // page is tagged: each op's drawing is marked content of its node, or an artifact.
    bool add_page(int index, const render::Page& page, const FontLookup& font_source,
                  const render::StructureTree* structure = nullptr);

    // Subsets and embeds the fonts (glyph 0 and every glyph any page drew), embeds the
    // images, writes the pages with their links (which may point to any page), the
    // outline, page labels, Info, XMP, output intents and /ID, the structure tree when
    // every page was added tagged (PDF/A-2a and PDF/UA-1), and replaces the file at
    // `output_path` only once all of it is written (safe_output.hpp). Every index from
    // 0 to the highest added must have been added. Returns false after reporting
    // errors; the file at `output_path` is then as it was. Call once.
    bool finish(const std::vector<render::Outline>& outlines, const render::DocumentInfo& info,
                const std::string& output_path, const render::StructureTree& structure = {});

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Writes `list` to `output_path` through a PdfWriter, pages in order. Returns false
// after reporting errors to `diagnostics`; the file at `output_path` is then as it was
// and no temporary file remains.
bool write_pdf(const render::DisplayList& list, const PdfOptions& options, const std::string& output_path,
               DiagnosticSink& diagnostics);
// The same, letting go of each page's drawing once it is written: a whole issue's
// display list is not kept beside the file being made.
bool write_pdf(render::DisplayList&& list, const PdfOptions& options, const std::string& output_path,
               DiagnosticSink& diagnostics);

}  // namespace quire::pdf
