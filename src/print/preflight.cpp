#include "print/preflight.hpp"

#include "input/image_probe.hpp"
#include "style/style_sheet.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string_view>
#include <utility>
#include <vector>
#include <cstdint>

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

std::string cmyk_text(const render::Color& c) {
    return "cmyk(" + fixed(c.c[0], 3) + "," + fixed(c.c[1], 3) + "," + fixed(c.c[2], 3) + "," + fixed(c.c[3], 3) + ")";
}

bool approved(const model::Layout& layout, model::ApprovalCheck check, const std::string& name,
              const std::string& color = "") {
    return std::any_of(layout.approved.begin(), layout.approved.end(), [&](const model::Approval& a) {
        return a.check == check && a.name == name && a.color == color;
    });
}

const char* const how_to_approve = "; or approve it for press in the layout's <preflight>: ";

void check_colour(const model::Layout& layout, bool paragraph, const std::string& name,
                  const model::TextProperties& text, const SourceLoc& loc, const PressColour& press,
                  DiagnosticSink& sink) {
    if (!text.color) return;
    const std::string kind = paragraph ? "paragraph style" : "character style";
    const std::string approval = "<approved " + std::string(paragraph ? "paragraph-style" : "character-style") +
                                 "=\"" + name + "\" color=\"" + *text.color + "\"/>";
    if (approved(layout, paragraph ? model::ApprovalCheck::paragraph_colour : model::ApprovalCheck::character_colour,
                 name, *text.color)) {
        return;
    }
    const style::TextColor color = style::parse_color(*text.color);
    if (const auto* rgb = std::get_if<style::Rgb>(&color)) {
        if (rgb->r == rgb->g && rgb->g == rgb->b) return;  // a grey prints with black ink alone
        // Quote what print output writes: near-black text goes on the black plate alone.
        const render::Color written = press.for_press(render::Color::rgb(rgb->r, rgb->g, rgb->b), true);
        const std::string result =
            written.space == render::Color::Space::gray
                ? "sets in black ink alone, cmyk(0,0,0," + fixed(1 - written.c[0], 3) + ")"
                : "converts to " + cmyk_text(written);
        sink.warning(loc, kind + " \"" + name + "\" has the RGB colour " + *text.color + ", which print output " + result +
                              "; give a cmyk() colour to choose the inks" + how_to_approve + approval);
    } else if (const auto* ink = std::get_if<style::Cmyk>(&color)) {
        if (ink->k >= 0.9 && ink->c + ink->m + ink->y > 0) {
            sink.warning(loc, kind + " \"" + name + "\" sets text in rich black " + *text.color +
                                  ", which misregisters at text sizes; print output uses black ink alone, cmyk(0,0,0," +
                                  fixed(ink->k, 3) + ")" + how_to_approve + approval);
        }
    }
}

}  // namespace

void check_layout_colours(const model::Layout& layout, const PressColour& press, DiagnosticSink& sink) {
    for (const model::ParagraphStyle& s : layout.paragraph_styles) {
        check_colour(layout, true, s.name, s.text, s.loc, press, sink);
    }
    for (const model::CharacterStyle& s : layout.character_styles) {
        check_colour(layout, false, s.name, s.text, s.loc, press, sink);
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
                  double min_dpi, bool rgb_converted, const model::Layout* layout, DiagnosticSink& sink) {
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
        // Approvals hold paths resolved as the reader resolves every path: compare so,
        // and tell the designer the path to write, relative to the layout.
        const std::string normal = std::filesystem::path(path).lexically_normal().string();
        std::string written = normal;
        if (layout) {
            const std::filesystem::path dir = std::filesystem::path(layout->path).parent_path();
            if (!dir.empty()) written = std::filesystem::path(normal).lexically_relative(dir).string();
            if (written.empty()) written = normal;
        }
        const auto approval = [&](const char* check) {
            return how_to_approve + ("<approved image=\"" + written + "\" for=\"" + check + "\"/>");
        };
        const std::string name = "image " + std::filesystem::path(path).filename().string();
        if (dpi < min_dpi && !(layout && approved(*layout, model::ApprovalCheck::image_resolution, normal))) {
            sink.warning(loc, name + " prints at " + fixed(std::floor(dpi), 0) + " dpi; the press wants " +
                                  fixed(min_dpi, 0) + " dpi at the printed size (give a larger image, or print it smaller)" + approval("resolution"));
        }
        if (!rgb_converted && image_components(path) == 3 &&
            !(layout && approved(*layout, model::ApprovalCheck::image_rgb, normal))) {
            sink.warning(loc, name +
                                  " is RGB: the printer's RIP converts it with the output intent's profile; "
                                  "convert it to CMYK to choose the inks" + approval("rgb"));
        }
    }
}

namespace {

// Text too close to the trim, gathered per page and paragraph: the lines of one
// paragraph are drawn one after another at one size, so consecutive runs of one size
// and one paragraph (structure node) that break the margin on the same side are one
// problem, reported once at the first such line's place in the user's files (a layout
// mistake used to give one warning per line, about 100 for one margin).
struct NearTrim {
    const char* side = nullptr;  // null: no group open
    Length size;
    int block = -1;              // the paragraph (structure node) the lines belong to
    std::string first_text;
    SourceLoc loc;
    Length closest;
    int lines = 0;
};

// The paragraph-like node a run is content of: a link or a span in another language
// is part of its paragraph.
int block_of(int node, const render::StructureTree& tree) {
    while (node >= 0 && static_cast<std::size_t>(node) < tree.nodes.size()) {
        const render::StructureNode& n = tree.nodes[static_cast<std::size_t>(node)];
        if (n.kind != render::StructureKind::link && n.kind != render::StructureKind::span) break;
        node = n.parent;
    }
    return node;
}

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
    sink.warning(group.loc.file.empty() ? where : group.loc, page + ": text \"" + group.first_text.substr(0, 40) + "\"" + lines + " at the " + group.side +
                            " " + place + "; keep text " + fixed(margin.pt() * 25.4 / 72, 1) + " mm inside it");
}

}  // namespace

void check_safe_margin(const render::DisplayList& list, Length margin, const SourceLoc& where,
                       const model::Layout* layout, DiagnosticSink& sink) {
    // A layout margin under `margin` is one mistake however many lines it moves: one
    // warning at <page>, and the text beside that margin is not reported again.
    std::map<std::string, std::pair<Length, std::vector<std::string>>> short_margins;  // attribute -> value, pages
    auto short_margin = [&](std::size_t index, const char* side) -> const char* {
        if (!layout) return nullptr;
        const model::PageSetup& setup = layout->page;
        const bool recto = index % 2 == 0 || !setup.facing;  // page 1 is a recto: its inside is on the left
        const char* attribute = std::string_view(side) == "top"      ? "margin-top"
                                : std::string_view(side) == "bottom" ? "margin-bottom"
                                : (std::string_view(side) == "left") == recto ? "margin-inside"
                                                                              : "margin-outside";
        const Length value = attribute[7] == 't'   ? setup.margin_top
                             : attribute[7] == 'b' ? setup.margin_bottom
                             : attribute[7] == 'i' ? setup.margin_inside
                                                   : setup.margin_outside;
        if (value >= margin) return nullptr;
        short_margins[attribute].first = value;
        return attribute;
    };
    for (std::size_t p = 0; p < list.pages.size(); ++p) {
        const render::Page& page = list.pages[p];
        const std::string name = page_name(page, p);
        std::vector<NearTrim> groups;                            // in the order of their first line
        std::map<std::pair<int, const char*>, std::size_t> open;  // (paragraph, side) -> group
        std::size_t furniture = SIZE_MAX;                        // the open group of text with no paragraph
        int last_block = -1;
        for (const render::DrawOp& op : page.ops) {
            const auto* run = std::get_if<render::DrawGlyphs>(&op);
            if (!run || run->glyphs.empty()) continue;
            const auto [side, distance] = nearest_side(*run, page);
            int block = block_of(run->node, list.structure);
            // A hyphen is drawn after its word as a run of no node, but is the word's.
            if (block < 0 && !run->loc.file.empty()) block = last_block;
            if (block >= 0) last_block = block;
            if (furniture != SIZE_MAX &&
                (block >= 0 || run->size != groups[furniture].size || (distance < margin && side != groups[furniture].side))) {
                furniture = SIZE_MAX;  // consecutive furniture at one size is one line of it
            }
            if (distance >= margin) continue;
            if (const char* attribute = short_margin(p, side)) {
                std::vector<std::string>& pages = short_margins[attribute].second;
                if (pages.empty() || pages.back() != name) pages.push_back(name);
                continue;
            }
            std::size_t* index = block >= 0 ? &open.try_emplace({block, side}, SIZE_MAX).first->second : &furniture;
            if (*index == SIZE_MAX) {
                *index = groups.size();
                groups.push_back({side, run->size, block, run->text, run->loc, distance, 0});
            }
            NearTrim& group = groups[*index];
            group.closest = std::min(group.closest, distance);
            ++group.lines;
        }
        for (const NearTrim& group : groups) report_near_trim(group, name, margin, where, sink);
    }
    for (const auto& [attribute, found] : short_margins) {
        if (found.second.empty()) continue;
        std::string pages;
        for (const std::string& page : found.second) pages += (pages.empty() ? "" : ", ") + page.substr(5);
        sink.warning(layout->page.loc, "<page> " + attribute + " is " + fixed(found.first.pt() * 25.4 / 72, 1) +
                                           " mm: text beside it stands within " + fixed(margin.pt() * 25.4 / 72, 1) +
                                           " mm of the trim (page" + (found.second.size() > 1 ? "s " : " ") + pages +
                                           "); keep text " + fixed(margin.pt() * 25.4 / 72, 1) + " mm inside it");
    }
}

}  // namespace quire::print
