#include <doctest/doctest.h>

#include "eqkit/assessment.hpp"
#include "sample_framework.hpp"

using namespace eqkit;

using test::answer_with;

TEST_CASE("assessment: saves and loads back the same answers, in framework order") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    Assessment a = new_assessment(fw);
    a.title = "Riverside Care Home";
    REQUIRE(set_answer(fw, a, "2A", answer_with(1, "ok")).has_value());
    REQUIRE(set_answer(fw, a, "1A", answer_with(3, "", {"Staff", "Carers"})).has_value());
    const std::string json = assessment_to_json(fw, a);
    CHECK(json.find("\"1A\"") < json.find("\"2A\""));
    auto back = parse_assessment(json, "a.json", registry);
    REQUIRE(back.has_value());
    CHECK(*back == a);
    CHECK(assessment_to_json(fw, *back) == json);
}

TEST_CASE("assessment: answers that do not fit the framework are refused") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    Assessment a = new_assessment(fw);
    SUBCASE("score off the scale") {
        auto r = set_answer(fw, a, "1A", answer_with(4));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().place == "item 1A");
        CHECK(r.error().reason == "score 4 is not on the scale (use one of 0, 1, 2, 3)");
    }
    SUBCASE("unknown item") {
        auto r = set_answer(fw, a, "9Z", answer_with(1));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().reason == "there is no item \"9Z\" in sample");
        CHECK(r.error().message() == "item 9Z: there is no item \"9Z\" in sample");
    }
    SUBCASE("narrative over the limit, counted in UTF-16 units") {
        CHECK(set_answer(fw, a, "1A", answer_with(1, "123456789\xF0\x9F\x98\x80")).has_value() ==
              false);  // 9 + an emoji (2 units) = 11 > 10
        CHECK(set_answer(fw, a, "1A", answer_with(1, "12345678\xF0\x9F\x98\x80")).has_value());
    }
    SUBCASE("invalid UTF-8") {
        CHECK_FALSE(set_answer(fw, a, "1A", answer_with(1, "bad\xFF")).has_value());
    }
    CHECK(a.answers.size() <= 1);
}

TEST_CASE("assessment: clearing an answer removes it") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    Assessment a = new_assessment(fw);
    REQUIRE(set_answer(fw, a, "1A", answer_with(2)).has_value());
    REQUIRE(set_answer(fw, a, "1A", Answer{}).has_value());
    CHECK(a.answers.empty());
}

TEST_CASE("assessment: loading checks the framework id and version") {
    const Registry v1 = test::sample_registry("1");
    const Registry v2 = test::sample_registry("2");
    const Framework& fw = *v1.find("sample");
    const std::string json = assessment_to_json(fw, new_assessment(fw));

    auto other_version = parse_assessment(json, "a.json", v2);
    REQUIRE_FALSE(other_version.has_value());
    CHECK(other_version.error().front().message() ==
          "a.json: /framework/version: this assessment was made with sample version \"1\" but "
          "the loaded sample is version \"2\"");

    const Registry empty;
    auto missing = parse_assessment(json, "a.json", empty);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().front().place == "/framework/id");
}

TEST_CASE("assessment: a malformed file reports every bad answer with its place") {
    const Registry registry = test::sample_registry();
    const std::string json = R"({"format": "eqkit-assessment/1",
      "framework": {"id": "sample", "version": "1"}, "extra": 1,
      "answers": [{"item": "1A", "score": 7}, {"item": "ZZ"}, {"item": "1A", "score": 1},
                  {"item": "1B", "score": "two"}]})";
    auto r = parse_assessment(json, "a.json", registry);
    REQUIRE_FALSE(r.has_value());
    std::string all = join_messages(r.error());
    CHECK(all ==
          "a.json: /answers/0: item 1A: score 7 is not on the scale (use one of 0, 1, 2, 3)\n"
          "a.json: /answers/1/item: \"ZZ\" is not an item of sample\n"
          "a.json: /answers/2/item: item \"1A\" is answered twice\n"
          "a.json: /answers/3/score: expected a whole number, found text\n"
          "a.json: /extra: unknown key \"extra\"\n");
}
