#include <doctest/doctest.h>

#include <string>

#include "eqkit/tender.hpp"
#include "tender_fixture.hpp"

using namespace eqkit;

namespace {

QuestionSet small_set() {
    auto set = parse_question_set(test::small_question_set(), "small.json");
    REQUIRE(set);
    return *set;
}

std::string messages_of(const ErrorList& errors) {
    std::string text = join_messages(errors);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

}  // namespace

TEST_CASE("tender files: a scoresheet survives a round trip through its file") {
    Scoresheet sheet("t1", "Ann");
    REQUIRE(sheet.set({"Acme", "Q1", 3, "clear plan, \"measurable\""}));
    REQUIRE(sheet.set({"Acme", "Q2", 75, "good"}));
    sheet.mark_submitted();
    auto back = parse_scoresheet(scoresheet_to_json(sheet), "ann.json");
    REQUIRE(back);
    CHECK(back->tender_id() == "t1");
    CHECK(back->evaluator() == "Ann");
    CHECK(back->submitted());
    REQUIRE(back->entries().size() == 2);
    CHECK(back->find("Acme", "Q1")->rationale == "clear plan, \"measurable\"");
    CHECK(back->find("Acme", "Q2")->score == 75);
}

TEST_CASE("tender files: a scoresheet's scope survives its file and still binds the scores") {
    Scoresheet sheet("t1", "Cy");
    sheet.set_scope({{"Acme"}, {{"Q1", {0, 1, 2, 3, 4}}}});
    REQUIRE(sheet.set({"Acme", "Q1", 3, "clear plan"}));
    auto back = parse_scoresheet(scoresheet_to_json(sheet), "cy.json");
    REQUIRE(back);
    REQUIRE(back->scope());
    CHECK(back->scope()->bidders == std::vector<std::string>{"Acme"});
    CHECK(back->scope()->questions.at(0).values == std::vector<int>{0, 1, 2, 3, 4});
    CHECK_FALSE(back->set({"Cedar", "Q1", 3, "not in scope"}));
    CHECK_FALSE(back->set({"Acme", "Q1", 5, "off the scale"}));
    CHECK(back->check_finished("cy.json"));
}

TEST_CASE("tender files: bad scoresheet files are refused with file, place and reason") {
    SUBCASE("a scope whose values are not whole numbers") {
        auto r = parse_scoresheet(R"({"format": "eqkit-tender-scoresheet/1", "tender": "t1",
          "evaluator": "Ann", "submitted": false, "scores": [],
          "scope": {"bidders": ["Acme"], "questions": [{"code": "Q1", "values": [0, "x"]}]}})",
                                  "ann.json");
        REQUIRE_FALSE(r);
        CHECK(messages_of(r.error()) ==
              "ann.json: /scope/questions/0/values: a scale's values are whole numbers from 0 "
              "to 1000");
    }
    SUBCASE("the same answer scored twice") {
        auto r = parse_scoresheet(R"({"format": "eqkit-tender-scoresheet/1", "tender": "t1",
          "evaluator": "Ann", "submitted": false, "scores": [
          {"bidder": "Acme", "question": "Q1", "score": 3, "rationale": "a"},
          {"bidder": "Acme", "question": "Q1", "score": 4, "rationale": "b"}]})",
                                  "ann.json");
        REQUIRE_FALSE(r);
        CHECK(messages_of(r.error()) ==
              "ann.json: /scores/1: bidder \"Acme\", question \"Q1\" is scored twice");
    }
    SUBCASE("a missing rationale and a negative score") {
        auto r = parse_scoresheet(R"({"format": "eqkit-tender-scoresheet/1", "tender": "t1",
          "evaluator": "Ann", "submitted": false, "scores": [
          {"bidder": "Acme", "question": "Q1", "score": -1, "rationale": ""}]})",
                                  "ann.json");
        REQUIRE_FALSE(r);
        CHECK(messages_of(r.error()) ==
              "ann.json: /scores/0/score: a score must be a whole number from 0 to 1000\n"
              "ann.json: /scores/0/rationale: \"rationale\" must not be empty");
    }
    SUBCASE("not a scoresheet") {
        auto r = parse_scoresheet("[1]", "ann.json");
        REQUIRE_FALSE(r);
        CHECK(messages_of(r.error()) == "ann.json: /: expected an object, found a list");
    }
}

TEST_CASE("tender files: a responses file is checked against the question set") {
    const QuestionSet set = small_set();
    auto ok = parse_tender_responses(R"({"format": "eqkit-tender-responses/1", "bidder": "Acme",
      "answers": [{"question": "Q1", "text": "We  will\nmeet needs.", "cites": ["eds2022:1A"]}]})",
                                     "acme.json", set);
    REQUIRE(ok);
    CHECK(ok->bidder == "Acme");
    CHECK(ok->answers[0].words == 4);
    CHECK(ok->answers[0].cites == std::vector<std::string>{"eds2022:1A"});

    auto bad = parse_tender_responses(R"({"format": "eqkit-tender-responses/1", "bidder": "Acme",
      "answers": [{"question": "Q9", "text": "x"}, {"question": "Q1", "text": "x"},
                  {"question": "Q1", "text": "y"}]})",
                                      "acme.json", set);
    REQUIRE_FALSE(bad);
    CHECK(messages_of(bad.error()) ==
          "acme.json: /answers/0/question: question set \"tender_small\" has no question \"Q9\"\n"
          "acme.json: /answers/2/question: question \"Q1\" is answered twice");
}

TEST_CASE("tender files: a whole tender survives a round trip, results included") {
    Tender t("t1", small_set(), TenderSettings{ModerationMethod::mean, 1});
    REQUIRE(t.add_bidder("Acme", "Lead", "2026-03-01"));
    REQUIRE(t.add_evaluator("Ann", "Lead", "2026-03-01"));
    REQUIRE(t.add_evaluator("Bob", "Lead", "2026-03-01"));
    REQUIRE(t.publish("Lead", "2026-03-02"));
    for (const auto& [evaluator, q1] : {std::pair{"Ann", 2}, std::pair{"Bob", 4}}) {
        auto sheet = t.new_scoresheet(evaluator);
        REQUIRE(sheet->set({"Acme", "PF1", 1, "policy seen"}));
        REQUIRE(sheet->set({"Acme", "Q1", q1, "plan"}));
        REQUIRE(sheet->set({"Acme", "Q2", 50, "some"}));
        REQUIRE(t.submit(*sheet, std::string(evaluator) + ".json", "2026-03-05"));
    }
    REQUIRE(t.moderate({"Acme", "Q2", 75, "agreed after discussion"}, "Lead", "2026-03-09"));

    const std::string file = tender_to_json(t);
    auto back = parse_tender(file, "t1.json");
    REQUIRE(back);
    CHECK(back->published());
    CHECK(back->audit().size() == t.audit().size());
    CHECK(back->audit().back().at == "2026-03-09");
    CHECK(tender_to_json(*back) == file);
    // Q1: (2 + 4) ÷ 2 = 3; 3 ÷ 4 × 60 = 45.  Q2 moderated 75: 75 ÷ 100 × 40 = 30.  45 + 30 = 75
    const TenderResults r = back->results();
    CHECK(r.bidders[0].arithmetic == "45 + 30 = 75");
    CHECK(r.bidders[0].rank == 1);

    // Still locked after reading it back.
    CHECK_FALSE(back->set_weight("Q1", 10, "Lead", "2026-03-10"));
}

TEST_CASE("tender files: a tender file edited into an impossible state is refused") {
    Tender t("t1", small_set(), {});
    REQUIRE(t.add_bidder("Acme", "Lead", "d"));
    REQUIRE(t.add_evaluator("Ann", "Lead", "d"));
    REQUIRE(t.declare_conflict({"Ann", "Acme", "shareholder"}, "Lead", "d"));
    REQUIRE(t.publish("Lead", "d"));
    std::string file = tender_to_json(t);
    SUBCASE("a weight changed after publication") {
        const auto at = file.find("\"weight\": 60.0");
        REQUIRE(at != std::string::npos);
        file.replace(at, 14, "\"weight\": 50.0");
        auto r = parse_tender(file, "t1.json");
        REQUIRE_FALSE(r);
        CHECK(r.error()[0].message() ==
              "t1.json: /question_set/total_weight: the weights of the scored questions add up "
              "to 90, not 100");
    }
    SUBCASE("a score from a conflicted evaluator") {
        const auto at = file.find("\"scoresheets\": []");
        REQUIRE(at != std::string::npos);
        file.replace(at, 17,
                     R"("scoresheets":[{"format":"eqkit-tender-scoresheet/1","tender":"t1",)"
                     R"("evaluator":"Ann","submitted":true,"scores":[{"bidder":"Acme",)"
                     R"("question":"Q1","score":3,"rationale":"x"}]}])");
        auto r = parse_tender(file, "t1.json");
        REQUIRE_FALSE(r);
        CHECK(r.error()[0].message() ==
              "t1.json: /scoresheets/0/scores/0/bidder: Ann declared a conflict of interest with "
              "Acme and cannot score this bidder");
    }
}
