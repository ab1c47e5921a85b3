#include <doctest/doctest.h>

#include <string>

#include "eqkit/tender.hpp"
#include "tender_fixture.hpp"

using namespace eqkit;

namespace {

const std::string lead = "Lead";
const std::string t0 = "2026-03-01T09:00:00Z";

QuestionSet small_set() {
    auto set = parse_question_set(test::small_question_set(), "small.json");
    REQUIRE(set);
    return *set;
}

// Three bidders, three evaluators; Cy has a conflict with Cedar. Published.
Tender small_tender(ModerationMethod method = ModerationMethod::consensus) {
    Tender t("t1", small_set(), TenderSettings{method, 1});
    for (const char* b : {"Acme", "Beacon", "Cedar"})
        REQUIRE(t.add_bidder(b, lead, t0));
    for (const char* e : {"Ann", "Bob", "Cy"})
        REQUIRE(t.add_evaluator(e, lead, t0));
    REQUIRE(t.declare_conflict({"Cy", "Cedar", "Cy was a director of Cedar until 2025"}, lead, t0));
    REQUIRE(t.publish(lead, t0));
    return t;
}

struct Marks {
    int pf, q1, q2;
};

Scoresheet sheet_for(const Tender& t, const std::string& evaluator, Marks acme, Marks beacon,
                     Marks cedar) {
    auto sheet = t.new_scoresheet(evaluator);
    REQUIRE(sheet);
    auto put = [&](const std::string& bidder, Marks m) {
        REQUIRE(sheet->set({bidder, "PF1", m.pf, evaluator + " on PF1"}));
        REQUIRE(sheet->set({bidder, "Q1", m.q1, evaluator + " on Q1"}));
        REQUIRE(sheet->set({bidder, "Q2", m.q2, evaluator + " on Q2"}));
    };
    put("Acme", acme);
    put("Beacon", beacon);
    if (!t.conflicted(evaluator, "Cedar")) put("Cedar", cedar);
    return *sheet;
}

// The same scores in a sheet without a scope, as a hand-written file would be: only the lead's
// import checks it.
Scoresheet without_scope(const Scoresheet& scoped) {
    Scoresheet sheet(scoped.tender_id(), scoped.evaluator());
    for (const ScoreEntry& e : scoped.entries())
        REQUIRE(sheet.set(e));
    return sheet;
}

void submit_all(Tender& t) {
    REQUIRE(t.submit(sheet_for(t, "Ann", {1, 2, 50}, {1, 4, 50}, {1, 1, 100}), "ann.json", t0));
    REQUIRE(t.submit(sheet_for(t, "Bob", {1, 3, 75}, {1, 4, 50}, {1, 1, 100}), "bob.json", t0));
    REQUIRE(t.submit(sheet_for(t, "Cy", {1, 4, 100}, {1, 4, 50}, {}), "cy.json", t0));
}

void moderate(Tender& t, const std::string& bidder, const std::string& q, int score) {
    REQUIRE(t.moderate({bidder, q, score, "agreed " + q + " for " + bidder}, lead, t0));
}

const BidderResult& bidder(const TenderResults& r, const std::string& name) {
    for (const BidderResult& b : r.bidders) {
        if (b.name == name) return b;
    }
    FAIL("no bidder " << name);
    return r.bidders.front();
}

}  // namespace

TEST_CASE(
    "tender: consensus moderation, weighted totals, minimum score and ranking worked by hand") {
    Tender t = small_tender();
    submit_all(t);
    for (const char* b : {"Acme", "Beacon", "Cedar"})
        moderate(t, b, "PF1", 1);
    moderate(t, "Acme", "Q1", 3);     // 3 ÷ 4 × 60 = 45
    moderate(t, "Acme", "Q2", 75);    // 75 ÷ 100 × 40 = 30     total 45 + 30 = 75
    moderate(t, "Beacon", "Q1", 4);   // 4 ÷ 4 × 60 = 60
    moderate(t, "Beacon", "Q2", 50);  // 50 ÷ 100 × 40 = 20     total 60 + 20 = 80
    moderate(t, "Cedar", "Q1", 1);    // 1 ÷ 4 × 60 = 15, below the minimum of 2
    moderate(t, "Cedar", "Q2", 100);  // 100 ÷ 100 × 40 = 40    total 15 + 40 = 55, fails

    const TenderResults r = t.results();
    const BidderResult& acme = bidder(r, "Acme");
    CHECK(acme.total == doctest::Approx(75));
    CHECK(acme.arithmetic == "45 + 30 = 75");
    CHECK(acme.questions[1].arithmetic == "3 ÷ 4 × 60 = 45");
    CHECK(acme.questions[2].arithmetic == "75 ÷ 100 × 40 = 30");
    CHECK(acme.passed);
    CHECK(acme.rank == 2);
    CHECK(acme.summary.find("Q1 (3 ÷ 4 × 60 = 45): agreed Q1 for Acme") != std::string::npos);

    const BidderResult& beacon = bidder(r, "Beacon");
    CHECK(beacon.total == doctest::Approx(80));
    CHECK(beacon.rank == 1);

    const BidderResult& cedar = bidder(r, "Cedar");
    CHECK(cedar.total == doctest::Approx(55));
    CHECK_FALSE(cedar.passed);
    CHECK_FALSE(cedar.rank.has_value());
    CHECK(cedar.questions[1].failure == "Q1 scored 1, below the minimum acceptable score of 2");
    // Cy declared a conflict with Cedar, so only Ann's and Bob's scores are shown.
    CHECK(cedar.questions[1].scores.size() == 2);
}

TEST_CASE("tender: a failed pass/fail question fails the bidder whatever its total") {
    Tender t = small_tender();
    submit_all(t);
    moderate(t, "Beacon", "PF1", 0);
    moderate(t, "Beacon", "Q1", 4);
    moderate(t, "Beacon", "Q2", 100);           // 60 + 40 = 100, the highest possible
    const TenderResults results = t.results();  // kept: beacon refers into it
    const BidderResult& beacon = bidder(results, "Beacon");
    CHECK(beacon.total == doctest::Approx(100));
    CHECK(beacon.questions[0].arithmetic == "fail");
    CHECK_FALSE(beacon.passed);
    CHECK_FALSE(beacon.rank.has_value());
}

TEST_CASE("tender: the mean method fixed before publication, with the spread and disagreement") {
    Tender t = small_tender(ModerationMethod::mean);
    submit_all(t);
    auto view = t.moderation_view("Acme", "Q1");
    REQUIRE(view);
    REQUIRE(view->scores.size() == 3);  // Ann 2, Bob 3, Cy 4
    CHECK(view->spread == 2);           // 4 − 2 = 2 > threshold 1
    CHECK(view->disagreement);
    auto beacon_q1 = t.moderation_view("Beacon", "Q1");
    CHECK(beacon_q1->spread == 0);  // all 4
    CHECK_FALSE(beacon_q1->disagreement);

    const TenderResults r = t.results();
    const BidderResult& acme = bidder(r, "Acme");
    // Q1: (2 + 3 + 4) ÷ 3 = 3;  3 ÷ 4 × 60 = 45
    // Q2: (50 + 75 + 100) ÷ 3 = 75;  75 ÷ 100 × 40 = 30;  total 75
    CHECK(acme.questions[1].rationale == "mean of the evaluators' scores: (2 + 3 + 4) ÷ 3 = 3");
    CHECK(acme.total == doctest::Approx(75));
    CHECK(acme.arithmetic == "45 + 30 = 75");
    // Cedar: Q1 (1 + 1) ÷ 2 = 1 → 15, below the minimum 2; Q2 100 → 40.
    CHECK(bidder(r, "Cedar").total == doctest::Approx(55));
    CHECK_FALSE(bidder(r, "Cedar").passed);
    // Beacon: Q1 4 → 60, Q2 50 → 20 = 80, rank 1; Acme 75, rank 2.
    CHECK(bidder(r, "Beacon").rank == 1);
    CHECK(acme.rank == 2);
}

TEST_CASE("tender: once published, questions, weights and the method are locked") {
    Tender t = small_tender();
    auto weight = t.set_weight("Q1", 50, lead, t0);
    REQUIRE_FALSE(weight);
    CHECK(weight.error().message() ==
          "t1: question \"Q1\", weight: the tender has been published, so its questions, weights, "
          "scales and moderation method are locked and cannot be changed");
    CHECK_FALSE(t.set_settings({ModerationMethod::mean, 2}, lead, t0));
    CHECK_FALSE(t.replace_questions(small_set(), lead, t0));
    CHECK(t.questions().find_question("Q1")->weight == 60);
    CHECK(t.settings().method == ModerationMethod::consensus);
}

TEST_CASE("tender: weights changed before publication must still add up") {
    Tender t("t1", small_set(), {});
    REQUIRE(t.set_weight("Q1", 50, lead, t0));
    auto published = t.publish(lead, t0);
    REQUIRE_FALSE(published);
    // 50 + 40 = 90
    CHECK(published.error().reason ==
          "the weights of the scored questions add up to 90, not 100; correct them before "
          "publishing");
    REQUIRE(t.set_weight("Q2", 50, lead, t0));
    CHECK(t.publish(lead, t0));
}

TEST_CASE("tender: scoresheet refusals leave the tender as it was") {
    Tender t = small_tender();
    SUBCASE("a conflicted evaluator cannot score that bidder") {
        Scoresheet scoped = sheet_for(t, "Cy", {1, 4, 100}, {1, 4, 50}, {});
        auto at_once = scoped.set({"Cedar", "Q1", 3, "scored anyway"});
        REQUIRE_FALSE(at_once);
        CHECK(at_once.error().reason ==
              "this scoresheet does not score Cedar; it scores Acme; Beacon (a bidder you declared "
              "a conflict of interest with is left out; for a bid that came after this sheet was "
              "made, ask the lead for a new sheet)");
        Scoresheet sheet = without_scope(scoped);
        REQUIRE(sheet.set({"Cedar", "Q1", 3, "scored anyway"}));
        auto r = t.submit(sheet, "cy.json", t0);
        REQUIRE_FALSE(r);
        CHECK(r.error().message().find("cy.json: /scores/") == 0);
        CHECK(r.error().reason ==
              "Cy declared a conflict of interest with Cedar and cannot score "
              "this bidder");
        CHECK(t.scoresheets().empty());
    }
    SUBCASE("a second scoresheet from the same evaluator") {
        REQUIRE(t.submit(sheet_for(t, "Ann", {1, 2, 50}, {1, 4, 50}, {1, 1, 100}), "a.json", t0));
        auto r =
            t.submit(sheet_for(t, "Ann", {1, 4, 100}, {1, 4, 100}, {1, 4, 100}), "a2.json", t0);
        REQUIRE_FALSE(r);
        CHECK(r.error().message() ==
              "a2.json: /evaluator: Ann has already submitted a scoresheet, "
              "and a submitted scoresheet cannot be replaced");
        CHECK(t.scoresheets().size() == 1);
        CHECK(t.scoresheets()[0].find("Acme", "Q1")->score == 2);
    }
    SUBCASE("a scoresheet for another tender") {
        Tender other("t2", small_set(), {});
        REQUIRE(other.add_evaluator("Ann", lead, t0));
        auto sheet = other.new_scoresheet("Ann");
        auto r = t.submit(*sheet, "other.json", t0);
        REQUIRE_FALSE(r);
        CHECK(r.error().message() ==
              "other.json: /tender: this scoresheet is for tender \"t2\", not \"t1\"");
    }
    SUBCASE("an incomplete scoresheet") {
        auto sheet = t.new_scoresheet("Bob");
        REQUIRE(sheet->set({"Acme", "PF1", 1, "ok"}));
        auto unfinished = sheet->check_finished("bob.json");
        REQUIRE_FALSE(unfinished);
        CHECK(unfinished.error().message() ==
              "bob.json: /scores: question Q1 for bidder Acme has no score; score every question "
              "before submitting");
        auto r = t.submit(*sheet, "bob.json", t0);
        REQUIRE_FALSE(r);
        CHECK(r.error().reason ==
              "question Q1 for bidder Acme has no score; score every question before submitting");
    }
    SUBCASE("a score that is not on the question's scale") {
        Scoresheet scoped = sheet_for(t, "Bob", {1, 3, 75}, {1, 4, 50}, {1, 1, 100});
        auto at_once = scoped.set({"Acme", "Q2", 60, "between Acceptable and Good"});
        REQUIRE_FALSE(at_once);
        CHECK(at_once.error().reason ==
              "60 is not a value of question Q2's scale: choose 0, 25, 50, 75 or 100");
        CHECK(scoped.find("Acme", "Q2")->score == 75);
        Scoresheet sheet = without_scope(scoped);
        REQUIRE(sheet.set({"Acme", "Q2", 60, "between Acceptable and Good"}));
        auto r = t.submit(sheet, "bob.json", t0);
        REQUIRE_FALSE(r);
        CHECK(r.error().reason ==
              "60 is not a value of the scale \"0/25/50/75/100\" used by question Q2");
    }
    // 3 bidders, 3 evaluators, 1 conflict, publish, and only the submissions accepted
    CHECK(t.audit().size() == 8 + t.scoresheets().size());
}

TEST_CASE("tender: a submitted scoresheet cannot be changed") {
    Tender t = small_tender();
    submit_all(t);
    Scoresheet copy = t.scoresheets()[0];
    CHECK(copy.submitted());
    auto r = copy.set({"Acme", "Q1", 4, "changed my mind"});
    REQUIRE_FALSE(r);
    CHECK(r.error().reason == "this scoresheet has been submitted and can no longer be changed");
    auto late = t.add_bidder("Dune", "Lead", t0);
    REQUIRE_FALSE(late);
    CHECK(late.error().reason ==
          "scoresheets have already been submitted without this bidder, so "
          "no bidder can be added now");
}

TEST_CASE("tender: the lead cannot moderate until every non-conflicted evaluator has submitted") {
    Tender t = small_tender();
    REQUIRE(t.submit(sheet_for(t, "Ann", {1, 2, 50}, {1, 4, 50}, {1, 1, 100}), "ann.json", t0));
    REQUIRE(t.submit(sheet_for(t, "Bob", {1, 3, 75}, {1, 4, 50}, {1, 1, 100}), "bob.json", t0));
    auto early = t.moderate({"Acme", "Q1", 3, "agreed"}, lead, t0);
    REQUIRE_FALSE(early);
    CHECK(early.error().message() ==
          "t1: bidder \"Acme\", question \"Q1\": cannot moderate until every evaluator without a "
          "conflict has submitted (waiting for Cy)");
    // Cy is conflicted with Cedar, so Cedar can be moderated already.
    CHECK(t.moderate({"Cedar", "Q1", 1, "agreed"}, lead, t0));
    auto no_rationale = t.moderate({"Cedar", "Q2", 100, " "}, lead, t0);
    REQUIRE_FALSE(no_rationale);
    CHECK(no_rationale.error().reason == "a moderated score needs a rationale");
}

TEST_CASE("tender: the audit log records who did what and when") {
    Tender t = small_tender();
    submit_all(t);
    REQUIRE(t.moderate({"Acme", "Q1", 3, "agreed"}, lead, "2026-03-09T14:00:00Z"));
    REQUIRE(t.moderate({"Acme", "Q1", 2, "second pass"}, lead, "2026-03-09T15:00:00Z"));
    const auto& log = t.audit();
    REQUIRE(log.size() == 13);  // 8 set-up entries, 3 submissions, 2 moderations
    CHECK(log[6].what ==
          "recorded a conflict of interest: Cy with Cedar (Cy was a director of "
          "Cedar until 2025)");
    CHECK(log[8].who == "Ann");
    CHECK(log[8].what == "submitted a scoresheet with 9 scores");   // 3 bidders × 3 questions
    CHECK(log[10].what == "submitted a scoresheet with 6 scores");  // Cy: 2 bidders × 3
    CHECK(log[12].at == "2026-03-09T15:00:00Z");
    CHECK(log[12].what == "moderated Acme Q1 to 2 (was 3)");
}
