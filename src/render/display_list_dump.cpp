#include "render/display_list_dump.hpp"

#include <charconv>
#include <cstdio>

namespace quire::render {

std::string format_pt(Length l) {
    char buf[64];
    // to_chars never consults the locale: the same dump on every machine.
    auto r = std::to_chars(buf, buf + sizeof buf, l.pt(), std::chars_format::fixed, 3);
    return std::string(buf, r.ptr);
}

namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') { out += "\\n"; continue; }
        out += c;
    }
    return out + "\"";
}

std::string color(const Color& c) {
    if (c.space == Color::Space::gray && c.c[0] == 0) return "";
    char buf[96];
    std::string out = " color=";
    int n = c.space == Color::Space::gray ? 1 : c.space == Color::Space::rgb ? 3 : 4;
    out += c.space == Color::Space::gray ? "gray(" : c.space == Color::Space::rgb ? "rgb(" : "cmyk(";
    for (int i = 0; i < n; ++i) {
        auto r = std::to_chars(buf, buf + sizeof buf, c.c[i], std::chars_format::fixed, 3);
        out.append(buf, r.ptr);
        out += i + 1 < n ? "," : ")";
    }
    return out;
}

// " @N": the structure node an op is content of; nothing for furniture.
std::string node(int n) { return n < 0 ? std::string() : " @" + std::to_string(n); }

// A switch, not a table: a kind added to StructureKind and not named here is a
// compiler warning, never a wrong name.
const char* kind_name(StructureKind kind) {
    using K = StructureKind;
    switch (kind) {
        case K::document: return "document";
        case K::article: return "article";
        case K::division: return "division";
        case K::heading: return "heading";
        case K::paragraph: return "paragraph";
        case K::kicker: return "kicker";
        case K::subtitle: return "subtitle";
        case K::standfirst: return "standfirst";
        case K::byline: return "byline";
        case K::disclaimer: return "disclaimer";
        case K::attribution: return "attribution";
        case K::credit: return "credit";
        case K::source: return "source";
        case K::quote: return "quote";
        case K::list: return "list";
        case K::list_item: return "list-item";
        case K::list_label: return "list-label";
        case K::list_body: return "list-body";
        case K::note: return "note";
        case K::table: return "table";
        case K::table_row: return "table-row";
        case K::table_header: return "table-header";
        case K::table_cell: return "table-cell";
        case K::figure: return "figure";
        case K::caption: return "caption";
        case K::link: return "link";
        case K::span: return "span";
        case K::contents: return "contents";
        case K::contents_entry: return "contents-entry";
    }
    return "?";
}

// The structure as an indented tree, a node per line: its id, kind and attributes.
void structure(std::string& out, const StructureTree& tree, int id, int depth) {
    const StructureNode& n = tree.nodes[static_cast<std::size_t>(id)];
    out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "@" + std::to_string(id) + " " + kind_name(n.kind);
    if (n.level > 0) out += " level=" + std::to_string(n.level);
    if (!n.language.empty()) out += " lang=" + n.language;
    if (!n.title.empty()) out += " title=" + quoted(n.title);
    if (!n.alt.empty()) out += " alt=" + quoted(n.alt);
    if (!n.id.empty()) out += " id=" + quoted(n.id);
    out += "\n";
    for (int c : n.children) structure(out, tree, c, depth + 1);
}

void outline(std::string& out, const Outline& o, int depth) {
    out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "outline " + quoted(o.title) + " page=" +
           std::to_string(o.page) + " y=" + format_pt(o.y) + "\n";
    for (const Outline& c : o.children) outline(out, c, depth + 1);
}

}  // namespace

std::string dump_display_list(const DisplayList& list, const DumpOptions& options) {
    std::string out;
    // A glyph run names its font by the file's stem (EBGaramond12-Regular) when the
    // list has its fonts: the same whatever order the fonts happened to be loaded in.
    auto font_name = [&list](std::uint32_t font) {
        if (font >= list.fonts.size()) return std::to_string(font);
        const std::string& path = list.fonts[font].path;
        const std::size_t slash = path.find_last_of('/');
        std::string stem = path.substr(slash == std::string::npos ? 0 : slash + 1);
        if (const std::size_t dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
        if (list.fonts[font].face_index != 0) stem += "#" + std::to_string(list.fonts[font].face_index);
        return stem;
    };
    for (std::size_t i = 0; i < list.pages.size(); ++i) {
        const Page& p = list.pages[i];
        out += "page " + std::to_string(i) + " label=" + quoted(p.label) + " size=" + format_pt(p.width) + "x" +
               format_pt(p.height) + " bleed=" + format_pt(p.bleed) + "\n";
        for (const DrawOp& op : p.ops) {
            if (const auto* g = std::get_if<DrawGlyphs>(&op)) {
                out += "  glyphs x=" + format_pt(g->x) + " y=" + format_pt(g->y) + " font=" + font_name(g->font) +
                       " size=" + format_pt(g->size) +
                       (g->horizontal_scale != 1000 ? " scale=" + std::to_string(g->horizontal_scale) : std::string()) +
                       " n=" + std::to_string(g->glyphs.size()) + " " + quoted(g->text) +
                       color(g->color) + node(g->node);
                if (options.with_glyphs) {
                    for (const shape::Glyph& gl : g->glyphs) out += " " + std::to_string(gl.gid) + ":" + format_pt(gl.advance);
                }
                out += "\n";
            } else if (const auto* im = std::get_if<DrawImage>(&op)) {
                out += "  image x=" + format_pt(im->x) + " y=" + format_pt(im->y) + " w=" + format_pt(im->width) +
                       " h=" + format_pt(im->height) + " " + quoted(im->path) + node(im->node) + "\n";
            } else if (const auto* r = std::get_if<DrawRule>(&op)) {
                out += "  rule " + format_pt(r->x1) + "," + format_pt(r->y1) + " " + format_pt(r->x2) + "," +
                       format_pt(r->y2) + " t=" + format_pt(r->thickness) + color(r->color) + node(r->node) + "\n";
            } else if (const auto* l = std::get_if<LinkArea>(&op)) {
                out += "  link x=" + format_pt(l->x) + " y=" + format_pt(l->y) + " w=" + format_pt(l->width) +
                       " h=" + format_pt(l->height);
                if (!l->uri.empty()) out += " uri=" + quoted(l->uri);
                else out += " page=" + std::to_string(l->target_page) + " target_y=" + format_pt(l->target_y);
                out += node(l->node) + "\n";
            } else if (const auto* m = std::get_if<LineMark>(&op)) {
                out += "  line-mark x=" + format_pt(m->x) + " y=" + format_pt(m->y) + " w=" + format_pt(m->width) +
                       " h=" + format_pt(m->height) + " line=" + std::to_string(m->line + 1) + "/" +
                       std::to_string(m->count) + (m->overfull ? " overfull" : "") + (m->loose ? " loose" : "") + "\n";
            }
        }
    }
    for (const Outline& o : list.outlines) outline(out, o, 0);
    if (!list.structure.empty()) {
        out += "structure\n";
        for (std::size_t k = 0; k < list.structure.nodes.size(); ++k) {
            if (list.structure.nodes[k].parent < 0) structure(out, list.structure, static_cast<int>(k), 1);
        }
    }
    return out;
}

}  // namespace quire::render
