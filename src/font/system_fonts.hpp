#pragma once
// The fonts installed on this machine, through fontconfig: a layout's family may name
// one (`<family name="Arabic" system="Noto Naskh Arabic"/>`), and characters that no
// font of the layout has fall back to one (issue 20).
//
// fontconfig is started on first use, not before: a build whose fonts cover its text
// never pays for reading the font cache. Answers depend only on the question and on
// what is installed, so two threads asking in any order get the same fonts and the
// output stays deterministic on one machine (not across machines: README "Fonts").
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace quire::font {

// A face inside an installed file (collections hold several).
struct SystemFontFile {
    std::string path;
    unsigned index = 0;
    friend auto operator<=>(const SystemFontFile&, const SystemFontFile&) = default;
};

// What a fallback face should look like: the style of the text it stands in for.
struct FacePreference {
    bool bold = false, italic = false;
    bool sans = false;       // the main font is a sans serif: prefer one
    std::string language;    // fontconfig's form ("ar", "zh-cn", "ja"); empty: any
    friend auto operator<=>(const FacePreference&, const FacePreference&) = default;
};

// fontconfig's name for a BCP 47 tag: "zh-Hant" -> "zh-tw", "zh" -> "zh-cn", "ja-JP" -> "ja".
std::string fontconfig_language(std::string_view bcp47);

class SystemFonts {
public:
    SystemFonts();
    ~SystemFonts();
    SystemFonts(const SystemFonts&) = delete;
    SystemFonts& operator=(const SystemFonts&) = delete;

    // The installed face of family `name` nearest the style, or nullopt when no
    // installed font has that family name (fontconfig's own substitutes do not count).
    std::optional<SystemFontFile> family(const std::string& name, bool bold, bool italic);

    // Installed outline fonts (TrueType or CFF, not variable, not colour), in
    // fontconfig's order of preference for `preference`, each with the characters it
    // has. Sorted once per preference.
    struct Candidate {
        SystemFontFile file;
        std::string family;
        const void* charset = nullptr;  // FcCharSet*, owned by the sorted set
        // By its family's name ("Noto Sans Arabic", "Noto Sans CJK", "Noto Kufi Arabic"):
        // fontconfig does not say whether a face has serifs.
        bool sans = false;
        bool mono = false;  // fixed pitch: a fallback of last resort in running text
    };
    const std::vector<Candidate>& candidates(const FacePreference& preference);
    static bool has_char(const Candidate& candidate, char32_t c);

private:
    struct Fc;
    Fc& fc();  // started on first use
    std::unique_ptr<Fc> fc_;
    std::map<FacePreference, std::vector<Candidate>> sorted_;
    std::mutex lock_;
};

}  // namespace quire::font
