#pragma once
// A framework as loaded from plugins/<id>/framework.json (format: docs/framework-format.md).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/impact_spec.hpp"
#include "eqkit/provenance.hpp"

namespace eqkit {

inline constexpr std::string_view framework_format = "eqkit-framework/1";

struct Source {
    std::string title;
    std::string url;
    std::string reference;
    Provenance provenance;
};

struct ScaleLevel {
    int value = 0;
    std::string label;
    std::string description;
    std::string easy_read;
    Provenance provenance;
};

struct Scale {
    std::string title;
    bool official = true;
    std::string rationale;
    std::vector<ScaleLevel> levels;  // values strictly increasing
    Provenance provenance;

    [[nodiscard]] const ScaleLevel* level(int value) const;
    [[nodiscard]] int lowest() const { return levels.front().value; }
    [[nodiscard]] int highest() const { return levels.back().value; }
};

struct Link {
    std::string label;
    std::string url;
    Provenance provenance;
};

// A statement printed with an item, such as a CQC "We statement".
struct Statement {
    std::string label;  // "We statement"
    std::string text;
    bool official = true;  // false when EqualityKit wrote or paraphrased it
    Provenance provenance;
};

struct Item {
    std::string code;
    bool code_official = true;  // false when the publisher does not number its items
    std::string parent;         // "" or the code of the item this one is a prompt under
    std::string title;
    std::string guidance;
    std::string easy_read;
    std::vector<std::string> evidence_prompts;
    bool evidence_prompts_official = true;
    std::vector<Link> links;
    std::vector<Statement> statements;
    Provenance provenance;
};

struct Group {
    std::string code;
    std::string title;
    std::string description;
    std::string easy_read;
    std::vector<Item> items;
    Provenance provenance;
};

struct Band {
    std::string label;
    int min = 0;
    int max = 0;
    Provenance provenance;
};

// A likelihood × impact grid (an EIRA's risk rating): a risk's score is the product, and the
// bands cover every product the grid can give (products it cannot give, like 7 on 5 × 5, may
// fall between bands).
struct RiskMatrix {
    std::string title;
    RiskAxis likelihood;
    RiskAxis impact;
    std::vector<Band> bands;
    std::string note;
    Provenance provenance;
};

// "sum": totals of scores; "percentage": sum of the scores given ÷ (number given × the scale's
// highest value), as a whole percent after rounding; "none": scores are not combined.
enum class AggregationMethod { sum, none, percentage };

[[nodiscard]] std::string_view method_name(AggregationMethod method);

// How a percentage between two whole numbers is rounded before bands apply.
struct Rounding {
    std::string method = "half_up";  // the only one so far: 38.5 -> 39
    Provenance provenance;
};

// Converts an item's percentage (from its evidence category scores) into an item score.
struct ItemBand {
    int value = 0;
    int min = 0;
    int max = 0;
    Provenance provenance;
};

enum class ItemScores { direct, evidence_categories };

// One way of scoring, valid from a date: a framework may keep old methods so that an older
// assessment is scored the way it was made.
struct ScoringMethod {
    std::string id;
    std::string title;
    std::string applies_from;  // "" (not known), "YYYY-MM" or "YYYY-MM-DD"
    std::string url;
    ItemScores item_scores = ItemScores::direct;
    std::vector<std::string> steps;  // the rules, in words, as shown to the user
    std::vector<ItemBand> item_bands;
    Provenance provenance;
};

// A limit on a group's band when any item in it scores at most a value. An unconfirmed limit is
// not applied: the user is asked to judge.
struct GroupLimit {
    std::string text;
    int item_score_at_most = 0;
    std::string best;  // the best group band label allowed
    Provenance provenance;
};

// Counts of group band labels: at_least {"Outstanding": 2}, at_most {"Inadequate": 0}.
struct BandCounts {
    std::map<std::string, int> at_least;
    std::map<std::string, int> at_most;

    [[nodiscard]] bool matches(const std::map<std::string, int>& counts) const;
};

struct RatingRule {
    std::string id;  // as the publisher numbers it: "3"
    std::string text;
    std::string result;  // a group band label; "" for a principle that is only stated
    BandCounts when;
    Provenance provenance;
};

// The overall rating cannot be better than `best` when the user answers yes to `question`.
struct RatingCap {
    std::string id;
    std::string text;
    std::string flag;  // the answer's key: "breach"
    std::string question;
    std::string best;
    Provenance provenance;
};

// The overall rating from the groups' band labels: judgement cases first (left to the user),
// then rules in order (the first that applies gives the rating), then caps.
struct OverallRules {
    std::string title;
    std::string url;
    std::string note;
    std::vector<RatingRule> principles;  // stated, not computed (e.g. "equally weighted")
    std::vector<RatingCap> caps;
    std::vector<RatingRule> judgement;
    std::vector<RatingRule> rules;
    RatingRule otherwise;  // when no rule applies: always the user's judgement
};

struct Aggregation {
    AggregationMethod method = AggregationMethod::sum;
    std::vector<Band> overall_bands;
    std::vector<Band> group_bands;
    std::string note;
    // method "percentage" only:
    Rounding rounding;
    std::vector<ScoringMethod> methods;  // oldest first
    std::vector<GroupLimit> group_limits;
    std::optional<OverallRules> overall_rules;
};

// A category of evidence an item can be scored on (CQC: "Observation", "Processes").
struct EvidenceCategory {
    std::string code;
    std::string title;
    std::string description;
    Provenance provenance;
};

struct NarrativeSpec {
    std::string label = "Narrative";
    std::string hint;
    std::size_t max_length = 5000;  // UTF-16 code units, as the NHS.UK character count counts
};

struct RatersSpec {
    std::string label;
    std::string hint;
    std::vector<std::string> suggestions;
    Provenance provenance;
};

struct ComputedHook {
    std::string hook;
};

struct Framework {
    std::string id;
    std::string version;
    std::string title;
    std::string short_title;
    std::string description;
    int list_order = 100;  // where lists show it: lower first, then by id
    Source source;
    std::string group_label = "Group";
    std::string item_label = "Item";
    Scale scale;
    NarrativeSpec narrative;
    std::optional<RatersSpec> raters;
    std::vector<EvidenceCategory> evidence_categories;
    std::vector<Group> groups;
    Aggregation aggregation;
    std::vector<ComputedHook> computed;
    // Impact assessment parts (all optional):
    std::vector<FormField> fields;
    std::optional<RowsSpec> rows;
    std::optional<RiskMatrix> risk_matrix;
    std::optional<SignoffSpec> signoff;
    std::optional<ReviewSpec> review;
    std::string file;  // where it was loaded from, for messages

    [[nodiscard]] const Item* find_item(std::string_view code) const;
    [[nodiscard]] const Group* group_of(std::string_view item_code) const;
    [[nodiscard]] std::size_t item_count() const;
    [[nodiscard]] std::string_view display_title() const;
    [[nodiscard]] const FormField* find_field(std::string_view id) const;
};

// Parses framework JSON; label names the source in messages. Reports every problem found.
[[nodiscard]] Checked<Framework> parse_framework(std::string_view json, std::string_view label);
[[nodiscard]] Checked<Framework> load_framework(const std::filesystem::path& file);

// Range of the band-bearing total for a number of items on this scale.
struct TotalRange {
    int min = 0;
    int max = 0;
};
[[nodiscard]] TotalRange total_range(const Scale& scale, std::size_t item_count);

// The band a total falls in, if any.
[[nodiscard]] const Band* band_for(const std::vector<Band>& bands, int total);

// The whole percent of sum ÷ (count × highest), rounded half up; the lowest possible one is
// percent_of(lowest, 1, highest). count and highest must be positive.
[[nodiscard]] int percent_of(long long sum, long long count, int highest);
// The same percentage before rounding, for showing the working.
[[nodiscard]] double exact_percent(long long sum, long long count, int highest);
// That percentage as text with two decimals, rounded half up like percent_of ("90.63" for
// 29 of 32, never the "90.62" of binary rounding); "" when it is a whole percent.
[[nodiscard]] std::string percent_decimals(long long sum, long long count, int highest);

}  // namespace eqkit
