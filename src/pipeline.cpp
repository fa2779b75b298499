#include "pipeline.hpp"

#include "font/fallback.hpp"
#include "font/family_table.hpp"
#include "font/font_registry.hpp"
#include "galley/article_galley.hpp"
#include "galley/article_plan.hpp"
#include "galley/galleys_ahead.hpp"
#include "galley/paragraph_setter.hpp"
#include "input/image_probe.hpp"
#include "input/output_path.hpp"
#include "page/build_pages.hpp"
#include "page/issue_composer.hpp"
#include "archive/issue_archive.hpp"
#include "pdf/pdf_writer.hpp"
#include "print/print_output.hpp"
#include "render/display_list_dump.hpp"
#include "proof/proof.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

namespace quire {

namespace {

// One thread's text engine: its shaping cache, break iterator and hyphenation
// patterns, none of which may be shared between threads.
struct TextEngine {
    TextEngine(const font::FontRegistry& registry, const SearchPath& hyphen_dirs)
        : shaper(registry), hyphenator(hyphen_dirs) {}
    shape::Shaper shaper;
    shape::BreakFinder breaks;
    hyph::Hyphenator hyphenator;
};

}  // namespace

struct Typesetter::Engine {
    explicit Engine(const SearchPath& hyphen_dirs) : composing(registry, hyphen_dirs), setting(registry, hyphen_dirs) {}
    font::FontRegistry registry;
    font::SystemFonts system_fonts;  // fontconfig, started only when a build asks it
    font::SystemFallback system_fallback{registry, system_fonts};
    TextEngine composing;  // the composer's, and the galleys' when set on its thread
    TextEngine setting;    // the galleys' when set on a thread of their own
};

Typesetter::Typesetter(SearchPath hyphen_dirs)
    : hyphen_dirs_(std::move(hyphen_dirs)), engine_(std::make_unique<Engine>(hyphen_dirs_)) {}
Typesetter::~Typesetter() = default;

void Typesetter::forget_fonts() { engine_ = std::make_unique<Engine>(hyphen_dirs_); }

ExitCode check_issue(const CheckRequest& request, DiagnosticSink& sink) {
    std::optional<model::Issue> issue = input::read_issue(request.manifest, request.read, sink);
    if (!issue || sink.has_errors()) return exit_input_error;
    // The layout's installed families are on this machine (fontconfig is asked only
    // when the layout names one).
    font::FontRegistry registry;
    font::SystemFonts installed;
    if (!font::FamilyTable(registry, issue->layout.families, &installed).check_installed(sink)) return exit_input_error;
    return exit_ok;
}

namespace {

// The print stage's job: where figures place images (for preflight warnings), and
// the slug line set in the layout's "slug" style (else "credit", else the first).
print::PrintJob print_job(const model::Issue& issue, const print::PrintOptions& options,
                          galley::ParagraphSetter& setter) {
    print::PrintJob job;
    job.options = options;
    job.layout = &issue.layout;
    job.where = {issue.path, 0, 0};
    for (const model::Article& article : issue.articles) {
        for (const model::Block& block : article.body) {
            if (const auto* figure = std::get_if<model::Figure>(&block)) job.image_locs.emplace(figure->image, figure->loc);
        }
    }
    if (issue.cover && !issue.cover->image.empty()) job.image_locs.emplace(issue.cover->image, issue.cover->loc);
    const model::IssueMeta& meta = issue.meta;
    job.slug_prefix = meta.number.empty() ? meta.title : meta.title + ", " + meta.number;
    if (!meta.date.empty()) job.slug_prefix += " \xC2\xB7 " + meta.date;
    std::string style = issue.layout.paragraph_styles.empty() ? "" : issue.layout.paragraph_styles.front().name;
    for (const char* name : {"credit", "slug"}) {
        if (issue.layout.paragraph_style(name)) style = name;
    }
    const std::string language = issue.language;
    job.slug = [&setter, style, language](const std::string& text) {
        const std::vector<galley::Line> lines = setter.set_plain(text, style, Length::from_pt(2000), language);
        return lines.empty() ? std::vector<render::DrawOp>{} : lines.front().ops;
    };
    return job;
}

// The cover: its picture (its aspect read from the file) and a cover line for each
// feature, from the plans' plain titles and bylines.
page::CoverSpec cover_spec(const model::Issue& issue, const std::vector<galley::ArticlePlan>& plans) {
    page::CoverSpec spec;
    spec.image_path = issue.cover->image;
    spec.credit = issue.cover->credit;
    spec.alt = issue.cover->alt;
    if (!spec.image_path.empty()) {
        if (auto size = input::read_image_size(spec.image_path); size && size->width > 0) {
            spec.aspect = static_cast<double>(size->height) / static_cast<double>(size->width);
        }
    }
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const model::Article& a = issue.articles[i];
        if (plans[i].is_note) continue;
        const std::string subtitle = a.subtitle ? model::plain_text(a.subtitle->text) : "";
        spec.lines.push_back({a.section, plans[i].title, subtitle, plans[i].byline});
    }
    return spec;
}

// Hands each composed page to the PDF writer (kept here: pdf/ does not know page/).
// Every copy but the press's is the trimmed page: no bleed beyond it. The bleed is
// for the guillotine; a reader's copy that kept it would show a white border round
// the page in every viewer and print A4 at 97 %. A CropBox over the trim would hide
// it only from readers that honour CropBox (viewers do; Ghostscript and pdftoppm by
// default, and the converters built on them, read the MediaBox), so the archive's
// MediaBox is the page itself. --print keeps the bleed, with its boxes and marks.
void trim_to_page(render::Page& page) { page.bleed = Length{}; }

class StreamToPdf : public page::PageSink {
public:
    StreamToPdf(pdf::PdfWriter& writer, const pdf::FontLookup& fonts, StageClock* clock)
        : writer_(writer), fonts_(fonts), clock_(clock) {}
    void take(int index, render::Page page, const render::StructureTree& structure) override {
        StageScope writing(clock_, Stage::pdf_writing);
        trim_to_page(page);  // streaming is never the press's copy
        // After a failure the other pages are still added, for their errors too.
        ok = writer_.add_page(index, page, fonts_, &structure) && ok;
    }
    bool ok = true;

private:
    pdf::PdfWriter& writer_;
    const pdf::FontLookup& fonts_;
    StageClock* clock_;
};

// `--debug=fonts`: every face the build loaded, the layout's and the installed ones
// fallback chose, sorted by file so that the list is the same with any --jobs.
void trace_fonts(const font::FontRegistry& registry, const font::SystemFallback& fallback, std::ostream& out) {
    std::map<font::FontId, std::string> installed;
    for (const auto& [id, family] : fallback.chosen()) installed.emplace(id, family);
    std::vector<std::string> lines;
    for (font::FontId id = 0; id < registry.size(); ++id) {
        const font::FaceMetrics& m = registry.metrics(id);
        std::string line = "quire: font: " + m.path + (m.face_index ? "#" + std::to_string(m.face_index) : "") + " (" +
                           m.postscript_name + ")";
        if (auto it = installed.find(id); it != installed.end())
            line += ": installed, for characters the layout's fonts lack (" + it->second + ")";
        lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end());
    for (const std::string& line : lines) out << line << "\n";
}

// Threads a build may use: --jobs, or as many as the machine has.
int threads_for(const BuildRequest& request) {
    if (request.jobs > 0) return request.jobs;
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

ExitCode build_issue(const BuildRequest& request, DiagnosticSink& sink) {
    Typesetter typesetter(request.hyphen_dirs);
    return typesetter.build(request, sink);
}

ExitCode Typesetter::build(const BuildRequest& request, DiagnosticSink& sink) {
    StageClock* const clock = request.timings;
    StageScope stage(clock, Stage::reading);
    // The stages in turn; the paragraph setter and the PDF writer charge their parts
    // (shaping, hyphenation, font subsetting) themselves.
    auto next_stage = [&](Stage s) { stage.next(s); };
    std::optional<model::Issue> issue = input::read_issue(request.input.manifest, request.input.read, sink);
    if (!issue || sink.has_errors()) return exit_input_error;
    // Before typesetting: an output that cannot be written, or that would overwrite
    // an input, is known now.
    switch (input::check_output_path(request.output, *issue, sink)) {
        case input::OutputProblem::none: break;
        case input::OutputProblem::is_input:
        case input::OutputProblem::not_a_file: return exit_usage_error;
        case input::OutputProblem::unwritable: return exit_output_error;
    }

    // The text engine, shared by every article so its caches serve the whole issue
    // (and, in the Engine, every later build).
    font::FontRegistry& registry = engine_->registry;
    style::StyleSheet styles(issue->layout);
    font::SystemFonts* const system_fonts = request.system_fonts ? &engine_->system_fonts : nullptr;
    font::SystemFallback* const system_fallback = request.system_fonts ? &engine_->system_fallback : nullptr;
    font::FamilyTable families(registry, issue->layout.families, system_fonts);
    if (!families.check_installed(sink)) return exit_input_error;
    galley::FontStyles fonts(families, issue->layout.fallback, sink, system_fallback);
    TextEngine& text = engine_->composing;
    galley::ParagraphSetter setter(styles, fonts, text.shaper, text.breaks, text.hyphenator, sink);
    const bool tracing = request.debug.count("linebreak") && request.trace;
    if (tracing) setter.trace_to(request.trace);
    setter.time_with(clock);

    const galley::Measures measures = galley::measures_of(issue->layout);
    // Every article's plan now; its galley only when composition reaches it, so that
    // one article's set lines are in memory at a time.
    std::vector<galley::ArticlePlan> plans;
    for (const model::Article& article : issue->articles) plans.push_back(galley::plan_article(article, issue->meta));
    // The press's job reads the articles' figures: before their text is let go.
    std::optional<print::PrintJob> press_job;
    if (request.print) press_job = print_job(*issue, *request.print, setter);
    const auto make_galley = [&](std::size_t i, galley::ParagraphSetter& with, DiagnosticSink& to) {
        model::Article& article = issue->articles[i];
        galley::ArticleGalley galley = galley::build_article_galley(article, issue->meta, measures, with, to, &registry);
        if (request.proof) proof::tag_galley(galley);
        // Its text is in the galley now: a long issue is not kept in memory twice.
        std::vector<model::Block>().swap(article.body);
        std::vector<model::Note>().swap(article.notes);
        std::vector<model::Paragraph>().swap(article.bio);
        return galley;
    };
    page::GalleyMaker set_galley = [&](std::size_t i) {
        StageScope setting(clock, Stage::paragraph_setting);
        return make_galley(i, setter, sink);
    };
    // With a second core the galleys are set on a thread of their own, ahead of the
    // composer, with their own text engine and sink, and the composer helps with its
    // own engine and a sink of its own for galleys it sets ahead (galley/galleys_ahead.hpp).
    // Not when timed or traced: those report one thread's stages and paragraphs in order.
    DiagnosticSink setting_sink, helping_sink;
    galley::FontStyles setting_fonts(families, issue->layout.fallback, setting_sink, system_fallback);
    TextEngine& own = engine_->setting;
    galley::ParagraphSetter setting_setter(styles, setting_fonts, own.shaper, own.breaks, own.hyphenator, setting_sink);
    galley::FontStyles helping_fonts(families, issue->layout.fallback, helping_sink, system_fallback);
    galley::ParagraphSetter helping_setter(styles, helping_fonts, text.shaper, text.breaks, text.hyphenator, helping_sink);

    page::IssueFurniture furniture;
    furniture.meta = issue->meta;
    furniture.language = issue->language;
    furniture.contents = issue->contents.has_value();
    if (issue->contents) furniture.contents_title = issue->contents->title;
    if (issue->cover) furniture.cover = cover_spec(*issue, plans);
    std::optional<galley::GalleysAhead> ahead;
    page::GalleyDone galley_done;
    const int threads = threads_for(request);
    if (threads > 1 && plans.size() > 1 && !clock && !tracing) {
        ahead.emplace(page::galley_order(plans, furniture),
                      [&](std::size_t i) { return make_galley(i, setting_setter, setting_sink); }, setting_sink,
                      [&](std::size_t i) { return make_galley(i, helping_setter, helping_sink); }, helping_sink, 2);
        set_galley = [&](std::size_t i) { return ahead->take(i, sink); };
        galley_done = [&](std::size_t i, galley::ArticleGalley&& spent) { ahead->give_back(i, std::move(spent)); };
    }
    const std::string language = issue->language;
    galley::LineSetter line_setter = [&](const std::string& text, const std::string& style, Length width) {
        return setter.set_plain(text, style, width, language);
    };
    pdf::PdfOptions options;
    options.timings = clock;
    // The threads left deflate pages; none left, the writer deflates them itself.
    options.deflate_workers = static_cast<std::size_t>(std::max(0, threads - 1 - (ahead ? 1 : 0)));
    options.min_image_dpi = 0;  // galley/ already warned, with the figure's location
    options.pdfa = !request.draft;
    if (request.srgb_profile) options.output_intent_profile = *request.srgb_profile;
    const pdf::FontLookup font_source = [&registry](std::uint32_t id) -> std::optional<render::FontSource> {
        if (id >= registry.size()) return std::nullopt;
        return render::FontSource{registry.metrics(id).path, registry.metrics(id).face_index};
    };

    next_stage(Stage::page_building);
    // A plain build streams: each page goes to the PDF writer as soon as it is final
    // and is let go, so a long issue is never in memory whole. The stages that work on
    // the whole issue (proof marks, print marks and imposition, the archive's
    // per-article copies, the display-list dump) take it as one display list.
    const bool whole_issue = request.proof || request.print || !request.articles_dir.empty() ||
                             (request.debug.count("display-list") && request.trace);
    if (!whole_issue) {
        pdf::PdfWriter writer(options, sink);
        StreamToPdf stream(writer, font_source, clock);
        page::ComposedIssue composed =
            page::compose_issue(plans, set_galley, furniture, issue->layout, line_setter, stream, sink, galley_done);
        if (request.debug.count("fonts") && request.trace) trace_fonts(registry, engine_->system_fallback, *request.trace);
        if (!stream.ok) return exit_output_error;
        if (sink.has_errors()) return exit_input_error;
        next_stage(Stage::pdf_writing);
        if (!writer.finish(composed.outlines, page::issue_info(furniture, plans), request.output, composed.structure)) {
            return exit_output_error;
        }
        return exit_ok;
    }
    page::DisplayListSink pages;
    page::ComposedIssue composed =
        page::compose_issue(plans, set_galley, furniture, issue->layout, line_setter, pages, sink, galley_done);
    if (request.debug.count("fonts") && request.trace) trace_fonts(registry, engine_->system_fallback, *request.trace);
    if (sink.has_errors()) return exit_input_error;
    render::DisplayList list;
    list.pages = std::move(pages.pages);
    list.outlines = std::move(composed.outlines);
    list.structure = std::move(composed.structure);
    // Every font the pages use, by FontId (faces an earlier build loaded and this one
    // never draws are declared but not embedded).
    for (font::FontId id = 0; id < registry.size(); ++id) list.fonts.push_back({registry.metrics(id).path, registry.metrics(id).face_index});
    // The composition as text, before the proof marks and print furniture are added.
    if (request.debug.count("display-list") && request.trace) *request.trace << render::dump_display_list(list);
    if (request.proof) {
        const proof::Summary summary = proof::draw_proof(list, issue->layout);
        if (request.proof_count) {
            std::ostringstream count;
            proof::print_summary(count, summary);
            *request.proof_count = count.str();
        }
    }

    list.info = page::issue_info(furniture, plans);

    if (!request.print) {
        for (render::Page& page : list.pages) trim_to_page(page);
    }
    if (request.print) {  // the press's copy (src/print); the archive's is a separate build
        const std::optional<print::PressProfile> press =
            print::make_print_output(list, std::move(*press_job), sink);
        if (!press || sink.has_errors()) return exit_input_error;
        options.pdfa = false;
        options.press_intent = pdf::PressIntent{press->path, press->condition};
        options.convert_images = request.print->convert_images;
    }
    next_stage(Stage::pdf_writing);
    // Without the archive's copies, nothing reads the list after the writer: it lets go
    // of each page as it goes.
    const bool written = request.articles_dir.empty() ? pdf::write_pdf(std::move(list), options, request.output, sink)
                                                      : pdf::write_pdf(list, options, request.output, sink);
    if (!written) return exit_output_error;
    if (!request.articles_dir.empty()) {
        archive::ArchiveRequest archive_request{request.articles_dir, request.output, request.input.manifest, options};
        if (!archive::write_issue_archive(*issue, list, archive_request, sink)) return exit_output_error;
    }
    return exit_ok;
}

}  // namespace quire
