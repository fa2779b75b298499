#include "font/family_table.hpp"

#include <algorithm>

namespace quire::font {

namespace {

const char* style_name(int style) {
    static const char* const names[] = {"regular", "italic", "bold", "bold italic"};
    return names[style];
}

}  // namespace

FamilyTable::FamilyTable(FontRegistry& registry, std::vector<model::FontFamily> families, SystemFonts* system)
    : registry_(registry), families_(std::move(families)), system_(system) {
    // A file two families name takes the first one's protrusion, whichever loads it.
    for (std::size_t i = 0; i < families_.size(); ++i) {
        const model::FontFamily& f = families_[i];
        for (const std::string* path : {&f.regular, &f.italic, &f.bold, &f.bold_italic})
            if (!path->empty()) first_family_of_path_.emplace(*path, i);
    }
}

std::optional<FontId> FamilyTable::load_style(const model::FontFamily& family, Style style, DiagnosticSink& sink) {
    const std::size_t index = static_cast<std::size_t>(&family - families_.data());
    const auto key = std::make_pair(index, static_cast<int>(style));
    if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
    if (!family.system.empty()) {
        std::optional<FontId> id = load_system(family, style, sink);
        loaded_.emplace(key, id);
        return id;
    }
    const std::string* path = nullptr;
    switch (style) {
        case regular: path = &family.regular; break;
        case italic: path = &family.italic; break;
        case bold: path = &family.bold; break;
        case bold_italic: path = &family.bold_italic; break;
    }
    std::optional<FontId> id;
    if (!path->empty()) id = registry_.load(*path, family.loc, sink);
    if (id) family_of_.emplace(*id, first_family_of_path_.at(*path));
    loaded_.emplace(key, id);
    return id;
}

// The installed face of `family` nearest the style; an error at the family, once,
// when there is none (or installed fonts are off).
std::optional<SystemFontFile> FamilyTable::find_installed(const model::FontFamily& family, bool bold, bool italic,
                                                          DiagnosticSink& sink) {
    if (!system_) {
        if (warned_unknown_.insert(family.name).second)
            sink.error(family.loc, "font family '" + family.name + "' is the installed family '" + family.system +
                                       "', and --no-system-fonts keeps quire to the layout's own font files");
        return std::nullopt;
    }
    auto file = system_->family(family.system, bold, italic);
    if (!file && warned_unknown_.insert(family.name).second)
        sink.error(family.loc, "font family '" + family.name + "' names the installed family '" + family.system +
                                   "', which is not installed on this machine (`fc-list : family` lists those that are)");
    return file;
}

bool FamilyTable::check_installed(DiagnosticSink& sink) {
    const std::lock_guard<std::mutex> lock(lock_);
    bool all = true;
    for (const model::FontFamily& family : families_)
        if (!family.system.empty() && !find_installed(family, false, false, sink)) all = false;
    return all;
}

// An installed family gives a face for every style: fontconfig picks the nearest.
std::optional<FontId> FamilyTable::load_system(const model::FontFamily& family, Style style, DiagnosticSink& sink) {
    const auto file = find_installed(family, style == bold || style == bold_italic, style == italic || style == bold_italic, sink);
    if (!file) return std::nullopt;
    std::optional<FontId> id = registry_.load(file->path, family.loc, sink, file->index);
    if (id && !registry_.metrics(*id).embeddable) {
        sink.error(family.loc, "the installed font " + file->path + " (family '" + family.system +
                                   "') does not allow a PDF to embed it (its OS/2 fsType)");
        return std::nullopt;
    }
    if (id) family_of_.emplace(*id, static_cast<std::size_t>(&family - families_.data()));
    return id;
}

std::optional<FontId> FamilyTable::font(const std::string& name, model::Weight weight, model::Slant slant,
                                        const SourceLoc& use, DiagnosticSink& sink) {
    const std::lock_guard<std::mutex> lock(lock_);
    return font_locked(name, weight, slant, use, sink);
}

std::optional<FontId> FamilyTable::font_locked(const std::string& name, model::Weight weight, model::Slant slant,
                                               const SourceLoc& use, DiagnosticSink& sink) {
    auto family = std::find_if(families_.begin(), families_.end(), [&](const model::FontFamily& f) { return f.name == name; });
    if (family == families_.end()) {
        if (warned_unknown_.insert(name).second) sink.error(use, "the layout defines no font family '" + name + "'");
        return std::nullopt;
    }
    const bool b = weight == model::Weight::bold;
    const bool i = slant == model::Slant::italic;
    const Style wanted = b && i ? bold_italic : b ? bold : i ? italic : regular;
    // Keep the property a reader notices most first: weight before slant, since a
    // bold heading set in a light italic looks like an error, a missing slant less so.
    std::vector<Style> order;
    switch (wanted) {
        case bold_italic: order = {bold_italic, bold, italic, regular}; break;
        case bold: order = {bold, regular, bold_italic, italic}; break;
        case italic: order = {italic, regular, bold_italic, bold}; break;
        case regular: order = {regular, italic, bold, bold_italic}; break;
    }
    for (Style s : order) {
        if (auto id = load_style(*family, s, sink)) {
            if (s != wanted) {
                const auto key = std::make_pair(static_cast<std::size_t>(family - families_.begin()), static_cast<int>(wanted));
                if (warned_fallback_.insert(key).second)
                    sink.warning(family->loc, "font family '" + name + "' has no " + style_name(wanted) +
                                                  " face; using its " + style_name(s) + " face instead");
            }
            return id;
        }
    }
    if (warned_unknown_.insert(name).second) sink.error(family->loc, "no face of font family '" + name + "' could be loaded");
    return std::nullopt;
}

const model::ProtrusionTable& FamilyTable::protrusion(FontId font) const {
    const std::lock_guard<std::mutex> lock(lock_);
    const auto it = family_of_.find(font);
    return it == family_of_.end() ? model::default_protrusion() : families_[it->second].protrusion;
}

std::vector<FontId> FamilyTable::fallback_fonts(const std::vector<std::string>& names, model::Weight weight,
                                                model::Slant slant, const SourceLoc& use, DiagnosticSink& sink) {
    const std::lock_guard<std::mutex> lock(lock_);
    std::vector<FontId> ids;
    for (const std::string& name : names)
        if (auto id = font_locked(name, weight, slant, use, sink); id && std::find(ids.begin(), ids.end(), *id) == ids.end())
            ids.push_back(*id);
    return ids;
}

}  // namespace quire::font
