#pragma once
// From a resolved text style (family, weight, slant, size, features) to what shaping
// needs (a FontId, the fallback faces, parsed features), made once per distinct style.
#include "core/diagnostics.hpp"
#include "font/fallback.hpp"
#include "font/family_table.hpp"
#include "shape/paragraph.hpp"
#include "style/resolved_style.hpp"

#include <map>
#include <string>
#include <vector>

namespace quire::galley {

class FontStyles {
public:
    // `system`: installed fonts for characters the layout's fonts lack; null: none.
    FontStyles(font::FamilyTable& families, std::vector<std::string> fallback_families, DiagnosticSink& sink,
               font::SystemFallback* system = nullptr);

    // nullptr when the style's family has no usable face (reported at `loc`).
    const shape::TextStyle* resolve(const style::TextStyle& style, const std::string& language, const SourceLoc& loc);

    font::FamilyTable& families() { return families_; }

private:
    font::FamilyTable& families_;
    std::vector<std::string> fallback_families_;
    DiagnosticSink& sink_;
    font::SystemFallback* system_;
    std::map<std::string, std::optional<shape::TextStyle>> resolved_;
};

}  // namespace quire::galley
