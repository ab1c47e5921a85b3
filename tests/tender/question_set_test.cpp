#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "eqkit/plugins.hpp"
#include "eqkit/tender_question_set.hpp"
#include "tender_fixture.hpp"

namespace fs = std::filesystem;
using namespace eqkit;

namespace {

const fs::path plugins_dir = EQKIT_PLUGINS_DIR;

// The set's text with one substring replaced; fails the test if the substring is missing.
std::string with(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string messages(const std::string& json) {
    auto set = parse_question_set(json, "bad.json");
    if (set) return "(loaded without errors)";
    std::string text = join_messages(set.error());
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

}  // namespace

TEST_CASE("question sets: the small test set loads with its scales and weights") {
    auto set = parse_question_set(test::small_question_set(), "small.json");
    REQUIRE(set);
    CHECK(set->questions.size() == 3);
    const TenderQuestion* q1 = set->find_question("Q1");
    REQUIRE(q1 != nullptr);
    CHECK(q1->weight == 60);
    CHECK(q1->minimum_score == 2);
    CHECK(q1->word_limit == 500);
    CHECK(set->scale_of(*q1).max() == 4);
    CHECK(set->find_question("PF1")->pass_fail);
    CHECK(set->scale_of(*set->find_question("Q2")).max() == 100);
    REQUIRE(q1->cites.size() == 1);
    CHECK(q1->cites[0].text() == "eds2022:1A");
}

TEST_CASE("question sets: the shipped sets load and every citation names a real framework item") {
    const QuestionSetLibrary library = load_question_sets(plugins_dir);
    for (const ErrorList& failure : library.failures)
        FAIL_CHECK(join_messages(failure));
    REQUIRE(library.sets.size() >= 3);
    Registry registry = load_registry(plugins_dir);
    for (const QuestionSet& set : library.sets) {
        INFO(set.id);
        CHECK(join_messages(check_citations(set, registry)) == "");
        CHECK(!set.official);  // every shipped set is labelled as EqualityKit's
    }
}

TEST_CASE(
    "question sets: the Social Value Model set carries the MAC codes and the unconfirmed mark") {
    auto set =
        load_question_set(plugins_dir / "tender_svm_equal_opportunity" / "question_set.json");
    REQUIRE(set);
    CHECK(set->find_question("MAC5.1") != nullptr);
    CHECK(set->find_question("MAC5.2") != nullptr);
    const TenderQuestion* mac61 = set->find_question("MAC6.1");
    REQUIRE(mac61 != nullptr);
    CHECK_FALSE(mac61->provenance.confirmed);
    CHECK(mac61->provenance.note.find("UNCONFIRMED") != std::string::npos);
    CHECK(set->total_weight == 10);  // the minimum social value weighting, 10%
    // 2.5 + 2.5 + 5 = 10
    double sum = 0;
    for (const TenderQuestion& q : set->questions)
        sum += q.weight;
    CHECK(sum == 10);
}

TEST_CASE("question sets: the PSR set is marked unconfirmed as a whole") {
    auto set = load_question_set(plugins_dir / "tender_psr_access" / "question_set.json");
    REQUIRE(set);
    CHECK_FALSE(set->provenance.confirmed);
    for (const TenderQuestion& q : set->questions)
        CHECK_FALSE(q.provenance.confirmed);
}

TEST_CASE("question sets: a citation of an unknown framework or item is reported") {
    auto set = parse_question_set(
        with(with(test::small_question_set(), "eds2022:1A", "nosuch:1A"), "wres:1", "wres:99"),
        "small.json");
    REQUIRE(set);
    Registry registry = load_registry(plugins_dir);
    CHECK(join_messages(check_citations(*set, registry)) + "|" ==
          "small.json: /questions/1/cites/0: no framework \"nosuch\" is loaded\n"
          "small.json: /questions/2/cites/1: framework \"wres\" has no item \"99\"\n|");
}

TEST_CASE("question sets: bad files are refused with the file, the place and the reason") {
    const std::string good = test::small_question_set();
    SUBCASE("weights that do not add up to the total") {
        // 60 + 30 = 90, not 100
        CHECK(messages(with(good, "\"weight\": 40", "\"weight\": 30")) ==
              "bad.json: /total_weight: the weights of the scored questions add up to 90, not 100");
    }
    SUBCASE("a pass/fail question with a weight") {
        CHECK(messages(with(good, "\"pass_fail\": true, \"scale\": \"pf\"",
                            "\"pass_fail\": true, \"scale\": \"pf\", \"weight\": 5")) ==
              "bad.json: /questions/0/weight: a pass/fail question carries no weight");
    }
    SUBCASE("a scored question without a weight") {
        CHECK(messages(with(good, ",\n     \"weight\": 40", "")) ==
              "bad.json: /questions/2: a scored question needs a \"weight\"");
    }
    SUBCASE("a scored question on a pass/fail scale") {
        CHECK(messages(with(good, "\"scale\": \"0_100\"", "\"scale\": \"pf\"")) ==
              "bad.json: /questions/2/scale: a scored question cannot use a pass/fail scale");
    }
    SUBCASE("an unknown scale") {
        CHECK(messages(with(good, "\"scale\": \"0_100\"", "\"scale\": \"0_10\"")) ==
              "bad.json: /questions/2/scale: no scale \"0_10\" in this question set");
    }
    SUBCASE("a minimum score that is not on the scale") {
        CHECK(messages(with(good, "\"minimum_score\": 2", "\"minimum_score\": 7")) ==
              "bad.json: /questions/1/minimum_score: the minimum score must be one of the values "
              "of scale \"0_4\"");
    }
    SUBCASE("a citation without a framework") {
        CHECK(messages(with(good, "\"eds2022:1A\"", "\"1A\"")) ==
              "bad.json: /questions/1/cites/0: a citation reads framework:code, such as "
              "\"eds2022:2A\"");
    }
    SUBCASE("a repeated question code") {
        CHECK(messages(with(good, "\"code\": \"Q2\"", "\"code\": \"Q1\"")) ==
              "bad.json: /questions/2/code: question \"Q1\" is used twice");
    }
    SUBCASE("a scale that does not start at 0") {
        CHECK(messages(with(good, "{\"value\": 0, \"label\": \"Unacceptable\"}, {\"value\": 1,",
                            "{\"value\": 1,")) ==
              "bad.json: /scales/1/levels/0/value: a scale starts at 0, so that a weighted score "
              "is score ÷ max × weight");
    }
    SUBCASE("an unconfirmed fact without a note") {
        CHECK(messages(with(good, "\"official\": false,",
                            "\"official\": false, \"confirmed\": false,")) ==
              "bad.json: /note: an unconfirmed fact needs a note saying what is unconfirmed");
    }
    SUBCASE("an unknown key") {
        CHECK(messages(with(good, "\"word_limit\": 500", "\"word_limt\": 500"))
                  .find("bad.json: /questions/1/word_limt:") != std::string::npos);
    }
    SUBCASE("a repeated key") {
        CHECK(
            messages(with(good, "\"version\": \"1\"", "\"version\": \"1\", \"version\": \"2\"")) ==
            "bad.json: /version: key \"version\" appears twice in the same object");
    }
    SUBCASE("another format") {
        CHECK(messages(with(good, "eqkit-question-set/1", "eqkit-framework/1")) ==
              "bad.json: /format: expected \"eqkit-question-set/1\", found \"eqkit-framework/1\"");
    }
}

TEST_CASE("question sets: a bad file beside good ones is a failure and the others still load") {
    const fs::path dir = fs::temp_directory_path() / "eqkit_tender_qs_test";
    fs::remove_all(dir);
    fs::create_directories(dir / "tender_a");
    fs::create_directories(dir / "tender_b");
    {
        std::ofstream(dir / "tender_a" / "question_set.json") << test::small_question_set();
        std::ofstream(dir / "tender_b" / "question_set.json") << "{";
    }
    const QuestionSetLibrary library = load_question_sets(dir);
    CHECK(library.sets.size() == 1);
    REQUIRE(library.failures.size() == 1);
    CHECK(library.failures[0][0].file.find("tender_b/question_set.json") != std::string::npos);
    fs::remove_all(dir);
}
