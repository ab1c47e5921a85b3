#include <doctest/doctest.h>

#include "eqkit/scoring.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {

const Framework& eds() {
    const Framework* fw = test::shipped_registry().find("eds2022");
    REQUIRE(fw != nullptr);
    return *fw;
}

// An assessment whose scores add up to total, spread over the outcomes in order.
Assessment with_total(const Framework& fw, int total) {
    Assessment a = new_assessment(fw);
    for (const Group& g : fw.groups) {
        for (const Item& item : g.items) {
            Answer answer;
            answer.score = std::min(total, 3);
            total -= *answer.score;
            REQUIRE(set_answer(fw, a, item.code, answer).has_value());
        }
    }
    return a;
}

}  // namespace

TEST_CASE("eds2022: three domains and eleven outcomes with their published codes") {
    const Framework& fw = eds();
    REQUIRE(fw.groups.size() == 3);
    CHECK(fw.groups[0].title == "Commissioned or provided services");
    CHECK(fw.groups[1].title == "Workforce health and well-being");
    CHECK(fw.groups[2].title == "Inclusive leadership");
    std::string codes;
    for (const Group& g : fw.groups) {
        for (const Item& i : g.items)
            codes += i.code + " ";
    }
    CHECK(codes == "1A 1B 1C 1D 2A 2B 2C 2D 3A 3B 3C ");
    CHECK(fw.find_item("2B")->title ==
          "When at work, staff are free from abuse, harassment, bullying and physical violence "
          "from any source");
    CHECK(fw.raters.has_value());
}

TEST_CASE("eds2022: the 0-3 scale with its level names, ends marked unconfirmed") {
    const Scale& scale = eds().scale;
    REQUIRE(scale.levels.size() == 4);
    CHECK(scale.levels[0].label == "Undeveloped activity");
    CHECK(scale.levels[1].label == "Developing activity");
    CHECK(scale.levels[2].label == "Achieving activity");
    CHECK(scale.levels[3].label == "Excelling activity");
    CHECK_FALSE(scale.levels[0].provenance.confirmed);
    CHECK(scale.levels[1].provenance.confirmed);
    CHECK(scale.levels[2].provenance.confirmed);
    CHECK_FALSE(scale.levels[3].provenance.confirmed);
}

TEST_CASE("eds2022: domain maxima and every overall band edge") {
    const Framework& fw = eds();
    const Scores empty = compute_scores(fw, new_assessment(fw));
    CHECK(empty.groups[0].range.max == 12);
    CHECK(empty.groups[1].range.max == 12);
    CHECK(empty.groups[2].range.max == 9);
    CHECK(empty.range.max == 33);
    struct Edge {
        int total;
        const char* band;
        bool confirmed;
    };
    const Edge edges[] = {{0, "Undeveloped", false}, {7, "Undeveloped", false},
                          {8, "Developing", true},   {21, "Developing", true},
                          {22, "Achieving", false},  {32, "Achieving", false},
                          {33, "Excelling", false}};
    for (const Edge& e : edges) {
        CAPTURE(e.total);
        const Scores s = compute_scores(fw, with_total(fw, e.total));
        CHECK(s.total == e.total);
        REQUIRE(s.band.has_value());
        CHECK(s.band->label == e.band);
        CHECK(s.band->provenance.confirmed == e.confirmed);
        CHECK(s.complete());
    }
}
