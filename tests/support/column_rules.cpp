#include "column_rules.hpp"

#include "tool_run.hpp"

#include <catch2/catch.hpp>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <cstdio>
#include <memory>
#include <optional>

namespace quire::test {

namespace {

struct TextLine {
    enum class Role { body, heading, other } role;
    double x0, x1, baseline;
    std::string text;
};

std::string prop(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
}

bool is(const xmlNode* n, const char* name) {
    return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The line's first font decides its role; its text is every char's c.
std::optional<TextLine> read_line(const xmlNode* line, const TextRoles& roles) {
    const xmlNode* font = nullptr;
    for (const xmlNode* c = line->children; c && !font; c = c->next) {
        if (is(c, "font")) font = c;
    }
    if (!font) return std::nullopt;
    const std::string name = prop(font, "name");
    const double size = std::stod(prop(font, "size"));
    TextLine out{};
    // A justified line may scale its glyphs by 2 % (glyph scaling): readers then give
    // the font's size scaled too.
    if (starts_with(name, roles.body_font) && std::abs(size - roles.body_size) < roles.body_size * 0.025) {
        out.role = TextLine::Role::body;
    } else if (starts_with(name, roles.heading_font) && std::abs(size - roles.heading_size) < 0.05) {
        out.role = TextLine::Role::heading;
    } else {
        out.role = TextLine::Role::other;  // captions, credits, furniture: they only end a column
    }
    double x0 = 1e9, x1 = -1e9;
    bool first = true;
    for (const xmlNode* f = line->children; f; f = f->next) {
        if (!is(f, "font")) continue;
        for (const xmlNode* ch = f->children; ch; ch = ch->next) {
            if (!is(ch, "char")) continue;
            const std::string c = prop(ch, "c");
            out.text += c;
            if (c == " ") continue;
            // quad: x0 y0 x1 y1 ...: the glyph's advance box.
            double q[4];
            std::sscanf(prop(ch, "quad").c_str(), "%lf %lf %lf %lf", &q[0], &q[1], &q[2], &q[3]);
            x0 = std::min(x0, q[0]);
            x1 = std::max(x1, q[2]);
            if (first) out.baseline = std::stod(prop(ch, "y"));
            first = false;
        }
    }
    if (first) return std::nullopt;
    out.x0 = x0;
    out.x1 = x1;
    return out;
}

// A heading between body lines: two grid lines below the one before, one above the
// one after (a heading of several lines: its first and last).
void check_heading_spacing(const std::vector<TextLine>& lines, double grid, int page, int column,
                           std::vector<RuleBreak>& out) {
    using Role = TextLine::Role;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (lines[k].role != Role::heading) continue;
        const bool first = k == 0 || lines[k - 1].role != Role::heading;
        const bool last = k + 1 == lines.size() || lines[k + 1].role != Role::heading;
        if (first && k > 0 && lines[k - 1].role == Role::body &&
            std::abs(lines[k].baseline - lines[k - 1].baseline - 2 * grid) > 0.1) {
            out.push_back({page, column, "heading spacing", lines[k].text});
        }
        if (last && k + 1 < lines.size() && lines[k + 1].role == Role::body &&
            std::abs(lines[k + 1].baseline - lines[k].baseline - grid) > 0.1) {
            out.push_back({page, column, "heading spacing", lines[k].text});
        }
    }
}

void check_column(std::vector<TextLine> lines, int page, int column, double grid, std::vector<RuleBreak>& out) {
    if (lines.empty()) return;
    std::sort(lines.begin(), lines.end(), [](const TextLine& a, const TextLine& b) { return a.baseline < b.baseline; });
    if (grid > 0) check_heading_spacing(lines, grid, page, column, out);
    // The column's edges as most of its lines have them: punctuation and hyphens hang
    // past them (protrusion), so the outermost ink is not the edge.
    // Lines that end in a stop, comma, hyphen, quote or dash tell nothing of the right
    // edge, nor those that begin with a quote or dash of the left.
    auto hangs = [](const std::string& text, bool at_end) {
        static const std::vector<std::string> marks = {".", ",", ":", ";", "-", "\u2010", "\u2019", "\u201D", "\u2013",
                                                        "\u2014", "\u2018", "\u201C", "\"", "'", ")", "!", "?"};
        std::string t = text;
        while (!t.empty() && t.back() == ' ') t.pop_back();
        for (const std::string& m : marks) {
            if (t.size() >= m.size() && (at_end ? t.compare(t.size() - m.size(), m.size(), m) == 0 : t.compare(0, m.size(), m) == 0))
                return true;
        }
        return false;
    };
    std::vector<double> starts, ends, all_starts, all_ends;
    for (const TextLine& l : lines) {
        if (l.role != TextLine::Role::body) continue;
        all_starts.push_back(l.x0);
        all_ends.push_back(l.x1);
        if (!hangs(l.text, false)) starts.push_back(l.x0);
        if (!hangs(l.text, true)) ends.push_back(l.x1);
    }
    if (starts.empty()) starts = all_starts;
    if (ends.empty()) ends = all_ends;
    if (starts.empty()) starts = ends = {0.0};
    std::sort(starts.begin(), starts.end());
    std::sort(ends.begin(), ends.end());
    const double left = starts[(starts.size() - 1) / 2];  // the lower median: most lines start at the edge
    const double right = ends[ends.size() - 1 - (ends.size() - 1) / 4];  // within the longer half
    auto indented = [&](const TextLine& l) { return l.x0 > left + 2.0; };
    auto full = [&](const TextLine& l) { return l.x1 > right - 1.5; };

    if (lines.back().role == TextLine::Role::heading) {
        out.push_back({page, column, "stranded heading", lines.back().text});
    }
    // The rules of the text: its lines only, whatever stands between them.
    std::erase_if(lines, [](const TextLine& l) { return l.role == TextLine::Role::other; });
    if (lines.empty()) return;
    const TextLine& last = lines.back();
    if (last.role == TextLine::Role::body && full(last)) {
        const bool after_heading = lines.size() >= 2 && lines[lines.size() - 2].role == TextLine::Role::heading;
        if (indented(last) || after_heading) out.push_back({page, column, "orphan", last.text});
    }
    const TextLine& first = lines.front();
    if (first.role == TextLine::Role::body && !indented(first) && !full(first)) {
        out.push_back({page, column, "widow", first.text});
    }
}

// Each page's lines above the footer, by column (0: left, 1: right), in stext order.
std::vector<std::map<int, std::vector<TextLine>>> page_columns(const std::string& stext_xml, const TextRoles& roles) {
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        xmlReadMemory(stext_xml.data(), static_cast<int>(stext_xml.size()), "stext.xml", nullptr, XML_PARSE_NONET),
        xmlFreeDoc);
    REQUIRE(doc);
    std::vector<std::map<int, std::vector<TextLine>>> pages;
    for (const xmlNode* page = xmlDocGetRootElement(doc.get())->children; page; page = page->next) {
        if (!is(page, "page")) continue;
        const double width = std::stod(prop(page, "width"));
        const double footer_top = std::stod(prop(page, "height")) - roles.footer_zone;
        std::map<int, std::vector<TextLine>>& columns = pages.emplace_back();
        for (const xmlNode* block = page->children; block; block = block->next) {
            if (!is(block, "block")) continue;
            for (const xmlNode* line = block->children; line; line = line->next) {
                if (!is(line, "line")) continue;
                auto l = read_line(line, roles);
                if (!l || l->baseline > footer_top) continue;
                columns[l->x0 < width / 2 ? 0 : 1].push_back(*l);
            }
        }
    }
    return pages;
}

std::string stext_of(const std::string& pdf) {
    const ToolResult r = run_tool("mutool draw -q -F stext -o - " + quoted(pdf));
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

ColumnCheck column_rule_breaks(const std::string& stext_xml, const TextRoles& roles) {
    ColumnCheck check;
    int page_number = 0;
    for (auto& columns : page_columns(stext_xml, roles)) {
        ++page_number;
        for (auto& [column, lines] : columns) {
            check.body_lines += static_cast<int>(
                std::count_if(lines.begin(), lines.end(), [](const TextLine& l) { return l.role == TextLine::Role::body; }));
            ++check.columns;
            check_column(std::move(lines), page_number, column, roles.grid, check.breaks);
        }
    }
    return check;
}

std::vector<std::pair<int, std::vector<double>>> column_ends_of_pdf(const std::string& pdf, const TextRoles& roles) {
    std::vector<std::pair<int, std::vector<double>>> out;
    int page_number = 0;
    for (const auto& columns : page_columns(stext_of(pdf), roles)) {
        std::vector<double> ends;
        for (const auto& [column, lines] : columns) {
            double end = 0;
            for (const TextLine& l : lines) {
                if (l.role == TextLine::Role::body) end = std::max(end, l.baseline);
            }
            if (end > 0) ends.push_back(end);
        }
        out.emplace_back(++page_number, ends);
    }
    return out;
}

ColumnCheck column_rule_breaks_of_pdf(const std::string& pdf, const TextRoles& roles) {
    return column_rule_breaks(stext_of(pdf), roles);
}

std::string describe(const ColumnCheck& check) {
    std::string s = std::to_string(check.body_lines) + " body lines in " + std::to_string(check.columns) + " columns\n";
    for (const RuleBreak& b : check.breaks) {
        s += "page " + std::to_string(b.page) + " column " + std::to_string(b.column + 1) + ": " + b.rule + ": \"" +
             b.line + "\"\n";
    }
    return s;
}

}  // namespace quire::test
