// Counts files: the issue's shape reads as is; values that cannot be used are reported with
// their JSON Pointer and left out, never guessed; what is written reads back the same.
#include <doctest/doctest.h>

#include "eqkit/workforce_counts.hpp"
#include "wres_support.hpp"

using namespace eqkit;
using namespace eqkit::workforce;

namespace {

CountsLoad load(const std::string& json, const Definitions& defs = test::wres()) {
    Result<CountsLoad> l = parse_counts(json, "counts.json", defs);
    REQUIRE_MESSAGE(l.has_value(), (l ? std::string() : l.error().message()));
    return *l;
}

std::vector<std::string> messages(const ErrorList& errors) {
    std::vector<std::string> out;
    for (const Error& e : errors)
        out.push_back(e.message());
    return out;
}

}  // namespace

TEST_CASE("counts: the issue's example reads without a problem") {
    const Counts c = test::counts_file("issue_counts.json");
    CHECK(c.year == "2024-25");
    REQUIRE(c.measure("headcount"));
    CHECK((*c.measure("headcount"))[0] == 2505);
    CHECK((*c.measure("shortlisted"))[2] == std::nullopt);  // unknown not given
    CHECK((*c.measure("board_voting"))[2] == 0);
    REQUIRE(c.bands.size() == 1);
    CHECK(c.bands[0].section == "clinical");
    CHECK(c.bands[0].row == "5");
    CHECK(c.survey.at("8").values.at("bme") == doctest::Approx(14.1));
}

TEST_CASE("counts: values outside the expected sets are reported and left out") {
    const CountsLoad l = load(R"({"format": "eqkit-wres-counts/1",
        "headcount": {"white": "2505", "bme": -3, "unknown": 66.5},
        "training": {"white": 10, "bme": 5, "asian": 4},
        "bands": [{"band": "8e", "clinical": true, "white": 3},
                  {"band": "Band 8A", "clinical": false, "white": 1},
                  {"medical_subgroup": "Registrar", "white": 1}],
        "survey": {"5": {"white": 125}, "12": {"white": 1}},
        "headcont": {}})");
    CHECK(
        messages(l.problems) ==
        std::vector<std::string>{
            "counts.json: /headcount/white: expected a whole number of people, found text",
            "counts.json: /headcount/bme: a count of people cannot be negative",
            "counts.json: /headcount/unknown: expected a whole number of people, found a decimal "
            "number",
            "counts.json: /training/asian: unknown key \"asian\"",
            "counts.json: /survey/12: \"12\" is not a Staff Survey indicator here (use \"5\", "
            "\"6\", \"7\", \"8\")",
            "counts.json: /survey/5/white: a percentage must be from 0 to 100",
            "counts.json: /bands/0/band: \"8e\" is not a pay band here (use Under Band 1, Band 1, "
            "Band 2, Band 3, Band 4, Band 5, Band 6, Band 7, Band 8a, Band 8b, Band 8c, Band 8d, "
            "Band 9, Very senior managers (VSM) or Other, not on Agenda for Change)",
            "counts.json: /bands/2/medical_subgroup: \"Registrar\" is not a medical and dental "
            "subgroup (use Consultants, Non-consultant career grade, Trainee grades or Other "
            "medical and dental)",
            "counts.json: /headcont: unknown key \"headcont\""});
    // What could be used was: the "Band 8A" spelling is band 8a.
    REQUIRE(l.counts.bands.size() == 1);
    CHECK(l.counts.bands[0].row == "8a");
    CHECK((*l.counts.measure("headcount"))[0] == std::nullopt);
}

TEST_CASE("counts: more appointed than shortlisted is a problem naming both") {
    const CountsLoad l = load(R"({"format": "eqkit-wres-counts/1",
        "shortlisted": {"white": 10, "bme": 5}, "appointed": {"white": 11, "bme": 5}})");
    CHECK(messages(l.problems) ==
          std::vector<std::string>{"counts.json: /appointed/white: 11 (Applicants appointed from "
                                   "shortlisting) is more than the 10 Applicants shortlisted; "
                                   "indicator 2 cannot use them"});
}

TEST_CASE("counts: bands adding up to more than the headcount is a problem") {
    const CountsLoad l = load(R"({"format": "eqkit-wres-counts/1",
        "headcount": {"white": 10, "bme": 5, "unknown": 0},
        "bands": [{"band": "5", "clinical": true, "white": 8, "bme": 5, "unknown": 0},
                  {"band": "6", "clinical": true, "white": 8, "bme": 0, "unknown": 0}]})");
    CHECK(messages(l.problems) ==
          std::vector<std::string>{"counts.json: /headcount/white: the bands add up to 16 White "
                                   "staff, more than the headcount's 10"});
}

TEST_CASE("counts: the headcount is the bands' sum when only bands are given") {
    const Counts c = test::counts_from(R"({"format": "eqkit-wres-counts/1", "bands": [
        {"band": "5", "clinical": true, "white": 8, "bme": 5, "unknown": 1},
        {"medical_subgroup": "Consultant", "white": 2, "bme": 3, "unknown": 0}]})");
    CHECK(*c.measure("headcount") == GroupCounts{10, 8, 1});
}

TEST_CASE("counts: a document that is not a counts file fails as a whole") {
    const auto wrong = parse_counts(R"({"format": "eqkit-wdes-counts/1"})", "c.json", test::wres());
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().message() ==
          "c.json: /format: expected \"eqkit-wres-counts/1\", found \"eqkit-wdes-counts/1\"");
    const auto broken = parse_counts("{\"format\": ", "c.json", test::wres());
    REQUIRE_FALSE(broken);
    CHECK(broken.error().place == "line 1, column 12");
    CHECK_FALSE(parse_counts("[]", "c.json", test::wres()));
}

TEST_CASE("counts: what counts_json writes reads back the same") {
    const Counts before = test::counts_file("issue_counts.json");
    const Counts after = test::counts_from(counts_json(before, test::wres()));
    CHECK(after.year == before.year);
    CHECK(after.measures == before.measures);
    REQUIRE(after.bands.size() == before.bands.size());
    CHECK(after.bands[0].counts == before.bands[0].counts);
    CHECK(after.survey.at("5").values == before.survey.at("5").values);
    const Counts wdes = test::counts_file("wdes_counts.json", test::wdes());
    CHECK(test::counts_from(counts_json(wdes, test::wdes()), test::wdes()).measures ==
          wdes.measures);
}
