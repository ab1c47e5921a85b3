// eqkit::JsonApi for impact assessments: what both faces call to show and edit an EIRA.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/json_api.hpp"
#include "test_support.hpp"

using namespace eqkit;
using nlohmann::json;

namespace {

struct Eira {
    Workspace ws{test::shipped_registry()};
    JsonApi api{ws, nullptr};
    Eira() { REQUIRE(json::parse(api.start("eira_nhs"))["ok"] == true); }

    json state(const char* today = "2026-06-01") const { return json::parse(api.state_on(today)); }

    // Every required field, every row neutral and every item answered: ready to sign.
    void complete() {
        const json model = json::parse(api.form_model("eira_nhs"));
        for (const json& f : model["impact"]["fields"]) {
            if (!f["required"].get<bool>()) continue;
            const std::string value = f["type"] == "date"     ? "2026-06-30"
                                      : f["type"] == "choice" ? f["choices"][0].get<std::string>()
                                                              : "Written down";
            REQUIRE(json::parse(api.set_field(f["id"].get<std::string>(), value))["ok"] == true);
        }
        for (const json& s : model["impact"]["rows"]["subjects"]) {
            REQUIRE(json::parse(api.set_row(s["id"].get<std::string>(),
                                            R"({"relevance":"no","impact":"neutral"})"))["ok"] ==
                    true);
        }
        for (const json& page : model["pages"]) {
            REQUIRE(json::parse(api.submit_item(page["item"].get<std::string>(), R"({"score":2})",
                                                false))["ok"] == true);
        }
    }
};

}  // namespace

TEST_CASE("json api impact: the form model carries the template's parts and their marks") {
    Eira e;
    const json impact = json::parse(e.api.form_model("eira_nhs"))["impact"];
    CHECK(impact["fields"][0]["id"] == "reference");
    CHECK(impact["rows"]["subjects"].size() > 9);
    CHECK(impact["rows"]["impact"]["levels"][2]["scores_risk"] == true);
    const json& m = impact["risk_matrix"];
    REQUIRE(m["grid"].size() == 5);
    // Highest likelihood first; every cell has its score and band in words.
    CHECK(m["grid"][0]["likelihood"] == 5);
    CHECK(m["grid"][0]["cells"][4]["score"] == 25);
    CHECK(m["grid"][0]["cells"][4]["band"]["label"] == "Extreme");
    CHECK(m["grid"][0]["cells"][4]["band"]["confirmed"] == false);
    CHECK(m["grid"][4]["cells"][2]["band"]["label"] == "Low");
    CHECK(m["grid"][4]["cells"][2]["band"]["confirmed"] == true);
    CHECK(impact["review"]["confirmed"] == false);
    CHECK(json::parse(e.api.form_model("eds2022"))["impact"].is_null());
}

TEST_CASE("json api impact: a row is rated, its risk put in words, and bad rows refused") {
    Eira e;
    const json no_reason = json::parse(e.api.set_row("race", R"({"impact":"negative"})"));
    CHECK(no_reason["ok"] == false);
    CHECK(no_reason["errors"][0]["field"] == "reason");
    CHECK(no_reason["errors"][0]["message"] ==
          "the impact is rated \"Negative (adverse)\" but no reason is given");
    const json off_matrix = json::parse(e.api.set_row(
        "race", R"({"impact":"negative","reason":"r","risk_before":{"likelihood":6,"impact":1}})"));
    CHECK(off_matrix["errors"][0]["field"] == "risk-before");
    const json after_only = json::parse(e.api.set_row(
        "race", R"({"impact":"negative","reason":"r","risk_after":{"likelihood":1,"impact":1}})"));
    CHECK(after_only["errors"][0]["field"] == "risk-before");

    CHECK(json::parse(e.api.set_row("race", R"({"relevance":"yes","impact":"negative",
        "reason":"Fewer evening slots","texts":{"evidence":"Clinic data","engagement":""},
        "risk_before":{"likelihood":4,"impact":3},"risk_after":null})"))["ok"] == true);
    const json state = e.state();
    json row;
    for (const json& r : state["impact"]["rows"]) {
        if (r["subject"] == "race") row = r;
    }
    REQUIRE(row.is_object());
    CHECK(row["impact_label"] == "Negative (adverse)");
    CHECK(row["texts"].size() == 1);
    CHECK(row["risk_before"]["words"] == "Likelihood 4 × impact 3 = 12: High");
    CHECK(row["risk_before"]["band"]["confirmed"] == false);
    CHECK(row["risk_after"].is_null());
    CHECK(row["status"] == "completed");
    CHECK(e.ws.undo_label() == "rate race");
}

TEST_CASE("json api impact: fields are checked, and sign-off is refused with each gap named") {
    Eira e;
    const json bad_date = json::parse(e.api.set_field("review_date", "31/03/2026"));
    CHECK(bad_date["errors"][0]["field"] == "field-review_date");
    const json refused =
        json::parse(e.api.sign_off(R"({"name":"","role":"Lead","date":"2026-01-15"})"));
    CHECK(refused["ok"] == false);
    const auto has = [&](const std::string& field) {
        for (const json& err : refused["errors"]) {
            if (err["field"] == field) return true;
        }
        return false;
    };
    CHECK(has("signoff-name"));
    CHECK(has("field-lead"));
    CHECK(has("row-race"));
    CHECK(has("item-AIM1"));
    CHECK(e.state()["impact"]["signoff_gaps"].size() > 10);
}

TEST_CASE("json api impact: sign-off locks, an edit starts version 2, version 1 stays readable") {
    Eira e;
    e.complete();
    CHECK(e.state()["impact"]["signoff_gaps"].empty());
    REQUIRE(json::parse(e.api.sign_off(
                R"({"name":"Jo Bloggs","role":"Equality lead","date":"2026-01-15"})"))["ok"] ==
            true);
    const std::string v1 = e.api.version_json(1);
    CHECK(e.state()["impact"]["signoff"]["name"] == "Jo Bloggs");
    REQUIRE(json::parse(e.api.set_field("decision", "Keep the clinic open"))["ok"] == true);
    const json after = e.state()["impact"];
    CHECK(after["version"] == 2);
    CHECK(after["signoff"].is_null());
    REQUIRE(after["versions"].size() == 2);
    CHECK(after["versions"][0]["signoff"]["date"] == "2026-01-15");
    CHECK(after["versions"][1]["changes"][0] == "field decision");
    CHECK(e.api.version_json(1) == v1);
    CHECK(e.api.version_report_html(1).find("version 1</strong>, signed off by Jo Bloggs") !=
          std::string::npos);
    CHECK(e.api.version_json(3).empty());
}

TEST_CASE("json api impact: the review shows as due, then overdue") {
    Eira e;
    CHECK(e.state()["impact"]["review"]["state"] == "no_date");
    REQUIRE(json::parse(e.api.set_field("review_date", "2026-06-30"))["ok"] == true);
    CHECK(e.state("2026-05-01")["impact"]["review"]["state"] == "not_due");
    CHECK(e.state("2026-06-01")["impact"]["review"]["state"] == "due");
    const json overdue = e.state("2026-07-02")["impact"]["review"];
    CHECK(overdue["state"] == "overdue");
    CHECK(overdue["words"] == "Overdue: the review was due on 2026-06-30, 2 day(s) ago");
}
