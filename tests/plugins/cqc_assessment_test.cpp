// CQC assessments as saved files: "needs review" marks, recorded judgements with their
// rationale, where accepted answers came from, evidence category scores, the items that apply;
// and the rating worked out from them.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/assessment.hpp"
#include "eqkit/form.hpp"
#include "eqkit/framework_diff.hpp"
#include "eqkit/json_api.hpp"
#include "eqkit/rating.hpp"
#include "eqkit/report.hpp"
#include "eqkit/scoring.hpp"
#include "eqkit/workspace.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {

const Framework& saf() {
    return *test::shipped_registry().find("cqc_saf");
}

Answer scored(int score) {
    Answer a;
    a.score = score;
    return a;
}

// Caring: CAR-1 4, CAR-2 1 = 5 of 8 = 62.5% → 63% (Good band), with a statement scored 1.
Assessment caring_with_a_one() {
    Assessment a = new_assessment(saf());
    a.answers["CAR-1"] = scored(4);
    a.answers["CAR-2"] = scored(1);
    return a;
}

const GroupRating& group(const Rating& r, const std::string& code) {
    for (const GroupRating& g : r.groups) {
        if (g.code == code) return g;
    }
    FAIL("no group " << code);
    return r.groups.front();
}

Rating rated(const Assessment& a) {
    Result<Rating> r = rate(saf(), rating_input(saf(), a));
    REQUIRE(r.has_value());
    return *r;
}

}  // namespace

TEST_CASE("cqc assessment: a file without the new keys still reads, and nothing is marked") {
    const std::string old_file = R"({"format":"eqkit-assessment/1",
        "framework":{"id":"cqc_saf","version":"1"},"answers":[{"item":"CAR-1","score":3}]})";
    Checked<Assessment> a = parse_assessment(old_file, "old.json", test::shipped_registry());
    REQUIRE(a.has_value());
    CHECK_FALSE(a->answer("CAR-1").needs_review);
    CHECK(a->answer("CAR-1").sources.empty());
    CHECK(a->judgements.empty());
    CHECK_FALSE(a->applicable.has_value());
    CHECK(a->applies("WL-8"));
}

TEST_CASE("cqc assessment: marks, judgements, sources and choices survive a save and a read") {
    Assessment a = caring_with_a_one();
    a.method = "statement_scores";
    a.applicable = std::vector<std::string>{"CAR-1", "CAR-2", "SAFE-1"};
    a.judgements["CARING"] = {"Requires improvement", "The one shortfall is about dignity"};
    a.flags["breach"] = false;
    Answer& carried = a.answers["CAR-1"];
    carried.needs_review = true;
    carried.sources.push_back(
        {"eds2022:2A", "EDS 2022 2A (assessment eds2022)", "Jo Bloggs", "2025-01-31"});
    carried.i_statement = "I am treated with dignity.";
    carried.we_statement = "We treat people with kindness.";
    carried.sections.push_back({"What we found", "Residents said staff were kind."});
    const std::string bytes = assessment_to_json(saf(), a);
    Checked<Assessment> back = parse_assessment(bytes, "a.json", test::shipped_registry());
    REQUIRE(back.has_value());
    CHECK(*back == a);
    CHECK(assessment_to_json(saf(), *back) == bytes);
}

TEST_CASE("cqc assessment: choices the framework cannot take are refused, each at its place") {
    const std::string file = R"({"format":"eqkit-assessment/1",
        "framework":{"id":"cqc_saf","version":"1"},"answers":[],
        "method":"by_magic","applicable":["CAR-1","CAR-1","NOPE"],
        "judgements":{"CARING":{"rating":"Great","rationale":" "},"XYZ":{"rating":"Good","rationale":"x"}},
        "flags":{"sunny":true}})";
    Checked<Assessment> a = parse_assessment(file, "a.json", test::shipped_registry());
    REQUIRE_FALSE(a.has_value());
    std::vector<std::string> messages;
    for (const Error& e : a.error())
        messages.push_back(e.message());
    const std::vector<std::string> expected = {
        "a.json: /method: no scoring method \"by_magic\" in cqc_saf",
        "a.json: /applicable/1: \"CAR-1\" is listed twice",
        "a.json: /applicable/2: \"NOPE\" is not an item of cqc_saf",
        "a.json: /judgements/CARING/rating: \"Great\" is not one of the ratings",
        "a.json: /judgements/CARING/rationale: a judgement needs a rationale saying why",
        "a.json: /judgements/XYZ: \"XYZ\" is neither \"overall\" nor a Key question",
        "a.json: /flags/sunny: no rule of cqc_saf asks about \"sunny\""};
    CHECK(messages == expected);
}

TEST_CASE("cqc rating: an unconfirmed limit leaves the key question to the user, consistently") {
    // The band says Good (63%), but a statement scored 1 may cap Caring at Requires improvement
    // (secondary sources only): the core neither states Good nor applies the cap.
    const Rating open = rated(caring_with_a_one());
    const GroupRating& caring = group(open, "CARING");
    CHECK(caring.percent == 63);
    CHECK(caring.band->label == "Good");
    CHECK(caring.rating.empty());
    CHECK(caring.needs_judgement);
    CHECK(caring.working.find("needs your judgement") != std::string::npos);
    REQUIRE(open.judgements.size() == 1);
    CHECK(open.judgements[0].about == "CARING");
    CHECK_FALSE(open.judgements[0].made.has_value());

    // Recorded in the assessment, the judgement gives the rating, with its rationale.
    Assessment judged = caring_with_a_one();
    judged.judgements["CARING"] = {"Requires improvement", "Dignity shortfall seen twice"};
    const Rating r = rated(judged);
    CHECK(group(r, "CARING").rating == "Requires improvement");
    CHECK_FALSE(group(r, "CARING").needs_judgement);
    REQUIRE(r.judgements.size() == 1);
    REQUIRE(r.judgements[0].made.has_value());
    CHECK(r.judgements[0].made->rationale == "Dignity shortfall seen twice");
    CHECK(
        r.rules_applied.back() ==
        "Key question CARING: your judgement, Requires improvement (Dignity shortfall seen twice)");
}

TEST_CASE("cqc rating: the overall rating waits for a key question left to judgement") {
    Assessment a = new_assessment(saf());
    for (const char* code : {"SAFE-1", "EFF-1", "RES-1", "WL-1"})
        a.answers[code] = scored(3);
    a.answers["CAR-1"] = scored(4);
    a.answers["CAR-2"] = scored(1);
    const Rating r = rated(a);
    CHECK(r.overall.rating.empty());
    CHECK(r.overall.working ==
          "not worked out: your judgement is needed first for Key question CARING");
    a.judgements["CARING"] = {"Good", "One resident's complaint, since resolved"};
    CHECK(rated(a).overall.rating == "Good");
}

TEST_CASE("cqc rating: working prints the percentage rounded half up, as the result is") {
    // 1 + 7 × 4 = 29 of 32 = 90.625%: shown as 90.63%, never 90.62%, then 91%.
    Assessment a = new_assessment(saf());
    a.answers["SAFE-1"] = scored(1);
    for (const char* code : {"SAFE-2", "SAFE-3", "SAFE-4", "SAFE-5", "SAFE-6", "SAFE-7", "SAFE-8"})
        a.answers[code] = scored(4);
    CHECK(group(rated(a), "SAFE").working.find("90.63%, rounded to 91%") != std::string::npos);
    CHECK(percent_decimals(29, 8, 4) == "90.63");
    CHECK(percent_decimals(5, 2, 4) == "62.50");
    CHECK(percent_decimals(24, 9, 4) == "66.67");
    CHECK(percent_decimals(13, 4, 4) == "81.25");
    CHECK(percent_decimals(3, 1, 4) == "");
}

TEST_CASE("cqc rating: statements that do not apply are not scored") {
    Assessment a = caring_with_a_one();
    a.applicable = std::vector<std::string>{"CAR-1"};
    const Rating r = rated(a);
    // Caring's 5 statements: CAR-1 applies and is scored (4 of 1 × 4 = 100%); the other four do
    // not apply, so CAR-2's score 1 is left out (counted, it would give 5 of 8 = 63%).
    CHECK(group(r, "CARING").item_count == 1);
    CHECK(group(r, "CARING").scored == 1);
    CHECK(group(r, "CARING").unscored == 0);
    CHECK(group(r, "CARING").not_applying == 4);
    CHECK(group(r, "CARING").percent == 100);
    CHECK(group(r, "CARING").rating == "Outstanding");
    CHECK(group(r, "SAFE").not_applying == 8);
    CHECK(r.judgements.empty());
    // The same through the faces' JSON input: a score for an item listed as not applying is
    // not counted, and an unknown code is refused at its place.
    Result<RatingInput> in = parse_rating_input(
        R"({"item_scores":{"CAR-1":4,"CAR-2":1},"not_applying":["CAR-2"]})", "input.json");
    REQUIRE(in.has_value());
    Result<Rating> from_json = rate(saf(), *in);
    REQUIRE(from_json.has_value());
    CHECK(group(*from_json, "CARING").percent == 100);
    CHECK(group(*from_json, "CARING").not_applying == 1);
    in->not_applying.push_back("NOPE");
    CHECK(rate(saf(), *in, "input.json").error().message() ==
          "input.json: /not_applying/1: no quality statement \"NOPE\" in cqc_saf");
    // The totals count only the statements that apply: CAR-2's answer is kept, not counted.
    const Scores scores = compute_scores(saf(), a);
    const GroupScore& caring = scores.groups.at(2);
    REQUIRE(caring.code == "CARING");
    CHECK(caring.item_count == 1);
    CHECK(caring.answered == 1);
    CHECK(caring.total == 4);
    CHECK(caring.percent == 100);
    CHECK(scores.item_count == 1);
    CHECK(a.answer("CAR-2").score == 1);
}

TEST_CASE("cqc rating: the pre-December-2024 method scores evidence categories saved per item") {
    Assessment a = new_assessment(saf());
    a.method = "evidence_categories";
    Answer answer;
    answer.category_scores = {{"people", 3}, {"staff", 2}, {"processes", 4}};  // 9 of 12 = 75%
    REQUIRE(set_answer(saf(), a, "SAFE-1", answer).has_value());
    const Rating r = rated(a);
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].score == 3);
    CHECK(r.items[0].working == "3 + 2 + 4 = 9 of 12 = 75% → score 3 (63–87%)");
    answer.category_scores["nonsense"] = 2;
    CHECK(set_answer(saf(), a, "SAFE-1", answer).error().reason ==
          "\"nonsense\" is not an evidence category of cqc_saf");
}

TEST_CASE("cqc assessment: the choices are one undo step each, through the JSON calls") {
    Workspace ws(test::shipped_registry());
    JsonApi api(ws, nullptr);
    REQUIRE(nlohmann::json::parse(api.start("cqc_saf")).at("ok") == true);
    const auto refused = nlohmann::json::parse(
        api.settings(R"({"judgements":{"CARING":{"rating":"Good","rationale":""}}})"));
    CHECK(refused.at("ok") == false);
    CHECK(refused.at("errors").at(0).at("field") == "judgement-CARING-rationale");
    CHECK(refused.at("errors").at(0).at("message") == "a judgement needs a rationale saying why");
    CHECK(nlohmann::json::parse(api.settings(R"({"applicable":["CAR-1","CAR-2"]})")).at("ok") ==
          true);
    CHECK(ws.undo_label() == "choose the items that apply");
    CHECK_FALSE(ws.assessment().applies("SAFE-1"));
    const auto results = nlohmann::json::parse(results_json(ws.framework(), ws.assessment()));
    CHECK(results.at("tasks").at(0).at("applies") == false);
    ws.undo();
    CHECK(ws.assessment().applies("SAFE-1"));
    ws.redo();
    CHECK_FALSE(ws.assessment().applies("SAFE-1"));
    CHECK(nlohmann::json::parse(api.settings(R"({"applicable":null})")).at("ok") == true);
    CHECK(ws.assessment().applies("SAFE-1"));
}

TEST_CASE("cqc assessment: a whole key question applies in one step, in every face alike") {
    // The one rule the CLI (assess choose --applies) and both faces use: a key question's code
    // stands for each of its statements, each once, in the order given; others are kept as given.
    CHECK(applying_items(saf(), {"CARING", "CAR-1", "WL-4", "NOPE"}) ==
          std::vector<std::string>{"CAR-1", "CAR-2", "CAR-3", "CAR-4", "CAR-5", "WL-4", "NOPE"});
    Workspace ws(test::shipped_registry());
    JsonApi api(ws, nullptr);
    REQUIRE(nlohmann::json::parse(api.start("cqc_saf")).at("ok") == true);
    CHECK(nlohmann::json::parse(api.settings(R"({"applicable":["SAFE","CARING"]})")).at("ok") ==
          true);
    REQUIRE(ws.assessment().applicable.has_value());
    CHECK(ws.assessment().applicable->size() == 8 + 5);
    CHECK(ws.assessment().applies("SAFE-8"));
    CHECK(ws.assessment().applies("CAR-5"));
    CHECK_FALSE(ws.assessment().applies("EFF-1"));
    CHECK(ws.undo_label() == "choose the items that apply");
    const auto unknown = nlohmann::json::parse(api.settings(R"({"applicable":["CARING","NOPE"]})"));
    CHECK(unknown.at("ok") == false);
    CHECK(unknown.at("errors").at(0).at("field") == "applicable");
    CHECK(unknown.at("errors").at(0).at("message") == "\"NOPE\" is not an item of cqc_saf");
    CHECK(ws.assessment().applicable->size() == 13);  // refused: unchanged
}

TEST_CASE("cqc assessment: confirming a carried answer clears its mark and keeps its source") {
    Workspace ws(test::shipped_registry());
    JsonApi api(ws, nullptr);
    REQUIRE(nlohmann::json::parse(api.start("cqc_saf")).at("ok") == true);
    Answer carried = scored(3);
    carried.needs_review = true;
    carried.sources.push_back(
        {"eds2022:2A", "EDS 2022 2A (assessment eds2022)", "Jo", "2025-01-31"});
    REQUIRE(ws.edit("CAR-1", carried).has_value());
    // Editing the page keeps the mark: only confirming clears it.
    CHECK(
        nlohmann::json::parse(api.submit_item("CAR-1", R"({"score":4,"narrative":"seen"})", false))
            .at("ok") == true);
    CHECK(ws.assessment().answer("CAR-1").needs_review);
    CHECK(nlohmann::json::parse(api.confirm_review("CAR-1")).at("ok") == true);
    CHECK_FALSE(ws.assessment().answer("CAR-1").needs_review);
    CHECK(ws.assessment().answer("CAR-1").sources.size() == 1);
    CHECK(ws.undo_label() == "confirm CAR-1 reviewed");
    const std::string report = render_report_html(ws.framework(), ws.assessment());
    CHECK(report.find("From EDS 2022 2A (assessment eds2022), accepted by Jo on 2025-01-31.") !=
          std::string::npos);
}

TEST_CASE("cqc migration: carried answers are marked, and choices go across or are listed") {
    Assessment a = caring_with_a_one();
    a.applicable = std::vector<std::string>{"CAR-1", "CAR-2"};
    a.judgements["CARING"] = {"Good", "checked"};
    Framework next = saf();
    next.version = "2";
    next.groups[2].items.erase(next.groups[2].items.begin() + 1);  // CAR-2 goes
    const Migration m = migrate_assessment(a, saf(), next);
    CHECK(m.assessment.answer("CAR-1").needs_review);
    CHECK(m.assessment.judgements.at("CARING").rationale == "checked");
    CHECK(*m.assessment.applicable == std::vector<std::string>{"CAR-1"});
    REQUIRE(m.not_carried.size() == 2);
    CHECK(m.not_carried[0].code == "CAR-2");
    CHECK(m.not_carried[0].reason == "marked as applying, but the new version 2 has no item CAR-2");
    CHECK(m.not_carried[1].code == "CAR-2");
    CHECK(m.not_carried[1].reason == "the new version 2 has no item CAR-2");
}

TEST_CASE("cqc_la: report pages show the score's wording and the user's own statements") {
    const Framework& la = *test::shipped_registry().find("cqc_la");
    Assessment a = new_assessment(la);
    Answer answer = scored(2);
    answer.i_statement = "I have care and support that is co-ordinated.";
    answer.sections.push_back({"Carers' assessments", "Waiting lists were long."});
    a.answers["1"] = answer;
    const std::string html = render_statement_pages_html(la, a);
    CHECK(html.find("Score: <strong>2 – Evidence shows some shortfalls</strong>") !=
          std::string::npos);
    CHECK(html.find("Your text (entered by you, not taken from CQC):</p>\n<p class=\"note\">I "
                    "have care and support that is co-ordinated.</p>") != std::string::npos);
    CHECK(html.find("EqualityKit's reference does not include CQC's We statement") !=
          std::string::npos);
    CHECK(html.find("<h4 id=\"statement-1-section-1\">Carers&#39; assessments</h4>") !=
          std::string::npos);
}

TEST_CASE("cqc assessment: an answer from a linked item is accepted with its source, once") {
    Workspace ws(test::shipped_registry());
    JsonApi api(ws, nullptr);
    REQUIRE(nlohmann::json::parse(api.start("cqc_saf")).at("ok") == true);
    // What the library lists for RES-5: the answer given for EDS 2022 1A, which the crosswalk
    // links to it. Nothing is copied by listing it.
    const std::string listed = R"({"item":"cqc_saf:RES-5","suggestions":[
        {"kind":"answer","item":"eds2022:1A","assessment_id":"eds2022","score":2,
         "narrative":"Interpreters booked for every appointment"},
        {"kind":"answer","item":"eds2022:3C","assessment_id":"eds2022","score":1}]})";
    const auto shown = nlohmann::json::parse(api.answer_suggestions("RES-5", listed));
    REQUIRE(shown.at("suggestions").size() == 1);  // 3C is not linked to RES-5: left out
    const auto suggestion = shown.at("suggestions").at(0);
    CHECK(suggestion.at("from") == "EDS 2022 1A (assessment eds2022)");
    CHECK(suggestion.at("carried") == false);
    CHECK(ws.assessment().answer("RES-5").empty());

    const auto nobody =
        nlohmann::json::parse(api.accept_answer("RES-5", suggestion.dump(), " ", ""));
    CHECK(nobody.at("ok") == false);
    const auto accepted = nlohmann::json::parse(
        api.accept_answer("RES-5", suggestion.dump(), "Jo Bloggs", "2025-01-31"));
    CHECK(accepted.at("ok") == true);
    const Answer& carried = ws.assessment().answer("RES-5");
    CHECK(carried.needs_review);
    REQUIRE(carried.sources.size() == 1);
    CHECK(source_text(carried.sources[0]) ==
          "From EDS 2022 1A (assessment eds2022), accepted by Jo Bloggs on 2025-01-31");
    CHECK(carried.narrative.find("Interpreters booked for every appointment") != std::string::npos);
    CHECK_FALSE(carried.score.has_value());  // "intersect" across different scales: not copied
    // Shown again, it is marked as carried, and a second accept is refused.
    const auto again = nlohmann::json::parse(api.answer_suggestions("RES-5", listed));
    CHECK(again.at("suggestions").at(0).at("carried") == true);
    CHECK(nlohmann::json::parse(api.accept_answer("RES-5", suggestion.dump(), "Jo", "2025-02-01"))
              .at("error") == "this answer was accepted already");
    ws.undo();  // one step takes it all back
    CHECK(ws.assessment().answer("RES-5").empty());
}
