#pragma once
// The one indicator engine for WRES and WDES: counts in, published figures out. Every figure is
// computed from counts (never from rounded percentages), and disclosure control is applied here,
// so the results hold only what may be shown: every export and screen renders the same safe
// figures. Formulas: docs/indicators-format.md; disclosure rule: docs/disclosure.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eqkit/workforce_counts.hpp"
#include "eqkit/workforce_definitions.hpp"

namespace eqkit::workforce {

// Why a figure is, or is not, shown.
enum class State {
    shown,
    suppressed,      // hidden: it is, or rests on, a count below the threshold
    not_given,       // the data it needs was not given
    not_calculable,  // a denominator is zero, or the counts contradict each other
};

// A published count: value is meaningful only when state is shown.
struct Count {
    std::int64_t value = 0;
    State state = State::not_given;
    bool secondary = false;  // hidden only so that another hidden count cannot be worked out
};

// A published derived figure (a percentage, a rate, a ratio, a bound).
struct Figure {
    double value = 0;
    State state = State::not_given;
    std::string why;  // for anything not shown: one plain sentence
};

// Counts per group (in Definitions::groups order) and their total.
struct GroupCells {
    std::vector<Count> groups;
    Count total;
};

// One relative likelihood over one period.
struct Likelihood {
    std::string period;
    GroupCells events;          // numerators ("appointed")
    GroupCells bases;           // denominators ("shortlisted")
    std::vector<Figure> rates;  // events / bases per group, as a proportion from 0 to 1
    Figure ratio;
    Figure lower;  // 95% confidence interval, log method (Katz)
    Figure upper;
    std::optional<bool> within_guide;  // the four-fifths guide, only for a shown ratio
    bool small_numbers = false;        // a count under Definitions::small_numbers.below
};

// Indicator 1: one row of a section, or a section's total, or the whole workforce.
struct RowResult {
    std::string section;  // "non_clinical", "clinical", "medical", or "" for the whole workforce
    std::string key;      // a RowDef key, "total" for a section total, "overall"
    std::string label;
    const RowDef* def = nullptr;  // null for totals
    GroupCells cells;
    std::vector<Figure> percents;  // of the row's total, per group
};

struct Representation {
    std::vector<RowResult> rows;  // section by section, each ending in its total; then overall
    bool has_bands = false;
};

struct SurveyResult {
    const PartDef* def = nullptr;
    std::vector<Figure> values;  // per column of def->columns
    std::string survey_year;
    std::string question_id;
};

struct BoardResult {
    const PartDef* def = nullptr;
    GroupCells board;
    Figure board_percent;      // the focus group's share of the board, in percent
    Figure workforce_percent;  // the focus group's share of the workforce, in percent
    Figure difference;         // board minus workforce, in percentage points
};

// Everything computed for one indicator in one year.
struct YearResult {
    std::string year;
    Figure value;  // the headline (see IndicatorDef::value_meaning)
    Representation representation;
    std::optional<Likelihood> likelihood;
    std::vector<SurveyResult> survey;
    std::vector<BoardResult> board;
};

// A fact an indicator rests on that is not confirmed against a published source.
struct Unconfirmed {
    std::string what;
    std::string note;
};

struct IndicatorResult {
    const IndicatorDef* def = nullptr;
    std::vector<Unconfirmed> unconfirmed;  // every UNCONFIRMED fact this figure rests on
    YearResult current;
    std::optional<YearResult> previous;
    std::optional<Likelihood> pooled;  // two years' counts added, when the definition asks
    std::vector<std::string> flags;    // "suppressed", "small_numbers", ... (docs)
};

struct Completeness {
    Count known;
    Count unknown;
    Count total;
    Figure percent_known;
    // When the percentage is hidden: the least it can be, which names nobody.
    std::optional<double> at_least;
};

struct ComputeOptions {
    std::int64_t suppress_below = 10;  // 0 or 1: no suppression (for internal working only)
};

struct Results {
    const Definitions* defs = nullptr;
    std::string year;
    std::string previous_year;
    bool has_previous = false;
    std::int64_t suppress_below = 10;
    std::size_t suppressed_cells = 0;
    std::size_t secondary_cells = 0;
    Completeness completeness;
    std::optional<Completeness> previous_completeness;
    std::vector<IndicatorResult> indicators;
};

// The z value of the 95% interval: the 97.5th percentile of the standard normal distribution.
inline constexpr double z_95 = 1.959963984540054;

// (a / n) / (b / m) with its 95% interval by the log method (Katz): exp(ln RR ± z·SE), with
// SE = sqrt(1/a − 1/n + 1/b − 1/m). Unsuppressed arithmetic on raw counts; used by compute()
// and kept public so tests can check it against hand-worked figures.
struct RatioInterval {
    std::optional<double> ratio;  // nothing when n, m or b is zero
    std::optional<double> lower;  // nothing when a or b is zero (the log method needs both)
    std::optional<double> upper;
};
[[nodiscard]] RatioInterval relative_likelihood(std::int64_t a, std::int64_t n, std::int64_t b,
                                                std::int64_t m);

// previous may be null. Never fails: what cannot be computed says why.
[[nodiscard]] Results compute(const Definitions& defs, const Counts& current,
                              const Counts* previous, ComputeOptions options = {});

}  // namespace eqkit::workforce
