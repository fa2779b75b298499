#include "verify/graphics_rules.hpp"

namespace quire::verify {

using namespace PoDoFo;

namespace {

bool standard_intent(const std::string& intent) {
    return intent == "RelativeColorimetric" || intent == "AbsoluteColorimetric" || intent == "Perceptual" ||
           intent == "Saturation";
}

bool is_true(const PdfObject* o) { return o && o->IsBool() && o->GetBool(); }

// ISO 32000-1's blend modes (Tables 136 and 137), and Compatible, which it keeps.
bool standard_blend_mode(const std::string& mode) {
    static const char* const modes[] = {"Normal",     "Compatible", "Multiply",  "Screen",     "Overlay",   "Darken",
                                        "Lighten",    "ColorDodge", "ColorBurn", "HardLight",  "SoftLight", "Difference",
                                        "Exclusion",  "Hue",        "Saturation", "Color",     "Luminosity"};
    for (const char* m : modes) {
        if (mode == m) return true;
    }
    return false;
}

bool primary_colorant(const std::string& name) {
    return name == "Cyan" || name == "Magenta" || name == "Yellow" || name == "Black";
}

void check_halftone(const PdfAccess& pdf, PdfObject* halftone, const std::string& where, const Fail& fail) {
    if (!halftone || !halftone->IsDictionary()) return;  // a name (/Default) is fine
    PdfObject* type = pdf.key(halftone, "HalftoneType");
    const long long kind = type && type->IsNumber() ? type->GetNumber() : 0;
    if (kind != 1 && kind != 5) fail("6.2.5", where + ": a halftone of type " + std::to_string(kind) + " (only 1 and 5 may be used)");
    if (halftone->GetDictionary().HasKey("HalftoneName")) fail("6.2.5", where + ": a halftone has a HalftoneName");
    if (kind != 5) return;
    for (const auto& [name, value] : halftone->GetDictionary().GetKeys()) {
        const std::string colorant = name.GetName();
        if (colorant == "Type" || colorant == "HalftoneType" || colorant == "HalftoneName" || colorant == "Default") continue;
        PdfObject* component = pdf.resolve(value);
        const bool has_transfer = component && component->IsDictionary() &&
                                  component->GetDictionary().HasKey("TransferFunction");
        const bool primary = primary_colorant(colorant);
        if (primary && has_transfer) {
            fail("6.2.5", where + ": the halftone of process colorant " + colorant + " has a TransferFunction");
        } else if (!primary && !has_transfer) {
            fail("6.2.5", where + ": the halftone of colorant " + colorant + " has no TransferFunction");
        }
    }
}

}  // namespace

void check_graphics_state(const PdfAccess& pdf, PdfObject* state, const std::string& where, const Fail& fail) {
    if (!state || !state->IsDictionary()) return;
    const PdfDictionary& d = state->GetDictionary();
    if (d.HasKey("TR")) fail("6.2.5", where + " has a transfer function (TR)");
    if (d.HasKey("TR2") && PdfAccess::name_of(pdf.key(state, "TR2")) != "Default") {
        fail("6.2.5", where + " has a transfer function (TR2) other than Default");
    }
    if (d.HasKey("HTP")) fail("6.2.5", where + " has a halftone phase (HTP)");
    if (PdfObject* intent = pdf.key(state, "RI"); intent && !standard_intent(PdfAccess::name_of(intent))) {
        fail("6.2.5", where + " has the rendering intent " + PdfAccess::name_of(intent));
    }
    check_halftone(pdf, pdf.key(state, "HT"), where, fail);
    // 6.2.10: only the standard blend modes, a name or an array of names.
    if (PdfObject* mode = pdf.key(state, "BM")) {
        auto check = [&](const PdfObject* m) {
            if (!standard_blend_mode(PdfAccess::name_of(m))) {
                fail("6.2.10", where + " has the blend mode " + (m && m->IsName() ? PdfAccess::name_of(m) : "(not a name)") +
                                   ", which ISO 32000-1 does not define");
            }
        };
        if (mode->IsArray()) {
            for (PdfObject& m : mode->GetArray()) check(pdf.resolve(&m));
        } else {
            check(mode);
        }
    }
}

void check_xobject(const PdfAccess& pdf, PdfObject* xobject, const std::string& where, const Fail& fail) {
    if (!xobject || !xobject->IsDictionary()) return;
    const PdfDictionary& d = xobject->GetDictionary();
    const std::string subtype = PdfAccess::name_of(pdf.key(xobject, "Subtype"));
    if (subtype == "Image") {
        if (d.HasKey("Alternates")) fail("6.2.8.1", where + ": an image has Alternates");
        if (d.HasKey("OPI")) fail("6.2.8.1", where + ": an image has OPI");
        if (is_true(pdf.key(xobject, "Interpolate"))) fail("6.2.8.1", where + ": an image has Interpolate true");
        if (PdfObject* intent = pdf.key(xobject, "Intent"); intent && !standard_intent(PdfAccess::name_of(intent))) {
            fail("6.2.8.1", where + ": an image has the rendering intent " + PdfAccess::name_of(intent));
        }
    } else if (subtype == "Form") {
        if (d.HasKey("OPI")) fail("6.2.9.1", where + ": a form XObject has OPI");
        if (d.HasKey("PS")) fail("6.2.9.1", where + ": a form XObject has PostScript (PS)");
        if (PdfAccess::name_of(pdf.key(xobject, "Subtype2")) == "PS") fail("6.2.9.1", where + ": a form XObject of Subtype2 PS");
        if (d.HasKey("Ref")) fail("6.2.9.2", where + ": a reference XObject (Ref)");
    } else if (subtype == "PS") {
        fail("6.2.9.3", where + ": a PostScript XObject");
    }
}

void check_filters(const PdfAccess& pdf, PdfObject* stream, const std::string& where, const Fail& fail) {
    PdfObject* filter = pdf.key(stream, "Filter");
    if (!filter) return;
    auto check = [&](const PdfObject* f) {
        const std::string name = PdfAccess::name_of(f);
        if (name == "LZWDecode" || name == "LZW") fail("6.1.7.2", where + ": a stream is LZW-compressed");
    };
    if (filter->IsArray()) {
        for (PdfObject& f : filter->GetArray()) check(pdf.resolve(&f));
    } else {
        check(filter);
    }
}

void check_inline_images(std::string_view content, const std::string& where, const Fail& fail) {
    // Between an operator BI and ID stands the image's dictionary, its keys in
    // abbreviated form. Strings and other operators' operands hold no BI token that
    // stands alone between white space, but a string could: a false alarm there is
    // possible and accepted for a rule this rare.
    auto white = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; };
    for (std::size_t at = content.find("BI"); at != std::string_view::npos; at = content.find("BI", at + 2)) {
        if ((at > 0 && !white(content[at - 1])) || (at + 2 < content.size() && !white(content[at + 2]))) continue;
        std::size_t id = at + 2;
        while ((id = content.find("ID", id)) != std::string_view::npos &&
               !(white(content[id - 1]) && (id + 2 >= content.size() || white(content[id + 2])))) {
            ++id;
        }
        if (id == std::string_view::npos) return;
        const std::string_view dict = content.substr(at + 2, id - at - 2);
        for (const std::string_view key : {std::string_view("/I"), std::string_view("/Interpolate")}) {
            for (std::size_t k = dict.find(key); k != std::string_view::npos; k = dict.find(key, k + 1)) {
                std::size_t v = k + key.size();
                if (v >= dict.size() || !white(dict[v])) continue;  // /ImageMask, /IM
                while (v < dict.size() && white(dict[v])) ++v;
                if (dict.substr(v, 4) == "true") fail("6.2.8.1", where + ": an inline image has Interpolate true");
            }
        }
        at = id;
    }
}


}  // namespace quire::verify
