#include "core/search_path.hpp"

#include <cstdlib>
#include <filesystem>

namespace quire {

std::string SearchPath::listed() const {
    std::string out;
    for (const std::string& place : places) out += (out.empty() ? "" : ", ") + place;
    return out;
}

SearchPath search_path(const std::string& variable, const std::vector<std::string>& standard) {
    SearchPath path;
    path.variable = variable;
    if (const char* value = std::getenv(variable.c_str())) {
        const std::string list = value;
        for (std::size_t from = 0; from <= list.size();) {
            std::size_t colon = list.find(':', from);
            if (colon == std::string::npos) colon = list.size();
            if (colon > from) path.places.push_back(list.substr(from, colon - from));
            from = colon + 1;
        }
    }
    path.places.insert(path.places.end(), standard.begin(), standard.end());
    return path;
}

std::string first_file(const SearchPath& files) {
    for (const std::string& place : files.places) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(place, ec)) return place;
    }
    return {};
}

}  // namespace quire
