#include "print/print_output.hpp"

#include "print/impose.hpp"
#include "print/preflight.hpp"

namespace quire::print {

namespace {

// Links and bookmarks belong to the archive's copy: a press's file has no annotation
// over the printed page (PDF/X-4 allows only printer's marks there) and no outline.
void drop_navigation(render::DisplayList& list) {
    for (render::Page& page : list.pages) {
        std::erase_if(page.ops, [](const render::DrawOp& op) { return std::holds_alternative<render::LinkArea>(op); });
        page.parts.clear();  // the archive's bookkeeping, whose op indices have moved
    }
    list.outlines.clear();
}

}  // namespace

std::optional<PressProfile> make_print_output(render::DisplayList& list, const PrintJob& job, DiagnosticSink& sink) {
    const std::optional<PressProfile> profile = find_press_profile(job.options.press_profile, sink);
    if (!profile) return std::nullopt;
    const std::unique_ptr<PressColour> press = PressColour::open(profile->path, sink);
    if (!press) return std::nullopt;

    if (job.layout) check_layout_colours(*job.layout, *press, sink);
    check_images(list, job.image_locs, job.options.min_image_dpi, job.options.convert_images, job.layout, sink);
    check_safe_margin(list, job.options.safe_margin, job.where, job.layout, sink);
    press->convert(list);
    drop_navigation(list);

    if (job.options.imposition != Imposition::none) {
        list = impose(std::move(list), job.options.imposition, job.where, sink);
        if (list.pages.empty()) return std::nullopt;
    }
    MarkOptions marks;
    marks.crop = job.options.crop_marks;
    marks.registration = job.options.registration_marks;
    marks.fold = job.options.imposition != Imposition::none;
    marks.slug_line = job.options.slug_line;
    marks.slug_prefix = job.slug_prefix;
    add_marks(list, marks, job.slug);
    return profile;
}

}  // namespace quire::print
