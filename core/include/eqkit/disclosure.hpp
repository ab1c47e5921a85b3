#pragma once
// Small-number disclosure control for published tables (the rule is in docs/disclosure.md):
//  1. primary: a count from 1 to threshold - 1 is suppressed (0 is shown: it names nobody);
//  2. secondary: where parts add up to a shown total, one hidden part could be worked out by
//     subtraction, so another non-zero part is hidden too: the one whose loss matters least (the
//     lowest priority: unknowns before the reference group before the focus group), the smallest
//     of those; repeated until no sum has exactly one hidden member;
//  3. anything computed from a hidden count (a percentage, a rate, a ratio, its interval) is
//     hidden with it; workforce_indicators applies this.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace eqkit {

class Disclosure {
  public:
    // threshold 0 or 1 turns suppression off.
    explicit Disclosure(std::int64_t threshold) : threshold_(threshold) {}

    // A count (nothing when not given); returns its id. Secondary suppression hides counts of
    // lower priority first, so the figures that matter most stay shown.
    std::size_t add(std::optional<std::int64_t> count, int priority = 1);
    // parts add up to total: a relation a reader could use to recover a hidden part.
    void relation(std::vector<std::size_t> parts, std::size_t total);
    // Applies the rules; call once, after every count and relation is added.
    void run();

    [[nodiscard]] bool suppressed(std::size_t id) const { return cells_[id].suppressed; }
    [[nodiscard]] bool secondary(std::size_t id) const { return cells_[id].secondary; }
    [[nodiscard]] std::size_t suppressed_count() const;
    [[nodiscard]] std::size_t secondary_count() const;
    [[nodiscard]] std::int64_t threshold() const { return threshold_; }

  private:
    struct Cell {
        std::optional<std::int64_t> count;
        int priority = 1;
        bool suppressed = false;
        bool secondary = false;
    };
    struct Relation {
        std::vector<std::size_t> parts;
        std::size_t total;
    };
    bool protect(const Relation& r);

    std::int64_t threshold_;
    std::vector<Cell> cells_;
    std::vector<Relation> relations_;
};

}  // namespace eqkit
