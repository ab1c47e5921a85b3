// eqkit framework diff, eqkit assess migrate, mapping files in eqkit framework validate, the
// scoring methods in eqkit framework show, and the CQC rating in eqkit assess score's text.
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

// EDS 2022 as shipped, and a made-up next version: 1A retitled, 3C renumbered 3Z (removed and
// added), the top level's label changed (rescaled).
std::string next_eds_version(const TempDir& dir) {
    std::ifstream in(plugins_dir / "eds2022" / "framework.json");
    nlohmann::json doc = nlohmann::json::parse(in);
    doc["version"] = "2099";
    doc["groups"][0]["items"][0]["title"] = "Everyone can use it";
    doc["groups"][2]["items"].back()["code"] = "3Z";
    doc["scale"]["levels"].back()["label"] = "Excellent";
    const std::string file = (dir / "next.json").string();
    std::ofstream(file) << doc.dump();
    return file;
}

const std::string shipped_eds = (plugins_dir / "eds2022" / "framework.json").string();

}  // namespace

TEST_CASE("cli framework diff: added, removed, retitled and rescaled, as text and JSON") {
    TempDir dir;
    const std::string next = next_eds_version(dir);
    const ProcessResult r = run_eqkit({}, {"framework", "diff", shipped_eds, next});
    CHECK(r.status == 0);
    CHECK(r.out.rfind("eds2022 version 2022 → eds2022 version 2099\n", 0) == 0);
    CHECK(r.out.find("Added (1):\n  3Z  ") != std::string::npos);
    CHECK(r.out.find("Removed (1):\n  3C  ") != std::string::npos);
    CHECK(r.out.find("  1A  \"Patients (service users) have required levels of access to the "
                     "service\" → \"Everyone can use it\"\n") != std::string::npos);
    CHECK(r.out.find("Scale: changed (values or labels)\n") != std::string::npos);
    const ProcessResult j = run_eqkit({}, {"framework", "diff", shipped_eds, next, "--json"});
    CHECK(j.status == 0);
    const auto doc = nlohmann::json::parse(j.out);
    CHECK(doc.at("added") == nlohmann::json::array({"3Z"}));
    CHECK(doc.at("removed") == nlohmann::json::array({"3C"}));
    CHECK(doc.at("retitled").at(0).at("code") == "1A");
    CHECK(doc.at("rescaled") == true);
    const ProcessResult same = run_eqkit({}, {"framework", "diff", shipped_eds, shipped_eds});
    CHECK(same.status == 0);
    CHECK(same.out.find("No item was added, removed or retitled") != std::string::npos);
}

TEST_CASE("cli framework diff: a missing file is bad input, a missing argument is usage") {
    const ProcessResult missing = run_eqkit({}, {"framework", "diff", shipped_eds, "nope.json"});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("nope.json: ") == 0);
    CHECK(run_eqkit({}, {"framework", "diff", shipped_eds}).status == 2);
}

TEST_CASE("cli assess migrate: carried answers need review, answers left behind are listed") {
    TempDir dir;
    const std::string next = next_eds_version(dir);
    const std::string file = (dir / "a.json").string();
    const std::string out = (dir / "b.json").string();
    REQUIRE(run_eqkit({}, {"assess", "new", "--framework", "eds2022", "--out", file}).status == 0);
    REQUIRE(
        run_eqkit({}, {"assess", "set", file, "1A", "--score", "2", "--note", "Ramps"}).status ==
        0);
    REQUIRE(run_eqkit({}, {"assess", "set", file, "3C", "--score", "1"}).status == 0);
    const ProcessResult r = run_eqkit({}, {"assess", "migrate", file, "--to", next, "--out", out});
    CHECK(r.status == 0);
    CHECK(r.out.find("Needs review (1 carried by code): 1A\n") != std::string::npos);
    CHECK(r.out.find("Not carried (1):\n  3C: the new version 2099 has no item 3C\n") !=
          std::string::npos);
    std::ifstream in(out);
    const auto doc = nlohmann::json::parse(in);
    CHECK(doc.at("answers").size() == 1);
    CHECK(doc.at("answers").at(0).at("narrative") == "Ramps");
    CHECK(doc.at("answers").at(0).at("needs_review") == true);  // the mark is in the file
    // An existing --out is kept unless --force; an unknown --to is bad input.
    const ProcessResult again =
        run_eqkit({}, {"assess", "migrate", file, "--to", next, "--out", out});
    CHECK(again.status == 1);
    CHECK(again.err.find("already exists") != std::string::npos);
    const ProcessResult unknown = run_eqkit(
        {}, {"assess", "migrate", file, "--to", "nothere", "--out", (dir / "c.json").string()});
    CHECK(unknown.status == 1);
    CHECK_FALSE(fs::exists(dir / "c.json"));
    CHECK(run_eqkit({}, {"assess", "migrate", file, "--out", out}).status == 2);
}

TEST_CASE("cli framework validate: reads mapping files and names a bad row's code") {
    const ProcessResult good = run_eqkit(
        {},
        {"framework", "validate", (plugins_dir / "mappings" / "eds2022_cqc_saf.json").string()});
    CHECK(good.status == 0);
    CHECK(good.out.find(": valid mapping (eds2022_cqc_saf: eds2022 to cqc_saf, ") !=
          std::string::npos);
    TempDir dir;
    std::ifstream in(plugins_dir / "mappings" / "eds2022_cqc_saf.json");
    nlohmann::json doc = nlohmann::json::parse(in);
    doc["rows"][0]["to"] = "WL-9";
    const std::string bad = (dir / "bad.json").string();
    std::ofstream(bad) << doc.dump();
    const ProcessResult r = run_eqkit({}, {"framework", "validate", bad});
    CHECK(r.status == 1);
    CHECK(r.err.find(bad + ": /rows/0/to: code \"WL-9\" is not in cqc_saf") != std::string::npos);
}

TEST_CASE("cli framework show: a percentage framework lists its scoring methods") {
    const ProcessResult r = run_eqkit({}, {"framework", "show", "cqc_saf"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Scores are not added up") == std::string::npos);
    CHECK(r.out.find("  evidence_categories: How we reach a rating (for assessments before "
                     "December 2024), applies from 2023-11") != std::string::npos);
    CHECK(r.out.find("  statement_scores: How we reach a rating (from December 2024), applies "
                     "from 2024-12") != std::string::npos);
    const ProcessResult j = run_eqkit({}, {"framework", "show", "cqc_saf", "--json"});
    const auto doc = nlohmann::json::parse(j.out);
    CHECK(doc.at("aggregation").at("method") == "percentage");
    CHECK(doc.at("aggregation").at("methods").at(1).at("applies_from") == "2024-12");
}

TEST_CASE("cli assess score: a CQC assessment's text shows the rating, its rules and judgements") {
    TempDir dir;
    const std::string file = (dir / "cqc.json").string();
    REQUIRE(run_eqkit({}, {"assess", "new", "--framework", "cqc_saf", "--out", file}).status == 0);
    // Every quality statement 4, then one key question pulled down with a 1: its rating needs
    // the user's judgement (the limit for a statement scored 1 is UNCONFIRMED).
    std::ifstream in(plugins_dir / "cqc_saf" / "framework.json");
    const auto fw = nlohmann::json::parse(in);
    for (const auto& group : fw.at("groups")) {
        for (const auto& item : group.at("items")) {
            const std::string code = item.at("code");
            REQUIRE(run_eqkit(
                        {}, {"assess", "set", file, code, "--score", code == "SAFE-1" ? "1" : "4"})
                        .status == 0);
        }
    }
    const ProcessResult r = run_eqkit({}, {"assess", "score", file});
    CHECK(r.status == 0);
    CHECK(r.out.find("Rating method: How we reach a rating (from December 2024), applies from "
                     "2024-12\n") != std::string::npos);
    // 1 + 7 × 4 = 29 of 32 = 90.625%, shown rounded half up as 90.63%, then 91% → Outstanding,
    // unless the unconfirmed limit applies: the user decides, so no rating is claimed yet.
    CHECK(r.out.find(
              "Key question SAFE rating: needs your judgement (91%); scored 8 of the 8 quality "
              "statements that apply; working: 1 + 4 + 4 + 4 "
              "+ 4 + 4 + 4 + 4 = 29 of 32 = 90.63%, rounded to 91% → Outstanding "
              "(88–100%); Outstanding unless an unconfirmed limit applies: needs your "
              "judgement\n") != std::string::npos);
    CHECK(r.out.find("\nOverall rating: not worked out yet\n  Working: not worked out: your "
                     "judgement is needed first for Key question SAFE\n") != std::string::npos);
    CHECK(r.out.find("\nNeeds your judgement:\n  - SAFE: A quality statement scored 1 caps the "
                     "key question at Requires improvement.\n    Why: ") != std::string::npos);
    CHECK(r.out.find("    Options: Requires improvement, Good, Outstanding\n") !=
          std::string::npos);
    CHECK(r.out.find("    Your judgement: not recorded yet (eqkit assess judge FILE SAFE") !=
          std::string::npos);
    CHECK(r.out.find("The rating rests on facts marked UNCONFIRMED:\n  - UNCONFIRMED: ") !=
          std::string::npos);

    // Recorded, the judgement is shown as recorded and gives the rating.
    const ProcessResult no_why =
        run_eqkit({}, {"assess", "judge", file, "SAFE", "--rating", "Good", "--rationale", " "});
    CHECK(no_why.status != 0);
    CHECK(no_why.err.find(file + ": /judgements/SAFE/rationale: a judgement needs a rationale "
                                 "saying why") != std::string::npos);
    const ProcessResult judged = run_eqkit(
        {}, {"assess", "judge", file, "SAFE", "--rating", "Good", "--rationale", "One fall"});
    CHECK(judged.status == 0);
    CHECK(judged.out == "Recorded your judgement on SAFE: Good, because One fall.\n");
    REQUIRE(run_eqkit({}, {"assess", "choose", file, "--answer", "breach=no"}).status == 0);
    const ProcessResult again = run_eqkit({}, {"assess", "score", file});
    CHECK(again.out.find("Key question SAFE rating: Good (91%)") != std::string::npos);
    CHECK(again.out.find("\nOverall rating: Outstanding\n") != std::string::npos);
    CHECK(again.out.find("\nYour judgements, as recorded:\n  - SAFE: ") != std::string::npos);
    CHECK(again.out.find("    Your judgement: Good, because One fall\n") != std::string::npos);
    CHECK(again.out.find("Not answered yet") == std::string::npos);
    const Assessment saved = read_assessment(file);
    CHECK(saved.judgements.at("SAFE").rationale == "One fall");
    CHECK(saved.flags.at("breach") == false);
}

TEST_CASE("cli assess migrate: a file made with an earlier version the plugins keep") {
    TempDir dir;
    const std::string file = (dir / "ais-2016.json").string();
    const std::string out = (dir / "ais-now.json").string();
    test::spit(file,
               R"({"format": "eqkit-assessment/1", "framework": {"id": "ais", "version": "2016"},
      "answers": [{"item": "1", "score": 2, "narrative": "Asked at registration"}]})");
    // Opened as it stands it is refused, naming both versions; migrate reads it against 2016.
    const ProcessResult score = run_eqkit({}, {"assess", "score", file});
    CHECK(score.status == 1);
    CHECK(score.err.find("made with ais version \"2016\"") != std::string::npos);
    const ProcessResult r = run_eqkit({}, {"assess", "migrate", file, "--to", "ais", "--out", out});
    CHECK(r.status == 0);
    CHECK(r.out.find("Needs review (1 carried by code): 1\n") != std::string::npos);
    CHECK(r.out.find("Not carried (0): none\n") != std::string::npos);
    CHECK(run_eqkit({}, {"assess", "score", out}).status == 0);
    // --to VERSION, as the issue writes it: the loaded version's number.
    const std::string version = test::shipped_registry().find("ais")->version;
    const std::string again = (dir / "ais-again.json").string();
    CHECK(run_eqkit({}, {"assess", "migrate", file, "--to", version, "--out", again}).status == 0);
    CHECK(test::slurp(again) == test::slurp(out));
}
