#include "print/preflight.hpp"

#include "input/image_probe.hpp"
#include "style/style_sheet.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

namespace quire::print {

namespace {

std::string fixed(double v, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);  // digits only: no locale grouping
    std::string s = buffer;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string page_name(const render::Page& page, std::size_t index) {
    return "page " + (page.label.empty() ? "[" + std::to_string(index + 1) + "]" : page.label);
}

void check_colour(const std::string& kind, const std::string& name, const model::TextProperties& text,
                  const SourceLoc& loc, const PressColour& press, DiagnosticSink& sink) {
    if (!text.color) return;
    const style::TextColor color = style::parse_color(*text.color);
    if (const auto* rgb = std::get_if<style::Rgb>(&color)) {
        if (rgb->r == rgb->g && rgb->g == rgb->b) return;  // a grey prints with black ink alone
        const render::Color c = press.cmyk_of(rgb->r, rgb->g, rgb->b);
        sink.warning(loc, kind + " \"" + name + "\" has the RGB colour " + *text.color +
                              ", which print output converts to cmyk(" + fixed(c.c[0], 3) + "," + fixed(c.c[1], 3) +
                              "," + fixed(c.c[2], 3) + "," + fixed(c.c[3], 3) +
                              "); give a cmyk() colour to choose the inks");
    } else if (const auto* ink = std::get_if<style::Cmyk>(&color)) {
        if (ink->k >= 0.9 && ink->c + ink->m + ink->y > 0) {
            sink.warning(loc, kind + " \"" + name + "\" sets text in rich black " + *text.color +
                                  ", which misregisters at text sizes; print output uses black ink alone");
        }
    }
}

}  // namespace

void check_layout_colours(const model::Layout& layout, const PressColour& press, DiagnosticSink& sink) {
    for (const model::ParagraphStyle& s : layout.paragraph_styles) {
        check_colour("paragraph style", s.name, s.text, s.loc, press, sink);
    }
    for (const model::CharacterStyle& s : layout.character_styles) {
        check_colour("character style", s.name, s.text, s.loc, press, sink);
    }
}

int image_components(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(65536, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.size() >= 26 && head.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && head.compare(12, 4, "IHDR") == 0) {
        switch (static_cast<unsigned char>(head[25])) {  // PNG colour type
            case 0: case 4: return 1;                    // grey (with alpha)
            case 2: case 3: case 6: return 3;            // RGB, palette (RGB entries), RGBA
            default: return 0;
        }
    }
    if (head.size() >= 4 && static_cast<unsigned char>(head[0]) == 0xFF && static_cast<unsigned char>(head[1]) == 0xD8) {
        // Walk the marker segments to the first start-of-frame (SOF0..SOF15 but DHT,
        // JPG and DAC); its component count is at offset 9 from the marker.
        std::size_t at = 2;
        while (at + 4 <= head.size()) {
            if (static_cast<unsigned char>(head[at]) != 0xFF) return 0;
            const unsigned marker = static_cast<unsigned char>(head[at + 1]);
            if (marker == 0xFF) {
                ++at;
                continue;
            }
            const std::size_t length = static_cast<std::size_t>(static_cast<unsigned char>(head[at + 2]) << 8 |
                                                                static_cast<unsigned char>(head[at + 3]));
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return at + 9 < head.size() ? static_cast<unsigned char>(head[at + 9]) : 0;
            }
            at += 2 + length;
        }
    }
    return 0;
}

void check_images(const render::DisplayList& list, const std::map<std::string, SourceLoc>& image_locs,
                  double min_dpi, DiagnosticSink& sink) {
    std::map<std::string, double> lowest;  // path -> lowest dpi it is placed at
    for (const render::Page& page : list.pages) {
        for (const render::DrawOp& op : page.ops) {
            const auto* image = std::get_if<render::DrawImage>(&op);
            if (!image || image->width.sp <= 0 || image->height.sp <= 0) continue;
            const std::optional<input::ImageSize> size = input::read_image_size(image->path);
            if (!size) continue;
            const double dpi = std::min(size->width / (image->width.pt() / 72.0), size->height / (image->height.pt() / 72.0));
            auto [it, added] = lowest.emplace(image->path, dpi);
            if (!added) it->second = std::min(it->second, dpi);
        }
    }
    for (const auto& [path, dpi] : lowest) {
        const auto found = image_locs.find(path);
        const SourceLoc loc = found != image_locs.end() ? found->second : SourceLoc{path, 0, 0};
        if (dpi < min_dpi) {
            sink.warning(loc, "image " + std::filesystem::path(path).filename().string() + " prints at " +
                                  fixed(std::floor(dpi), 0) + " dpi; the press wants " + fixed(min_dpi, 0) +
                                  " dpi at the printed size");
        }
        if (image_components(path) == 3) {
            sink.warning(loc, "image " + std::filesystem::path(path).filename().string() +
                                  " is RGB: the printer's RIP converts it with the output intent's profile; "
                                  "convert it to CMYK to choose the inks");
        }
    }
}

namespace {

// Text too close to the trim, gathered per page and paragraph: the lines of one
// paragraph are drawn one after another at one size, so consecutive runs of one size
// that break the margin on the same side are one problem, reported once (a layout
// mistake used to give one warning per line, about 100 for one margin).
struct NearTrim {
    const char* side = nullptr;  // null: no group open
    Length size;
    std::string first_text;
    Length closest;
    int lines = 0;
};

// The side of the page that `run` comes closest to, and how close (negative: past it).
std::pair<const char*, Length> nearest_side(const render::DrawGlyphs& run, const render::Page& page) {
    Length width;
    for (const shape::Glyph& g : run.glyphs) width += g.advance;
    // The glyphs' box, roughly: cap height above the baseline, descenders below.
    const std::pair<const char*, Length> sides[] = {{"left", run.x},
                                                    {"top", run.y - run.size * 3 / 4},
                                                    {"right", page.width - (run.x + width)},
                                                    {"bottom", page.height - (run.y + run.size / 4)}};
    return *std::min_element(std::begin(sides), std::end(sides),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
}

void report_near_trim(const NearTrim& group, const std::string& page, Length margin, const SourceLoc& where,
                      DiagnosticSink& sink) {
    if (!group.side) return;
    const double mm = group.closest.pt() * 25.4 / 72;
    const std::string lines = group.lines > 1 ? " and " + std::to_string(group.lines - 1) + " more lines" : "";
    const std::string verb = group.lines > 1 ? (mm < 0 ? "run" : "stand") : (mm < 0 ? "runs" : "stands");
    const std::string place = mm < 0 ? verb + " " + fixed(-mm, 1) + " mm past the trim"
                                     : verb + " " + fixed(mm, 1) + " mm from the trim";
    sink.warning(where, page + ": text \"" + group.first_text.substr(0, 40) + "\"" + lines + " at the " + group.side +
                            " " + place + "; keep text " + fixed(margin.pt() * 25.4 / 72, 1) + " mm inside it");
}

}  // namespace

void check_safe_margin(const render::DisplayList& list, Length margin, const SourceLoc& where,
                       DiagnosticSink& sink) {
    for (std::size_t p = 0; p < list.pages.size(); ++p) {
        const render::Page& page = list.pages[p];
        NearTrim group;
        for (const render::DrawOp& op : page.ops) {
            const auto* run = std::get_if<render::DrawGlyphs>(&op);
            if (!run || run->glyphs.empty()) continue;
            const auto [side, distance] = nearest_side(*run, page);
            const bool near = distance < margin;
            if (group.side && (run->size != group.size || (near && side != group.side))) {
                report_near_trim(group, page_name(page, p), margin, where, sink);  // another paragraph
                group = {};
            }
            if (!near) continue;
            if (!group.side) group = {side, run->size, run->text, distance, 0};
            group.closest = std::min(group.closest, distance);
            ++group.lines;
        }
        report_near_trim(group, page_name(page, p), margin, where, sink);
    }
}

}  // namespace quire::print
