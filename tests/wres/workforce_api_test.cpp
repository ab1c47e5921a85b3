// The JSON API both faces use for WRES and WDES: standards, the mapping step, the incremental
// import and its report, survey figures typed by hand, compute and the exports.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "eqkit/workforce_api.hpp"
#include "workforce_samples.hpp"
#include "wres_support.hpp"

using eqkit::workforce::WorkforceApi;
using nlohmann::json;

namespace {

json call(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

// Feeds a file in slices of `chunk` bytes, as a face does a slice per frame.
void import_in_chunks(WorkforceApi& api, const std::string& role, const std::string& name,
                      const std::string& text, std::size_t chunk = 7) {
    REQUIRE(call(api.begin_json(role, name, text.size()))["ok"] == true);
    for (std::size_t at = 0; at < text.size(); at += chunk) {
        const json fed = call(api.feed_json(std::string_view(text).substr(at, chunk)));
        REQUIRE(fed["ok"] == true);
        CHECK(fed["done"] == std::min(at + chunk, text.size()));
    }
    REQUIRE(call(api.end_json())["ok"] == true);
}

const json& indicator(const json& results, int number) {
    for (const json& i : results["indicators"])
        if (i["number"] == number) return i;
    FAIL("no indicator " << number);
    return results;
}

// The hand-worked files mapped and imported: staff, recruitment, disciplinary.
void import_sample(WorkforceApi& api) {
    REQUIRE(call(api.choose_json("wres"))["ok"] == true);
    const std::string staff = eqkit::test::sample_staff_csv();
    REQUIRE(call(api.propose_json("staff", staff.substr(0, 60), "staff.csv"))["ok"] == true);
    REQUIRE(call(api.set_columns_json("staff", R"({"person_id":"Person ID",
        "ethnic_category":"Ethnic Category","afc_band":"AfC Band","clinical":"Clinical",
        "is_bank":"Bank Flag"})"))["ok"] == true);
    import_in_chunks(api, "staff", "staff.csv", staff);
    const std::string recruitment = eqkit::test::sample_recruitment_csv();
    REQUIRE(call(api.propose_json("recruitment", recruitment, "recruitment.csv"))["ok"] == true);
    REQUIRE(call(api.set_columns_json("recruitment", R"({"ethnic_category":"Ethnicity",
        "shortlisted":"Shortlisted","appointed":"Appointed"})"))["ok"] == true);
    import_in_chunks(api, "recruitment", "recruitment.csv", recruitment);
    import_in_chunks(api, "disciplinary", "disciplinary.csv",
                     eqkit::test::sample_disciplinary_csv(), 5);
}

}  // namespace

TEST_CASE("workforce api: offers WRES and WDES with their files and our field names") {
    WorkforceApi api(eqkit::test::shipped_registry());
    const json s = call(api.standards_json());
    CHECK(s["problems"].empty());
    std::vector<std::string> ids;
    for (const json& st : s["standards"])
        ids.push_back(st["id"]);
    CHECK(ids == std::vector<std::string>{"wdes", "wres"});
    const json& wres = s["standards"][1];
    CHECK(wres["inputs"][0]["role"] == "staff");
    const json& fields = wres["inputs"][0]["fields"];
    CHECK(fields[0]["field"] == "ethnic_category");
    CHECK(fields[0]["label"] == "Ethnic category");
    CHECK(fields[0]["required"] == true);
    CHECK(wres["survey"].size() == 4);
    CHECK(wres["survey"][0]["code"] == "5");
    CHECK(call(api.choose_json("cqc"))["ok"] == false);
}

TEST_CASE("workforce api: proposes a mapping from the header and lists unmatched headings") {
    WorkforceApi api(eqkit::test::shipped_registry());
    REQUIRE(call(api.choose_json("wres"))["ok"] == true);
    // Only the first line need be given, even cut off before its line break.
    const json p = call(api.propose_json("staff",
                                         "Person ID,Ethnic Category,AfC Band,Clinical,"
                                         "Bank Flag",
                                         "staff.csv"));
    REQUIRE(p["ok"] == true);
    std::map<std::string, json> by_field;
    for (const json& c : p["columns"])
        by_field[c["field"]] = c["heading"];
    CHECK(by_field["person_id"] == "Person ID");
    CHECK(by_field["ethnic_category"] == "Ethnic Category");
    CHECK(by_field["afc_band"] == "AfC Band");
    CHECK(by_field["is_bank"].is_null());
    CHECK(p["unmatched"] == json::array({"Bank Flag"}));
    CHECK(p["errors"].empty());  // every required field found a heading

    const json recruitment = call(
        api.propose_json("recruitment", "Ethnicity,Shortlisted,Appointed\n", "recruitment.csv"));
    REQUIRE(recruitment["errors"].size() == 1);
    CHECK(recruitment["errors"][0]["field"] == "ethnic_category");
    CHECK(recruitment["errors"][0]["message"] ==
          "Select the column that holds ethnic category (it is needed)");

    const json empty = call(api.propose_json("staff", "\n", "staff.csv"));
    CHECK(empty["ok"] == false);
    CHECK(empty["error"]["message"] ==
          "staff.csv: line 1: the first line is empty; it must hold the column headings");
}

TEST_CASE("workforce api: the mapping step rejects a missing required field and a column twice") {
    WorkforceApi api(eqkit::test::shipped_registry());
    REQUIRE(call(api.choose_json("wres"))["ok"] == true);
    REQUIRE(call(api.propose_json("board", "Ethnicity,Voting,Exec\n", "board.csv"))["ok"] == true);
    json r = call(api.set_columns_json("board", R"({"ethnic_category":"","voting":"Voting"})"));
    CHECK(r["ok"] == false);
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["field"] == "ethnic_category");
    r = call(api.set_columns_json("board", R"({"ethnic_category":"Voting","voting":"Voting"})"));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["field"] == "voting");
    CHECK(r["errors"][0]["message"] ==
          "The column \"Voting\" is already chosen for Ethnic "
          "category; choose each column once");
    r = call(api.set_columns_json("board", R"({"ethnic_category":"Colour","voting":"Voting"})"));
    CHECK(r["errors"][0]["message"] == "The file has no column \"Colour\"");
    // An events file is counted by person_id or by the group column: one of them is needed.
    REQUIRE(call(api.propose_json("training", "Who,Course\n", "training.csv"))["ok"] == true);
    r = call(api.set_columns_json("training", "{}"));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["field"] == "person_id");

    r = call(api.set_columns_json("board",
                                  R"({"ethnic_category":"Ethnicity","voting":"Voting",
                                      "executive":"Exec"})"));
    CHECK(r["ok"] == true);
    CHECK(api.mapping().heading("board", "executive") != nullptr);
}

TEST_CASE("workforce api: a mapping is saved and reused next year") {
    eqkit::test::TempDir dir;
    const auto file = dir.path() / "mapping.json";
    {
        WorkforceApi api(eqkit::test::shipped_registry());
        REQUIRE(call(api.choose_json("wres"))["ok"] == true);
        REQUIRE(call(api.propose_json("recruitment", "Ethnicity,Shortlisted,Appointed\n",
                                      "r.csv"))["ok"] == true);
        REQUIRE(call(api.set_columns_json("recruitment", R"({"ethnic_category":"Ethnicity",
            "shortlisted":"Shortlisted","appointed":"Appointed"})"))["ok"] == true);
        REQUIRE(call(api.save_mapping_json(file))["ok"] == true);
    }
    WorkforceApi next_year(eqkit::test::shipped_registry());
    REQUIRE(call(next_year.choose_json("wres"))["ok"] == true);
    REQUIRE(call(next_year.open_mapping_file_json(file))["ok"] == true);
    const json p =
        call(next_year.propose_json("recruitment", "Appointed,Ethnicity,Shortlisted\n", "r.csv"));
    CHECK(p["errors"].empty());
    CHECK(p["columns"][0]["heading"] == "Ethnicity");
    CHECK(call(next_year.open_mapping_json("{\"format\":\"x\"}", "bad.json"))["ok"] == false);
}

TEST_CASE("workforce api: hand-worked counts give indicators 2 and 3 with the 95% interval") {
    WorkforceApi api(eqkit::test::shipped_registry());
    import_sample(api);
    const json report = call(api.report_json());
    REQUIRE(report["files"].size() == 3);
    CHECK(report["files"][0]["rows"] == 60);
    CHECK(report["files"][0]["used"] == 60);
    CHECK(report["files"][2]["used"] == 20);
    CHECK(call(api.results_json())["computed"] == false);

    REQUIRE(call(api.compute_json(R"({"year":"2024-25"})"))["ok"] == true);
    const json results = call(api.results_json());
    CHECK(results["year"] == "2024-25");
    // Indicator 2: White (60 / 200 = 0.30) over BME (20 / 100 = 0.20) = 1.50.
    const json& i2 = indicator(results, 2);
    CHECK(i2["value"].get<double>() == doctest::Approx(1.5));
    CHECK(i2["numerators"]["white"]["count"] == 60);
    CHECK(i2["denominators"]["bme"]["count"] == 100);
    // SE = sqrt(1/60 - 1/200 + 1/20 - 1/100) = sqrt(0.0516667) = 0.227303;
    // exp(ln 1.5 -+ 1.959964 x 0.227303) = 0.9609 to 2.3416.
    CHECK(i2["interval"]["lower"].get<double>() == doctest::Approx(0.9609).epsilon(0.0005));
    CHECK(i2["interval"]["upper"].get<double>() == doctest::Approx(2.3416).epsilon(0.0005));
    CHECK(i2["display"]["value"] == "1.50");
    CHECK(i2["display"]["interval"] == "0.96 to 2.34");
    // 0.96 to 2.34 is not within 0.80 to 1.25 as a whole; the ratio 1.50 is outside the guide.
    CHECK(i2["flags"][0] == "outside_four_fifths_guide");
    CHECK(i2["display"]["flags"][0] ==
          "outside the four-fifths guide (a guide, not an official threshold; UNCONFIRMED)");
    // Indicator 3: BME (10 / 20 = 0.50) over White (10 / 40 = 0.25) = 2.00.
    CHECK(indicator(results, 3)["value"].get<double>() == doctest::Approx(2.0));
    // Indicator 4: no training file given.
    CHECK(indicator(results, 4)["value"].is_null());
    CHECK(indicator(results, 4)["state"] == "not given");
    // Indicator 1, overall: 20 BME of 60 staff = 33.3%; the focus group is BME.
    CHECK(results["focus_group"] == "bme");
    const json& rows = indicator(results, 1)["rows"];
    CHECK(rows.back()["row"] == "overall");
    CHECK(rows.back()["display"]["bme"] == "33.3%");
    CHECK(rows.front()["section_label"] == "Non-clinical staff");
}

TEST_CASE("workforce api: the exports are the CLI's, for the same results") {
    WorkforceApi api(eqkit::test::shipped_registry());
    import_sample(api);
    CHECK(call(api.export_json("csv"))["ok"] == false);  // nothing computed yet
    REQUIRE(api.compute().has_value());
    const json csv = call(api.export_json("csv"));
    REQUIRE(csv["ok"] == true);
    CHECK(csv["name"] == "wres-results.csv");
    CHECK(csv["mime"] == "text/csv");
    CHECK(csv["text"] == eqkit::workforce::results_csv(*api.results()));
    const json html = call(api.export_json("html"));
    CHECK(html["text"].get<std::string>().find("<!DOCTYPE html>") == 0);
    const json doc = call(call(api.export_json("json"))["text"]);
    CHECK(doc["format"] == "eqkit-workforce-results/1");
    CHECK(doc["inputs"]["files"].size() == 3);
    CHECK(call(api.export_json("pdf"))["ok"] == false);
}

TEST_CASE("workforce api: a broken quote stops the file with its line and column") {
    WorkforceApi api(eqkit::test::shipped_registry());
    REQUIRE(call(api.choose_json("wres"))["ok"] == true);
    REQUIRE(call(api.begin_json("recruitment", "r.csv", 0))["ok"] == true);
    REQUIRE(call(api.feed_json("ethnic_category,shortlisted,appointed\nA,2\"0,1\n"))["ok"] ==
            false);
    const json state = call(api.state_json());
    CHECK(state["import"]["role"] == "");  // the import starts again
    CHECK(state["counts"] == false);
    CHECK(call(api.feed_json("more"))["ok"] == false);
}

TEST_CASE("workforce api: rejected rows are reported with file, line and column") {
    WorkforceApi api(eqkit::test::shipped_registry());
    REQUIRE(call(api.choose_json("wres"))["ok"] == true);
    import_in_chunks(api, "recruitment", "r.csv",
                     "ethnic_category,shortlisted,appointed\nA,20,2\nQQ,5,1\n");
    const json report = call(api.report_json());
    CHECK(report["files"][0]["used"] == 1);
    CHECK(report["files"][0]["rejected"].size() == 1);
    REQUIRE(report["problems"].size() == 1);
    CHECK(report["problems"][0]["file"] == "r.csv");
    CHECK(report["problems"][0]["place"].get<std::string>().find("line 3, column 1") == 0);
    // The same role twice would count its rows twice.
    CHECK(call(api.begin_json("recruitment", "again.csv", 0))["ok"] == false);
}

TEST_CASE("workforce api: survey figures typed by hand are checked by the core's rules") {
    WorkforceApi api(eqkit::test::shipped_registry());
    REQUIRE(call(api.choose_json("wres"))["ok"] == true);
    json r = call(api.set_survey_json(R"({"5":{"white":"25.1","bme":"abc"},"6":{"white":"150"}})"));
    CHECK(r["ok"] == false);
    REQUIRE(r["errors"].size() == 2);
    CHECK(r["errors"][0]["field"] == "5/bme");
    CHECK(r["errors"][0]["message"] == "Enter BME for 5 as a number, like 25.1");
    CHECK(r["errors"][1]["field"] == "6/white");
    CHECK(r["errors"][1]["message"] == "A percentage must be from 0 to 100");
    r = call(api.set_survey_json(R"({"5":{"white":"25.1","bme":"28%"},"6":{"white":""}})"));
    REQUIRE(r["ok"] == true);
    REQUIRE(api.compute().has_value());
    const json results = call(api.results_json());
    const json& part = indicator(results, 5)["parts"][0];
    CHECK(part["values"]["white"]["value"].get<double>() == doctest::Approx(25.1));
    CHECK(part["values"]["bme"]["value"].get<double>() == doctest::Approx(28.0));
    CHECK(part["display"]["bme"] == "28.0%");
}

TEST_CASE("workforce api: a counts file replaces the CSV files; WDES goes the same way") {
    WorkforceApi api(eqkit::test::shipped_registry());
    REQUIRE(call(api.choose_json("wres"))["ok"] == true);
    const std::string counts = eqkit::test::slurp(EQKIT_TEST_DATA_DIR "/wres/issue_counts.json");
    REQUIRE(call(api.open_counts_json(counts, "issue_counts.json"))["ok"] == true);
    REQUIRE(call(api.compute_json(""))["ok"] == true);
    // Indicator 2 from the issue's counts: (120 / 900) / (31 / 410) = 0.13333 / 0.07561 = 1.76.
    CHECK(indicator(call(api.results_json()), 2)["display"]["value"] == "1.76");

    REQUIRE(call(api.choose_json("wdes"))["ok"] == true);
    CHECK(call(api.state_json())["counts"] == false);  // a new standard starts afresh
    const std::string wdes = eqkit::test::slurp(EQKIT_TEST_DATA_DIR "/wres/wdes_counts.json");
    REQUIRE(call(api.open_counts_json(wdes, "wdes_counts.json"))["ok"] == true);
    REQUIRE(call(api.compute_json(R"({"suppress_below":0})"))["ok"] == true);
    const json results = call(api.results_json());
    CHECK(results["standard"] == "wdes");
    CHECK(results["suppression"]["active"] == false);
}

TEST_CASE(
    "workforce api: survey figures from a CSV file fill the form, and the rows it cannot "
    "use are reported") {
    WorkforceApi api(eqkit::test::shipped_registry());
    REQUIRE(call(api.choose_json("wres"))["ok"] == true);
    const json read = call(api.open_survey_csv_json(
        "indicator,group,percentage,survey_year,question_id\r\n5,White,25.1,2024,Q14a\r\n"
        "5,BME,28.0%,2024,Q14a\r\n7,BME,44.9,2024,Q15\r\n9,White,3,2024,Q1\r\n",
        "survey.csv"));
    CHECK(read["ok"] == false);  // one row could not be used
    REQUIRE(read["errors"].size() == 1);
    CHECK(read["errors"][0]["message"].get<std::string>().find("survey.csv: line 5, column 1") ==
          0);
    // The figures it could use, as the form shows them.
    CHECK(read["survey"] == json::parse(R"({"5":{"white":"25.1","bme":"28"},"7":{"bme":"44.9"}})"));
    CHECK(call(api.state_json())["survey_text"] == read["survey"]);
    // Typed over (5 White corrected): the survey year and question the file gave stay.
    REQUIRE(call(api.set_survey_json(
                R"({"5":{"white":"26","bme":"28"},"7":{"bme":"44.9"}})"))["ok"] == true);
    REQUIRE(api.compute().has_value());
    const json results = call(api.results_json());
    const json& part = indicator(results, 5)["parts"][0];
    CHECK(part["values"]["white"]["value"].get<double>() == doctest::Approx(26.0));
    CHECK(part["survey_year"] == "2024");
    CHECK(part["question_id"] == "Q14a");
    // A file with no figures at all says so.
    const json empty = call(api.open_survey_csv_json("indicator,group,percentage\n", "none.csv"));
    CHECK(empty["errors"][0]["message"] == "none.csv: the file has no Staff Survey figures");
    CHECK(call(api.open_survey_csv_json("indicator,group\n5,White\n", "short.csv"))["ok"] ==
          false);  // no percentage column
}

TEST_CASE(
    "workforce api: last year's counts beside this year, indicator 3 pooled, the year label "
    "and this year's counts saved for next year") {
    WorkforceApi api(eqkit::test::shipped_registry());
    import_sample(api);
    const std::string last_year = R"({"format":"eqkit-wres-counts/1","year":"2023-24",
        "headcount":{"white":40,"bme":20,"unknown":0},"disciplinary":{"white":12,"bme":10}})";
    const json opened = call(api.open_previous_json(last_year, "wres-counts-2023-24.json"));
    REQUIRE(opened["ok"] == true);
    CHECK(opened["errors"].empty());
    json state = call(api.state_json());
    CHECK(state["previous"] == true);
    CHECK(state["previous_text"] == "the counts file wres-counts-2023-24.json (2023-24)");
    CHECK(state["year"] == "");  // CSV files carry no year until one is given
    REQUIRE(call(api.compute_json(R"({"year":"2024-25"})"))["ok"] == true);
    CHECK(call(api.state_json())["year"] == "2024-25");
    const json results = call(api.results_json());
    CHECK(results["year"] == "2024-25");
    CHECK(results["previous_year"] == "2023-24");
    const json& i3 = indicator(results, 3);
    // This year (10 / 20) / (10 / 40) = 2.00; last year (10 / 20) / (12 / 40) = 0.5 / 0.3 = 1.67.
    CHECK(i3["display"]["value"] == "2.00");
    CHECK(i3["display"]["previous"] == "1.67");
    // Pooled counts, not averaged ratios: (20 / 40) / (22 / 80) = 0.5 / 0.275 = 1.82.
    CHECK(i3["pooled_two_year"]["value"].get<double>() == doctest::Approx(0.5 / 0.275));
    CHECK(i3["display"]["pooled"] == "1.82");
    CHECK(i3["pooled_two_year"]["confirmed"] == false);
    // This year's counts, to be given as last year's next year.
    const json saved = call(api.export_json("counts"));
    REQUIRE(saved["ok"] == true);
    CHECK(saved["name"] == "wres-counts-2024-25.json");
    CHECK(saved["mime"] == "application/json");
    const json counts = call(saved["text"]);
    CHECK(counts["format"] == "eqkit-wres-counts/1");
    CHECK(counts["year"] == "2024-25");
    CHECK(counts["disciplinary"]["bme"] == 10);
    // ... which reads back as last year's counts.
    WorkforceApi next(eqkit::test::shipped_registry());
    REQUIRE(call(next.choose_json("wres"))["ok"] == true);
    CHECK(call(next.open_previous_json(saved["text"].get<std::string>(),
                                       saved["name"].get<std::string>()))["ok"] == true);
}
