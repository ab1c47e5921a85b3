#include <doctest/doctest.h>

#include "eqkit/scoring.hpp"
#include "test_support.hpp"

using namespace eqkit;

TEST_CASE("freda: five principles in order, each linked to its Human Rights Act article") {
    const Framework* fw = test::shipped_registry().find("freda");
    REQUIRE(fw != nullptr);
    REQUIRE(fw->item_count() == 5);
    const char* expected[][2] = {{"F", "Fairness"},
                                 {"R", "Respect"},
                                 {"E", "Equality"},
                                 {"D", "Dignity"},
                                 {"A", "Autonomy"}};
    std::size_t i = 0;
    for (const Group& g : fw->groups) {
        for (const Item& item : g.items) {
            CHECK(item.code == expected[i][0]);
            CHECK(item.title == expected[i][1]);
            REQUIRE_FALSE(item.links.empty());
            CHECK(item.links.front().provenance.confirmed);
            CHECK(item.links.front().label.find("Article") != std::string::npos);
            CHECK_FALSE(item.evidence_prompts_official);
            ++i;
        }
    }
    CHECK(fw->find_item("F")->links.front().label.find("Article 6") != std::string::npos);
    CHECK(fw->find_item("D")->links.front().label.find("Article 3") != std::string::npos);
    CHECK(fw->find_item("E")->links.front().label.find("Article 14") != std::string::npos);
}

TEST_CASE("freda: the scale is ours, says so, and no bands are invented") {
    const Framework* fw = test::shipped_registry().find("freda");
    REQUIRE(fw != nullptr);
    CHECK_FALSE(fw->scale.official);
    CHECK_FALSE(fw->scale.rationale.empty());
    CHECK(fw->aggregation.overall_bands.empty());
    const Scores s = compute_scores(*fw, new_assessment(*fw));
    CHECK(s.range.max == 15);
    CHECK_FALSE(s.band.has_value());
    REQUIRE_FALSE(s.unconfirmed.empty());
    CHECK(s.unconfirmed.back().note.rfind("not an official scale", 0) == 0);
}
