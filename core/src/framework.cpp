#include "eqkit/framework.hpp"

namespace eqkit {

const ScaleLevel* Scale::level(int value) const {
    for (const ScaleLevel& l : levels) {
        if (l.value == value) return &l;
    }
    return nullptr;
}

const Item* Framework::find_item(std::string_view code) const {
    for (const Group& g : groups) {
        for (const Item& i : g.items) {
            if (i.code == code) return &i;
        }
    }
    return nullptr;
}

const Group* Framework::group_of(std::string_view item_code) const {
    for (const Group& g : groups) {
        for (const Item& i : g.items) {
            if (i.code == item_code) return &g;
        }
    }
    return nullptr;
}

std::size_t Framework::item_count() const {
    std::size_t n = 0;
    for (const Group& g : groups)
        n += g.items.size();
    return n;
}

std::string_view Framework::display_title() const {
    return short_title.empty() ? std::string_view(title) : std::string_view(short_title);
}

TotalRange total_range(const Scale& scale, std::size_t item_count) {
    const int n = static_cast<int>(item_count);
    return TotalRange{n * scale.lowest(), n * scale.highest()};
}

const Band* band_for(const std::vector<Band>& bands, int total) {
    for (const Band& b : bands) {
        if (total >= b.min && total <= b.max) return &b;
    }
    return nullptr;
}

}  // namespace eqkit
