#include "font/system_fonts.hpp"

#include "core/language_tag.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>

namespace quire::font {

namespace {

struct PatternDeleter { void operator()(FcPattern* p) const { FcPatternDestroy(p); } };
struct FontSetDeleter { void operator()(FcFontSet* s) const { FcFontSetDestroy(s); } };
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;
using FontSet = std::unique_ptr<FcFontSet, FontSetDeleter>;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<std::string> string_of(FcPattern* p, const char* key) {
    FcChar8* s = nullptr;
    if (FcPatternGetString(p, key, 0, &s) != FcResultMatch || !s) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(s));
}

bool flag_of(FcPattern* p, const char* key) {
    FcBool b = FcFalse;
    return FcPatternGetBool(p, key, 0, &b) == FcResultMatch && b;
}

// Only faces quire can shape, subset and embed as outlines.
bool usable(FcPattern* p) {
    const auto format = string_of(p, FC_FONTFORMAT);
    return format && (*format == "TrueType" || *format == "CFF") && !flag_of(p, FC_VARIABLE) && !flag_of(p, FC_COLOR);
}

SystemFontFile file_of(FcPattern* p) {
    int index = 0;
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    return {string_of(p, FC_FILE).value_or(""), static_cast<unsigned>(std::max(index, 0))};
}

// Every installed font, best first for a pattern of `family` in the style (and the
// language, if any), as fontconfig ranks them after its own substitutions.
FontSet sorted_fonts(FcConfig* config, const char* family, bool bold, bool italic, const std::string& language) {
    Pattern p(FcPatternCreate());
    FcPatternAddString(p.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    if (!language.empty()) FcPatternAddString(p.get(), FC_LANG, reinterpret_cast<const FcChar8*>(language.c_str()));
    FcPatternAddInteger(p.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(p.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcConfigSubstitute(config, p.get(), FcMatchPattern);
    FcDefaultSubstitute(p.get());
    FcResult result = FcResultNoMatch;
    return FontSet(FcFontSort(config, p.get(), FcFalse, nullptr, &result));
}

}  // namespace

struct SystemFonts::Fc {
    FcConfig* config = nullptr;
    std::vector<FontSet> sets;  // kept: Candidates point at their charsets
    ~Fc() {
        sets.clear();
        if (config) FcConfigDestroy(config);
    }
};

std::string fontconfig_language(std::string_view bcp47) {
    const std::string tag = lower(bcp47);
    const std::string primary = primary_language(tag);
    if (primary != "zh") return primary;
    for (const char* region : {"hant", "tw", "mo"})
        if (tag.find(region) != std::string::npos) return "zh-tw";
    if (tag.find("hk") != std::string::npos) return "zh-hk";
    return "zh-cn";
}

SystemFonts::SystemFonts() = default;
SystemFonts::~SystemFonts() = default;

SystemFonts::Fc& SystemFonts::fc() {
    if (!fc_) {
        fc_ = std::make_unique<Fc>();
        fc_->config = FcInitLoadConfigAndFonts();  // null: no fonts (a machine without fontconfig's files)
    }
    return *fc_;
}

std::optional<SystemFontFile> SystemFonts::family(const std::string& name, bool bold, bool italic) {
    const std::lock_guard<std::mutex> lock(lock_);
    Fc& f = fc();
    if (!f.config) return std::nullopt;
    const FontSet sorted = sorted_fonts(f.config, name.c_str(), bold, italic, "");
    if (!sorted) return std::nullopt;
    // The first usable face whose family is the one asked for, in any of its names.
    const std::string wanted = lower(name);
    for (int i = 0; i < sorted->nfont; ++i) {
        FcPattern* font = sorted->fonts[i];
        if (!usable(font)) continue;
        FcChar8* fam = nullptr;
        for (int n = 0; FcPatternGetString(font, FC_FAMILY, n, &fam) == FcResultMatch; ++n)
            if (lower(reinterpret_cast<const char*>(fam)) == wanted) return file_of(font);
    }
    return std::nullopt;
}

const std::vector<SystemFonts::Candidate>& SystemFonts::candidates(const FacePreference& preference) {
    const std::lock_guard<std::mutex> lock(lock_);
    if (auto it = sorted_.find(preference); it != sorted_.end()) return it->second;
    std::vector<Candidate>& out = sorted_[preference];
    Fc& f = fc();
    if (!f.config) return out;
    FontSet sorted = sorted_fonts(f.config, preference.sans ? "sans-serif" : "serif", preference.bold, preference.italic,
                                  preference.language);
    if (!sorted) return out;
    for (int i = 0; i < sorted->nfont; ++i) {
        FcPattern* font = sorted->fonts[i];
        FcCharSet* charset = nullptr;
        if (!usable(font) || FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch) continue;
        const std::string family = string_of(font, FC_FAMILY).value_or("");
        int spacing = FC_PROPORTIONAL;
        FcPatternGetInteger(font, FC_SPACING, 0, &spacing);
        const bool sans = family.find("Sans") != std::string::npos || family.find("Gothic") != std::string::npos ||
                          family.find("Kufi") != std::string::npos;
        out.push_back({file_of(font), family, charset, sans, spacing == FC_MONO || family.find("Mono") != std::string::npos});
    }
    f.sets.push_back(std::move(sorted));
    return out;
}

bool SystemFonts::has_char(const Candidate& candidate, char32_t c) {
    return FcCharSetHasChar(static_cast<const FcCharSet*>(candidate.charset), static_cast<FcChar32>(c));
}

}  // namespace quire::font
