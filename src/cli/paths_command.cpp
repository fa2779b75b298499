#include "paths_command.hpp"

#include "data_dirs.hpp"
#include "pipeline.hpp"

#include <ostream>

namespace quire::cli {

int run_paths(const SearchPath& hyphen_dirs, const SearchPath& srgb_profiles, const SearchPath& cmyk_profiles,
              std::ostream& out, std::ostream& err) {
    const std::optional<DataDir> data = find_data_dir();
    out << "data: " << (data ? data->root.string() : "(none)") << "\n"
        << "data searched: " << data_dir_places() << "\n"
        << "hyphenation patterns searched (" << hyphen_dirs.variable << "): " << hyphen_dirs.listed() << "\n"
        << "sRGB profile: " << first_file(srgb_profiles) << "\n"
        << "sRGB profile searched (" << srgb_profiles.variable << "): " << srgb_profiles.listed() << "\n"
        << "CMYK profile for untagged CMYK images: " << first_file(cmyk_profiles) << "\n"
        << "CMYK profile searched (" << cmyk_profiles.variable << "): " << cmyk_profiles.listed() << "\n";
    if (!data) {
        err << "quire: error: " << no_data_dir_message() << "\n";
        return exit_output_error;
    }
    return exit_ok;
}

}  // namespace quire::cli
