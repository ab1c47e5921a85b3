// The CQC KLOE frameworks, the local authority assessment and the Equally Outstanding factors.
#include <doctest/doctest.h>

#include "eqkit/rating.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {

const Framework& shipped(const std::string& id) {
    const Framework* fw = test::shipped_registry().find(id);
    REQUIRE(fw != nullptr);
    return *fw;
}

// The codes of a framework's items that have no parent (the KLOEs), in order.
std::string kloe_codes(const Framework& fw) {
    std::string codes;
    for (const Group& g : fw.groups) {
        for (const Item& i : g.items) {
            if (i.parent.empty()) codes += i.code + " ";
        }
    }
    return codes;
}

}  // namespace

TEST_CASE("cqc_kloe_health: five key questions and the healthcare KLOEs S1-S6 ... W1-W8") {
    const Framework& fw = shipped("cqc_kloe_health");
    REQUIRE(fw.groups.size() == 5);
    CHECK(fw.groups[4].title == "Well-led");
    CHECK(kloe_codes(fw) ==
          "S1 S2 S3 S4 S5 S6 E1 E2 E3 E4 E5 E6 C1 C2 C3 R1 R2 R3 R4 W1 W2 W3 W4 W5 W6 W7 W8 ");
    // Healthcare consent is E6 (adult social care has it as E7).
    CHECK(fw.find_item("E6")->title ==
          "Is consent to care and treatment always sought in line with legislation and guidance?");
    CHECK(fw.find_item("E6")->provenance.confirmed);
    // Wording recalled, not checked: marked.
    CHECK_FALSE(fw.find_item("S1")->provenance.confirmed);
    CHECK_FALSE(fw.find_item("S1")->provenance.note.empty());
}

TEST_CASE("cqc_kloe_asc: adult social care KLOEs S1-S6, E1-E7, C1-C3, R1-R3, W1-W5") {
    const Framework& fw = shipped("cqc_kloe_asc");
    CHECK(kloe_codes(fw) ==
          "S1 S2 S3 S4 S5 S6 E1 E2 E3 E4 E5 E6 E7 C1 C2 C3 R1 R2 R3 W1 W2 W3 W4 W5 ");
    CHECK(fw.find_item("E7")->provenance.confirmed);
    CHECK(fw.find_item("W3")->title ==
          "How are the people who use the service, the public and staff engaged and involved?");
    CHECK_FALSE(fw.find_item("R3")->provenance.confirmed);
}

TEST_CASE("cqc KLOEs: prompts are numbered KLOE.n under their KLOE, as the reference has them") {
    const Framework& asc = shipped("cqc_kloe_asc");
    const Item* w16 = asc.find_item("W1.6");
    REQUIRE(w16 != nullptr);
    CHECK(w16->parent == "W1");
    CHECK(asc.group_of("W1.6")->code == "W");
    // The reference gives this prompt's number, not its wording: the title says only that.
    CHECK(w16->title == "Prompt W1.6");
    const Framework& health = shipped("cqc_kloe_health");
    const Item* e12 = health.find_item("E1.2");
    REQUIRE(e12 != nullptr);
    CHECK(e12->parent == "E1");
    CHECK(e12->title.find("no discrimination") != std::string::npos);
    // Every prompt sits under an item of the same group.
    for (const Framework* fw : {&asc, &health}) {
        for (const Group& g : fw->groups) {
            for (const Item& i : g.items) {
                if (i.parent.empty()) continue;
                CAPTURE(i.code);
                CHECK(i.code.rfind(i.parent + ".", 0) == 0);
                CHECK(fw->group_of(i.parent) == &g);
            }
        }
    }
    CHECK(asc.aggregation.method == AggregationMethod::none);
}

TEST_CASE("cqc_la: four themes, nine quality statements, CQC's score wording") {
    const Framework& fw = shipped("cqc_la");
    REQUIRE(fw.groups.size() == 4);
    const char* themes[] = {"Working with people", "Providing support", "Ensuring safety",
                            "Leadership"};
    const std::size_t sizes[] = {3, 2, 2, 2};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(fw.groups[i].title == themes[i]);
        CHECK(fw.groups[i].items.size() == sizes[i]);
    }
    CHECK(fw.item_count() == 9);
    CHECK(fw.find_item("3")->title == "Equity in experience and outcomes");
    CHECK_FALSE(fw.find_item("6")->provenance.confirmed);
    CHECK(fw.scale.level(2)->label == "Evidence shows some shortfalls");
    CHECK(fw.evidence_categories.size() == 4);  // outcomes and observation are not applied
    REQUIRE(fw.aggregation.methods.size() == 2);
    // The reference gives no dates for the local authority methods: none are invented.
    CHECK(fw.aggregation.methods[0].applies_from.empty());
    CHECK(fw.aggregation.methods[1].applies_from.empty());
}

TEST_CASE("cqc_la: the overall rating from all nine statement scores, with equal weights") {
    const Framework& fw = shipped("cqc_la");
    RatingInput in;
    // 3 + 3 + 2 + 2 + 3 + 3 + 2 + 3 + 3 = 24 of 36 = 66.67% → 67% → Good.
    const int scores[] = {3, 3, 2, 2, 3, 3, 2, 3, 3};
    for (int i = 0; i < 9; ++i)
        in.item_scores[std::to_string(i + 1)] = scores[i];
    Result<Rating> r = rate(fw, in);
    REQUIRE(r.has_value());
    CHECK(r->overall.percent == 67);
    CHECK(r->overall.rating == "Good");
    CHECK(r->overall.working ==
          "3 + 3 + 2 + 2 + 3 + 3 + 2 + 3 + 3 = 24 of 36 = 66.67%, rounded to "
          "67% → Good");
    // 2 × 9 = 18 of 36 = 50% → Requires improvement; 1 × 9 = 25% → Inadequate.
    for (auto& [code, score] : in.item_scores)
        score = 2;
    CHECK(rate(fw, in)->overall.rating == "Requires improvement");
    for (auto& [code, score] : in.item_scores)
        score = 1;
    CHECK(rate(fw, in)->overall.percent == 25);
    CHECK(rate(fw, in)->overall.rating == "Inadequate");
}

TEST_CASE("cqc_equally_outstanding: nine success factors, the unsure rows marked") {
    const Framework& fw = shipped("cqc_equally_outstanding");
    REQUIRE(fw.item_count() == 9);
    CHECK(fw.find_item("1")->title == "Committed leadership");
    CHECK(fw.find_item("9")->title == "Continuous learning and curiosity");
    CHECK_FALSE(fw.scale.official);
    for (const char* code : {"8", "9"})
        CHECK_FALSE(fw.find_item(code)->provenance.confirmed);
    CHECK(fw.find_item("1")->provenance.confirmed);
}

TEST_CASE("cqc frameworks: listed after the frameworks already shipped, EDS 2022 first") {
    const std::vector<Framework>& all = test::shipped_registry().frameworks();
    REQUIRE_FALSE(all.empty());
    CHECK(all.front().id == "eds2022");
    CHECK(shipped("cqc_saf").list_order > shipped("eds2022").list_order);
}
