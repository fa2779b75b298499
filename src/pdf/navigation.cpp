#include "pdf/navigation.hpp"

#include "pdf/pdf_objects.hpp"
#include "pdf/text_string.hpp"


namespace quire::pdf {

using namespace PoDoFo;

namespace {

PdfArray xyz_destination(const PageTargets& pages, int page, Length y) {
    PdfArray dest;
    dest.push_back(pages.refs[static_cast<std::size_t>(page)]);
    dest.push_back(PdfName("XYZ"));
    dest.push_back(PdfVariant());  // null: keep the reader's left edge and zoom
    dest.push_back(number(pages.geometry[static_cast<std::size_t>(page)].y(y)));
    dest.push_back(PdfVariant());
    return dest;
}

bool valid_page(const PageTargets& pages, int page) {
    return page >= 0 && static_cast<std::size_t>(page) < pages.refs.size();
}

// Writes `items` as children of `parent`; returns how many entries are visible
// below the parent with every entry open (the /Count of ISO 32000-1 Table 153).
int write_outline_level(PdfVecObjects& objects, PdfObject& parent, const std::vector<render::Outline>& items,
                        const PageTargets& pages, DiagnosticSink& diagnostics) {
    std::vector<const render::Outline*> kept;
    for (const render::Outline& item : items) {
        if (valid_page(pages, item.page)) {
            kept.push_back(&item);
        } else {
            diagnostics.warning({}, "outline entry \"" + item.title + "\" points to page " + std::to_string(item.page + 1) +
                                        " of " + std::to_string(pages.refs.size()) + "; left out");
        }
    }
    if (kept.empty()) return 0;
    std::vector<PdfObject*> made;
    for (std::size_t i = 0; i < kept.size(); ++i) made.push_back(objects.CreateObject());
    int visible = 0;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        PdfDictionary& d = made[i]->GetDictionary();
        d.AddKey("Title", text_string(kept[i]->title));
        d.AddKey("Parent", parent.Reference());
        if (i > 0) d.AddKey("Prev", made[i - 1]->Reference());
        if (i + 1 < kept.size()) d.AddKey("Next", made[i + 1]->Reference());
        d.AddKey("Dest", xyz_destination(pages, kept[i]->page, kept[i]->y));
        const int below = write_outline_level(objects, *made[i], kept[i]->children, pages, diagnostics);
        if (below > 0) d.AddKey("Count", PdfVariant(static_cast<pdf_int64>(below)));
        visible += 1 + below;
    }
    parent.GetDictionary().AddKey("First", made.front()->Reference());
    parent.GetDictionary().AddKey("Last", made.back()->Reference());
    return visible;
}

// A /URI is 7-bit ASCII (ISO 32000-1 §12.6.4.7): bytes outside it, as in an IRI
// typed with accents, are percent-encoded (RFC 3987 §3.1) rather than mangled.
std::string ascii_uri(const std::string& uri) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (char c : uri) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b >= 0x7F) {
            out += '%';
            out += digits[b >> 4];
            out += digits[b & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

bool is_number(const std::string& s) {
    if (s.empty() || s.size() > 9 || (s.size() > 1 && s[0] == '0')) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

}  // namespace

PdfReference write_outlines(PdfVecObjects& objects, const std::vector<render::Outline>& outlines,
                            const PageTargets& pages, DiagnosticSink& diagnostics) {
    if (outlines.empty()) return PdfReference();
    PdfObject* root = objects.CreateObject("Outlines");
    const int visible = write_outline_level(objects, *root, outlines, pages, diagnostics);
    root->GetDictionary().AddKey("Count", PdfVariant(static_cast<pdf_int64>(visible)));
    return root->Reference();
}

PdfReference write_link(PdfVecObjects& objects, const render::LinkArea& link, const PageGeometry& geometry,
                        const PageTargets& pages, DiagnosticSink& diagnostics) {
    PdfDictionary action;
    if (!link.uri.empty()) {
        action.AddKey("S", PdfName("URI"));
        action.AddKey("URI", PdfString(ascii_uri(link.uri)));
    } else if (valid_page(pages, link.target_page)) {
        action.AddKey("S", PdfName("GoTo"));
        action.AddKey("D", xyz_destination(pages, link.target_page, link.target_y));
    } else {
        diagnostics.warning({}, "link to page " + std::to_string(link.target_page + 1) + " of " +
                                    std::to_string(pages.refs.size()) + " left out");
        return PdfReference();
    }
    PdfObject* annot = objects.CreateObject("Annot");
    PdfDictionary& d = annot->GetDictionary();
    d.AddKey("Subtype", PdfName("Link"));
    PdfArray rect;
    rect.push_back(number(geometry.x(link.x)));
    rect.push_back(number(geometry.y(link.y + link.height)));
    rect.push_back(number(geometry.x(link.x + link.width)));
    rect.push_back(number(geometry.y(link.y)));
    d.AddKey("Rect", rect);
    PdfArray border;  // no box drawn round the link
    for (int i = 0; i < 3; ++i) border.push_back(PdfVariant(static_cast<pdf_int64>(0)));
    d.AddKey("Border", border);
    d.AddKey("F", PdfVariant(static_cast<pdf_int64>(4)));  // Print, as PDF/A asks
    d.AddKey("A", action);
    // What the link does, for readers that cannot see where it stands (PDF/UA 7.18.1).
    d.AddKey("Contents", text_string(!link.uri.empty() ? "Link to " + link.uri
                                                       : "Go to page " + std::to_string(link.target_page + 1)));
    return annot->Reference();
}

PdfDictionary page_labels(const std::vector<std::string>& labels) {
    PdfArray nums;
    long expected = -1;  // the arabic number the current range gives next; -1: none
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string& label = labels[i];
        if (is_number(label)) {
            const long n = std::stol(label);
            if (expected == n) {
                ++expected;
                continue;
            }
            PdfDictionary range;
            range.AddKey("S", PdfName("D"));
            if (n != 1) range.AddKey("St", PdfVariant(static_cast<pdf_int64>(n)));
            nums.push_back(PdfVariant(static_cast<pdf_int64>(i)));
            nums.push_back(range);
            expected = n + 1;
        } else {
            PdfDictionary range;  // no /S: the label is the prefix alone
            if (!label.empty()) range.AddKey("P", text_string(label));
            nums.push_back(PdfVariant(static_cast<pdf_int64>(i)));
            nums.push_back(range);
            expected = -1;
        }
    }
    PdfDictionary tree;
    tree.AddKey("Nums", nums);
    return tree;
}

}  // namespace quire::pdf
