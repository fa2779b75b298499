#pragma once
// The layout's font families, resolved to FontIds on first use (a layout may name
// families an issue never sets). A missing style falls back to the nearest one the
// family has, with one warning per family and style, pointing at the family definition
// so the designer knows where to add the file.
//
// One table serves the thread that composes pages and the one that sets galleys
// (pipeline.cpp): every call takes its lock, and nothing it answers depends on which
// thread asked first.
#include "core/diagnostics.hpp"
#include "font/font_registry.hpp"
#include "font/system_fonts.hpp"
#include "model/layout.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace quire::font {

class FamilyTable {
public:
    // `system`: where families that name an installed family (`system="..."`) are
    // found; null (--no-system-fonts): such a family is an error where it is used.
    FamilyTable(FontRegistry& registry, std::vector<model::FontFamily> families, SystemFonts* system = nullptr);

    // The face for a family and style. Falls back: bold italic -> bold -> italic ->
    // regular; italic -> regular; bold -> regular (and the other way when a family has
    // no regular). nullopt, with an error at `use` (once per family name), when the
    // family is unknown or none of its files loads.
    std::optional<FontId> font(const std::string& family, model::Weight weight, model::Slant slant,
                               const SourceLoc& use, DiagnosticSink& sink);

    // The fallback chain for a style: each named family's face in that weight and
    // slant, in order, leaving out families that do not resolve and duplicates.
    std::vector<FontId> fallback_fonts(const std::vector<std::string>& families, model::Weight weight,
                                       model::Slant slant, const SourceLoc& use, DiagnosticSink& sink);

    // Reports each family that names an installed family fontconfig does not know (or
    // any such family, with --no-system-fonts), once, at its definition, whether or not
    // a style uses it: `quire check` and the start of a build find a misspelt name.
    // Returns whether there was none.
    bool check_installed(DiagnosticSink& sink);

    FontRegistry& registry() { return registry_; }

    // The protrusion table of the first family in the layout that names `font`'s file;
    // the default table for a face no family loaded (system fallback).
    const model::ProtrusionTable& protrusion(FontId font) const;

private:
    enum Style { regular, italic, bold, bold_italic };
    std::optional<FontId> font_locked(const std::string& family, model::Weight weight, model::Slant slant,
                                      const SourceLoc& use, DiagnosticSink& sink);
    std::optional<FontId> load_style(const model::FontFamily& family, Style style, DiagnosticSink& sink);
    std::optional<FontId> load_system(const model::FontFamily& family, Style style, DiagnosticSink& sink);
    std::optional<SystemFontFile> find_installed(const model::FontFamily& family, bool bold, bool italic,
                                                 DiagnosticSink& sink);

    FontRegistry& registry_;
    std::vector<model::FontFamily> families_;
    SystemFonts* system_;
    // Per (family index, style): not tried yet (absent), failed (nullopt), or loaded.
    std::map<std::pair<std::size_t, int>, std::optional<FontId>> loaded_;
    std::set<std::pair<std::size_t, int>> warned_fallback_;
    std::set<std::string> warned_unknown_;
    std::map<std::string, std::size_t> first_family_of_path_;  // by font file, from the layout
    std::map<FontId, std::size_t> family_of_;  // each loaded face's first family in the layout
    mutable std::mutex lock_;
};

}  // namespace quire::font
