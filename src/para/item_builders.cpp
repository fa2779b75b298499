#include "para/item_builders.hpp"

namespace quire::para {

namespace {

Length zero() { return Length{}; }

}  // namespace

void add_box(std::vector<Item>& items, Length width, std::uint32_t payload) {
    items.emplace_back(Box{width, payload, zero(), zero()});
}

void add_spaced_box(std::vector<Item>& items, Length width, Length stretch, Length shrink, std::uint32_t payload) {
    items.emplace_back(Box{width, payload, stretch, shrink});
}

std::size_t add_space(std::vector<Item>& items, Length width, Length stretch, Length shrink) {
    items.emplace_back(Glue{width, stretch, shrink, zero()});
    return items.size() - 1;
}

void add_hyphenation_point(std::vector<Item>& items, Length hyphen_width, int hyphen_penalty, std::uint32_t payload,
                           bool last_resort) {
    Penalty point{hyphen_width, hyphen_penalty, true, true, payload};
    point.last_resort = last_resort;
    items.emplace_back(point);
}

void add_explicit_hyphen_break(std::vector<Item>& items, int ex_hyphen_penalty) {
    items.emplace_back(Penalty{zero(), ex_hyphen_penalty, true, false, 0});
}

void add_address_break(std::vector<Item>& items, Length ragged_stretch) {
    const Penalty point{zero(), address_break_penalty, false, true, 0};
    if (ragged_stretch.sp <= 0) {
        items.emplace_back(point);
        return;
    }
    items.emplace_back(Penalty{zero(), inf_penalty, false, false, 0});
    items.emplace_back(Glue{zero(), ragged_stretch, zero(), zero()});
    items.emplace_back(point);
    items.emplace_back(Glue{zero(), -ragged_stretch, zero(), zero()});
}

void add_forced_break(std::vector<Item>& items) {
    items.emplace_back(Penalty{zero(), eject_penalty, false, false, 0});
}

std::size_t add_ragged_right_space(std::vector<Item>& items, Length space, Length ragged_stretch) {
    items.emplace_back(Glue{zero(), ragged_stretch, zero(), zero()});
    items.emplace_back(Penalty{zero(), 0, false, false, 0});
    items.emplace_back(Glue{space, -ragged_stretch, zero(), zero()});
    return items.size() - 1;
}

void add_ragged_right_hyphenation_point(std::vector<Item>& items, Length hyphen_width, Length ragged_stretch,
                                        int hyphen_penalty, std::uint32_t payload, bool last_resort) {
    items.emplace_back(Penalty{zero(), inf_penalty, false, false, 0});
    items.emplace_back(Glue{zero(), ragged_stretch, zero(), zero()});
    add_hyphenation_point(items, hyphen_width, hyphen_penalty, payload, last_resort);
    items.emplace_back(Glue{zero(), -ragged_stretch, zero(), zero()});
}

void begin_centred(std::vector<Item>& items, Length ragged_stretch) {
    items.emplace_back(Glue{zero(), ragged_stretch, zero(), zero()});
}

std::size_t add_centred_space(std::vector<Item>& items, Length space, Length ragged_stretch) {
    const std::size_t first = items.size();
    items.emplace_back(Glue{zero(), ragged_stretch, zero(), zero()});
    items.emplace_back(Penalty{zero(), 0, false, false, 0});
    items.emplace_back(Glue{space, -2 * ragged_stretch, zero(), zero()});
    items.emplace_back(Box{zero(), 0, zero(), zero()});
    items.emplace_back(Penalty{zero(), inf_penalty, false, false, 0});
    items.emplace_back(Glue{zero(), ragged_stretch, zero(), zero()});
    return first;
}

void finish_centred(std::vector<Item>& items, Length ragged_stretch) {
    items.emplace_back(Penalty{zero(), inf_penalty, false, false, 0});
    items.emplace_back(Glue{zero(), ragged_stretch, zero(), zero()});
    items.emplace_back(Penalty{zero(), eject_penalty, false, false, 0});
}

void finish_paragraph(std::vector<Item>& items) {
    while (!items.empty() && !std::holds_alternative<Box>(items.back())) items.pop_back();
    items.emplace_back(Penalty{zero(), inf_penalty, false, false, 0});
    items.emplace_back(Glue{zero(), zero(), zero(), Length::from_sp(Length::sp_per_pt)});
    items.emplace_back(Penalty{zero(), eject_penalty, false, false, 0});
}

}  // namespace quire::para
