#include "print/press_colour.hpp"

#include <lcms2.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <tuple>

namespace quire::print {

std::vector<PressProfile> default_press_profiles() {
    return {
        {"/usr/share/texlive/texmf-dist/tex/generic/colorprofiles/FOGRA39L_coated.icc", "FOGRA39"},
        {"/usr/share/color/icc/ghostscript/default_cmyk.icc", ""},
    };
}

std::optional<PressProfile> find_press_profile(const std::string& named, DiagnosticSink& sink) {
    if (!named.empty()) {
        if (std::filesystem::is_regular_file(named)) return PressProfile{named, ""};
        sink.error({named, 0, 0}, "press profile not found");
        return std::nullopt;
    }
    for (const PressProfile& p : default_press_profiles()) {
        if (std::filesystem::is_regular_file(p.path)) return p;
    }
    std::string tried;
    for (const PressProfile& p : default_press_profiles()) tried += (tried.empty() ? "" : ", ") + p.path;
    sink.error({}, "no CMYK press profile found (tried " + tried + "); name one with --press-profile FILE");
    return std::nullopt;
}

std::unique_ptr<PressColour> PressColour::open(const std::string& profile_path, DiagnosticSink& sink) {
    cmsHPROFILE cmyk = cmsOpenProfileFromFile(profile_path.c_str(), "r");
    if (!cmyk || cmsGetColorSpace(cmyk) != cmsSigCmykData) {
        if (cmyk) cmsCloseProfile(cmyk);
        sink.error({profile_path, 0, 0}, "not a readable CMYK ICC profile");
        return nullptr;
    }
    cmsHPROFILE srgb = cmsCreate_sRGBProfile();
    std::unique_ptr<PressColour> press(new PressColour);
    press->transform_ = cmsCreateTransform(srgb, TYPE_RGB_DBL, cmyk, TYPE_CMYK_DBL, INTENT_RELATIVE_COLORIMETRIC,
                                           cmsFLAGS_BLACKPOINTCOMPENSATION);
    cmsCloseProfile(srgb);
    cmsCloseProfile(cmyk);
    if (!press->transform_) {
        sink.error({profile_path, 0, 0}, "lcms2 cannot convert sRGB into this profile");
        return nullptr;
    }
    return press;
}

PressColour::~PressColour() {
    if (transform_) cmsDeleteTransform(static_cast<cmsHTRANSFORM>(transform_));
}

render::Color PressColour::cmyk_of(double r, double g, double b) const {
    const double in[3] = {r, g, b};
    double out[4] = {0, 0, 0, 0};  // lcms2's floating-point CMYK runs 0..100
    cmsDoTransform(static_cast<cmsHTRANSFORM>(transform_), in, out, 1);
    render::Color c;
    c.space = render::Color::Space::cmyk;
    for (int i = 0; i < 4; ++i) c.c[i] = std::clamp(std::round(out[i] * 10) / 1000, 0.0, 1.0);  // 0.1 % steps
    return c;
}

render::Color PressColour::for_press(const render::Color& c, bool text) const {
    if (text && c.space == render::Color::Space::cmyk && c.c[3] >= 0.9 && c.c[0] + c.c[1] + c.c[2] > 0) {
        return render::Color{render::Color::Space::cmyk, {0, 0, 0, c.c[3]}};  // rich black text: K alone
    }
    if (c.space != render::Color::Space::rgb) return c;
    const double darkest = std::max({c.c[0], c.c[1], c.c[2]});
    if (text && darkest < 0.2) {
        // Near-black text would convert to a four-ink mix: the black plate alone.
        return render::Color{render::Color::Space::gray, {0.2126 * c.c[0] + 0.7152 * c.c[1] + 0.0722 * c.c[2], 0, 0, 0}};
    }
    if (c.c[0] == c.c[1] && c.c[1] == c.c[2]) {
        // A grey: one ink, never a four-colour mix (rich black text misregisters).
        return render::Color{render::Color::Space::gray, {c.c[0], 0, 0, 0}};
    }
    return cmyk_of(c.c[0], c.c[1], c.c[2]);
}

int PressColour::convert(render::DisplayList& list) const {
    std::set<std::tuple<double, double, double>> seen;
    auto fix = [&](render::Color& c, bool text) {
        if (c.space == render::Color::Space::rgb) seen.insert({c.c[0], c.c[1], c.c[2]});
        c = for_press(c, text);
    };
    for (render::Page& page : list.pages) {
        for (render::DrawOp& op : page.ops) {
            if (auto* run = std::get_if<render::DrawGlyphs>(&op)) fix(run->color, true);
            if (auto* rule = std::get_if<render::DrawRule>(&op)) fix(rule->color, false);
        }
    }
    return static_cast<int>(seen.size());
}

}  // namespace quire::print
