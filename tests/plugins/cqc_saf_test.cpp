#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/rating.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {

const Framework& saf() {
    const Framework* fw = test::shipped_registry().find("cqc_saf");
    REQUIRE(fw != nullptr);
    return *fw;
}

Rating rated(const RatingInput& input) {
    Result<Rating> r = rate(saf(), input);
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().message()));
    return *r;
}

const GroupRating& group(const Rating& r, const std::string& code) {
    for (const GroupRating& g : r.groups) {
        if (g.code == code) return g;
    }
    FAIL("no group " << code);
    return r.groups.front();
}

// One quality statement per key question with a score that gives that key question's rating
// (4 → 100% Outstanding, 3 → 75% Good, 2 → 50% Requires improvement, 1 → 25% Inadequate).
RatingInput key_questions(int safe, int effective, int caring, int responsive, int well_led) {
    RatingInput in;
    in.item_scores = {{"SAFE-1", safe},
                      {"EFF-1", effective},
                      {"CAR-1", caring},
                      {"RES-1", responsive},
                      {"WL-1", well_led}};
    in.flags["breach"] = false;
    return in;
}

}  // namespace

TEST_CASE("cqc_saf: 34 quality statements, 8/6/5/7/8 under the five key questions") {
    const Framework& fw = saf();
    REQUIRE(fw.groups.size() == 5);
    const char* titles[] = {"Safe", "Effective", "Caring", "Responsive", "Well-led"};
    const std::size_t sizes[] = {8, 6, 5, 7, 8};
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(fw.groups[i].title == titles[i]);
        CHECK(fw.groups[i].items.size() == sizes[i]);
    }
    CHECK(fw.item_count() == 34);
    CHECK(fw.find_item("RES-6")->title == "Equity in experiences and outcomes");
    CHECK(fw.find_item("WL-4")->title == "Workforce equality, diversity and inclusion");
    CHECK(fw.find_item("SAFE-1")->title == "Learning culture");
    CHECK(fw.find_item("WL-8")->title == "Environmental sustainability – sustainable development");
}

TEST_CASE("cqc_saf: our codes are marked not official; We statements are gists, bar RES-6") {
    for (const Group& g : saf().groups) {
        for (const Item& item : g.items) {
            CAPTURE(item.code);
            CHECK_FALSE(item.code_official);
            REQUIRE(item.statements.size() == 1);
            const Statement& we = item.statements[0];
            CHECK(we.label == "We statement");
            CHECK(we.official == (item.code == "RES-6"));
            CHECK(we.provenance.confirmed == (item.code == "RES-6"));
            if (!we.provenance.confirmed) CHECK_FALSE(we.provenance.note.empty());
        }
    }
    CHECK(saf().find_item("RES-6")->statements[0].text.rfind("We actively seek out", 0) == 0);
}

TEST_CASE("cqc_saf: six evidence categories and the 1-4 scale with CQC's wording") {
    const Framework& fw = saf();
    REQUIRE(fw.evidence_categories.size() == 6);
    CHECK(fw.evidence_categories[0].title == "People's experience of health and care services");
    CHECK(fw.evidence_categories[5].title == "Outcomes");
    REQUIRE(fw.scale.levels.size() == 4);
    CHECK(fw.scale.levels[0].value == 1);
    CHECK(fw.scale.levels[0].label == "Evidence shows significant shortfalls");
    CHECK(fw.scale.levels[1].label == "Evidence shows some shortfalls");
    CHECK(fw.scale.levels[2].label == "Evidence shows a good standard");
    CHECK(fw.scale.levels[3].label == "Evidence shows an exceptional standard");
}

TEST_CASE("cqc_saf: both scoring methods with their dates; unconfirmed facts are marked") {
    const Aggregation& agg = saf().aggregation;
    CHECK(agg.method == AggregationMethod::percentage);
    REQUIRE(agg.methods.size() == 2);
    CHECK(agg.methods[0].item_scores == ItemScores::evidence_categories);
    CHECK(agg.methods[0].applies_from == "2023-11");
    CHECK(agg.methods[1].item_scores == ItemScores::direct);
    CHECK(agg.methods[1].applies_from == "2024-12");
    CHECK(method_on(saf(), "2024-11-30") == &agg.methods[0]);
    CHECK(method_on(saf(), "2024-12-01") == &agg.methods[1]);
    CHECK_FALSE(agg.rounding.provenance.confirmed);
    REQUIRE(agg.group_limits.size() == 2);
    for (const GroupLimit& limit : agg.group_limits)
        CHECK_FALSE(limit.provenance.confirmed);
    REQUIRE(agg.overall_rules.has_value());
    CHECK(agg.overall_rules->rules.size() == 4);
    CHECK(agg.overall_rules->caps.size() == 1);
    CHECK_FALSE(agg.overall_rules->otherwise.provenance.confirmed);
}

TEST_CASE("cqc_saf: every key question band edge, and the between-band values rounded half up") {
    // A key question's percentage = sum ÷ (statements scored × 4).
    struct Case {
        std::vector<int> scores;
        int percent;
        const char* rating;
    };
    const Case cases[] = {
        {{1}, 25, "Inadequate"},                                 // 1/4 = 25%
        {{1, 1, 1, 1, 1, 1, 1, 2}, 28, "Inadequate"},            // 9/32 = 28.125% → 28%
        {{1, 2}, 38, "Inadequate"},                              // 3/8 = 37.5% → 38%
        {{2, 2, 2, 2, 2, 1, 1, 1}, 41, "Requires improvement"},  // 13/32 = 40.625% → 41%
        {{2}, 50, "Requires improvement"},                       // 2/4 = 50%
        {{2, 3}, 63, "Good"},                     // 5/8 = 62.5% → 63% (between bands: up)
        {{2, 2, 3}, 58, "Requires improvement"},  // 7/12 = 58.33% → 58%
        {{3}, 75, "Good"},                        // 3/4 = 75%
        {{3, 4}, 88, "Outstanding"},              // 7/8 = 87.5% → 88% (between bands: up)
        {{4, 4, 4, 3, 3, 3}, 88, "Outstanding"},  // 21/24 = 87.5% → 88%
        {{4}, 100, "Outstanding"},                // 4/4 = 100%
    };
    for (const Case& c : cases) {
        RatingInput in;
        for (std::size_t i = 0; i < c.scores.size(); ++i)
            in.item_scores["SAFE-" + std::to_string(i + 1)] = c.scores[i];
        const Rating r = rated(in);
        const GroupRating& safe = group(r, "SAFE");
        CAPTURE(safe.working);
        CHECK(safe.percent == c.percent);
        CHECK(safe.rating == c.rating);
    }
    // The printed edges themselves: 38|39, 62|63 and 87|88 are whole percentages of 100 statements
    // only, so check them on the bands directly.
    const std::vector<Band>& bands = saf().aggregation.group_bands;
    CHECK(band_for(bands, 25)->label == "Inadequate");
    CHECK(band_for(bands, 38)->label == "Inadequate");
    CHECK(band_for(bands, 39)->label == "Requires improvement");
    CHECK(band_for(bands, 62)->label == "Requires improvement");
    CHECK(band_for(bands, 63)->label == "Good");
    CHECK(band_for(bands, 87)->label == "Good");
    CHECK(band_for(bands, 88)->label == "Outstanding");
    CHECK(band_for(bands, 100)->label == "Outstanding");
    CHECK(band_for(bands, 24) == nullptr);
}

TEST_CASE("cqc_saf: the working is shown, and the rounding note appears only when it was used") {
    RatingInput in;
    in.item_scores = {{"SAFE-1", 2}, {"SAFE-2", 3}};
    const Rating r = rated(in);
    CHECK(group(r, "SAFE").working == "2 + 3 = 5 of 8 = 62.50%, rounded to 63% → Good (63–87%)");
    CHECK(r.method_id == "statement_scores");
    bool rounding_noted = false;
    for (const UnconfirmedFact& f : r.unconfirmed)
        rounding_noted = rounding_noted || f.what.rfind("rounding", 0) == 0;
    CHECK(rounding_noted);

    RatingInput whole;
    whole.item_scores = {{"SAFE-1", 3}};
    for (const UnconfirmedFact& f : rated(whole).unconfirmed)
        CHECK(f.what.rfind("rounding", 0) != 0);
}

TEST_CASE("cqc_saf: the pre-December-2024 method scores evidence categories") {
    RatingInput in;
    in.method = "evidence_categories";
    // EFF-1: 3 + 3 + 2 + 4 + 3 + 3 = 18 of 24 = 75% → score 3.
    in.category_scores["EFF-1"] = {{"people", 3},      {"staff", 3},     {"partners", 2},
                                   {"observation", 4}, {"processes", 3}, {"outcomes", 3}};
    // EFF-2: 2 + 2 + 3 = 7 of 12 = 58.33% → 58% → score 2.
    in.category_scores["EFF-2"] = {{"people", 2}, {"processes", 2}, {"outcomes", 3}};
    const Rating r = rated(in);
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].percent == 75);
    CHECK(r.items[0].score == 3);
    CHECK(r.items[0].working == "3 + 3 + 2 + 4 + 3 + 3 = 18 of 24 = 75% → score 3 (63–87%)");
    CHECK(r.items[1].percent == 58);
    CHECK(r.items[1].score == 2);
    // Effective: 3 + 2 = 5 of 8 = 62.5% → 63% → Good.
    CHECK(group(r, "EFFECTIVE").percent == 63);
    CHECK(group(r, "EFFECTIVE").rating == "Good");
    CHECK(r.applies_from == "2023-11");

    RatingInput wrong = in;
    wrong.item_scores["EFF-3"] = 3;
    CHECK_FALSE(rate(saf(), wrong).has_value());
}

TEST_CASE("cqc_saf: the aggregation principles' clear cases") {
    struct Case {
        int kq[5];
        const char* overall;
        const char* principle;
    };
    const Case cases[] = {
        {{4, 4, 3, 3, 3}, "Outstanding", "3"},           // 2 Outstanding, 3 Good
        {{4, 4, 4, 4, 4}, "Outstanding", "3"},           // all Outstanding
        {{4, 3, 3, 3, 3}, "Good", "4"},                  // 1 Outstanding is not enough
        {{4, 4, 3, 3, 2}, "Good", "4"},                  // one Requires improvement
        {{3, 3, 3, 2, 2}, "Requires improvement", "5"},  // two Requires improvement
        {{1, 2, 2, 3, 3}, "Requires improvement", "5"},  // one Inadequate, two RI
        {{1, 1, 3, 3, 3}, "Inadequate", "6"},            // two Inadequate
        {{1, 1, 2, 3, 3}, "Inadequate", "6"},            // two Inadequate, one RI
    };
    for (const Case& c : cases) {
        const Rating r = rated(key_questions(c.kq[0], c.kq[1], c.kq[2], c.kq[3], c.kq[4]));
        CAPTURE(r.overall.working);
        CHECK(r.overall.rating == c.overall);
        CHECK(r.overall.rule.rfind(std::string("principle ") + c.principle + ":", 0) == 0);
        CHECK_FALSE(r.overall.needs_judgement);
        CHECK(r.overall.unanswered.empty());
    }
}

TEST_CASE("cqc_saf: cases the principles leave open are returned for the user's judgement") {
    // Exactly one Inadequate and no Requires improvement: no principle applies.
    Rating one_inadequate = rated(key_questions(1, 3, 3, 3, 3));
    CHECK(one_inadequate.overall.needs_judgement);
    CHECK(one_inadequate.overall.rating.empty());
    REQUIRE(one_inadequate.judgements.size() == 1);
    CHECK(one_inadequate.judgements[0].about == "overall");
    CHECK(one_inadequate.judgements[0].options ==
          std::vector<std::string>{"Inadequate", "Requires improvement", "Good", "Outstanding"});
    CHECK_FALSE(one_inadequate.judgements[0].note.empty());
    CHECK_FALSE(one_inadequate.judgements[0].made.has_value());

    // Two Inadequate and two Requires improvement: principles 5 and 6 both apply.
    const Rating both = rated(key_questions(1, 1, 2, 2, 3));
    CHECK(both.overall.needs_judgement);
    REQUIRE(both.judgements.size() == 1);
    CHECK(both.judgements[0].reason.find("principles 5 and 6") != std::string::npos);

    // The user's call, with its rationale, settles it and is recorded.
    RatingInput judged = key_questions(1, 3, 3, 3, 3);
    judged.judgements["overall"] = {"Requires improvement", "Safe is Inadequate"};
    const Rating r = rated(judged);
    CHECK(r.overall.rating == "Requires improvement");
    CHECK_FALSE(r.overall.needs_judgement);
    REQUIRE(r.judgements.size() == 1);
    REQUIRE(r.judgements[0].made.has_value());
    CHECK(r.judgements[0].made->rationale == "Safe is Inadequate");

    // A judgement without a rationale is refused, naming where.
    judged.judgements["overall"].rationale = " ";
    Result<Rating> refused = rate(saf(), judged, "input.json");
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message() ==
          "input.json: /judgements/overall/rationale: a judgement needs a rationale saying why");
}

TEST_CASE("cqc_saf: a breach of regulations caps the overall rating at Requires improvement") {
    RatingInput in = key_questions(4, 4, 4, 4, 4);
    in.flags["breach"] = true;
    const Rating r = rated(in);
    CHECK(r.overall.rating == "Requires improvement");
    CHECK(r.overall.rule.find("limited to Requires improvement by principle 1") !=
          std::string::npos);
    // Not answering the question is shown, never silently taken as "no breach".
    RatingInput unanswered = key_questions(4, 4, 4, 4, 4);
    unanswered.flags.clear();
    const Rating u = rated(unanswered);
    CHECK(u.overall.rating == "Outstanding");
    CHECK(u.overall.unanswered == std::vector<std::string>{"Is there a breach of regulations?"});
}

TEST_CASE("cqc_saf: the unconfirmed key question limiters ask for judgement, not apply") {
    // Safe: 4 + 4 + 4 + 1 = 13 of 16 = 81.25% → 81% → Good; a statement scored 1 may cap Safe
    // at Requires improvement (secondary sources only).
    RatingInput in;
    in.item_scores = {{"SAFE-1", 4}, {"SAFE-2", 4}, {"SAFE-3", 4}, {"SAFE-4", 1}};
    const Rating r = rated(in);
    CHECK(group(r, "SAFE").percent == 81);
    CHECK(group(r, "SAFE").band->label == "Good");
    CHECK(group(r, "SAFE").rating.empty());  // neither Good nor the cap: the user decides
    CHECK(group(r, "SAFE").needs_judgement);
    REQUIRE(r.judgements.size() == 1);
    CHECK(r.judgements[0].about == "SAFE");
    CHECK(r.judgements[0].options == std::vector<std::string>{"Requires improvement", "Good"});
    CHECK(r.overall.working.find("not worked out") == 0);
}

TEST_CASE("cqc_saf: the input and the results travel as JSON for the faces") {
    Result<RatingInput> in = parse_rating_input(
        R"({"item_scores":{"SAFE-1":2,"SAFE-2":3},"flags":{"breach":false},
            "judgements":{"SAFE":{"rating":"Good","rationale":"checked"}}})",
        "input.json");
    REQUIRE(in.has_value());
    const Rating r = rated(*in);
    const auto doc = nlohmann::json::parse(rating_json(r));
    CHECK(doc.at("method").at("id") == "statement_scores");
    CHECK(doc.at("groups").at(0).at("percent") == 63);
    CHECK(doc.at("groups").at(0).at("rating") == "Good");
    CHECK(doc.at("items").size() == 2);
    Result<RatingInput> bad = parse_rating_input(R"({"scores":{}})", "input.json");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message() == "input.json: /scores: unknown key \"scores\"");
}
