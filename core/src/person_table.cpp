#include "person_table.hpp"

#include <cstdint>
#include <functional>

namespace eqkit::workforce::detail {

std::size_t PersonTable::slot_of(std::string_view id, std::size_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::uint32_t s = slots_[i];
        if (s == 0) return i;
        const Entry& e = entries_[s - 1];
        if (e.length == id.size() && std::string_view(arena_.data() + e.offset, e.length) == id) {
            return i;
        }
    }
}

void PersonTable::grow() {
    std::vector<std::uint32_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    for (std::uint32_t s : old) {
        if (s == 0) continue;
        const Entry& e = entries_[s - 1];
        const std::string_view id(arena_.data() + e.offset, e.length);
        slots_[slot_of(id, std::hash<std::string_view>{}(id))] = s;
    }
}

std::pair<PersonTable::Entry*, bool> PersonTable::insert(std::string_view id, std::uint8_t group,
                                                         std::uint32_t line) {
    if (arena_.size() > UINT32_MAX - id.size() || entries_.size() >= UINT32_MAX / 4) {
        return {nullptr, false};  // beyond any real workforce; the caller stops
    }
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();  // load factor at most one half
    const std::size_t slot = slot_of(id, std::hash<std::string_view>{}(id));
    if (slots_[slot] != 0) return {&entries_[slots_[slot] - 1], false};
    Entry e;
    e.offset = static_cast<std::uint32_t>(arena_.size());
    e.length = static_cast<std::uint16_t>(id.size());
    e.line = line;
    e.group = group;
    arena_.append(id);
    entries_.push_back(e);
    slots_[slot] = static_cast<std::uint32_t>(entries_.size());
    return {&entries_.back(), true};
}

PersonTable::Entry* PersonTable::find(std::string_view id) {
    if (slots_.empty()) return nullptr;
    const std::uint32_t s = slots_[slot_of(id, std::hash<std::string_view>{}(id))];
    return s == 0 ? nullptr : &entries_[s - 1];
}

}  // namespace eqkit::workforce::detail
