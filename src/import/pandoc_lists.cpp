// Pandoc's bullet and ordered lists -> the article's lists of two levels (spec 16).
#include "import/pandoc_converter.hpp"

namespace quire::import {

List PandocConverter::list(const json& node, int level) {
    List out;
    const json* items = &node.at("c");
    if (node.at("t") == "OrderedList") {
        // [[start, style, delimiter], items]: the number style and delimiter are the
        // layout's business (1. at the first level, a. at the second).
        out.numbered = true;
        out.start = node.at("c").at(0).at(0).get<int>();
        items = &node.at("c").at(1);
    }
    for (const json& blocks : *items) {
        std::vector<ListItem> flattened;  // a third level's items, moved up to this one
        out.items.push_back(item(blocks, level, flattened));
        for (ListItem& moved : flattened) out.items.push_back(std::move(moved));
    }
    return out;
}

// An item's paragraphs, then at most one nested list. At the second level a nested
// list's items join the second level after this item (the format has two levels).
ListItem PandocConverter::item(const json& blocks, int level, std::vector<ListItem>& flattened) {
    ListItem out;
    for (const json& block : blocks) {
        const std::string type = block.at("t").get<std::string>();
        if (type != "BulletList" && type != "OrderedList") {
            if (!out.sublist.empty() || !flattened.empty()) {
                warn("a paragraph after a nested list, in a list item: moved before the nested list");
            }
            for (Inlines& p : paragraphs(json::array({block}), "a list item")) out.paragraphs.push_back(std::move(p));
        } else if (level >= 2) {
            warn("a list nested more than two levels deep: its items were moved up to the second level");
            // list() at this level has flattened anything deeper already.
            for (ListItem& deeper : list(block, level).items) flattened.push_back(std::move(deeper));
        } else if (out.sublist.empty()) {
            out.sublist.push_back(list(block, level + 1));
        } else {
            warn("a list item holds two nested lists: the second one's items were joined to the first");
            for (ListItem& i : list(block, level + 1).items) out.sublist.front().items.push_back(std::move(i));
        }
    }
    return out;
}

}  // namespace quire::import
