#include "galley/paragraph_setter.hpp"

#include "font/font_registry.hpp"
#include "galley/paragraph_breaking.hpp"
#include "galley/paragraph_items.hpp"
#include "galley/paragraph_lines.hpp"
#include "galley/paragraph_runs.hpp"
#include "para/set_lines.hpp"

namespace quire::galley {

ParagraphSetter::ParagraphSetter(const style::StyleSheet& styles, FontStyles& fonts, shape::Shaper& shaper,
                                 shape::BreakFinder& breaks, hyph::Hyphenator& hyphenator, DiagnosticSink& sink)
    : styles_(styles), fonts_(fonts), shaper_(shaper), breaks_(breaks), hyphenator_(hyphenator), sink_(sink) {}

std::vector<Line> ParagraphSetter::set_plain(const std::string& text, const std::string& style_name, Length width,
                                             const std::string& language) {
    model::InlineText inline_text{model::InlineRun{text, {}, "", SourceLoc{}}};
    return set(inline_text, styles_.paragraph(style_name), width, language, SourceLoc{}).lines;
}

namespace {

// What setting a paragraph another way takes, kept until the composer asks
// (LazyLines): its items, looks and style, and the first setting's pass.
struct OtherSetting {
    ParagraphItems items;
    std::vector<RunLook> looks;
    style::ParagraphStyle style;
    std::optional<ParShape> shape;
    Length width;
    BreakSettings settings;
    para::BreakPass pass;
    const font::FontRegistry* registry;
    StageClock* clock;

    std::vector<Line> set(int looseness) const {
        const ParShape* own_shape = shape ? &*shape : nullptr;
        const LineFrame frame{width, line_widths(own_shape, width), own_shape, &style};
        const auto r = [&] {
            StageScope breaking(clock, Stage::line_breaking);
            return break_with_looseness(items, settings, frame.widths, pass, looseness);
        }();
        if (!r) return {};
        StageScope setting(clock, Stage::paragraph_setting);
        return draw_lines(para::set_lines(items.items, *r, frame.widths, settings.params.scaling_steps), items, looks,
                          frame, *registry);
    }
};

}  // namespace

SetParagraph ParagraphSetter::set(const model::InlineText& text, const style::ParagraphStyle& style, Length width,
                                  const std::string& language, const SourceLoc& loc,
                                  std::optional<Length> first_indent, const ParShape* shape, bool with_variants,
                                  const TextTagging& tagging) {
    // Paragraph setting: collecting runs, items and word cuts, drawing the lines; the
    // stages inside it (shaping, hyphenation, the breaker) are timed apart.
    StageScope setting(clock_, Stage::paragraph_setting);
    std::optional<CollectedRuns> runs = collect_runs(text, style, language, loc, styles_, fonts_, tagging);
    if (!runs || runs->styled.empty()) return {};
    std::vector<shape::Segment> segments;
    {
        StageScope shaping(clock_, Stage::shaping);
        segments = shape::shape_paragraph(shaper_, breaks_, runs->styled, sink_, runs->direction);
    }
    PrepareTools tools{CutTools{shaper_, hyphenator_, sink_, clock_}, fonts_.families()};
    ParagraphItems items = prepare_items(std::move(segments), *runs, style, first_indent.value_or(style.indent), language, tools);

    const BreakSettings settings = break_settings(style, width);
    const LineFrame frame{width, line_widths(shape, width), shape, &style};
    const para::BreakResult breaks = [&] {
        StageScope breaking(clock_, Stage::line_breaking);
        return break_paragraph(items, settings, frame.widths, BreakTracing{trace_, loc, style.name, width});
    }();
    const std::vector<para::Line> lines = para::set_lines(items.items, breaks, frame.widths, settings.params.scaling_steps);

    SetParagraph result;
    result.pass = breaks.pass;
    result.lines = draw_lines(lines, items, runs->looks, frame, shaper_.registry());
    for (const Line& line : result.lines) result.hyphenated_lines += line.hyphenated;
    result.overfull_lines = judge_lines(result.lines, breaks, lines, items, frame, loc, sink_);
    // The same paragraph one line longer and one line shorter (TeX's \looseness=1 and
    // -1), for a column that would end short (page/run_long.hpp), set when asked for.
    if (with_variants && style.align == model::Align::justify && !result.lines.empty()) {
        auto recipe = std::make_shared<const OtherSetting>(
            OtherSetting{std::move(items), std::move(runs->looks), style, shape ? std::optional<ParShape>(*shape) : std::nullopt,
                         width, settings, breaks.pass, &shaper_.registry(), clock_});
        result.longer = LazyLines([recipe] { return recipe->set(1); });
        if (result.lines.size() > 2) result.shorter = LazyLines([recipe] { return recipe->set(-1); });
    }
    return result;
}

}  // namespace quire::galley
