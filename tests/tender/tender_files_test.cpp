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

TEST_CASE("tender files: bad scoresheet files are refused with file, place and reason") {
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
