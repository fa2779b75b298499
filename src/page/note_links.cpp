#include "page/note_links.hpp"

#include <algorithm>
#include <map>

namespace quire::page {

void resolve_note_links(std::vector<ComposedPage>& pages, const std::vector<int>& indices) {
    std::map<std::string, std::pair<int, Length>> places;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        for (const auto& [name, y] : pages[i].anchors) places.try_emplace(name, indices[i], y);
    }
    for (ComposedPage& page : pages) {
        std::erase_if(page.ops, [&](render::DrawOp& op) {
            auto* link = std::get_if<render::LinkArea>(&op);
            if (link == nullptr || link->uri.empty() || link->uri.front() != '#') return false;
            const auto place = places.find(link->uri.substr(1));
            if (place == places.end()) return true;
            link->uri.clear();
            link->target_page = place->second.first;
            link->target_y = place->second.second;
            return false;
        });
    }
}

}  // namespace quire::page
