#include "page/running_lines.hpp"

#include "page/figure_layout.hpp"

#include <algorithm>

namespace quire::page {

std::string expand_template(const std::string& text, const TemplateValues& values) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            std::size_t close = text.find('}', i);
            if (close != std::string::npos) {
                auto it = values.find(text.substr(i + 1, close - i - 1));
                if (it != values.end()) out += it->second;
                i = close + 1;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

bool master_uses_field(const model::Master& master, const std::string& field) {
    std::string token = "{" + field + "}";
    for (const auto* rl : {&master.header, &master.footer}) {
        if (!*rl) continue;
        for (const model::Slot& s : (*rl)->slots) {
            if (s.text.find(token) != std::string::npos) return true;
        }
    }
    return false;
}

const char* first_style(const style::StyleSheet& styles, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        if (styles.has_paragraph(n)) return n;
    }
    return *(names.end() - 1);
}

Length style_leading(const style::StyleSheet& styles, const std::string& style, const std::vector<galley::Line>& lines) {
    if (styles.has_paragraph(style)) return styles.paragraph(style).leading;
    Length l;
    for (const galley::Line& ln : lines) l = std::max(l, ln.ascent + ln.descent);
    return l;
}

Length ink_left(const galley::Line& line) {
    std::optional<Length> left;
    for (const render::DrawOp& op : line.ops) {
        if (const auto* g = std::get_if<render::DrawGlyphs>(&op)) left = left ? std::min(*left, g->x) : g->x;
    }
    // Where the text starts at the measure: what hangs into the margin stays there.
    return left.value_or(Length{}) + line.hang_left;
}

namespace {

bool slot_on_page(const model::Slot& s, const PageFrame& f) {
    switch (s.pages) {
    case model::SlotPages::all: return true;
    case model::SlotPages::recto: return f.recto;
    case model::SlotPages::verso: return !f.recto;
    }
    return true;
}

// x of a line's origin so that its ink stands at the slot's position.
Length slot_x(const galley::Line& line, model::SlotPosition pos, const PageFrame& f) {
    using P = model::SlotPosition;
    if (pos == P::inside) pos = f.inside_is_left() ? P::left : P::right;
    if (pos == P::outside) pos = f.inside_is_left() ? P::right : P::left;
    Length start;
    switch (pos) {
    case P::right: start = f.text_right() - line.natural_width; break;
    case P::center: start = f.text_left + (f.text_width - line.natural_width) / 2; break;
    default: start = f.text_left; break;
    }
    return start - ink_left(line);
}

struct Stack {
    std::vector<galley::Line> lines;
    Length leading;
    model::SlotPosition position;
};

std::vector<Stack> set_slots(const model::RunningLine& rl, const PageFrame& f, const TemplateValues& values,
                             const galley::LineSetter& setter, const style::StyleSheet& styles,
                             int disclaimer_node = -1) {
    std::vector<Stack> out;
    for (const model::Slot& s : rl.slots) {
        if (!slot_on_page(s, f)) continue;
        std::string text = expand_template(s.text, values);
        if (text.find_first_not_of(" \t\n") == std::string::npos) continue;
        std::vector<galley::Line> lines = setter(text, rl.style, f.text_width);
        if (lines.empty()) continue;
        if (s.text == "{article.disclaimer}") galley::tag_lines(lines, disclaimer_node);
        Length leading = style_leading(styles, rl.style, lines);
        out.push_back({std::move(lines), leading, s.position});
    }
    return out;
}

// Draws a stack whose last baseline is at `last`; returns the top of its first line.
Length draw_stack_up(const Stack& st, Length last, const PageFrame& f, std::vector<render::DrawOp>& ops) {
    const int n = static_cast<int>(st.lines.size());
    Length first = last - st.leading * (n - 1);
    for (int i = 0; i < n; ++i) draw_line(st.lines[i], slot_x(st.lines[i], st.position, f), first + st.leading * i, ops);
    return first - st.lines.front().ascent;
}

}  // namespace

RunningLines set_running_lines(const model::Master& master, const PageFrame& f, const TemplateValues& values,
                               const galley::LineSetter& setter, const style::StyleSheet& styles,
                               const RunningLineOptions& options) {
    RunningLines out;
    out.footer_top = f.height;
    const Length grid = f.grid.step.sp > 0 ? f.grid.step : Length::from_pt(12);

    if (master.header) {
        std::vector<Stack> stacks = set_slots(*master.header, f, values, setter, styles);
        Length baseline = f.text_top - grid;
        for (const Stack& st : stacks) draw_stack_up(st, baseline, f, out.ops);
        if (master.header->rule && !stacks.empty()) {
            Length y = baseline + grid / 3;
            out.ops.push_back(render::DrawRule{f.text_left, y, f.text_right(), y, Length::from_pt(0.25), {}});
        }
    }

    // From the foot up: half-way into the bottom margin, whatever the text area does.
    Length margin_bottom = f.height - f.text_bottom;
    Length foot = f.height - margin_bottom / 2;
    if (master.footer) {
        for (const Stack& st : set_slots(*master.footer, f, values, setter, styles, options.disclaimer_node)) {
            // Every slot's last baseline on the same foot line.
            out.footer_top = std::min(out.footer_top, draw_stack_up(st, foot, f, out.ops));
        }
    }
    if (options.implicit_disclaimer) {
        auto it = values.find("article.disclaimer");
        if (it != values.end() && !it->second.empty()) {
            std::vector<galley::Line> lines = setter(it->second, options.disclaimer_style, f.text_width);
            galley::tag_lines(lines, options.disclaimer_node);
            if (!lines.empty()) {
                Stack st{std::move(lines), {}, model::SlotPosition::left};
                st.leading = style_leading(styles, options.disclaimer_style, st.lines);
                Length last = out.footer_top < f.height ? out.footer_top - grid / 4 - st.lines.back().descent : foot;
                out.footer_top = std::min(out.footer_top, draw_stack_up(st, last, f, out.ops));
            }
        }
    }
    return out;
}

}  // namespace quire::page
