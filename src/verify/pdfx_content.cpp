// What PDF/X-4's pages draw with. Device colour is printed as it is, in the output
// intent's colourants: DeviceCMYK means these inks only under a CMYK intent, DeviceRGB
// only under an RGB one; DeviceGray (one ink, or K) is fine under any. ICCBased, Lab,
// Separation and DeviceN are colour-managed or named and fine (their alternates are
// device spaces too, and judged so). Every font text is shown in is embedded: the RIP
// has no other copy of it.
#include "verify/pdfx_rules.hpp"

#include "verify/content_ops.hpp"

#include <set>

namespace quire::verify {

using namespace PoDoFo;

namespace {

const char* const colour_tag = "X-4 colour";
const char* const font_tag = "X-4 fonts";

class ContentWalk {
public:
    ContentWalk(const PdfxFile& file, std::string intent, const Fail& fail) : file_(file), intent_(std::move(intent)), fail_(fail) {}

    // A content stream drawn with `resources`: its operators, and what its resources hold.
    void visit(const std::string& content, PdfObject* resources, const std::string& where, int depth = 0);
    // A transparency group's blending colour space (a page's or a form's /Group /CS).
    void group(PdfObject* owner, const std::string& where) { space(pdf().key(pdf().key(owner, "Group"), "CS"), nullptr, where + "'s transparency group"); }

private:
    const PdfAccess& pdf() const { return file_.pdf; }
    // A device space used, judged against the intent (once per place).
    void device(const std::string& family, const std::string& where);
    // A colour space object (a name, a resource name, or an array), its device spaces judged.
    void space(PdfObject* cs, PdfObject* resources, const std::string& where, int depth = 0);
    void space_name(const std::string& name, PdfObject* resources, const std::string& where, int depth);
    void font(const std::string& name, PdfObject* resources, const std::string& where);
    void resources(PdfObject* resources, const std::string& where, int depth);

    const PdfxFile& file_;
    std::string intent_;
    const Fail& fail_;
    std::set<const PdfObject*> seen_fonts_, seen_resources_;
};

void ContentWalk::device(const std::string& family, const std::string& where) {
    if (intent_.empty() || family == "DeviceGray") return;
    if (family == "DeviceRGB" && intent_ != "RGB ") {
        fail_(colour_tag, where + " uses DeviceRGB, but the output intent is " + (intent_ == "CMYK" ? "CMYK" : "Gray") +
                              " (convert it, or give it an ICC profile)");
    }
    if (family == "DeviceCMYK" && intent_ != "CMYK") {
        fail_(colour_tag, where + " uses DeviceCMYK, but the output intent is " + (intent_ == "RGB " ? "RGB" : "Gray"));
    }
}

void ContentWalk::space_name(const std::string& name, PdfObject* resources, const std::string& where, int depth) {
    // Inline images abbreviate the device spaces.
    if (name == "DeviceRGB" || name == "RGB") return device("DeviceRGB", where);
    if (name == "DeviceCMYK" || name == "CMYK") return device("DeviceCMYK", where);
    if (name == "DeviceGray" || name == "G") return device("DeviceGray", where);
    if (name == "Pattern") return;
    if (resources) space(pdf().key(pdf().key(resources, "ColorSpace"), name.c_str()), nullptr, where, depth + 1);
}

void ContentWalk::space(PdfObject* cs, PdfObject* resources, const std::string& where, int depth) {
    cs = pdf().resolve(cs);
    if (!cs || depth > 16) return;
    if (cs->IsName()) return space_name(cs->GetName().GetName(), resources, where, depth);
    if (!cs->IsArray() || cs->GetArray().empty()) return;
    PdfArray& a = cs->GetArray();
    const std::string family = PdfAccess::name_of(pdf().resolve(&a[0]));
    // The spaces a family is built on: Indexed and Pattern on a base, Separation and
    // DeviceN on an alternate for where the colourant is not printed.
    if ((family == "Indexed" || family == "I" || family == "Pattern") && a.size() > 1) space(&a[1], resources, where, depth + 1);
    if (family == "Separation" && a.size() > 2) space(&a[2], resources, where, depth + 1);
    if (family == "DeviceN" && a.size() > 2) space(&a[2], resources, where, depth + 1);
}

void ContentWalk::font(const std::string& name, PdfObject* resources, const std::string& where) {
    PdfObject* f = pdf().key(pdf().key(resources, "Font"), name.c_str());
    if (!f || !seen_fonts_.insert(f).second) return;
    const std::string subtype = PdfAccess::name_of(pdf().key(f, "Subtype"));
    if (subtype == "Type3") return;  // its glyphs are content streams in the file
    PdfObject* described = f;
    if (subtype == "Type0") {
        PdfObject* descendants = pdf().key(f, "DescendantFonts");
        described = descendants && descendants->IsArray() && !descendants->GetArray().empty()
                        ? pdf().resolve(&descendants->GetArray()[0]) : nullptr;
    }
    PdfObject* descriptor = pdf().key(described, "FontDescriptor");
    const bool embedded = pdf().key(descriptor, "FontFile") || pdf().key(descriptor, "FontFile2") || pdf().key(descriptor, "FontFile3");
    if (!embedded) {
        const std::string base = PdfAccess::name_of(pdf().key(f, "BaseFont"));
        fail_(font_tag, where + " shows text in the font " + (base.empty() ? "/" + name : base) + ", which is not embedded");
    }
}

void ContentWalk::resources(PdfObject* res, const std::string& where, int depth) {
    res = pdf().resolve(res);
    if (!res || !res->IsDictionary() || depth > 16 || !seen_resources_.insert(res).second) return;
    if (PdfObject* xobjects = pdf().key(res, "XObject"); xobjects && xobjects->IsDictionary()) {
        for (const auto& [k, v] : xobjects->GetDictionary().GetKeys()) {
            PdfObject* x = pdf().resolve(v);
            const std::string what = where + ": XObject /" + k.GetName();
            const std::string subtype = PdfAccess::name_of(pdf().key(x, "Subtype"));
            if (subtype == "Image") space(pdf().key(x, "ColorSpace"), nullptr, what);
            if (subtype == "Form") {
                group(x, what);
                visit(PdfAccess::stream_bytes(x), pdf().key(x, "Resources"), what, depth + 1);
            }
        }
    }
    if (PdfObject* shadings = pdf().key(res, "Shading"); shadings && shadings->IsDictionary()) {
        for (const auto& [k, v] : shadings->GetDictionary().GetKeys()) {
            space(pdf().key(pdf().resolve(v), "ColorSpace"), nullptr, where + ": shading /" + k.GetName());
        }
    }
    if (PdfObject* patterns = pdf().key(res, "Pattern"); patterns && patterns->IsDictionary()) {
        for (const auto& [k, v] : patterns->GetDictionary().GetKeys()) {
            PdfObject* p = pdf().resolve(v);
            const std::string what = where + ": pattern /" + k.GetName();
            space(pdf().key(pdf().key(p, "Shading"), "ColorSpace"), nullptr, what);
            if (p && p->HasStream()) visit(PdfAccess::stream_bytes(p), pdf().key(p, "Resources"), what, depth + 1);
        }
    }
    if (PdfObject* states = pdf().key(res, "ExtGState"); states && states->IsDictionary()) {
        for (const auto& [k, v] : states->GetDictionary().GetKeys()) {
            PdfObject* g = pdf().key(pdf().key(pdf().resolve(v), "SMask"), "G");
            if (g && g->HasStream()) visit(PdfAccess::stream_bytes(g), pdf().key(g, "Resources"), where + ": soft mask of /" + k.GetName(), depth + 1);
        }
    }
}

void ContentWalk::visit(const std::string& content, PdfObject* res, const std::string& where, int depth) {
    res = pdf().resolve(res);
    for_each_operator(content, [&](const std::string& op, const std::vector<PdfVariant>& operands) {
        if (op == "rg" || op == "RG") device("DeviceRGB", where + "'s content (" + op + ")");
        else if (op == "k" || op == "K") device("DeviceCMYK", where + "'s content (" + op + ")");
        else if ((op == "cs" || op == "CS") && !operands.empty() && operands.back().IsName()) {
            space_name(operands.back().GetName().GetName(), res, where + "'s content (" + op + ")", 0);
        } else if (op == "Tf" && operands.size() >= 2 && operands[operands.size() - 2].IsName()) {
            font(operands[operands.size() - 2].GetName().GetName(), res, where);
        } else if (op == "BI") {
            for (std::size_t i = 0; i + 1 < operands.size(); i += 2) {
                if (!operands[i].IsName()) continue;
                const std::string key = operands[i].GetName().GetName();
                if (key != "CS" && key != "ColorSpace") continue;
                const PdfVariant& value = operands[i + 1];
                if (value.IsName()) space_name(value.GetName().GetName(), res, where + ": an inline image", 0);
                else if (value.IsArray() && value.GetArray().size() > 1 && value.GetArray()[1].IsName()) {
                    space_name(value.GetArray()[1].GetName().GetName(), res, where + ": an inline image", 0);  // [/I base ...]
                }
            }
        }
    });
    resources(res, where, depth);
}

}  // namespace

void check_pdfx_content(const PdfxFile& file, const std::string& intent_space, const Fail& fail) {
    ContentWalk walk(file, intent_space, fail);
    for_each_page(file.doc, [&](PdfPage& page, int number) {
        const std::string where = "page " + std::to_string(number);
        walk.group(page.GetObject(), where);
        const std::string content =
            page_content(file.pdf.key(page.GetObject(), "Contents"), [&](PdfObject* o) { return file.pdf.resolve(o); });
        walk.visit(content, page.GetResources(), where);
    });
}

}  // namespace quire::verify
