// eqkit tender: a whole evaluation in a tender folder run through the real binary, and every
// refusal leaving the folder as it was.
#include <map>

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

struct CliTender {
    TempDir dir;

    [[nodiscard]] ProcessResult run(const std::vector<std::string>& args) const {
        return run_eqkit(dir.path(), args);
    }
    // Every file under the tender folder with its bytes.
    [[nodiscard]] std::map<std::string, std::string> folder() const {
        std::map<std::string, std::string> files;
        for (const auto& e : fs::recursive_directory_iterator(dir / "t")) {
            files[fs::relative(e.path(), dir / "t").generic_string()] =
                e.is_regular_file() ? slurp(e.path()) : "(folder)";
        }
        return files;
    }
    // The command fails with status 1 and this exact message, changing nothing in the folder.
    void refused(const std::vector<std::string>& args, const std::string& message) const {
        const auto before = folder();
        const ProcessResult r = run(args);
        CHECK(r.status == 1);
        CHECK(r.err == message);
        CHECK(folder() == before);
    }
    void responses(const std::string& bidder) const {
        std::string answers;
        for (const std::string& q : psr_questions) {
            answers += std::string(answers.empty() ? "" : ",") + R"({"question": ")" + q +
                       R"(", "text": "Our plan for )" + q + R"(.", "cites": ["eds2022:1A"]})";
        }
        spit(dir / (bidder + ".json"), R"({"format": "eqkit-tender-responses/1", "bidder": ")" +
                                           bidder + R"(", "answers": [)" + answers + "]}");
    }
    // Scores every PSR question for a bidder with the same score.
    void score_all(const std::string& sheet, const std::string& bidder, int score) const {
        for (const std::string& q : psr_questions) {
            ok(run({"tender", "score", sheet, "--bidder", bidder, "--question", q, "--score",
                    std::to_string(score), "--rationale", "reason " + q}));
        }
    }
    // A small evidence pack made with the CLI, signed with key.
    void pack(const std::string& key) const {
        ok(run({"workspace", "new", "ws"}));
        spit(dir / "policy.pdf", "%PDF pretend\n");
        ok(run({"evidence", "add", "ws", "policy.pdf", "--title", "Access policy", "--item",
                "eds2022:1A", "--added-by", "Jo", "--today", "2026-01-05"}));
        ok(run({"pack", "export", "ws", "--out", "pack.zip", "--sign", key}));
    }
};

}  // namespace

TEST_CASE("cli: tender runs in a folder from question set to ranked results and report") {
    CliTender t;
    ok(t.run({"key", "new", "--out", "ann.key"}));
    ok(t.run({"key", "new", "--out", "bob.key"}));
    ok(t.run({"tender", "new", "--questions", "tender_psr_access", "--out", "t", "--deadline",
              "2999-12-31"}));
    ok(t.run({"tender", "evaluator", "add", "t", "Ann", "--public-key", "ann.key.pub"}));
    ok(t.run({"tender", "evaluator", "add", "t", "Bob"}));
    ok(t.run({"tender", "publish", "t"}));
    // Locked criteria: publishing again is refused.
    t.refused({"tender", "publish", "t"}, "t: the tender is already published\n");

    t.responses("Acme");
    t.responses("Beacon");
    t.pack("ann.key");
    const ProcessResult acme = t.run({"tender", "bid", "add", "t", "--bidder", "Acme",
                                      "--responses", "Acme.json", "--pack", "pack.zip", "--json"});
    ok(acme);
    const auto bid = nlohmann::json::parse(acme.out);
    CHECK(bid.at("flagged") == false);
    CHECK(bid.at("pack").at("intact") == true);
    CHECK(bid.at("pack").at("linked").at(0).at("title") == "Access policy");
    CHECK(bid.at("pack").at("linked").at(0).at("question") == "PSR4-ACCESS");
    ok(t.run({"tender", "bid", "add", "t", "--bidder", "Beacon", "--responses", "Beacon.json"}));

    ok(t.run({"tender", "coi", "t", "--evaluator", "Bob", "--bidder", "Beacon", "--declare",
              "former employee of Beacon"}));
    ok(t.run({"tender", "coi", "t", "--evaluator", "Ann", "--bidder", "Acme", "--none"}));

    ok(t.run({"tender", "scoresheet", "new", "t", "--evaluator", "Ann", "--out", "ann.json"}));
    ok(t.run({"tender", "scoresheet", "new", "t", "--evaluator", "Bob", "--out", "bob.json"}));
    t.score_all("ann.json", "Acme", 3);
    t.score_all("ann.json", "Beacon", 4);
    t.score_all("bob.json", "Acme", 1);

    // Bob declared a conflict with Beacon: his own sheet refuses a score for Beacon at once.
    t.refused({"tender", "score", "bob.json", "--bidder", "Beacon", "--question", "PSR4-CHOICE",
               "--score", "2", "--rationale", "x"},
              "bob.json: bidder \"Beacon\", question \"PSR4-CHOICE\": this scoresheet does not "
              "score Beacon; it scores Acme (a bidder you declared a conflict of interest with is "
              "left out; for a bid that came after this sheet was made, ask the lead for a new "
              "sheet)\n");
    // A score off the question's scale, or a sheet signed unfinished, is refused before it is
    // frozen, so the evaluator can still put it right.
    t.refused({"tender", "score", "ann.json", "--bidder", "Acme", "--question", "PSR4-CHOICE",
               "--score", "7", "--rationale", "x"},
              "ann.json: bidder \"Acme\", question \"PSR4-CHOICE\": 7 is not a value of question "
              "PSR4-CHOICE's scale: choose 0, 1, 2, 3 or 4\n");
    ok(t.run(
        {"tender", "scoresheet", "new", "t", "--evaluator", "Bob", "--out", "unfinished.json"}));
    t.refused({"tender", "submit", "unfinished.json", "--key", "bob.key"},
              "unfinished.json: /scores: question PSR4-ACCESS for bidder Acme has no score; "
              "score every question before submitting\n");

    // The lead's import checks again: a sheet stripped of its scope that scores Beacon is
    // signed by Bob's tools but refused on import.
    auto unscoped = nlohmann::json::parse(slurp(t.dir / "bob.json"));
    unscoped.erase("scope");
    spit(t.dir / "bob.json", unscoped.dump(2));
    ok(t.run({"tender", "score", "bob.json", "--bidder", "Beacon", "--question", "PSR4-CHOICE",
              "--score", "2", "--rationale", "x"}));
    ok(t.run({"tender", "submit", "bob.json", "--key", "bob.key"}));
    const ProcessResult conflicted = t.run({"tender", "import", "t", "bob.json"});
    CHECK(conflicted.status == 1);
    CHECK(has(conflicted.err,
              "bob.json: /scores/3/bidder: Bob declared a conflict of interest "
              "with Beacon and cannot score this bidder"));

    // A submitted scoresheet cannot be changed.
    ok(t.run({"tender", "submit", "ann.json", "--key", "ann.key"}));
    const ProcessResult late =
        t.run({"tender", "score", "ann.json", "--bidder", "Acme", "--question", "PSR4-CHOICE",
               "--score", "4", "--rationale", "second thoughts"});
    CHECK(late.status == 1);
    CHECK(has(late.err, "this scoresheet has been submitted and can no longer be changed"));

    // An altered scoresheet is refused.
    std::string altered = slurp(t.dir / "ann.json");
    altered.replace(altered.find("\"score\": 3"), 10, "\"score\": 4");
    spit(t.dir / "altered.json", altered);
    t.refused({"tender", "import", "t", "altered.json"},
              "altered.json: /signature: the signature does not match the scores: this "
              "scoresheet has been altered since Ann signed it\n");

    ok(t.run({"tender", "scoresheet", "new", "t", "--evaluator", "Bob", "--out", "bob2.json"}));
    t.score_all("bob2.json", "Acme", 1);
    ok(t.run({"tender", "submit", "bob2.json", "--key", "bob.key"}));

    // Moderating before everyone has submitted is refused.
    t.refused({"tender", "moderate", "t", "--bidder", "Acme", "--question", "PSR4-ACCESS",
               "--score", "2", "--rationale", "agreed"},
              "t: bidder \"Acme\", question \"PSR4-ACCESS\": cannot moderate until every "
              "evaluator without a conflict has submitted (waiting for Ann, Bob)\n");

    ok(t.run({"tender", "import", "t", "ann.json", "bob2.json"}));
    t.refused({"tender", "import", "t", "ann.json"},
              "ann.json: /evaluator: Ann has already submitted a scoresheet, and a submitted "
              "scoresheet cannot be replaced\n");

    // Acme: Ann 3, Bob 1 on every question (spread 2, threshold 1: flagged). Agreed 2 each:
    //   2 ÷ 4 × 40 = 20, 2 ÷ 4 × 40 = 20, 2 ÷ 4 × 20 = 10; total 50.
    // Beacon: Ann alone, 4 each: 40 + 40 + 20 = 100.
    for (const std::string& q : psr_questions) {
        ok(t.run({"tender", "moderate", "t", "--bidder", "Acme", "--question", q, "--score", "2",
                  "--rationale", "agreed: partial plan"}));
        ok(t.run({"tender", "moderate", "t", "--bidder", "Beacon", "--question", q, "--score", "4",
                  "--rationale", "agreed: full plan"}));
    }
    const ProcessResult text = t.run({"tender", "results", "t"});
    ok(text);
    CHECK(text.out == "Acme: 20 + 20 + 10 = 50, rank 2\nBeacon: 40 + 40 + 20 = 100, rank 1\n");

    const ProcessResult json = t.run({"tender", "results", "t", "--json"});
    ok(json);
    const auto doc = nlohmann::json::parse(json.out);
    REQUIRE(doc.at("bidders").size() == 2);
    const auto& first = doc.at("bidders").at(0);
    CHECK(first.at("name") == "Acme");
    CHECK(first.at("total") == 50.0);
    CHECK(first.at("passed") == true);
    CHECK(first.at("rank") == 2);
    CHECK(first.at("questions").at(0).at("code") == "PSR4-ACCESS");
    CHECK(first.at("questions").at(0).at("moderated") == 2.0);
    CHECK(first.at("questions").at(0).at("scores").at("Ann") == 3);
    CHECK(first.at("questions").at(0).at("scores").at("Bob") == 1);
    CHECK(first.at("questions").at(0).at("disagreement") == true);
    CHECK_FALSE(doc.at("bidders").at(1).at("questions").at(0).at("scores").contains("Bob"));
    CHECK_FALSE(doc.at("unconfirmed").empty());

    const ProcessResult csv = t.run({"tender", "results", "t", "--csv"});
    ok(csv);
    CHECK(has(csv.out,
              "Acme,PSR4-ACCESS,Ann 3; Bob 1,2,yes,2,agreed: partial plan,20,"
              "2 ÷ 4 × 40 = 20,no,,50,yes,2\r\n"));
    ok(t.run({"tender", "results", "t", "--html", "report.html"}));
    const std::string html = slurp(t.dir / "report.html");
    CHECK(has(html, "<caption>Bidders by weighted, moderated total</caption>"));
    CHECK(has(html, "UNCONFIRMED"));
}

TEST_CASE("cli: tender refuses a scoresheet for another tender, and flags a tampered pack") {
    CliTender t;
    ok(t.run({"key", "new", "--out", "ann.key"}));
    for (const char* id : {"t", "other"}) {
        ok(t.run({"tender", "new", "--questions", "tender_psr_access", "--out", id}));
        ok(t.run({"tender", "evaluator", "add", id, "Ann"}));
        ok(t.run({"tender", "publish", id}));
    }
    t.responses("Acme");
    ok(t.run({"tender", "bid", "add", "other", "--bidder", "Acme", "--responses", "Acme.json"}));
    ok(t.run({"tender", "scoresheet", "new", "other", "--evaluator", "Ann", "--out", "ann.json"}));
    t.score_all("ann.json", "Acme", 3);
    ok(t.run({"tender", "submit", "ann.json", "--key", "ann.key"}));
    t.refused({"tender", "import", "t", "ann.json"},
              "ann.json: /tender: this scoresheet is for tender \"other\", not \"t\"\n");

    t.pack("ann.key");
    const std::string zip = slurp(t.dir / "pack.zip");
    spit(t.dir / "tampered.zip", zip.substr(0, zip.size() / 2));
    const ProcessResult flagged = t.run({"tender", "bid", "add", "t", "--bidder", "Acme",
                                         "--responses", "Acme.json", "--pack", "tampered.zip"});
    CHECK(flagged.status == 3);  // recorded, but never silently accepted
    CHECK(has(flagged.out, "Recorded, but FLAGGED: the evidence pack failed verification"));
    const ProcessResult results = t.run({"tender", "results", "t", "--json"});
    ok(results);
    CHECK(nlohmann::json::parse(results.out).at("bidders").at(0).at("bid").at("flagged") == true);
}

TEST_CASE("cli: tender criteria change before publication and are locked after it") {
    CliTender t;
    ok(t.run({"tender", "new", "--questions", "tender_psr_access", "--out", "t"}));
    // 40 + 40 + 20 becomes 50 + 40 + 10: still 100, so it publishes.
    ok(t.run({"tender", "criteria", "t", "--weight", "PSR4-ACCESS=50", "--weight", "PSR4-CHOICE=10",
              "--method", "mean", "--threshold", "2"}));
    t.refused({"tender", "criteria", "t", "--weight", "PSR4-NOPE=5"},
              "t: question \"PSR4-NOPE\": there is no such question in this tender\n");
    ok(t.run({"tender", "evaluator", "add", "t", "Ann"}));
    ok(t.run({"tender", "publish", "t"}));
    const auto doc = nlohmann::json::parse(t.run({"tender", "results", "t", "--json"}).out);
    CHECK(doc.at("method") == "mean");
    CHECK(doc.at("disagreement_threshold") == 2);
    t.refused({"tender", "criteria", "t", "--weight", "PSR4-ACCESS=40"},
              "t: question \"PSR4-ACCESS\", weight: the tender has been published, so its "
              "questions, weights, scales and moderation method are locked and cannot be "
              "changed\n");
    t.refused(
        {"tender", "criteria", "t", "--method", "consensus"},
        "t: moderation method: the tender has been published, so its questions, weights, scales "
        "and moderation method are locked and cannot be changed\n");
    const ProcessResult bad = t.run({"tender", "criteria", "t", "--weight", "PSR4-ACCESS"});
    CHECK(bad.status == 2);
}

TEST_CASE("cli: tender detects an audit log entry removed from the folder") {
    CliTender t;
    ok(t.run({"tender", "new", "--questions", "tender_psr_access", "--out", "t"}));
    ok(t.run({"tender", "evaluator", "add", "t", "Ann"}));
    ok(t.run({"tender", "evaluator", "add", "t", "Bob"}));
    auto doc = nlohmann::json::parse(slurp(t.dir / "t" / "tender.json"));
    doc.at("audit").erase(1);
    spit(t.dir / "t" / "tender.json", doc.dump(2));
    const ProcessResult r = t.run({"tender", "results", "t"});
    CHECK(r.status == 1);
    CHECK(r.err ==
          "t/tender.json: /audit/1/previous: audit entry 2 does not follow the entry "
          "before it: an entry has been removed, inserted or altered\n");
}

TEST_CASE("cli: tender new refuses an unknown question set and names the loaded ones") {
    TempDir dir;
    const ProcessResult r =
        run_eqkit(dir.path(), {"tender", "new", "--questions", "nosuch", "--out", "t"});
    CHECK(r.status == 1);
    CHECK(has(r.err,
              "no question set \"nosuch\" (loaded: tender_health_care, tender_psr_access, "
              "tender_svm_equal_opportunity)"));
    CHECK_FALSE(fs::exists(dir / "t"));
}

TEST_CASE("cli: framework show lists a question set's questions with weight and scale") {
    TempDir dir;
    const ProcessResult r =
        run_eqkit(dir.path(), {"framework", "show", "tender_psr_access", "--json"});
    ok(r);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc.at("kind") == "question_set");
    const auto& q = doc.at("questions").at(0);
    CHECK(q.at("code") == "PSR4-ACCESS");
    CHECK(q.at("weight") == 40.0);
    CHECK(q.at("pass_fail") == false);
    CHECK(q.at("scale").at("min") == 0);
    CHECK(q.at("scale").at("max") == 4);
}

TEST_CASE("cli: an evaluator scores their own copy offline and the lead imports the sheet") {
    CliTender t;
    ok(t.run({"key", "new", "--out", "bob.key"}));
    ok(t.run({"tender", "new", "--questions", "tender_psr_access", "--out", "t"}));
    ok(t.run({"tender", "evaluator", "add", "t", "Ann"}));
    ok(t.run({"tender", "evaluator", "add", "t", "Bob"}));
    t.refused({"tender", "evaluator-copy", "t", "--evaluator", "Bob", "--out", "early.json"},
              "t: evaluator \"Bob\": the tender is not published yet; publish it before handing "
              "out evaluators' copies\n");
    ok(t.run({"tender", "publish", "t"}));
    t.responses("Acme");
    t.responses("Beacon");
    ok(t.run({"tender", "bid", "add", "t", "--bidder", "Acme", "--responses", "Acme.json"}));
    ok(t.run({"tender", "bid", "add", "t", "--bidder", "Beacon", "--responses", "Beacon.json"}));
    ok(t.run({"tender", "coi", "t", "--evaluator", "Bob", "--bidder", "Beacon", "--declare",
              "former employee of Beacon"}));

    const ProcessResult made =
        t.run({"tender", "evaluator-copy", "t", "--evaluator", "Bob", "--out", "bob-copy.json"});
    ok(made);
    CHECK(has(made.out, "1 bid(s) to score (1 left out for a declared conflict of interest)"));
    const auto copy = nlohmann::json::parse(slurp(t.dir / "bob-copy.json"));
    CHECK(copy.at("format") == "eqkit-tender-evaluator-copy/1");
    CHECK(copy.at("bids").size() == 1);
    CHECK(copy.at("bids").at(0).at("bidder") == "Acme");
    CHECK(copy.at("conflicts").at(0).at("bidder") == "Beacon");

    // Scored in the copy, which checks each score against its own bids and scales.
    t.score_all("bob-copy.json", "Acme", 2);
    const ProcessResult conflicted =
        t.run({"tender", "score", "bob-copy.json", "--bidder", "Beacon", "--question",
               "PSR4-CHOICE", "--score", "2", "--rationale", "x"});
    CHECK(conflicted.status == 1);
    CHECK(conflicted.err ==
          "bob-copy.json: bidder: Bob declared a conflict of interest with Beacon and cannot "
          "score this bidder\n");
    const ProcessResult no_out = t.run({"tender", "submit", "bob-copy.json", "--key", "bob.key"});
    CHECK(no_out.status == 1);
    CHECK(has(no_out.err, "name the signed scoresheet to write for the lead with --out FILE"));
    ok(t.run({"tender", "submit", "bob-copy.json", "--key", "bob.key", "--out", "bob-sheet.json"}));
    const ProcessResult again =
        t.run({"tender", "score", "bob-copy.json", "--bidder", "Acme", "--question", "PSR4-CHOICE",
               "--score", "4", "--rationale", "second thoughts"});
    CHECK(again.status == 1);
    CHECK(has(again.err, "this scoresheet has been submitted and can no longer be changed"));

    ok(t.run({"tender", "import", "t", "bob-sheet.json"}));
    const ProcessResult results = t.run({"tender", "results", "t", "--json"});
    ok(results);
    const auto doc = nlohmann::json::parse(results.out);
    CHECK(doc.at("bidders").at(0).at("questions").at(0).at("scores").at("Bob") == 2);

    // An altered copy is refused before anything in it is believed.
    ok(t.run({"tender", "evaluator-copy", "t", "--evaluator", "Ann", "--out", "ann-copy.json"}));
    std::string altered = slurp(t.dir / "ann-copy.json");
    altered.replace(altered.find("Our plan for PSR4-ACCESS."), 25, "Our plan for PSR4-ACCESS!");
    spit(t.dir / "ann-copy.json", altered);
    const ProcessResult refused =
        t.run({"tender", "score", "ann-copy.json", "--bidder", "Acme", "--question", "PSR4-ACCESS",
               "--score", "2", "--rationale", "x"});
    CHECK(refused.status == 1);
    CHECK(refused.err ==
          "ann-copy.json: /sha256: this evaluator's copy has been altered since the lead made it "
          "(its content no longer matches its fingerprint), so it cannot be trusted; ask the lead "
          "for a new copy\n");
}
