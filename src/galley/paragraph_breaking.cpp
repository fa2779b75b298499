#include "galley/paragraph_breaking.hpp"

#include "galley/microtype.hpp"
#include "para/trace.hpp"

#include <cstdio>
#include <ostream>

namespace quire::galley {

std::string format_pt(Length l) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2fpt", l.pt());
    return buffer;
}

BreakSettings break_settings(const style::ParagraphStyle& style, Length width) {
    const bool justified = style.align == model::Align::justify;
    BreakSettings out;
    out.params.pretolerance = style.pretolerance;
    out.params.tolerance = style.tolerance;
    // A narrow magazine measure needs the third pass now and then. It first tries
    // 1.5em of emergency stretch, and 3em (the usual two-column setting) only if a line
    // still overflows: the smaller amount keeps the emergency lines far closer to the
    // font's space (issue 15: on GPL-3's text, sd of the word spaces 0.50 -> 0.34).
    // Ragged text in a narrow measure (a table's cell) may find no line within the
    // ragged glue's 3 em: its last resort may leave a line short by up to the measure.
    out.params.emergency_stretch = justified ? style.text.size * 3 / 2 : width;
    out.wider = {style.text.size * 3};
    out.params.max_hyphen_run = style.hyphenate_limit;
    out.params.scaling_steps = scales_glyphs(style) ? scaling_steps : 0;
    return out;
}

para::BreakResult break_paragraph(const ParagraphItems& items, const BreakSettings& settings,
                                  const para::LineWidths& widths, const BreakTracing& tracing) {
    if (!tracing.out) return para::break_lines_stepped(items.items, settings.params, widths, settings.wider);
    para::BreakTrace trace(items.items, [&](std::size_t i) { return items.trace_text(i); });
    para::BreakResult result = para::break_lines_stepped(items.items, settings.params, widths, settings.wider, &trace);
    const SourceLoc& loc = tracing.loc;
    *tracing.out << "% paragraph " << loc.file << ':' << loc.line << ':' << loc.column << " style '" << tracing.style_name
                 << "' at " << format_pt(tracing.width) << "\n" << trace.text() << '\n';
    return result;
}

std::optional<para::BreakResult> break_with_looseness(const ParagraphItems& items, const BreakSettings& settings,
                                                      const para::LineWidths& widths, para::BreakPass paragraph_pass,
                                                      int looseness) {
    para::BreakParams varied = settings.params;
    varied.looseness = looseness;
    varied.emergency_stretch = Length{};
    para::BreakResult r = para::break_lines(items.items, varied, widths);
    if (r.looseness != looseness || r.pass == para::BreakPass::emergency ||
        (r.pass == para::BreakPass::last_resort && paragraph_pass != para::BreakPass::last_resort) || !r.feasible() ||
        !r.overfull_lines.empty() || !r.underfull_lines.empty()) {
        return std::nullopt;
    }
    // Without emergency stretch the second pass is the final one, where the hyphen
    // limit is only a cost: a setting that breaks it is not offered.
    int run = 0;
    for (const para::Break& b : r.breaks) {
        run = b.hyphenated ? run + 1 : 0;
        if (settings.params.max_hyphen_run > 0 && run > settings.params.max_hyphen_run) return std::nullopt;
    }
    return r;
}

}  // namespace quire::galley
