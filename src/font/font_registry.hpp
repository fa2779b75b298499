#pragma once
// The font registry owns every loaded face (FreeType for metrics, HarfBuzz for shaping,
// both built on the same bytes) and names them by FontId. Nothing outside font/ holds a
// FreeType or HarfBuzz face; shaping asks the registry for the hb_font.
//
// Threads: an article's galley may be set on a thread of its own while pages are
// composed (pipeline.cpp), and both load and read faces. load() takes a lock; a loaded
// face never moves or changes (its slot is fixed), so reading one needs none, and the
// ink-height cache is a table of atomics that either thread may fill.
//
// HarfBuzz fonts are scaled to units_per_em, so positions come out in unhinted font
// units; callers convert with scale_units(). That keeps shaping independent of size
// and of FreeType's hinting (design §4).
#include "core/diagnostics.hpp"
#include "font/ft_handles.hpp"
#include "font/hb_handles.hpp"
#include "font/face_metrics.hpp"
#include "font/font_id.hpp"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace quire::font {

class FontRegistry {
public:
    // Throws std::runtime_error if FreeType itself cannot start (a broken install,
    // not a user error).
    FontRegistry();
    FontRegistry(const FontRegistry&) = delete;
    FontRegistry& operator=(const FontRegistry&) = delete;
    ~FontRegistry();

    // Loads face `face_index` of a font file (0: the first, or only, face). The same
    // face loaded twice gives the same id. A missing or unreadable file, or one
    // FreeType/HarfBuzz cannot parse, is an error at `loc` (where the layout names the
    // file) and gives nullopt.
    std::optional<FontId> load(const std::string& path, const SourceLoc& loc, DiagnosticSink& sink,
                               unsigned face_index = 0);

    std::size_t size() const { return count_.load(std::memory_order_acquire); }
    bool valid(FontId id) const { return id < size(); }
    // More faces than any layout names; loading one more is an error.
    static constexpr std::size_t max_faces = 1024;

    const FaceMetrics& metrics(FontId id) const;
    // Owned by the registry; valid as long as it lives. Scale is units_per_em.
    hb_font_t* hb_font(FontId id) const;
    FT_Face ft_face(FontId id) const;

    // The font's nominal glyph for a code point (cmap), if it has one.
    std::optional<std::uint32_t> glyph_index(FontId id, char32_t codepoint) const;
    bool has_glyph(FontId id, char32_t codepoint) const { return glyph_index(id, codepoint).has_value(); }

    // How far a glyph's ink reaches above the baseline (top) and below it (bottom,
    // positive), in font units: what TeX calls a character's height and depth, for
    // spacing lines by what they hold rather than by the font's ascender. Cached.
    struct InkHeight {
        std::int32_t top = 0, bottom = 0;
    };
    InkHeight ink_height(FontId id, std::uint32_t gid) const;

    // OpenType feature tags in GSUB and GPOS, as "smcp", "onum", ... (sorted, unique):
    // lets a caller check a style's features against what the font really has.
    std::vector<std::string> feature_tags(FontId id) const;

private:
    struct Face;
    FtLibrary library_;
    std::unique_ptr<std::unique_ptr<Face>[]> faces_;  // max_faces slots; the first size() loaded
    std::atomic<std::size_t> count_{0};
    std::mutex loading_;  // load() and by_path_
    std::map<std::pair<std::string, unsigned>, FontId> by_path_;  // by file and face
};

}  // namespace quire::font
