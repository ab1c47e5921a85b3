#pragma once
// Aggregate counts for one year: what the indicators are computed from. They come either from
// an organisation's own counts file (eqkit-wres-counts/1, eqkit-wdes-counts/1:
// docs/counts-format.md) or from row-level CSV files (workforce_import.hpp).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/workforce_definitions.hpp"

namespace eqkit::workforce {

// One count per group, in the order of Definitions::groups; nothing when not given.
using GroupCounts = std::vector<std::optional<std::int64_t>>;

// Indicator 1: staff in one row (pay band or medical subgroup) of one section.
struct BandCount {
    std::string section;  // "non_clinical", "clinical", "medical"
    std::string row;      // a RowDef key
    GroupCounts counts;
};

// A Staff Survey figure as published: a percentage (or score) per column.
struct SurveyFigure {
    std::map<std::string, double> values;  // column key ("white", "organisation") -> value
    std::string survey_year;
    std::string question_id;
};

struct Counts {
    std::string year;
    std::map<std::string, GroupCounts, std::less<>> measures;  // "headcount", "appointed", ...
    std::vector<BandCount> bands;
    std::map<std::string, SurveyFigure, std::less<>> survey;  // part code ("5", "4a (i)")

    [[nodiscard]] const GroupCounts* measure(std::string_view key) const;
};

// A counts file as read. problems are values that could not be used (a negative count, a
// band "8e", more appointed than shortlisted): each is left out, and --strict fails on them.
struct CountsLoad {
    Counts counts;
    ErrorList problems;
};

// Fails only when the document cannot be read at all (not JSON, another format).
[[nodiscard]] Result<CountsLoad> parse_counts(std::string_view json, std::string_view label,
                                              const Definitions& defs);
[[nodiscard]] Result<CountsLoad> load_counts(const std::filesystem::path& file,
                                             const Definitions& defs);

// Checks counts that did not come from a counts file (imported ones): the same cross-checks as
// parse_counts (appointed <= shortlisted, events <= headcount, bands add up to headcount).
[[nodiscard]] ErrorList check_counts(const Counts& counts, const Definitions& defs,
                                     std::string_view label);

// The counts as a counts file, to be given next year as --previous. These are unsuppressed
// counts for the organisation's own use, not for publication.
[[nodiscard]] std::string counts_json(const Counts& counts, const Definitions& defs);

// Sum of every group's count, or nothing when any group is not given.
[[nodiscard]] std::optional<std::int64_t> total_of(const GroupCounts& counts);

}  // namespace eqkit::workforce
