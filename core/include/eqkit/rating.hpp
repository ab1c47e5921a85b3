#pragma once
// Ratings from percentages (aggregation method "percentage", docs/framework-format.md): item
// scores, or evidence category scores turned into item scores; a percentage and band per group;
// the overall band or the overall rating from the framework's rules. Every rule is data in the
// framework file; this engine only evaluates it, shows its working, and returns the cases the
// rules leave open (or that rest on unconfirmed rules) as judgements for the user, each with a
// place for the rationale.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/assessment.hpp"
#include "eqkit/error.hpp"
#include "eqkit/framework.hpp"
#include "eqkit/scoring.hpp"

namespace eqkit {

struct RatingInput {
    std::string method;                      // a ScoringMethod id; "" means the framework's newest
    std::map<std::string, int> item_scores;  // item code -> score (direct methods)
    // item code -> evidence category code -> score (evidence category methods)
    std::map<std::string, std::map<std::string, int>> category_scores;
    std::map<std::string, bool> flags;            // a cap's flag -> the user's answer
    std::map<std::string, Judgement> judgements;  // "overall" or a group code -> the user's call
    // Items the user says do not apply to their service: neither scored nor counted.
    std::vector<std::string> not_applying;
};

// A decision the rules leave to the user (or that rests on an unconfirmed rule).
struct JudgementCall {
    std::string about;  // "overall" or a group code
    std::string reason;
    std::string note;                  // why it is not worked out automatically
    std::vector<std::string> options;  // ratings to choose from, worst first
    std::optional<Judgement> made;     // the user's call, when given
};

struct ItemRating {
    std::string code;
    std::string title;
    std::optional<int> score;
    std::optional<int> percent;  // from evidence categories only
    std::string working;         // "3 + 2 + 4 = 9 of 12 = 75% → score 3"
};

struct GroupRating {
    std::string code;
    std::string title;
    // The group's items that apply (scored + unscored), and those that do not: only scored
    // items count towards the percentage.
    std::size_t item_count = 0;
    std::size_t scored = 0;
    std::size_t unscored = 0;
    std::size_t not_applying = 0;
    int sum = 0;
    std::optional<int> percent;
    std::optional<Band> band;
    std::string rating;  // the band's label, or the user's judgement; "" when nothing is scored
                         // or while it waits for the user's judgement
    bool needs_judgement = false;  // an unconfirmed limit may apply: the user decides
    std::string working;
};

struct OverallRating {
    std::string rating;  // "" when not yet worked out or left to the user
    std::string working;
    std::optional<int> percent;  // from overall bands
    std::optional<Band> band;
    std::string rule;  // the rule or band that gave the rating, in words
    bool needs_judgement = false;
    std::vector<std::string> unanswered;  // cap questions not answered (taken as "no")
};

struct Rating {
    std::string method_id;
    std::string method_title;
    std::string applies_from;
    std::vector<std::string> steps;  // the method's rules in words
    std::string rounding;            // how percentages were rounded, in words
    std::vector<ItemRating> items;
    std::vector<GroupRating> groups;
    OverallRating overall;
    std::vector<std::string> rules_applied;  // in the order they were applied
    std::vector<JudgementCall> judgements;   // every decision left to the user
    std::vector<UnconfirmedFact> unconfirmed;
};

// The method in force on a date ("YYYY-MM-DD"): the newest whose applies_from is not after it.
[[nodiscard]] const ScoringMethod* method_on(const Framework& framework, std::string_view date);

// Works out the rating. Fails, naming the place in the input, when it names an unknown item,
// category, flag or rating, gives a score that is not on the scale, or a judgement without a
// rationale. label names the input in messages.
[[nodiscard]] Result<Rating> rate(const Framework& framework, const RatingInput& input,
                                  std::string_view label = "rating");

// The item scores of an assessment, under the framework's newest method that scores items
// directly.
[[nodiscard]] RatingInput rating_input(const Framework& framework, const Assessment& assessment);

// JSON for the faces and the CLI, and the input they send (the shape of RatingInput:
// {"method", "item_scores", "category_scores", "flags", "judgements": {key: {rating, rationale}},
//  "not_applying": [item codes]}).
[[nodiscard]] std::string rating_json(const Rating& rating);
[[nodiscard]] Result<RatingInput> parse_rating_input(std::string_view json, std::string_view label);

}  // namespace eqkit
