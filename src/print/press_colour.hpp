#pragma once
// Colour for the press: the CMYK profile the print PDF names as its output intent,
// and the conversion of the display list's RGB colours into that profile's CMYK with
// lcms2 (sRGB source, relative colorimetric). Greys stay DeviceGray, so black text
// prints on the black plate alone; CMYK colours pass unchanged.
#include "core/diagnostics.hpp"
#include "render/display_list.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quire::print {

struct PressProfile {
    std::string path;
    std::string condition;  // OutputConditionIdentifier; empty: the profile's own description
};

// Where a CMYK press profile is looked for when none is named: FOGRA39 (ISO coated,
// shipped with TeX Live's colorprofiles), then Ghostscript's default CMYK profile.
std::vector<PressProfile> default_press_profiles();

// The named profile, or the first default that exists; an error when there is none.
std::optional<PressProfile> find_press_profile(const std::string& named, DiagnosticSink& sink);

class PressColour {
public:
    // nullptr (after an error) when the file is not a CMYK ICC profile.
    static std::unique_ptr<PressColour> open(const std::string& profile_path, DiagnosticSink& sink);
    ~PressColour();
    PressColour(const PressColour&) = delete;
    PressColour& operator=(const PressColour&) = delete;

    // An RGB colour (0..1) as the press prints it; CMYK components 0..1.
    render::Color cmyk_of(double r, double g, double b) const;

    // A colour as print output writes it: greys (and near-black text) DeviceGray, one
    // ink; other RGB colours CMYK; rich black text K alone; anything else unchanged.
    // Preflight quotes this, convert() writes it.
    render::Color for_press(const render::Color& c, bool text) const;

    // Rewrites every RGB colour in `list`: greys to DeviceGray, other colours to CMYK.
    // Returns how many distinct RGB colours were converted.
    int convert(render::DisplayList& list) const;

private:
    PressColour() = default;
    void* transform_ = nullptr;  // cmsHTRANSFORM
};

}  // namespace quire::print
