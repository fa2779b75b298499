#pragma once
// Paths of the fonts that ship with quire, for the font and shape tests.
#include <string>

namespace quire::test {

inline std::string font_path(const std::string& relative) { return std::string(QUIRE_SOURCE_DIR) + "/fonts/" + relative; }

inline const std::string garamond_regular = font_path("EBGaramond/EBGaramond12-Regular.otf");
inline const std::string garamond_italic = font_path("EBGaramond/EBGaramond12-Italic.otf");
inline const std::string garamond_bold = font_path("EBGaramond/EBGaramond12-Bold.otf");
inline const std::string inter_regular = font_path("Inter/Inter-Regular.otf");
inline const std::string inter_italic = font_path("Inter/Inter-Italic.otf");
inline const std::string inter_semibold = font_path("Inter/Inter-SemiBold.otf");
inline const std::string inter_semibold_italic = font_path("Inter/Inter-SemiBoldItalic.otf");
inline const std::string inter_bold = font_path("Inter/Inter-Bold.otf");

// Debian's fonts-noto-cjk (.ci/setup): a CFF collection whose first face (Japanese)
// covers Chinese and Korean too.
inline const std::string noto_serif_cjk = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

}  // namespace quire::test
