#include "pdf/pdf_writer.hpp"

#include "pdf/content_hash.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/font_embedder.hpp"
#include "pdf/image_loader.hpp"
#include "pdf/image_xobject.hpp"
#include "pdf/metadata.hpp"
#include "pdf/navigation.hpp"
#include "pdf/number_format.hpp"
#include "pdf/pdf_objects.hpp"
#include "pdf/print_objects.hpp"
#include "pdf/safe_output.hpp"
#include "pdf/stream_deflater.hpp"
#include "pdf/text_string.hpp"
#include "pdf/to_unicode_cmap.hpp"

#include <podofo/podofo.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace quire::pdf {

using namespace PoDoFo;

namespace {

// PdfDocument::GetTrailer is protected in 0.9.8, and the trailer is where /ID lives.
class Document : public PdfMemDocument {
public:
    PdfObject* trailer() { return PdfDocument::GetTrailer(); }
};

// What the pages ask of one font: its glyphs and the text each stands for.
struct FontUse {
    std::set<std::uint32_t> gids;
    GlyphTextMap texts;
    std::optional<SubsetFont> subset;
    PdfReference ref;
};

struct ImageUse {
    std::string path;
    std::optional<LoadedImage> image;
    double lowest_dpi = 0;
    PdfReference ref;
};

std::optional<std::int64_t> document_date(const render::DisplayList& list, const PdfOptions& options,
                                          DiagnosticSink& diagnostics) {
    if (options.date_epoch) return options.date_epoch;
    if (options.use_source_date_epoch) {
        if (auto epoch = source_date_epoch(diagnostics)) return epoch;
    }
    if (list.info.date.empty()) return std::nullopt;
    auto parsed = parse_iso8601(list.info.date);
    if (!parsed) {
        diagnostics.warning({}, "document date \"" + list.info.date +
                                    "\" is not an ISO 8601 date (2025-03-01 or 2025-03-01T09:30:00Z); the PDF gets no date");
    }
    return parsed;
}

PdfArray box(double x1, double y1, double x2, double y2) {
    PdfArray a;
    a.push_back(number(x1));
    a.push_back(number(y1));
    a.push_back(number(x2));
    a.push_back(number(y2));
    return a;
}

// PoDoFo 0.9.8 ignores an /ID put into the trailer and writes the MD5 of the Info
// dictionary instead: stable (our Info has no clock time) but the same for two
// documents with the same title. Both of its hex strings are as long as ours, so
// overwriting them in place changes no byte offset and the xref stays right.
bool stamp_id(std::string& bytes, const std::array<std::uint8_t, 16>& digest) {
    const std::size_t trailer = bytes.rfind("trailer");
    if (trailer == std::string::npos) return false;
    const std::size_t at = bytes.find("/ID", trailer);
    if (at == std::string::npos) return false;
    // "/ID[<32 hex><32 hex>]" (compact) or "/ID [ <32 hex> <32 hex> ]" (clean mode).
    const std::string id = hex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
    std::size_t from = at + 3;
    for (int n = 0; n < 2; ++n) {
        const std::size_t open = bytes.find('<', from);
        if (open == std::string::npos || open > at + 16 + n * 40 || open + 33 >= bytes.size() || bytes[open + 33] != '>') {
            return false;
        }
        bytes.replace(open + 1, 32, id);
        from = open + 34;
    }
    return true;
}

// ISO 19005-2 6.2.4.3: with an RGB OutputIntent, DeviceCMYK colour is not allowed.
bool pdfa_colour(const render::Color& color, const char* what, std::size_t page, DiagnosticSink& diagnostics) {
    if (color.space != render::Color::Space::cmyk) return true;
    diagnostics.error({}, "page " + std::to_string(page + 1) + ": a " + what +
                              " is coloured in CMYK, which PDF/A with an sRGB output intent cannot hold; give the "
                              "colour as RGB (#rrggbb) or build with --draft");
    return false;
}

// A CMYK ICC profile file's bytes; empty when unreadable or not CMYK.
std::string read_profile(const std::string& path) {
    std::string profile;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buffer[65536];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) profile.append(buffer, n);
        std::fclose(f);
    }
    if (profile.size() < 132 || profile.compare(16, 4, "CMYK") != 0 || profile.compare(36, 4, "acsp") != 0) return {};
    return profile;
}

// The PDF/A OutputIntent (ISO 19005-2 6.2.3): the sRGB profile, embedded.
bool add_output_intent(PdfVecObjects& objects, PdfDictionary& root, const std::string& profile_path,
                       ContentHash& id_hash, DiagnosticSink& diagnostics) {
    std::string profile;
    if (FILE* f = std::fopen(profile_path.c_str(), "rb")) {
        char buffer[65536];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) profile.append(buffer, n);
        std::fclose(f);
    }
    // An ICC header is 128 bytes; bytes 16..19 name the data colour space.
    if (profile.size() < 132 || profile.compare(16, 4, "RGB ") != 0 || profile.compare(36, 4, "acsp") != 0) {
        diagnostics.error({profile_path, 0, 0}, "not a readable RGB ICC profile; PDF/A needs one for its output "
                                                "intent (set QUIRE_SRGB_PROFILE, or build with --draft)");
        return false;
    }
    PdfObject* stream = objects.CreateObject();
    stream->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(3)));
    set_flate_stream(*stream, profile);
    id_hash.update(profile);
    PdfDictionary intent;
    intent.AddKey("Type", PdfName("OutputIntent"));
    intent.AddKey("S", PdfName("GTS_PDFA1"));
    intent.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
    intent.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
    intent.AddKey("RegistryName", PdfString("http://www.color.org"));
    intent.AddKey("DestOutputProfile", stream->Reference());
    PdfArray intents;
    intents.push_back(intent);
    root.AddKey("OutputIntents", intents);
    return true;
}

// Gathers fonts and images from every page: fonts must be subset before any content
// stream is written, since the streams carry the subset's glyph ids.
bool collect(const render::DisplayList& list, const PdfOptions& options, std::vector<FontUse>& fonts,
             std::vector<ImageUse>& images, std::map<std::string, std::size_t>& image_index,
             DiagnosticSink& diagnostics) {
    bool ok = true;
    fonts.resize(list.fonts.size());
    for (std::size_t p = 0; p < list.pages.size(); ++p) {
        for (const render::DrawOp& op : list.pages[p].ops) {
            if (const auto* run = std::get_if<render::DrawGlyphs>(&op)) {
                if (run->font >= list.fonts.size()) {
                    diagnostics.error({}, "page " + std::to_string(p + 1) + " draws with font " + std::to_string(run->font) +
                                              " of " + std::to_string(list.fonts.size()));
                    ok = false;
                    continue;
                }
                FontUse& use = fonts[run->font];
                if (options.pdfa && !pdfa_colour(run->color, "text", p, diagnostics)) ok = false;
                for (const GlyphCluster& cluster : glyph_clusters(*run)) {
                    std::vector<std::uint32_t> gids;
                    for (std::size_t i = cluster.first; i < cluster.last; ++i) {
                        gids.push_back(run->glyphs[i].gid);
                        use.gids.insert(run->glyphs[i].gid);
                    }
                    use.texts.record(gids, cluster.text);
                }
            } else if (const auto* rule = std::get_if<render::DrawRule>(&op)) {
                if (options.pdfa && !pdfa_colour(rule->color, "rule", p, diagnostics)) ok = false;
            } else if (const auto* draw = std::get_if<render::DrawImage>(&op)) {
                auto [it, added] = image_index.emplace(draw->path, images.size());
                if (added) images.push_back({draw->path, std::nullopt, 0, {}});
                ImageUse& use = images[it->second];
                if (added) {
                    use.image = load_image(draw->path, diagnostics);
                    if (!use.image) ok = false;
                    // ISO 19005-2 6.2.4.3: DeviceCMYK needs a CMYK OutputIntent; ours is sRGB.
                    // An untagged CMYK image is given the assumed CMYK profile instead
                    // (the loader has warned to check its colours).
                    if (options.pdfa && use.image && use.image->components == 4 && use.image->icc_profile.empty()) {
                        use.image->icc_profile = read_profile(options.cmyk_image_profile);
                    }
                    if (options.pdfa && use.image && use.image->components == 4 && use.image->icc_profile.empty()) {
                        diagnostics.error({draw->path, 0, 0},
                                          "a CMYK image without an embedded ICC profile cannot go into PDF/A "
                                          "(the output intent is sRGB): embed a profile, convert it to RGB, or build "
                                          "with --draft");
                        ok = false;
                    }
                }
                if (use.image && draw->width.sp > 0 && draw->height.sp > 0) {
                    const double dpi = std::min(use.image->width / (draw->width.pt() / 72.0),
                                                use.image->height / (draw->height.pt() / 72.0));
                    if (use.lowest_dpi == 0 || dpi < use.lowest_dpi) use.lowest_dpi = dpi;
                }
            }
        }
    }
    for (const ImageUse& use : images) {
        if (use.image && use.lowest_dpi > 0 && use.lowest_dpi < options.min_image_dpi) {
            diagnostics.warning({use.path, 0, 0}, "image is placed at " + format_number(use.lowest_dpi, 0) + " dpi (" +
                                                      std::to_string(use.image->width) + "x" +
                                                      std::to_string(use.image->height) + " pixels); print wants " +
                                                      format_number(options.min_image_dpi, 0) + " dpi or more");
        }
    }
    for (std::size_t f = 0; f < fonts.size(); ++f) {
        if (fonts[f].gids.empty()) continue;  // declared but never drawn: not embedded
        StageScope subsetting(options.timings, Stage::font_subsetting);
        fonts[f].subset = subset_font(list.fonts[f], fonts[f].gids, diagnostics);
        if (!fonts[f].subset) ok = false;
    }
    return ok;
}

}  // namespace

std::optional<std::int64_t> source_date_epoch(DiagnosticSink& diagnostics) {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (!value || !*value) return std::nullopt;
    std::int64_t epoch = 0;
    for (const char* p = value; *p; ++p) {
        if (*p < '0' || *p > '9' || epoch > 1'000'000'000'000LL) {
            diagnostics.warning({}, std::string("SOURCE_DATE_EPOCH=\"") + value +
                                        "\" is not a number of seconds since 1970; ignoring it");
            return std::nullopt;
        }
        epoch = epoch * 10 + (*p - '0');
    }
    return epoch;
}

bool write_pdf(const render::DisplayList& list, const PdfOptions& options, const std::string& output_path,
               DiagnosticSink& diagnostics) {
    StageScope writing(options.timings, Stage::pdf_writing);
    const int errors_before = diagnostics.error_count();
    if (list.pages.empty()) {
        diagnostics.error({output_path, 0, 0}, "nothing to write: the document has no pages");
        return false;
    }
    std::vector<FontUse> fonts;
    std::vector<ImageUse> images;
    std::map<std::string, std::size_t> image_index;
    if (!collect(list, options, fonts, images, image_index, diagnostics)) return false;
    const std::optional<std::int64_t> date = document_date(list, options, diagnostics);
    const std::string producer = list.info.producer.empty() ? std::string("quire") : list.info.producer;

    ContentHash id_hash;  // the /ID: a hash of everything the file shows
    std::string bytes;
    try {
        Document doc;
        doc.SetPdfVersion(ePdfVersion_1_7);
        // ISO 19005-2 6.1.9 wants "obj" and "endobj" each followed by an end of line,
        // which PoDoFo's compact mode leaves out; its clean mode writes them.
        doc.SetWriteMode(options.pdfa ? ePdfWriteMode_Clean : ePdfWriteMode_Compact);
        PdfVecObjects& objects = doc.GetObjects();
        PdfObject* catalog = doc.GetCatalog();
        PdfObject* pages_root = catalog->GetIndirectKey("Pages");

        // Page objects first: links and outlines need every page's reference. We keep
        // references, never PdfPage pointers (CreatePage invalidates them).
        PageTargets targets;
        std::vector<PdfObject*> page_objects;
        for (const render::Page& page : list.pages) {
            PdfObject* object = objects.CreateObject("Page");
            page_objects.push_back(object);
            targets.refs.push_back(object->Reference());
            targets.geometry.push_back({page.height, page.bleed + page.slug});  // slug: print marks
        }

        for (std::size_t f = 0; f < fonts.size(); ++f) {
            FontUse& use = fonts[f];
            if (!use.subset) continue;
            std::map<std::uint32_t, std::string> code_text;
            for (const auto& [old_gid, new_gid] : use.subset->new_gid) code_text[new_gid] = use.texts.text_of(old_gid);
            const std::string cmap = to_unicode_cmap(code_text);
            use.ref = embed_font(objects, *use.subset, cmap);
            id_hash.update(use.subset->data);
            id_hash.update(cmap);
        }
        for (ImageUse& use : images) {
            use.ref = embed_image(objects, *use.image);
            id_hash.update(use.image->data);
            id_hash.update(use.image->alpha);
        }

        StreamDeflater deflater;
        PdfArray kids;
        for (std::size_t p = 0; p < list.pages.size(); ++p) {
            const render::Page& page = list.pages[p];
            const PageGeometry& geometry = targets.geometry[p];
            ContentStream content(geometry);
            content.leave_out_notdef(options.pdfa);
            std::set<std::uint32_t> page_fonts;
            std::set<std::size_t> page_images;
            bool transparency = false;  // a soft-masked image is drawn
            PdfArray annots;
            for (const render::DrawOp& op : page.ops) {
                if (const auto* run = std::get_if<render::DrawGlyphs>(&op)) {
                    const FontUse& use = fonts[run->font];
                    content.glyphs(*run, {"F" + std::to_string(run->font + 1), &*use.subset, &use.texts});
                    page_fonts.insert(run->font);
                } else if (const auto* draw = std::get_if<render::DrawImage>(&op)) {
                    const std::size_t index = image_index.at(draw->path);
                    content.image(*draw, "Im" + std::to_string(index + 1));
                    page_images.insert(index);
                    if (!images[index].image->alpha.empty()) transparency = true;
                } else if (const auto* rule = std::get_if<render::DrawRule>(&op)) {
                    content.rule(*rule);
                } else if (const auto* link = std::get_if<render::LinkArea>(&op)) {
                    const PdfReference ref = write_link(objects, *link, geometry, targets, diagnostics);
                    if (ref.ObjectNumber() != 0) annots.push_back(ref);
                    id_hash.update(link->uri);
                    id_hash.update_u64(static_cast<std::uint64_t>(link->target_page));
                }
            }
            PdfObject* stream = objects.CreateObject();
            id_hash.update(content.data());
            deflater.add(stream, content.take());

            PdfDictionary resources;
            if (!page_fonts.empty()) {
                PdfDictionary font_dict;
                for (std::uint32_t f : page_fonts) font_dict.AddKey("F" + std::to_string(f + 1), fonts[f].ref);
                resources.AddKey("Font", font_dict);
            }
            if (!page_images.empty()) {
                PdfDictionary xobjects;
                for (std::size_t i : page_images) xobjects.AddKey("Im" + std::to_string(i + 1), images[i].ref);
                resources.AddKey("XObject", xobjects);
            }
            if (uses_registration(page)) {  // printer's marks (print output)
                PdfDictionary spaces;
                spaces.AddKey(registration_colour_space, separation_all());
                resources.AddKey("ColorSpace", spaces);
            }

            // The media box is the trimmed page plus its bleed on every side, and in
            // print output the slug beyond it, where the printer's marks stand.
            const double width = (page.width + (page.bleed + page.slug) * 2).pt();
            const double height = (page.height + (page.bleed + page.slug) * 2).pt();
            const double s = page.slug.pt();
            const double b = (page.bleed + page.slug).pt();
            PdfDictionary& d = page_objects[p]->GetDictionary();
            d.AddKey("Parent", pages_root->Reference());
            d.AddKey("MediaBox", box(0, 0, width, height));
            d.AddKey("BleedBox", box(s, s, width - s, height - s));
            d.AddKey("TrimBox", box(b, b, b + page.width.pt(), b + page.height.pt()));
            d.AddKey("Resources", resources);
            d.AddKey("Contents", stream->Reference());
            if (!annots.empty()) d.AddKey("Annots", annots);
            if (transparency && options.pdfa) {
                // ISO 19005-2 6.2.10: a page with transparency carries a group with a
                // blending colour space (the OutputIntent's, RGB).
                PdfDictionary group;
                group.AddKey("Type", PdfName("Group"));
                group.AddKey("S", PdfName("Transparency"));
                group.AddKey("CS", PdfName("DeviceRGB"));
                d.AddKey("Group", group);
            }
            kids.push_back(page_objects[p]->Reference());
            id_hash.update(format_number(width) + ' ' + format_number(height) + ' ' + page.label);
        }
        deflater.finish();
        pages_root->GetDictionary().AddKey("Kids", kids);
        pages_root->GetDictionary().AddKey("Count", PdfVariant(static_cast<pdf_int64>(list.pages.size())));

        PdfDictionary& root = catalog->GetDictionary();
        const PdfReference outlines = write_outlines(objects, list.outlines, targets, diagnostics);
        if (outlines.ObjectNumber() != 0) {
            root.AddKey("Outlines", outlines);
            root.AddKey("PageMode", PdfName("UseOutlines"));
        }
        std::vector<const render::Outline*> pending;
        for (const render::Outline& o : list.outlines) pending.push_back(&o);
        while (!pending.empty()) {
            const render::Outline* o = pending.back();
            pending.pop_back();
            id_hash.update(o->title);
            for (const render::Outline& c : o->children) pending.push_back(&c);
        }
        root.AddKey("PageLabels", page_labels(list.pages));
        if (!list.info.language.empty()) root.AddKey("Lang", text_string(list.info.language));
        if (!list.info.title.empty()) {
            PdfDictionary preferences;  // show the title, not the file name, in the window
            preferences.AddKey("DisplayDocTitle", PdfVariant(true));
            root.AddKey("ViewerPreferences", preferences);
        }

        if (options.pdfa && !add_output_intent(objects, root, options.output_intent_profile, id_hash, diagnostics)) {
            return false;
        }
        if (options.press_intent &&
            !add_press_intent(objects, root, *options.press_intent, id_hash, diagnostics)) {
            return false;
        }
        const std::string xmp = xmp_packet(list.info, producer, date, options.pdfa);
        PdfObject* metadata = objects.CreateObject("Metadata");
        metadata->GetDictionary().AddKey("Subtype", PdfName("XML"));
        set_plain_stream(*metadata, xmp);
        root.AddKey("Metadata", metadata->Reference());
        id_hash.update(xmp);

        fill_info(doc.GetInfo()->GetObject()->GetDictionary(), list.info, producer, date);

        PdfRefCountedBuffer buffer;
        PdfOutputDevice device(&buffer);
        doc.Write(&device);
        bytes.assign(buffer.GetBuffer(), device.GetLength());
        if (!stamp_id(bytes, id_hash.digest())) {
            diagnostics.error({output_path, 0, 0}, "internal error: PoDoFo wrote no /ID to replace");
            return false;
        }
    } catch (const PdfError& e) {
        const char* what = PdfError::ErrorMessage(e.GetError());
        diagnostics.error({output_path, 0, 0}, std::string("PDF writer failed: ") + (what ? what : "PoDoFo error"));
        return false;
    } catch (const std::exception& e) {
        diagnostics.error({output_path, 0, 0}, std::string("PDF writer failed: ") + e.what());
        return false;
    }
    if (diagnostics.error_count() > errors_before) return false;
    return replace_file(output_path, bytes, diagnostics);
}

}  // namespace quire::pdf
