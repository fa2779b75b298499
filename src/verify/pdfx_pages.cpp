// PDF/X-4's pages: each says where it is trimmed (TrimBox, or ArtBox, one of them),
// the boxes nest (trim within bleed within media), and nothing but printer's marks
// stands on the printed area: an annotation other than a PrinterMark (or TrapNet) may
// not share area with the BleedBox, a PrinterMark not with the TrimBox. A print file
// does nothing when opened or clicked: no JavaScript, no additional actions, no
// actions on annotations, no open action but a GoTo.
#include "verify/pdfx_rules.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace quire::verify {

using namespace PoDoFo;

namespace {

const char* const boxes = "X-4 page boxes";
const char* const annotations = "X-4 annotations";
const char* const actions = "X-4 actions";

struct Box {
    double left = 0, bottom = 0, right = 0, top = 0;
    // Within `outer`, give or take a rounding error of the writer's decimals.
    bool within(const Box& outer) const {
        const double e = 0.01;
        return left >= outer.left - e && bottom >= outer.bottom - e && right <= outer.right + e && top <= outer.top + e;
    }
    // Sharing some area with `other` (touching edges do not).
    bool overlaps(const Box& other) const {
        return std::min(right, other.right) > std::max(left, other.left) && std::min(top, other.top) > std::max(bottom, other.bottom);
    }
};

double number_of(const PdfObject& o) { return o.IsReal() ? o.GetReal() : o.IsNumber() ? static_cast<double>(o.GetNumber()) : 0; }

// A rectangle array, its corners in either order.
std::optional<Box> box_of(const PdfAccess& pdf, PdfObject* o) {
    o = pdf.resolve(o);
    if (!o || !o->IsArray() || o->GetArray().size() != 4) return std::nullopt;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        PdfObject* n = pdf.resolve(&o->GetArray()[i]);
        if (!n || !(n->IsReal() || n->IsNumber())) return std::nullopt;
        v[i] = number_of(*n);
    }
    return Box{std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]), std::max(v[1], v[3])};
}

// A page's box, inherited from the page tree where ISO 32000 lets it be (MediaBox, CropBox).
std::optional<Box> page_box(const PdfAccess& pdf, PdfObject* page, const char* name, bool inheritable) {
    for (int depth = 0; page && depth < 64; ++depth) {
        if (PdfObject* b = pdf.key(page, name)) return box_of(pdf, b);
        if (!inheritable) break;
        page = pdf.key(page, "Parent");
    }
    return std::nullopt;
}

void check_page_boxes(const PdfAccess& pdf, PdfObject* page, const std::string& where, const Fail& fail,
                      std::optional<Box>& trim, std::optional<Box>& bleed) {
    const auto media = page_box(pdf, page, "MediaBox", true);
    const auto crop = page_box(pdf, page, "CropBox", true);
    trim = page_box(pdf, page, "TrimBox", false);
    const auto art = page_box(pdf, page, "ArtBox", false);
    bleed = page_box(pdf, page, "BleedBox", false);
    if (!media) fail(boxes, where + " has no MediaBox");
    if (!trim && !art) fail(boxes, where + " has neither a TrimBox nor an ArtBox: the press cannot tell where it is trimmed");
    if (trim && art) fail(boxes, where + " has both a TrimBox and an ArtBox (one of them, the TrimBox preferred)");
    const auto finished = trim ? trim : art;
    const char* finished_name = trim ? "TrimBox" : "ArtBox";
    if (bleed && media && !bleed->within(*media)) fail(boxes, where + "'s BleedBox is not within its MediaBox");
    if (finished && bleed && !finished->within(*bleed)) fail(boxes, where + "'s " + finished_name + " is not within its BleedBox");
    if (finished && media && !finished->within(*media)) fail(boxes, where + "'s " + finished_name + " is not within its MediaBox");
    if (finished && crop && !finished->within(*crop)) fail(boxes, where + "'s " + finished_name + " is not within its CropBox");
    if (!trim) trim = art;
    // Where no BleedBox is given it is the CropBox (ISO 32000-1 14.11.2), the MediaBox by default.
    if (!bleed) bleed = crop ? crop : media;
}

void check_page_annotations(const PdfAccess& pdf, PdfObject* page, const std::string& where, const std::optional<Box>& trim,
                            const std::optional<Box>& bleed, const Fail& fail) {
    PdfObject* annots = pdf.key(page, "Annots");
    if (!annots || !annots->IsArray()) return;
    for (PdfObject& item : annots->GetArray()) {
        PdfObject* annot = pdf.resolve(&item);
        if (!annot || !annot->IsDictionary()) continue;
        const std::string subtype = PdfAccess::name_of(pdf.key(annot, "Subtype"));
        const auto rect = box_of(pdf, pdf.key(annot, "Rect"));
        const std::string what = where + ": a " + (subtype.empty() ? std::string("untyped") : subtype) + " annotation";
        if (pdf.key(annot, "A") || pdf.key(annot, "AA")) fail(actions, what + " has an action (/A or /AA)");
        if (!rect || subtype == "TrapNet") continue;
        if (subtype == "PrinterMark") {
            if (trim && rect->overlaps(*trim)) fail(annotations, what + " stands within the TrimBox");
        } else if (bleed && rect->overlaps(*bleed)) {
            fail(annotations, what + " stands within the BleedBox (only printer's marks may, outside the TrimBox)");
        }
    }
}

void check_actions(const PdfxFile& file, const Fail& fail) {
    PdfObject* catalog = file.doc.GetCatalog();
    if (file.pdf.key(catalog, "AA")) fail(actions, "the catalog has additional actions (/AA)");
    PdfObject* open = file.pdf.key(catalog, "OpenAction");
    if (open && open->IsDictionary() && PdfAccess::name_of(file.pdf.key(open, "S")) != "GoTo") {
        fail(actions, "the catalog's /OpenAction is a " + PdfAccess::name_of(file.pdf.key(open, "S")) + " action, not a GoTo");
    }
    if (file.pdf.key(file.pdf.key(catalog, "Names"), "JavaScript")) fail(actions, "the catalog's name tree has JavaScript");
    for (PdfObject* object : file.doc.GetObjects()) {
        if (!object || !object->IsDictionary()) continue;
        const std::string ref = " (object " + std::to_string(object->Reference().ObjectNumber()) + ")";
        if (PdfAccess::name_of(file.pdf.key(object, "S")) == "JavaScript" || object->GetDictionary().HasKey("JS")) {
            fail(actions, "a JavaScript action" + ref);
        }
        if (object->GetDictionary().HasKey("FT") && file.pdf.key(object, "AA")) fail(actions, "a form field has additional actions" + ref);
    }
}

}  // namespace

void check_pdfx_pages(const PdfxFile& file, const Fail& fail) {
    for_each_page(file.doc, [&](PdfPage& page, int number) {
        const std::string where = "page " + std::to_string(number);
        std::optional<Box> trim, bleed;
        check_page_boxes(file.pdf, page.GetObject(), where, fail, trim, bleed);
        check_page_annotations(file.pdf, page.GetObject(), where, trim, bleed, fail);
        if (file.pdf.key(page.GetObject(), "AA")) fail(actions, where + " has additional actions (/AA)");
    });
    check_actions(file, fail);
}

}  // namespace quire::verify
