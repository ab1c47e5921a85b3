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

std::string_view method_name(AggregationMethod method) {
    switch (method) {
        case AggregationMethod::sum:
            return "sum";
        case AggregationMethod::percentage:
            return "percentage";
        case AggregationMethod::none:
            break;
    }
    return "none";
}

bool BandCounts::matches(const std::map<std::string, int>& counts) const {
    const auto count = [&counts](const std::string& label) {
        const auto it = counts.find(label);
        return it == counts.end() ? 0 : it->second;
    };
    for (const auto& [label, n] : at_least) {
        if (count(label) < n) return false;
    }
    for (const auto& [label, n] : at_most) {
        if (count(label) > n) return false;
    }
    return true;
}

int percent_of(long long sum, long long count, int highest) {
    // Whole percent, half up, in integers: floor((200 × sum + d) ÷ 2d) with d = count × highest.
    const long long d = count * highest;
    return static_cast<int>((200 * sum + d) / (2 * d));
}

double exact_percent(long long sum, long long count, int highest) {
    return 100.0 * static_cast<double>(sum) / (static_cast<double>(count) * highest);
}

std::string percent_decimals(long long sum, long long count, int highest) {
    const long long d = count * highest;
    if ((100 * sum) % d == 0) return "";
    const long long hundredths = (20000 * sum + d) / (2 * d);  // half up, in integers
    const std::string cents = std::to_string(hundredths % 100);
    return std::to_string(hundredths / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}

const Band* band_for(const std::vector<Band>& bands, int total) {
    for (const Band& b : bands) {
        if (total >= b.min && total <= b.max) return &b;
    }
    return nullptr;
}

}  // namespace eqkit
