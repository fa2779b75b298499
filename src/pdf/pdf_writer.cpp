#include "pdf/pdf_writer.hpp"

#include "pdf/content_hash.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/document_parts.hpp"
#include "pdf/font_embedder.hpp"
#include "pdf/source_font.hpp"
#include "pdf/image_conversion.hpp"
#include "pdf/image_loader.hpp"
#include "pdf/image_xobject.hpp"
#include "pdf/metadata.hpp"
#include "pdf/navigation.hpp"
#include "pdf/number_format.hpp"
#include "pdf/page_glyph_texts.hpp"
#include "pdf/pdf_objects.hpp"
#include "pdf/print_objects.hpp"
#include "pdf/safe_output.hpp"
#include "pdf/stream_deflater.hpp"
#include "pdf/structure_tree.hpp"
#include "pdf/text_string.hpp"
#include "pdf/to_unicode_cmap.hpp"
#include "pdf/to_unicode_variants.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cassert>
#include <climits>
#include <deque>
#include <map>
#include <ostream>
#include <set>
#include <streambuf>
#include <type_traits>

namespace quire::pdf {

using namespace PoDoFo;

namespace {

// PdfDocument::GetTrailer is protected in 0.9.8, and the trailer is where /ID lives.
class Document : public PdfMemDocument {
public:
    PdfObject* trailer() { return PdfDocument::GetTrailer(); }
};

// A font as the pages have used it so far.
struct FontState {
    bool looked_up = false;
    std::optional<render::FontSource> source;  // nothing: the lookup did not know the id
    std::unique_ptr<const SourceFont> program;  // null: the file could not be opened (reported)
    std::vector<bool> drawn;                   // by glyph id: drawn on any page (a set per glyph was a tree walk each)
    std::set<std::uint32_t> gids;              // the same as a set, made once at write
    // Texts for glyphs drawn only inside ActualText: the earliest page's (page index,
    // text), so the choice does not depend on the order pages came in.
    std::map<std::uint32_t, std::pair<int, TextId>> fallback;
    // (page index, place among the page's fonts) of the first use in document order:
    // fonts are embedded in that order, so the file does not depend on the order faces
    // were loaded in (they may load on two threads) nor on the order pages came in.
    std::pair<int, std::size_t> first_use{INT_MAX, 0};
};

struct ImageState {
    std::size_t id = 0;  // its place in State::images
    std::string path;
    std::optional<LoadedImage> image;  // nothing: could not be loaded (reported)
    double lowest_dpi = 0;
    // (page index, place among the page's images) of the first use in document order:
    // images are embedded and warned about in that order.
    std::pair<int, std::size_t> first_use{INT_MAX, 0};
};

// What is kept of a page from add_page to finish.
struct PageRecord {
    Length width, height, bleed, slug;
    std::string label;
    std::string content;                  // the deflated content stream, once the deflater is done
    std::array<std::uint8_t, 16> digest;  // of what the page shows, for the /ID
    struct FontUse {
        std::uint32_t font = 0;
        GlyphTexts texts;  // the page's ToUnicode choices
    };
    std::vector<FontUse> fonts;        // resource /F<k+1> is fonts[k], in order of first use
    std::vector<std::size_t> images;   // resource /Im<k+1> is images[k]
    bool transparency = false;         // a soft-masked image is drawn
    bool registration = false;         // printer's marks (print output)
    std::vector<render::LinkArea> links;
    // Tagged: the node of each MCID drawn, and of each link with the MCIDs before it.
    bool tagged = false;
    std::vector<int> mcid_nodes;
    std::vector<int> link_after_mcid;

    PageGeometry geometry() const { return {height, bleed + slug}; }  // slug: print marks
};

// PoDoFo writes the file into this, and it goes on into the output as it comes but
// for the last bytes, held back until the end: the trailer is there, with the /ID that
// is stamped once the whole file is known (stamp_id).
class TailHeldBack : public std::streambuf {
public:
    explicit TailHeldBack(OutputFile& out) : out_(out) {}
    bool stamp_id(const std::array<std::uint8_t, 16>& digest) {
        return pdf::stamp_id(pending_.data(), pending_.size(), digest);
    }
    void flush_all() {
        out_.write(pending_);
        std::string().swap(pending_);
    }

protected:
    std::streamsize xsputn(const char* data, std::streamsize n) override {
        pending_.append(data, static_cast<std::size_t>(n));
        if (pending_.size() >= drain_at) drain();
        return n;
    }
    int_type overflow(int_type c) override {
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            const char ch = traits_type::to_char_type(c);
            xsputn(&ch, 1);
        }
        return traits_type::not_eof(c);
    }

private:
    static constexpr std::size_t held = std::size_t{64} << 10;  // the trailer is a few hundred bytes
    static constexpr std::size_t drain_at = std::size_t{1} << 20;
    void drain() {
        const std::size_t out = pending_.size() - held;
        out_.write(std::string_view(pending_).substr(0, out));
        pending_.erase(0, out);
    }
    OutputFile& out_;
    std::string pending_;
};

// ISO 19005-2 6.2.4.3: with an RGB OutputIntent, DeviceCMYK colour is not allowed.
bool pdfa_colour(const render::Color& color, const char* what, int page, DiagnosticSink& diagnostics) {
    if (color.space != render::Color::Space::cmyk) return true;
    diagnostics.error({}, "page " + std::to_string(page + 1) + ": a " + what +
                              " is coloured in CMYK, which PDF/A with an sRGB output intent cannot hold; give the "
                              "colour as RGB (#rrggbb) or build with --draft");
    return false;
}

}  // namespace

struct PdfWriter::State {
    State(PdfOptions options, DiagnosticSink& diagnostics)
        : options(std::move(options)),
          diagnostics(diagnostics),
          errors_before(diagnostics.error_count()),
          deflater(this->options.deflate_workers.value_or(default_deflate_workers())) {}

    // The font `id`, opened at its first use; null after reporting why it cannot be used.
    FontState* font(std::uint32_t id, int page, const FontLookup& font_source);
    // The image at `path`, loaded at its first use; null when it could not be loaded.
    ImageState* image(const std::string& path);
    // Subsets the fonts, places pages into ToUnicode variants and builds the document.
    bool write(const std::vector<render::Outline>& outlines, const render::DocumentInfo& info,
               const std::string& output_path, const render::StructureTree& structure);

    PdfOptions options;
    DiagnosticSink& diagnostics;
    const int errors_before;
    bool finished = false;
    TextPool texts;
    // Deques: growing them at the end leaves every element where it was, so a page's
    // records may point at a font or image while later ones are added (issue 14).
    std::deque<FontState> fonts;  // by font id
    std::deque<ImageState> images;
    std::map<std::string, std::size_t> image_index;
    std::map<int, PageRecord> pages;  // before the deflater: it writes into them until it stops
    StreamDeflater deflater;
};

FontState* PdfWriter::State::font(std::uint32_t id, int page, const FontLookup& font_source) {
    if (id >= fonts.size()) fonts.resize(id + 1);
    FontState& state = fonts[id];
    if (!state.looked_up) {
        state.looked_up = true;
        state.source = font_source(id);
        if (!state.source) {
            diagnostics.error({}, "page " + std::to_string(page + 1) + " draws with font " + std::to_string(id) +
                                      ", which the document does not have");
            return nullptr;
        }
        state.program = SourceFont::open(*state.source, diagnostics);
        if (state.program) state.drawn.assign(state.program->glyph_count(), false);
    }
    return state.program ? &state : nullptr;
}

namespace {

// An image's colour made to agree with the file's output intent; false after
// reporting why it cannot.
bool fit_to_intent(LoadedImage& image, const PdfOptions& options, const std::string& path, DiagnosticSink& diagnostics) {
    // ISO 19005-2 6.2.4.3: DeviceCMYK needs a CMYK OutputIntent; PDF/A's is sRGB. An
    // untagged CMYK image is given the assumed CMYK profile instead (the loader has
    // warned to check its colours).
    if (options.pdfa && image.components == 4 && image.icc_profile.empty()) {
        image.icc_profile = read_icc_profile(options.cmyk_image_profile, "CMYK");
        if (image.icc_profile.empty()) {
            const SearchPath searched = cmyk_image_profile_search_path();
            const std::string assumed = options.cmyk_image_profile.empty()
                                            ? "no CMYK profile to assume was found (looked for " + searched.listed() + ")"
                                            : options.cmyk_image_profile + " is not a readable CMYK profile";
            diagnostics.error({path, 0, 0}, "a CMYK image without an embedded ICC profile cannot go into PDF/A "
                                            "(the output intent is sRGB) and " + assumed +
                                            ": embed a profile, convert it to RGB, set " + searched.variable +
                                            " to a CMYK profile, or build with --draft");
            return false;
        }
    }
    if (!options.press_intent) return true;
    // The press's copy (PDF/X-4, a CMYK intent): RGB converted into the press's inks
    // when asked (--convert-images); else an untagged RGB image is device-independent
    // as sRGB, as every viewer shows it (the preflight has said the press converts it).
    if (options.convert_images &&
        !convert_to_press(image, options.press_intent->profile_path, options.output_intent_profile, path, diagnostics)) {
        return false;
    }
    if (image.components == 3 && image.icc_profile.empty()) {
        image.icc_profile = read_icc_profile(options.output_intent_profile, "RGB ");
        if (image.icc_profile.empty()) {
            report_srgb_profile_problem(options.output_intent_profile, "print output tags RGB images with it",
                                        diagnostics);
            return false;
        }
    }
    return true;
}

}  // namespace

ImageState* PdfWriter::State::image(const std::string& path) {
    auto [it, added] = image_index.emplace(path, images.size());
    if (added) {
        ImageState state;
        state.id = images.size();
        state.path = path;
        state.image = load_image(path, diagnostics);
        if (state.image && !fit_to_intent(*state.image, options, path, diagnostics)) state.image.reset();
        images.push_back(std::move(state));
    }
    ImageState& state = images[it->second];
    return state.image ? &state : nullptr;
}

PdfWriter::PdfWriter(PdfOptions options, DiagnosticSink& diagnostics)
    : state_(std::make_unique<State>(std::move(options), diagnostics)) {}

PdfWriter::~PdfWriter() = default;

bool PdfWriter::add_page(int index, const render::Page& page, const FontLookup& font_source,
                         const render::StructureTree* structure) {
    State& s = *state_;
    assert(!s.finished && "add_page after finish");
    StageScope writing(s.options.timings, Stage::pdf_writing);
    if (index < 0 || s.pages.count(index)) {
        s.diagnostics.error({}, "internal error: page " + std::to_string(index + 1) + " added twice or out of range");
        return false;
    }
    PageRecord record{page.width, page.height, page.bleed, page.slug, page.label, {}, {}, {}, {}, false, false, {}, false, {}, {}};
    const bool tagged = s.options.pdfa && structure != nullptr && !structure->empty();
    record.tagged = tagged;
    ContentStream content(record.geometry());
    if (tagged) content.tag(structure, &record.mcid_nodes);
    content.leave_out_notdef(s.options.pdfa);
    // Fonts and images are named by their place in the page's resources, in order of
    // first use on the page: names do not depend on ids, which depend on load order.
    std::map<std::uint32_t, std::size_t> font_slots;   // font id -> its place
    std::vector<std::uint32_t> page_fonts;              // font id by place
    std::deque<PageGlyphTexts> page_texts;              // by place; a deque, as `content` keeps pointers
    std::map<std::size_t, std::size_t> image_slots;     // image -> its place in the page's resources
    bool ok = true;
    std::string resource;  // a run's font resource name, "F1"
    for (std::size_t k = 0; k < page.ops.size(); ++k) {
        const render::DrawOp& op = page.ops[k];
        // Links are annotations and line marks proofs' bookkeeping: neither is content.
        if (std::holds_alternative<render::LinkArea>(op) || std::holds_alternative<render::LineMark>(op)) {
            if (const auto* link = std::get_if<render::LinkArea>(&op)) {
                record.links.push_back(*link);  // written at finish, when every page it may point to exists
                record.link_after_mcid.push_back(static_cast<int>(record.mcid_nodes.size()));
            }
            continue;
        }
        // The running lines are pagination, but for what is content there (the
        // disclaimer on an article's first page).
        if (k < page.running_ops && render::node_of(op) < 0) content.mark_pagination();
        else content.mark(render::node_of(op));
        if (const auto* run = std::get_if<render::DrawGlyphs>(&op)) {
            if (s.options.pdfa && !pdfa_colour(run->color, "text", index, s.diagnostics)) ok = false;
            FontState* font = s.font(run->font, index, font_source);
            if (!font) {
                ok = false;
                continue;
            }
            bool glyphs_ok = true;
            for (const shape::Glyph& g : run->glyphs) {
                if (g.gid >= font->program->glyph_count()) {
                    s.diagnostics.error({font->source->path, 0, 0}, "glyph id " + std::to_string(g.gid) +
                                                                        " is beyond the font's " +
                                                                        std::to_string(font->program->glyph_count()) +
                                                                        " glyphs");
                    glyphs_ok = false;
                    break;
                }
                font->drawn[g.gid] = true;
            }
            if (!glyphs_ok) {
                ok = false;
                continue;
            }
            const auto [slot, added] = font_slots.emplace(run->font, page_fonts.size());
            if (added) {
                page_fonts.push_back(run->font);
                page_texts.emplace_back(font->program.get());
                font->first_use = std::min(font->first_use, std::pair<int, std::size_t>{index, slot->second});
            }
            resource.assign(1, 'F');
            resource += std::to_string(slot->second + 1);
            content.glyphs(*run, {resource, font->program.get(), &page_texts[slot->second]});
        } else if (const auto* draw = std::get_if<render::DrawImage>(&op)) {
            ImageState* image = s.image(draw->path);
            if (!image) {
                ok = false;
                continue;
            }
            const std::size_t id = image->id;
            const auto [slot, added] = image_slots.emplace(id, record.images.size());
            if (added) record.images.push_back(id);
            image->first_use = std::min(image->first_use, std::pair<int, std::size_t>{index, slot->second});
            content.image(*draw, "Im" + std::to_string(slot->second + 1));
            if (!image->image->alpha.empty()) record.transparency = true;
            if (draw->width.sp > 0 && draw->height.sp > 0) {
                const double dpi = std::min(image->image->width / (draw->width.pt() / 72.0),
                                            image->image->height / (draw->height.pt() / 72.0));
                if (image->lowest_dpi == 0 || dpi < image->lowest_dpi) image->lowest_dpi = dpi;
            }
        } else if (const auto* rule = std::get_if<render::DrawRule>(&op)) {
            if (s.options.pdfa && !pdfa_colour(rule->color, "rule", index, s.diagnostics)) ok = false;
            content.rule(*rule);
        }
    }
    content.end_marks();
    if (!ok) return false;
    record.registration = uses_registration(page);

    ContentHash hash;
    hash.update(content.data());
    for (const render::LinkArea& link : record.links) {
        hash.update(link.uri);
        hash.update_u64(static_cast<std::uint64_t>(link.target_page));
    }
    const double width = (page.width + (page.bleed + page.slug) * 2).pt();
    const double height = (page.height + (page.bleed + page.slug) * 2).pt();
    hash.update(format_number(width) + ' ' + format_number(height) + ' ' + page.label);
    record.digest = hash.digest();

    for (std::size_t k = 0; k < page_fonts.size(); ++k) {
        const std::uint32_t id = page_fonts[k];
        const PageGlyphTexts& texts = page_texts[k];
        PageRecord::FontUse use{id, {}};
        for (const auto& [gid, text] : texts.required()) use.texts.emplace_back(gid, s.texts.intern(text));
        record.fonts.push_back(std::move(use));
        for (const auto& [gid, text] : texts.fallback()) {
            auto [it, added] = s.fonts[id].fallback.try_emplace(gid, index, 0);
            if (added || index < it->second.first) it->second = {index, s.texts.intern(text)};
        }
    }
    PageRecord& stored = s.pages.emplace(index, std::move(record)).first->second;
    s.deflater.add(&stored.content, content.take());
    return true;
}

bool PdfWriter::finish(const std::vector<render::Outline>& outlines, const render::DocumentInfo& info,
                       const std::string& output_path, const render::StructureTree& structure) {
    State& s = *state_;
    assert(!s.finished && "finish called twice");
    s.finished = true;
    StageScope writing(s.options.timings, Stage::pdf_writing);
    s.deflater.finish();
    if (s.diagnostics.error_count() > s.errors_before) return false;  // a page could not be added
    if (s.pages.empty()) {
        s.diagnostics.error({output_path, 0, 0}, "nothing to write: the document has no pages");
        return false;
    }
    int expected = 0;
    for (const auto& [index, page] : s.pages) {
        if (index != expected) {
            s.diagnostics.error({output_path, 0, 0},
                                "internal error: page " + std::to_string(expected + 1) + " was never added");
            return false;
        }
        ++expected;
    }
    return s.write(outlines, info, output_path, structure);
}

bool PdfWriter::State::write(const std::vector<render::Outline>& outlines, const render::DocumentInfo& info,
                             const std::string& output_path, const render::StructureTree& structure) {
    // Tagged (PDF/A-2a, PDF/UA-1) only when every page's content was marked.
    const bool tagged = options.pdfa && !structure.empty() &&
                        std::all_of(pages.begin(), pages.end(), [](const auto& p) { return p.second.tagged; });
    // Images in document order of first use: warnings and objects do not depend on the
    // order pages came in.
    std::vector<std::size_t> image_order(images.size());
    for (std::size_t i = 0; i < images.size(); ++i) image_order[i] = i;
    std::sort(image_order.begin(), image_order.end(),
              [this](std::size_t a, std::size_t b) { return images[a].first_use < images[b].first_use; });
    for (std::size_t i : image_order) {
        const ImageState& use = images[i];
        if (use.lowest_dpi > 0 && use.lowest_dpi < options.min_image_dpi) {
            diagnostics.warning({use.path, 0, 0}, "image is placed at " + format_number(use.lowest_dpi, 0) + " dpi (" +
                                                      std::to_string(use.image->width) + "x" +
                                                      std::to_string(use.image->height) + " pixels); print wants " +
                                                      format_number(options.min_image_dpi, 0) + " dpi or more");
        }
    }

    for (FontState& font : fonts) {
        for (std::size_t gid = 0; gid < font.drawn.size(); ++gid) {
            if (font.drawn[gid]) font.gids.insert(font.gids.end(), static_cast<std::uint32_t>(gid));
        }
    }
    std::vector<std::size_t> font_order(fonts.size());
    for (std::size_t f = 0; f < fonts.size(); ++f) font_order[f] = f;
    std::sort(font_order.begin(), font_order.end(),
              [this](std::size_t a, std::size_t b) { return fonts[a].first_use < fonts[b].first_use; });
    std::vector<std::optional<SubsetFont>> subsets(fonts.size());
    for (std::size_t f : font_order) {
        if (fonts[f].gids.empty()) continue;  // declared but never drawn: not embedded
        StageScope subsetting(options.timings, Stage::font_subsetting);
        subsets[f] = subset_font(*fonts[f].source, fonts[f].gids, *fonts[f].program, diagnostics);
        if (!subsets[f]) return false;
    }

    // Each page's ToUnicode CMap, in document order; the page records which one it got.
    std::vector<ToUnicodeVariants> variants(fonts.size());
    std::vector<std::vector<std::size_t>> page_variants;  // by page, parallel to PageRecord::fonts
    for (const auto& [index, page] : pages) {
        std::vector<std::size_t>& chosen = page_variants.emplace_back();
        for (const PageRecord::FontUse& use : page.fonts) chosen.push_back(variants[use.font].place(use.texts));
    }

    const std::optional<std::int64_t> date = document_date(info, options, diagnostics);
    if (options.press_intent && !date) {
        diagnostics.warning({}, "the press's copy has no date (the issue's <date>, or SOURCE_DATE_EPOCH): PDF/X-4 "
                                "asks for one, so a preflight will reject it");
    }
    const std::string producer = info.producer.empty() ? std::string("quire") : info.producer;
    ContentHash id_hash;  // the /ID: a hash of everything the file shows
    std::optional<OutputFile> output;
    std::optional<TailHeldBack> bytes;
    try {
        Document doc;
        // PDF/X-4 is PDF 1.6 (ISO 15930-7 6.1); the archive's 1.7. OpenType font
        // programs (FontFile3 /OpenType) need 1.6 at least.
        doc.SetPdfVersion(options.press_intent ? ePdfVersion_1_6 : ePdfVersion_1_7);
        // ISO 19005-2 6.1.9 wants "obj" and "endobj" each followed by an end of line,
        // which PoDoFo's compact mode leaves out; its clean mode writes them.
        doc.SetWriteMode(options.pdfa || options.press_intent ? ePdfWriteMode_Clean : ePdfWriteMode_Compact);
        PdfVecObjects& objects = doc.GetObjects();
        PdfObject* catalog = doc.GetCatalog();
        PdfObject* pages_root = catalog->GetIndirectKey("Pages");

        // Page objects first: links and outlines need every page's reference. We keep
        // references, never PdfPage pointers (CreatePage invalidates them).
        PageTargets targets;
        std::vector<PdfObject*> page_objects;
        std::vector<std::string> labels;
        for (const auto& [index, page] : pages) {
            PdfObject* object = objects.CreateObject("Page");
            page_objects.push_back(object);
            targets.refs.push_back(object->Reference());
            targets.geometry.push_back(page.geometry());
            labels.push_back(page.label);
        }

        std::vector<std::vector<PdfReference>> type0_fonts(fonts.size());  // by font, by CMap variant
        for (std::size_t f : font_order) {
            if (!subsets[f]) continue;
            const SubsetFont& subset = *subsets[f];
            const PdfReference cid_font = embed_cid_font(objects, subset);
            id_hash.update(subset.data);
            std::map<std::uint32_t, TextId> fallback;
            for (const auto& [gid, first] : fonts[f].fallback) fallback.emplace(gid, first.second);
            for (std::size_t v = 0; v < variants[f].count(); ++v) {
                std::map<std::uint32_t, std::string> code_text;
                for (const auto& [gid, text] : variants[f].code_texts(v, fonts[f].gids, fallback)) {
                    code_text.emplace(gid, this->texts.text(text));
                }
                const std::string cmap = to_unicode_cmap(code_text);
                type0_fonts[f].push_back(embed_type0_font(objects, subset, cid_font, cmap));
                id_hash.update(cmap);
            }
        }
        std::vector<PdfReference> image_refs(images.size());
        for (std::size_t i : image_order) {
            image_refs[i] = embed_image(objects, *images[i].image);
            id_hash.update(images[i].image->data);
            id_hash.update(images[i].image->alpha);
        }

        PdfArray kids;
        std::size_t p = 0;
        std::vector<TaggedPage> tagged_pages;
        for (auto& [index, page] : pages) {
            const PageGeometry geometry = page.geometry();
            PdfArray annots;
            TaggedPage& marks = tagged_pages.emplace_back();
            marks.page = page_objects[p]->Reference();
            marks.mcid_nodes = std::move(page.mcid_nodes);
            for (std::size_t k = 0; k < page.links.size(); ++k) {
                const render::LinkArea& link = page.links[k];
                const PdfReference ref = write_link(objects, link, geometry, targets, diagnostics);
                if (ref.ObjectNumber() == 0) continue;
                annots.push_back(ref);
                if (link.node >= 0 && link.node < static_cast<int>(structure.nodes.size())) {
                    marks.annotations.push_back({link.node, ref, page.link_after_mcid[k]});
                }
            }
            PdfObject* stream = objects.CreateObject();
            stream->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
            set_raw_stream(*stream, page.content);
            std::string().swap(page.content);  // PoDoFo has its copy
            id_hash.update(page.digest.data(), page.digest.size());

            PdfDictionary resources;
            if (!page.fonts.empty()) {
                PdfDictionary font_dict;
                for (std::size_t k = 0; k < page.fonts.size(); ++k) {
                    const std::uint32_t f = page.fonts[k].font;
                    font_dict.AddKey("F" + std::to_string(k + 1), type0_fonts[f][page_variants[p][k]]);
                }
                resources.AddKey("Font", font_dict);
            }
            if (!page.images.empty()) {
                PdfDictionary xobjects;
                for (std::size_t k = 0; k < page.images.size(); ++k) {
                    xobjects.AddKey("Im" + std::to_string(k + 1), image_refs[page.images[k]]);
                }
                resources.AddKey("XObject", xobjects);
            }
            if (page.registration) {
                PdfDictionary spaces;
                spaces.AddKey(registration_colour_space, separation_all());
                resources.AddKey("ColorSpace", spaces);
            }

            // The media box is the trimmed page plus its bleed on every side, and in
            // print output the slug beyond it, where the printer's marks stand.
            const double width = (page.width + (page.bleed + page.slug) * 2).pt();
            const double height = (page.height + (page.bleed + page.slug) * 2).pt();
            const double sl = page.slug.pt();
            const double b = (page.bleed + page.slug).pt();
            PdfDictionary& d = page_objects[p]->GetDictionary();
            d.AddKey("Parent", pages_root->Reference());
            d.AddKey("MediaBox", box(0, 0, width, height));
            d.AddKey("BleedBox", box(sl, sl, width - sl, height - sl));
            d.AddKey("TrimBox", box(b, b, b + page.width.pt(), b + page.height.pt()));
            d.AddKey("Resources", resources);
            d.AddKey("Contents", stream->Reference());
            if (!annots.empty()) d.AddKey("Annots", annots);
            // Tab order follows the structure (PDF/UA 7.18.3).
            if (!annots.empty() && tagged) d.AddKey("Tabs", PdfName("S"));
            if (page.transparency && options.pdfa) {
                // ISO 19005-2 6.2.10: a page with transparency carries a group with a
                // blending colour space (the OutputIntent's, RGB).
                PdfDictionary group;
                group.AddKey("Type", PdfName("Group"));
                group.AddKey("S", PdfName("Transparency"));
                group.AddKey("CS", PdfName("DeviceRGB"));
                d.AddKey("Group", group);
            }
            kids.push_back(page_objects[p]->Reference());
            ++p;
        }
        pages_root->GetDictionary().AddKey("Kids", kids);
        pages_root->GetDictionary().AddKey("Count", PdfVariant(static_cast<pdf_int64>(pages.size())));

        PdfDictionary& root = catalog->GetDictionary();
        if (tagged) {
            root.AddKey("StructTreeRoot", write_structure_tree(objects, structure, tagged_pages));
            PdfDictionary mark_info;
            mark_info.AddKey("Marked", PdfVariant(true));
            root.AddKey("MarkInfo", mark_info);
        }
        const PdfReference outline_root = write_outlines(objects, outlines, targets, diagnostics);
        if (outline_root.ObjectNumber() != 0) {
            root.AddKey("Outlines", outline_root);
            root.AddKey("PageMode", PdfName("UseOutlines"));
        }
        std::vector<const render::Outline*> pending;
        for (const render::Outline& o : outlines) pending.push_back(&o);
        while (!pending.empty()) {
            const render::Outline* o = pending.back();
            pending.pop_back();
            id_hash.update(o->title);
            for (const render::Outline& c : o->children) pending.push_back(&c);
        }
        root.AddKey("PageLabels", page_labels(labels));
        if (!info.language.empty()) root.AddKey("Lang", text_string(info.language));
        if (!info.title.empty()) {
            PdfDictionary preferences;  // show the title, not the file name, in the window
            preferences.AddKey("DisplayDocTitle", PdfVariant(true));
            root.AddKey("ViewerPreferences", preferences);
        }

        if (options.pdfa && !add_output_intent(objects, root, options.output_intent_profile, id_hash, diagnostics)) {
            return false;
        }
        if (options.press_intent && !add_press_intent(objects, root, *options.press_intent, id_hash, diagnostics)) {
            return false;
        }
        const Conformance claims{options.pdfa, tagged, options.press_intent.has_value()};
        const std::string xmp = xmp_packet(info, producer, date, claims);
        PdfObject* metadata = objects.CreateObject("Metadata");
        metadata->GetDictionary().AddKey("Subtype", PdfName("XML"));
        set_plain_stream(*metadata, xmp);
        root.AddKey("Metadata", metadata->Reference());
        id_hash.update(xmp);

        fill_info(doc.GetInfo()->GetObject()->GetDictionary(), info, producer, date, claims);

        // Into the file as PoDoFo writes it: the file is never whole in memory.
        output = OutputFile::open(output_path, diagnostics);
        if (!output) return false;
        bytes.emplace(*output);
        std::ostream stream(&*bytes);
        PdfOutputDevice device(&stream);
        doc.Write(&device);
        stream.flush();
    } catch (const PdfError& e) {
        const char* what = PdfError::ErrorMessage(e.GetError());
        diagnostics.error({output_path, 0, 0}, std::string("PDF writer failed: ") + (what ? what : "PoDoFo error"));
        return false;
    } catch (const std::exception& e) {
        diagnostics.error({output_path, 0, 0}, std::string("PDF writer failed: ") + e.what());
        return false;
    }
    if (!bytes->stamp_id(id_hash.digest())) {
        diagnostics.error({output_path, 0, 0}, "internal error: PoDoFo wrote no /ID to replace");
        return false;
    }
    if (diagnostics.error_count() > errors_before) return false;
    bytes->flush_all();
    return output->commit(diagnostics);
}

namespace {

// Pages in order; a list not const lets go of each page's drawing once the writer has it.
template <class List>
bool write_list(List& list, const PdfOptions& options, const std::string& output_path, DiagnosticSink& diagnostics) {
    PdfWriter writer(options, diagnostics);
    const FontLookup font_source = [&list](std::uint32_t id) -> std::optional<render::FontSource> {
        if (id >= list.fonts.size()) return std::nullopt;
        return list.fonts[id];
    };
    bool pages_ok = true;
    for (std::size_t p = 0; p < list.pages.size(); ++p) {
        pages_ok = writer.add_page(static_cast<int>(p), list.pages[p], font_source, &list.structure) && pages_ok;
        if constexpr (!std::is_const_v<List>) list.pages[p] = render::Page{};
    }
    return pages_ok && writer.finish(list.outlines, list.info, output_path, list.structure);
}

}  // namespace

bool write_pdf(const render::DisplayList& list, const PdfOptions& options, const std::string& output_path,
               DiagnosticSink& diagnostics) {
    return write_list(list, options, output_path, diagnostics);
}

bool write_pdf(render::DisplayList&& list, const PdfOptions& options, const std::string& output_path,
               DiagnosticSink& diagnostics) {
    return write_list(list, options, output_path, diagnostics);
}

}  // namespace quire::pdf
