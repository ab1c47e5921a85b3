// The shipped indicator definitions, and the strict loader's messages for broken ones.
#include <doctest/doctest.h>

#include "eqkit/workforce_definitions.hpp"
#include "wres_support.hpp"

using namespace eqkit;
using namespace eqkit::workforce;

TEST_CASE("definitions: WRES has nine indicators over White, BME and Unknown") {
    const Definitions& d = test::wres();
    REQUIRE(d.indicators.size() == 9);
    for (int n = 1; n <= 9; ++n)
        CHECK(d.indicator(n) != nullptr);
    CHECK(d.groups[d.focus_group].key == "bme");
    CHECK(d.groups[d.reference_group].key == "white");
    CHECK(d.groups[2].unknown);
    // Directions, as the reference gives them: 2 and 4 White ÷ BME, 3 BME ÷ White.
    CHECK(d.groups[d.indicator(2)->numerator_group].key == "white");
    CHECK(d.groups[d.indicator(3)->numerator_group].key == "bme");
    CHECK(d.groups[d.indicator(4)->numerator_group].key == "white");
}

TEST_CASE("definitions: WDES has ten metrics over non-disabled, Disabled and not declared") {
    const Definitions& d = test::wdes();
    REQUIRE(d.indicators.size() == 10);
    CHECK(d.groups[d.focus_group].key == "disabled");
    CHECK(d.groups[d.indicator(2)->numerator_group].key == "non_disabled");
    CHECK(d.groups[d.indicator(3)->numerator_group].key == "disabled");
    CHECK(d.indicator(3)->event == "capability");
}

TEST_CASE("definitions: every UNCONFIRMED point of the reference is marked in the data") {
    const Definitions& d = test::wres();
    CHECK_FALSE(d.guide.provenance.confirmed);          // four-fifths band
    CHECK_FALSE(d.small_numbers.provenance.confirmed);  // EqualityKit policy
    CHECK_FALSE(d.rows.provenance.confirmed);           // indicator 1 rows
    CHECK_FALSE(d.groups[2].provenance.confirmed);      // unknowns left out of 2 to 4
    CHECK_FALSE(d.reporting_period.provenance.confirmed);
    CHECK_FALSE(d.indicator(3)->pooled->provenance.confirmed);   // two-year rolling average
    CHECK_FALSE(d.indicator(9)->sign_provenance.confirmed);      // sign convention
    CHECK_FALSE(d.indicator(9)->parts[1].provenance.confirmed);  // executive split
    for (int n = 5; n <= 8; ++n)
        CHECK_FALSE(d.indicator(n)->parts[0].provenance.confirmed);  // survey question numbers
    CHECK_FALSE(d.input("staff")->bank_provenance.confirmed);
    bool gypsy = false;
    for (const ClassValue& v : d.classification.values)
        if (v.label.find("Gypsy") != std::string::npos) gypsy = !v.provenance.confirmed;
    CHECK(gypsy);  // census categories mapped by EqualityKit
    CHECK_FALSE(test::wdes().indicator(10)->parts[1].provenance.confirmed);  // voting/executive
    CHECK_FALSE(test::wdes().indicator(3)->pooled->provenance.confirmed);
}

TEST_CASE("definitions: a broken file reports every problem with its place") {
    const std::string json = R"({"format": "eqkit-indicators/1", "standard": "x", "framework": "x",
      "title": "X", "short_title": "X", "characteristic": "c", "counts_format": "x-counts/1",
      "source": {"title": "made up", "confirmed": false},
      "groups": [{"key": "a", "label": "A"}, {"key": "a", "label": "B", "unknown": true}],
      "focus_group": "a", "reference_group": "z",
      "classification": {"field": "f", "label": "F", "blank": "a", "values": [{"label": "v", "group": "q"}]},
      "rows": {"sections": [{"key": "clinical", "label": "C"}], "afc": [{"key": "1", "label": "1"}], "medical": [{"key": "m", "label": "M"}]},
      "inputs": [{"role": "staff", "kind": "staff", "title": "S"}],
      "measures": [{"key": "headcount", "label": "H"}],
      "reporting_period": {"text": "t"},
      "guide": {"label": "g", "lower": 1.5, "upper": 2},
      "small_numbers": {"below": 5},
      "indicators": [{"number": 1, "code": "1", "kind": "mystery", "title": "t", "short_title": "t",
        "data_source": "d", "calculation": "c", "value_meaning": "v", "interpretation": "i"}],
      "extra": 1})";
    const auto d = parse_definitions(json, "bad.json");
    REQUIRE_FALSE(d);
    std::vector<std::string> got;
    for (const Error& e : d.error())
        got.push_back(e.message());
    CHECK(got ==
          std::vector<std::string>{
              "bad.json: /source/note: an unconfirmed fact needs a note saying what is unconfirmed",
              "bad.json: /groups/1/key: group \"a\" is listed twice",
              "bad.json: /reference_group: \"z\" is not one of the groups",
              "bad.json: /classification/values/0/group: \"q\" is not one of the groups",
              "bad.json: /rows/sections: section \"non_clinical\" is missing",
              "bad.json: /rows/sections: section \"medical\" is missing",
              "bad.json: /rows/sections: the sections must be exactly non_clinical, clinical and "
              "medical",
              "bad.json: /guide: the guide must run from below 1 to above 1",
              "bad.json: /indicators/0/kind: \"mystery\" is not a kind of indicator "
              "(representation, relative_likelihood, survey, board_difference)",
              "bad.json: /extra: unknown key \"extra\""});
}

TEST_CASE("definitions: the indicators file is found beside the framework file") {
    const Framework* fw = test::shipped_registry().find("wres");
    REQUIRE(fw != nullptr);
    CHECK(definitions_beside(*fw).filename() == "indicators.json");
    CHECK(load_definitions(definitions_beside(*fw)).has_value());
    REQUIRE(fw->computed.size() == 1);
    CHECK(fw->computed[0].hook == "wres.indicators");
    CHECK(test::shipped_registry().find("wdes")->computed[0].hook == "wdes.metrics");
}
