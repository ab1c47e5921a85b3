#pragma once
// Totals and bands, computed from the framework's aggregation rules (data, not code).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eqkit/assessment.hpp"
#include "eqkit/framework.hpp"

namespace eqkit {

// A number in the results that rests on a fact marked unconfirmed.
struct UnconfirmedFact {
    std::string what;  // "overall band \"Achieving\" (22–32)"
    std::string note;
};

struct GroupScore {
    std::string code;
    std::string title;
    int total = 0;
    TotalRange range;
    std::size_t answered = 0;
    std::size_t item_count = 0;
    std::optional<Band> band;
    std::optional<int> percent;  // method "percentage": over the items scored so far

    [[nodiscard]] bool complete() const { return answered == item_count; }
};

struct Scores {
    bool aggregated = true;  // false when the framework's method is "none"
    std::vector<GroupScore> groups;
    int total = 0;
    TotalRange range;
    std::size_t answered = 0;
    std::size_t item_count = 0;
    std::optional<Band> band;    // from the total so far; provisional until complete()
    std::optional<int> percent;  // method "percentage": over the items scored so far
    std::vector<UnconfirmedFact> unconfirmed;

    [[nodiscard]] bool complete() const { return answered == item_count; }
};

[[nodiscard]] Scores compute_scores(const Framework& framework, const Assessment& assessment);

// "Undeveloped activity" or "not scored", for display.
[[nodiscard]] std::string score_label(const Framework& framework, const std::optional<int>& score);

}  // namespace eqkit
