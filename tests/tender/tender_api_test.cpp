// TenderApi: the faces' JSON session over a tender folder, from set-up to results.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/tender_api.hpp"
#include "test_support.hpp"

using namespace eqkit;
using namespace eqkit::test;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string t0 = "2026-03-01T09:00:00Z";
const std::vector<std::string> psr{"PSR4-ACCESS", "PSR4-INEQUALITIES", "PSR4-CHOICE"};

Json ok(const std::string& answer) {
    Json doc = Json::parse(answer);
    INFO(answer);
    REQUIRE(doc.at("ok") == true);
    return doc;
}

void responses(const fs::path& file, const std::string& bidder) {
    Json answers = Json::array();
    for (const std::string& q : psr)
        answers.push_back({{"question", q}, {"text", "one two three four"}});
    spit(file,
         Json{{"format", "eqkit-tender-responses/1"}, {"bidder", bidder}, {"answers", answers}}
             .dump());
}

// Scores every question for every bidder through the api, then signs the sheet.
fs::path scored(const TenderApi& api, const TempDir& tmp, const std::string& evaluator,
                const KeyPair& key, int score) {
    std::string sheet = ok(api.scoring_view(evaluator, "")).at("scoresheet");
    for (const char* bidder : {"Acme", "Beacon"}) {
        for (const std::string& q : psr) {
            const Json request = {{"bidder", bidder},
                                  {"question", q},
                                  {"score", score},
                                  {"rationale", evaluator + " read it"}};
            sheet = ok(api.score(sheet, request.dump())).at("scoresheet");
        }
    }
    Checked<Scoresheet> parsed = parse_scoresheet(sheet, "sheet");
    REQUIRE(parsed.has_value());
    REQUIRE(sign_scoresheet(*parsed, key, "sheet"));
    const fs::path file = tmp / (evaluator + ".json");
    spit(file, scoresheet_to_json(*parsed));
    return file;
}

}  // namespace

TEST_CASE("tender api: set-up, blind scoring, moderation with spread and distribution, results") {
    TempDir tmp;
    TenderApi api(shipped_registry(), EQKIT_PLUGINS_DIR);
    const Json sets = ok(api.question_sets());
    CHECK(sets.at("question_sets").size() == 3);

    const Json made = ok(api.create(
        tmp / "t", R"({"question_set": "tender_psr_access", "id": "ward_7", "who": "Lead"})", t0));
    CHECK(made.at("tender") == "ward_7");
    CHECK(made.at("questions").at(0).at("scale").at("max") == 4);
    CHECK(made.at("question_set").at("confirmed") == false);
    ok(api.add_evaluator("Ann", "Lead", t0));
    ok(api.add_evaluator("Bob", "Lead", t0));
    ok(api.publish("Lead", t0));
    for (const char* b : {"Acme", "Beacon"}) {
        responses(tmp / (std::string(b) + ".json"), b);
        const Json bid = ok(api.add_bid(
            Json{{"bidder", b}, {"responses", (tmp / (std::string(b) + ".json")).string()}}.dump(),
            t0));
        CHECK(bid.at("flagged") == false);
    }
    // A refusal is an error naming the place.
    const Json twice = Json::parse(api.publish("Lead", t0));
    CHECK(twice.at("ok") == false);
    CHECK(twice.at("errors").at(0).at("message") == "ward_7: the tender is already published");

    const Json view = ok(api.scoring_view("Ann", ""));
    const Json& answer = view.at("bidders").at(0).at("answers").at(0);
    CHECK(answer.at("words") == 4);
    CHECK(answer.at("over_limit") == false);
    CHECK(answer.at("score").is_null());
    const Json bad_score = Json::parse(api.score(
        view.at("scoresheet").get<std::string>(),
        R"({"bidder": "Acme", "question": "PSR4-ACCESS", "score": 7, "rationale": "x"})"));
    CHECK(bad_score.at("ok") == false);
    CHECK(bad_score.at("errors").at(0).at("place") == "score");

    const KeyPair ann = *generate_key_pair();
    const KeyPair bob = *generate_key_pair();
    const fs::path ann_sheet = scored(api, tmp, "Ann", ann, 3);
    // Blindness: Bob's page never shows Ann's scores, before or after she submits.
    ok(api.import_scoresheets({ann_sheet}, t0));
    const Json bob_view = ok(api.scoring_view("Bob", ""));
    CHECK(bob_view.at("bidders").at(0).at("answers").at(0).at("score").is_null());
    CHECK(bob_view.dump().find("Ann read it") == std::string::npos);
    const Json waiting = ok(api.moderation("Acme", "PSR4-ACCESS"));
    CHECK(waiting.at("ready") == false);
    CHECK(waiting.at("waiting_for") == Json::array({"Bob"}));
    ok(api.import_scoresheets({scored(api, tmp, "Bob", bob, 1)}, t0));

    const Json mod = ok(api.moderation("Acme", "PSR4-ACCESS"));
    CHECK(mod.at("spread") == 2);
    CHECK(mod.at("disagreement") == true);
    CHECK(mod.at("distribution").at(1) == Json({{"value", 1}, {"label", "Poor"}, {"count", 1}}));
    CHECK(mod.at("distribution").at(3).at("count") == 1);
    for (const char* b : {"Acme", "Beacon"}) {
        for (const std::string& q : psr) {
            ok(api.moderate(Json{{"bidder", b},
                                 {"question", q},
                                 {"score", 2},
                                 {"rationale", "agreed"},
                                 {"who", "Lead"}}
                                .dump(),
                            t0));
        }
    }
    // 2 ÷ 4 × 40 = 20, 2 ÷ 4 × 40 = 20, 2 ÷ 4 × 20 = 10: 50 each, sharing rank 1.
    const Json results = ok(api.results());
    CHECK(results.at("bidders").at(0).at("total") == 50.0);
    CHECK(results.at("bidders").at(1).at("rank") == 1);
    CHECK(api.report_html().find("20 + 20 + 10 = 50") != std::string::npos);

    // The session reopens the same folder with the same answers.
    TenderApi again(shipped_registry(), EQKIT_PLUGINS_DIR);
    const Json reopened = ok(again.open(tmp / "t"));
    CHECK(reopened.at("evaluators").at(0).at("submitted") == true);
    CHECK(reopened.at("audit").size() == ok(api.overview()).at("audit").size());
}

TEST_CASE(
    "tender api: criteria change until publication, and a sheet is signed only when complete") {
    TempDir tmp;
    TenderApi api(shipped_registry(), EQKIT_PLUGINS_DIR);
    ok(api.create(tmp / "t", R"({"question_set": "tender_psr_access", "id": "ward_7"})", t0));
    const Json changed = ok(api.set_criteria(
        R"({"weights": {"PSR4-ACCESS": 30, "PSR4-INEQUALITIES": 50}, "method": "mean",
            "disagreement_threshold": 2, "who": "Lead"})",
        t0));
    CHECK(changed.at("questions").at(0).at("weight") == 30.0);
    CHECK(changed.at("method") == "mean");
    CHECK(changed.at("disagreement_threshold") == 2);
    const Json bad = Json::parse(api.set_criteria(R"({"disagreement_threshold": -1})", t0));
    CHECK(bad.at("errors").at(0).at("place") == "disagreement_threshold");
    ok(api.add_evaluator("Ann", "Lead", t0));
    ok(api.publish("Lead", t0));
    const std::size_t logged = ok(api.overview()).at("audit").size();
    const Json locked = Json::parse(api.set_criteria(R"({"weights": {"PSR4-ACCESS": 40}})", t0));
    CHECK(locked.at("ok") == false);
    CHECK(locked.at("errors").at(0).at("reason").get<std::string>().find("locked") !=
          std::string::npos);
    CHECK(ok(api.overview()).at("questions").at(0).at("weight") == 30.0);
    CHECK(ok(api.set_criteria(R"({"weights": {"PSR4-ACCESS": 30}})", t0)).at("audit").size() ==
          logged);

    responses(tmp / "Acme.json", "Acme");
    const Json bid = ok(api.add_bid(
        Json{{"bidder", "Acme"}, {"responses", (tmp / "Acme.json").string()}}.dump(), t0));
    CHECK(bid.at("bid").at("verification") == "No evidence pack was sent with this bid.");
    const Json key = ok(TenderApi::new_key());
    std::string sheet = ok(api.scoring_view("Ann", "")).at("scoresheet");
    const Json early = Json::parse(api.submit(sheet, key.at("secret_key").get<std::string>()));
    CHECK(early.at("ok") == false);
    for (const std::string& q : psr) {
        const Json request = {
            {"bidder", "Acme"}, {"question", q}, {"score", 2}, {"rationale", "read it"}};
        sheet = ok(api.score(sheet, request.dump())).at("scoresheet");
    }
    const Json signed_sheet = ok(api.submit(sheet, key.at("secret_key").get<std::string>()));
    CHECK(signed_sheet.at("fingerprint") == key.at("fingerprint"));
    const fs::path file = tmp / "ann.json";
    spit(file, signed_sheet.at("scoresheet").get<std::string>());
    const Json imported = ok(api.import_scoresheets({file}, t0));
    CHECK(imported.at("evaluators").at(0).at("fingerprint") == key.at("fingerprint"));
    const Json again = Json::parse(api.score(
        signed_sheet.at("scoresheet").get<std::string>(),
        R"({"bidder": "Acme", "question": "PSR4-ACCESS", "score": 3, "rationale": "x"})"));
    CHECK(again.at("ok") == false);
}

TEST_CASE("tender api: an evaluator's copy opens for scoring only, and its signed sheet imports") {
    TempDir tmp;
    TenderApi lead(shipped_registry(), EQKIT_PLUGINS_DIR);
    ok(lead.create(tmp / "t", R"({"question_set": "tender_psr_access", "id": "ward_7"})", t0));
    ok(lead.add_evaluator("Ann", "Lead", t0));
    const Json early = Json::parse(lead.evaluator_copy("Ann", t0));
    CHECK(early.at("ok") == false);
    ok(lead.publish("Lead", t0));
    for (const char* b : {"Acme", "Beacon"}) {
        responses(tmp / (std::string(b) + ".json"), b);
        ok(lead.add_bid(
            Json{{"bidder", b}, {"responses", (tmp / (std::string(b) + ".json")).string()}}.dump(),
            t0));
    }
    const Json handed = ok(lead.evaluator_copy("Ann", t0));
    CHECK(handed.at("file_name") == "ward-7-ann-evaluator-copy.json");
    spit(tmp / "copy.json", handed.at("copy").get<std::string>());

    // The evaluator's own machine: a new session with nothing but the copy.
    TenderApi ann(shipped_registry(), EQKIT_PLUGINS_DIR);
    const Json opened = ok(ann.open_copy(tmp / "copy.json"));
    CHECK(opened.at("mode") == "evaluator_copy");
    CHECK(opened.at("evaluator") == "Ann");
    CHECK(opened.at("tender") == "ward_7");
    CHECK(opened.at("questions").at(0).at("scale").at("levels").size() == 5);
    CHECK(opened.at("bids").size() == 2);
    CHECK(opened.at("audit").empty());
    // Everything but scoring is the lead's, and says so.
    const Json refused = Json::parse(ann.publish("Ann", t0));
    CHECK(refused.at("errors").at(0).at("message") ==
          "copy.json: this is Ann's copy of tender ward_7, for scoring only; publishing the "
          "tender is done by the lead in the tender folder");
    CHECK(Json::parse(ann.moderation("Acme", "PSR4-ACCESS")).at("ok") == false);
    CHECK(Json::parse(ann.results()).at("ok") == false);
    CHECK(Json::parse(ann.scoring_view("Bob", "")).at("ok") == false);

    const KeyPair key = *generate_key_pair();
    const fs::path sheet = scored(ann, tmp, "Ann", key, 3);
    CHECK(ok(ann.scoring_view("Ann", slurp(sheet))).at("submitted") == true);
    ok(lead.import_scoresheets({sheet}, t0));
    CHECK(ok(lead.moderation("Acme", "PSR4-ACCESS")).at("scores").at(0).at("score") == 3);

    std::string altered = slurp(tmp / "copy.json");
    altered.replace(altered.find("one two three"), 13, "one two thre3");
    spit(tmp / "altered.json", altered);
    const Json bad = Json::parse(
        TenderApi(shipped_registry(), EQKIT_PLUGINS_DIR).open_copy(tmp / "altered.json"));
    CHECK(bad.at("errors").at(0).at("place") == "/sha256");
}

TEST_CASE("tender api: a sheet saved before a late bid goes on to score that bid") {
    TempDir tmp;
    TenderApi api(shipped_registry(), EQKIT_PLUGINS_DIR);
    ok(api.create(tmp / "t", R"({"question_set": "tender_psr_access", "who": "Lead"})", t0));
    ok(api.add_evaluator("Ann", "Lead", t0));
    ok(api.publish("Lead", t0));
    responses(tmp / "Acme.json", "Acme");
    ok(api.add_bid(Json{{"bidder", "Acme"}, {"responses", (tmp / "Acme.json").string()}}.dump(),
                   t0));
    const Json first = {{"bidder", "Acme"}, {"question", psr[0]}, {"score", 2}, {"rationale", "a"}};
    const std::string saved =
        ok(api.score(ok(api.scoring_view("Ann", "")).at("scoresheet").get<std::string>(),
                     first.dump()))
            .at("scoresheet")
            .get<std::string>();
    CHECK(Json::parse(saved).at("scope").at("bidders") == Json::array({"Acme"}));

    responses(tmp / "Beacon.json", "Beacon");
    ok(api.add_bid(Json{{"bidder", "Beacon"}, {"responses", (tmp / "Beacon.json").string()}}.dump(),
                   t0));
    const Json view = ok(api.scoring_view("Ann", saved));
    const Json late = {
        {"bidder", "Beacon"}, {"question", psr[0]}, {"score", 3}, {"rationale", "b"}};
    const Json after = ok(api.score(view.at("scoresheet").get<std::string>(), late.dump()));
    const Json sheet = Json::parse(after.at("scoresheet").get<std::string>());
    CHECK(sheet.at("scope").at("bidders") == Json::array({"Acme", "Beacon"}));
    CHECK(sheet.at("scores").size() == 2);
}
