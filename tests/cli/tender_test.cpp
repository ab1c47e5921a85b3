// eqkit tender: a small evaluation run through the real binary, and its refusals.
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit::test;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void ok(const ProcessResult& r) {
    INFO(r.err);
    REQUIRE(r.status == 0);
}

const std::vector<std::string> psr_questions{"PSR4-ACCESS", "PSR4-INEQUALITIES", "PSR4-CHOICE"};

// Scores every PSR question for a bidder with the same score.
void score_all(const fs::path& dir, const std::string& sheet, const std::string& bidder,
               int score) {
    for (const std::string& q : psr_questions) {
        ok(run_eqkit(dir, {"tender", "score", sheet, "--bidder", bidder, "--question", q, "--score",
                           std::to_string(score), "--rationale", "reason " + q}));
    }
}

}  // namespace

TEST_CASE("cli: tender runs from question set to ranked results, refusing what breaks the rules") {
    TempDir dir;
    ok(run_eqkit(dir.path(), {"tender", "new", "--questions", "tender_psr_access", "--id", "t1",
                              "--out", "t.json"}));
    ok(run_eqkit(dir.path(), {"tender", "bidder", "add", "t.json", "Acme"}));
    ok(run_eqkit(dir.path(), {"tender", "bidder", "add", "t.json", "Beacon"}));
    ok(run_eqkit(dir.path(), {"tender", "evaluator", "add", "t.json", "Ann"}));
    ok(run_eqkit(dir.path(), {"tender", "evaluator", "add", "t.json", "Bob"}));
    ok(run_eqkit(dir.path(), {"tender", "coi", "t.json", "--evaluator", "Bob", "--bidder", "Beacon",
                              "--declare", "former employee of Beacon"}));
    ok(run_eqkit(dir.path(), {"tender", "publish", "t.json"}));

    // Publishing again is refused, and the file is left as it was.
    const std::string before = slurp(dir / "t.json");
    const ProcessResult again = run_eqkit(dir.path(), {"tender", "publish", "t.json"});
    CHECK(again.status == 1);
    CHECK(again.err == "t1: the tender is already published\n");
    CHECK(slurp(dir / "t.json") == before);

    ok(run_eqkit(dir.path(), {"tender", "scoresheet", "new", "t.json", "--evaluator", "Ann",
                              "--out", "ann.json"}));
    ok(run_eqkit(dir.path(), {"tender", "scoresheet", "new", "t.json", "--evaluator", "Bob",
                              "--out", "bob.json"}));
    score_all(dir.path(), "ann.json", "Acme", 3);
    score_all(dir.path(), "ann.json", "Beacon", 4);
    score_all(dir.path(), "bob.json", "Acme", 1);

    // Bob declared a conflict with Beacon: a scoresheet scoring Beacon is refused.
    ok(run_eqkit(dir.path(), {"tender", "score", "bob.json", "--bidder", "Beacon", "--question",
                              "PSR4-CHOICE", "--score", "2", "--rationale", "x"}));
    ProcessResult conflicted = run_eqkit(dir.path(), {"tender", "import", "t.json", "bob.json"});
    CHECK(conflicted.status == 1);
    CHECK(has(conflicted.err,
              "bob.json: /scores/3/bidder: Bob declared a conflict of interest "
              "with Beacon and cannot score this bidder"));
    CHECK(slurp(dir / "t.json") == before);
    ok(run_eqkit(dir.path(), {"tender", "scoresheet", "new", "t.json", "--evaluator", "Bob",
                              "--out", "bob2.json"}));
    score_all(dir.path(), "bob2.json", "Acme", 1);

    // Moderating before everyone has submitted is refused.
    ProcessResult early =
        run_eqkit(dir.path(), {"tender", "moderate", "t.json", "--bidder", "Acme", "--question",
                               "PSR4-ACCESS", "--score", "2", "--rationale", "agreed"});
    CHECK(early.status == 1);
    CHECK(has(early.err, "waiting for Ann, Bob"));

    ok(run_eqkit(dir.path(), {"tender", "import", "t.json", "ann.json", "bob2.json"}));
    ProcessResult twice = run_eqkit(dir.path(), {"tender", "import", "t.json", "ann.json"});
    CHECK(twice.status == 1);
    CHECK(twice.err ==
          "ann.json: /evaluator: Ann has already submitted a scoresheet, and a "
          "submitted scoresheet cannot be replaced\n");

    // Acme: Ann 3, Bob 1 on every question (spread 2, threshold 1: flagged). Agreed 2 each:
    //   2 ÷ 4 × 40 = 20, 2 ÷ 4 × 40 = 20, 2 ÷ 4 × 20 = 10; total 50.
    // Beacon: Ann alone, 4 each: 40 + 40 + 20 = 100.
    for (const std::string& q : psr_questions) {
        ok(run_eqkit(dir.path(), {"tender", "moderate", "t.json", "--bidder", "Acme", "--question",
                                  q, "--score", "2", "--rationale", "agreed: partial plan"}));
        ok(run_eqkit(dir.path(),
                     {"tender", "moderate", "t.json", "--bidder", "Beacon", "--question", q,
                      "--score", "4", "--rationale", "agreed: full plan"}));
    }
    const ProcessResult text = run_eqkit(dir.path(), {"tender", "results", "t.json"});
    ok(text);
    CHECK(text.out == "Acme: 20 + 20 + 10 = 50, rank 2\nBeacon: 40 + 40 + 20 = 100, rank 1\n");

    const ProcessResult json = run_eqkit(dir.path(), {"tender", "results", "t.json", "--json"});
    ok(json);
    const auto doc = nlohmann::json::parse(json.out);
    REQUIRE(doc.at("bidders").size() == 2);
    const auto& acme = doc.at("bidders").at(0);
    CHECK(acme.at("name") == "Acme");
    CHECK(acme.at("total") == 50.0);
    CHECK(acme.at("passed") == true);
    CHECK(acme.at("rank") == 2);
    CHECK(acme.at("questions").at(0).at("code") == "PSR4-ACCESS");
    CHECK(acme.at("questions").at(0).at("moderated") == 2.0);
    CHECK(acme.at("questions").at(0).at("scores").at("Ann") == 3);
    CHECK(acme.at("questions").at(0).at("scores").at("Bob") == 1);
    CHECK_FALSE(doc.at("bidders").at(1).at("questions").at(0).at("scores").contains("Bob"));

    const ProcessResult csv = run_eqkit(dir.path(), {"tender", "results", "t.json", "--csv"});
    ok(csv);
    CHECK(has(csv.out, "Acme,PSR4-ACCESS,2,20,2 ÷ 4 × 40 = 20,no\n"));
}

TEST_CASE("cli: tender new refuses an unknown question set and names the loaded ones") {
    TempDir dir;
    const ProcessResult r = run_eqkit(
        dir.path(), {"tender", "new", "--questions", "nosuch", "--id", "t1", "--out", "t.json"});
    CHECK(r.status == 1);
    CHECK(has(r.err,
              "no question set \"nosuch\" (loaded: tender_health_care, tender_psr_access, "
              "tender_svm_equal_opportunity)"));
    CHECK_FALSE(fs::exists(dir / "t.json"));
}
