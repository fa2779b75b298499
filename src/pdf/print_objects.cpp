#include "pdf/print_objects.hpp"

#include "pdf/pdf_objects.hpp"

#include <lcms2.h>

#include <fstream>
#include <iterator>
#include <memory>

namespace quire::pdf {

using namespace PoDoFo;

namespace {

bool is_registration(const render::Color& color) { return color.space == render::Color::Space::registration; }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

bool uses_registration(const render::Page& page) {
    for (const render::DrawOp& op : page.ops) {
        if (const auto* run = std::get_if<render::DrawGlyphs>(&op); run && is_registration(run->color)) return true;
        if (const auto* rule = std::get_if<render::DrawRule>(&op); rule && is_registration(rule->color)) return true;
    }
    return false;
}

PdfArray separation_all() {
    PdfDictionary tint;  // a type 2 (exponential) function, N 1: linear from no ink to all four
    tint.AddKey("FunctionType", PdfVariant(static_cast<pdf_int64>(2)));
    PdfArray domain, c0, c1;
    domain.push_back(number(0));
    domain.push_back(number(1));
    for (int i = 0; i < 4; ++i) {
        c0.push_back(number(0));
        c1.push_back(number(1));
    }
    tint.AddKey("Domain", domain);
    tint.AddKey("C0", c0);
    tint.AddKey("C1", c1);
    tint.AddKey("N", PdfVariant(static_cast<pdf_int64>(1)));
    PdfArray space;
    space.push_back(PdfName("Separation"));
    space.push_back(PdfName("All"));
    space.push_back(PdfName("DeviceCMYK"));
    space.push_back(tint);
    return space;
}

bool add_press_intent(PdfVecObjects& objects, PdfDictionary& catalog, const PressIntent& intent,
                      ContentHash& id_hash, DiagnosticSink& diagnostics) {
    const std::string profile = read_file(intent.profile_path);
    std::unique_ptr<void, decltype(&cmsCloseProfile)> handle(
        profile.empty() ? nullptr : cmsOpenProfileFromMem(profile.data(), static_cast<cmsUInt32Number>(profile.size())),
        &cmsCloseProfile);
    if (!handle || cmsGetColorSpace(handle.get()) != cmsSigCmykData) {
        diagnostics.error({intent.profile_path, 0, 0},
                          "not a readable CMYK ICC profile; print output needs one for its output intent "
                          "(--press-profile FILE)");
        return false;
    }
    std::string condition = intent.condition;
    if (condition.empty()) {
        char description[256] = {0};
        cmsGetProfileInfoASCII(handle.get(), cmsInfoDescription, "en", "US", description, sizeof description);
        condition = *description ? description : "Custom";
    }

    PdfObject* stream = objects.CreateObject();
    stream->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(4)));
    set_flate_stream(*stream, profile);
    id_hash.update(profile);
    id_hash.update(condition);

    PdfDictionary output_intent;
    output_intent.AddKey("Type", PdfName("OutputIntent"));
    output_intent.AddKey("S", PdfName("GTS_PDFX"));
    output_intent.AddKey("OutputConditionIdentifier", PdfString(condition));
    output_intent.AddKey("Info", PdfString(condition));
    output_intent.AddKey("RegistryName", PdfString("http://www.color.org"));
    output_intent.AddKey("DestOutputProfile", stream->Reference());
    if (catalog.HasKey("OutputIntents") && catalog.GetKey("OutputIntents")->IsArray()) {
        catalog.GetKey("OutputIntents")->GetArray().push_back(output_intent);
    } else {
        PdfArray intents;
        intents.push_back(output_intent);
        catalog.AddKey("OutputIntents", intents);
    }
    return true;
}

}  // namespace quire::pdf
