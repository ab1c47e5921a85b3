#include <doctest/doctest.h>

#include "eqkit/scoring.hpp"
#include "sample_framework.hpp"

using namespace eqkit;

namespace {

// Scores the items in order with the given values, leaving the rest unscored.
Assessment scored(const Framework& fw, std::initializer_list<int> values) {
    Assessment a = new_assessment(fw);
    const char* codes[] = {"1A", "1B", "2A", "2B"};
    std::size_t i = 0;
    for (int v : values) {
        Answer answer;
        answer.score = v;
        REQUIRE(set_answer(fw, a, codes[i++], answer).has_value());
    }
    return a;
}

}  // namespace

TEST_CASE("scoring: group and overall totals are sums of item scores") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    const Scores s = compute_scores(fw, scored(fw, {3, 1, 2}));
    REQUIRE(s.groups.size() == 2);
    CHECK(s.groups[0].total == 4);
    CHECK(s.groups[0].answered == 2);
    CHECK(s.groups[0].complete());
    CHECK(s.groups[1].total == 2);
    CHECK(s.groups[1].answered == 1);
    CHECK_FALSE(s.groups[1].complete());
    CHECK(s.groups[1].range.max == 6);
    CHECK(s.total == 6);
    CHECK(s.range.min == 0);
    CHECK(s.range.max == 12);
    CHECK(s.answered == 3);
    CHECK_FALSE(s.complete());
}

TEST_CASE("scoring: every band edge falls in the right band") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    struct Case {
        std::initializer_list<int> values;
        int total;
        const char* band;
    };
    const Case cases[] = {{{0, 0, 0, 0}, 0, "Low"},    {{3, 0, 0, 0}, 3, "Low"},
                          {{3, 1, 0, 0}, 4, "Middle"}, {{3, 3, 3, 0}, 9, "Middle"},
                          {{3, 3, 3, 1}, 10, "High"},  {{3, 3, 3, 3}, 12, "High"}};
    for (const Case& c : cases) {
        const Scores s = compute_scores(fw, scored(fw, c.values));
        CAPTURE(c.total);
        CHECK(s.total == c.total);
        REQUIRE(s.band.has_value());
        CHECK(s.band->label == c.band);
        CHECK(s.complete());
    }
}

TEST_CASE("scoring: results name the unconfirmed facts they rest on") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    const Scores high = compute_scores(fw, scored(fw, {3, 3, 3, 3}));
    REQUIRE(high.unconfirmed.size() == 2);
    CHECK(high.unconfirmed[0].what == "overall band \"High\" (10–12)");
    CHECK(high.unconfirmed[0].note == "upper band unverified");
    CHECK(high.unconfirmed[1].what == "scale level 3 \"All\"");
    const Scores low = compute_scores(fw, scored(fw, {1, 1}));
    CHECK(low.unconfirmed.empty());
}

TEST_CASE("scoring: an empty assessment totals zero with nothing answered") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    const Scores s = compute_scores(fw, new_assessment(fw));
    CHECK(s.total == 0);
    CHECK(s.answered == 0);
    CHECK(s.item_count == 4);
    CHECK(score_label(fw, std::nullopt) == "not scored");
    CHECK(score_label(fw, 2) == "Most");
}
