#include "eqkit/disclosure.hpp"

#include <algorithm>

namespace eqkit {

std::size_t Disclosure::add(std::optional<std::int64_t> count, int priority) {
    cells_.push_back(Cell{count, priority, false, false});
    return cells_.size() - 1;
}

void Disclosure::relation(std::vector<std::size_t> parts, std::size_t total) {
    relations_.push_back(Relation{std::move(parts), total});
}

// One hidden member among shown ones gives itself away by subtraction: hide one more non-zero
// part, the lowest priority and then the smallest (least lost), or the total when every other
// part is 0.
bool Disclosure::protect(const Relation& r) {
    if (!cells_[r.total].count) return false;  // a sum nobody can see reveals nothing
    std::size_t hidden = cells_[r.total].suppressed ? 1 : 0;
    for (std::size_t p : r.parts) {
        if (!cells_[p].count) return false;
        if (cells_[p].suppressed) ++hidden;
    }
    if (hidden != 1) return false;
    std::optional<std::size_t> pick;
    for (std::size_t p : r.parts) {
        const Cell& c = cells_[p];
        if (c.suppressed || *c.count == 0) continue;
        const Cell* best = pick ? &cells_[*pick] : nullptr;
        if (best == nullptr || c.priority < best->priority ||
            (c.priority == best->priority && *c.count < *best->count)) {
            pick = p;
        }
    }
    if (!pick && !cells_[r.total].suppressed && *cells_[r.total].count > 0) pick = r.total;
    if (!pick) return false;
    cells_[*pick].suppressed = true;
    cells_[*pick].secondary = true;
    return true;
}

void Disclosure::run() {
    if (threshold_ <= 1) return;
    for (Cell& c : cells_)
        c.suppressed = c.count && *c.count > 0 && *c.count < threshold_;
    for (bool changed = true; changed;) {
        changed = false;
        for (const Relation& r : relations_)
            changed = protect(r) || changed;
    }
}

std::size_t Disclosure::suppressed_count() const {
    return static_cast<std::size_t>(
        std::count_if(cells_.begin(), cells_.end(), [](const Cell& c) { return c.suppressed; }));
}

std::size_t Disclosure::secondary_count() const {
    return static_cast<std::size_t>(
        std::count_if(cells_.begin(), cells_.end(), [](const Cell& c) { return c.secondary; }));
}

}  // namespace eqkit
