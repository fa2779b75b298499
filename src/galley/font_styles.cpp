#include "galley/font_styles.hpp"

namespace quire::galley {

FontStyles::FontStyles(font::FamilyTable& families, std::vector<std::string> fallback_families, DiagnosticSink& sink,
                       font::SystemFallback* system)
    : families_(families), fallback_families_(std::move(fallback_families)), sink_(sink), system_(system) {}

const shape::TextStyle* FontStyles::resolve(const style::TextStyle& style, const std::string& language,
                                            const SourceLoc& loc) {
    std::string key = style.family + '|' + std::to_string(static_cast<int>(style.weight)) + '|' +
                      std::to_string(static_cast<int>(style.slant)) + '|' + std::to_string(style.size.sp) + '|' +
                      language + '|';
    for (const std::string& f : style.features) key += f + ',';
    auto it = resolved_.find(key);
    if (it == resolved_.end()) {
        std::optional<shape::TextStyle> made;
        if (auto font = families_.font(style.family, style.weight, style.slant, loc, sink_)) {
            shape::TextStyle s;
            s.font = *font;
            s.fallback = families_.fallback_fonts(fallback_families_, style.weight, style.slant, loc, sink_);
            s.system = system_;
            s.size = style.size;
            s.features = shape::FeatureSet::parse(style.features, loc, sink_);
            s.language = language.empty() ? "en" : language;
            made = std::move(s);
        }
        it = resolved_.emplace(std::move(key), std::move(made)).first;
    }
    return it->second ? &*it->second : nullptr;
}

}  // namespace quire::galley
