// eqkit assess new | set: files are created and changed only when every check passes.
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

Answer answer_of(std::optional<int> score, std::string narrative, std::vector<std::string> raters) {
    Answer a;
    a.score = score;
    a.narrative = std::move(narrative);
    a.raters = std::move(raters);
    return a;
}

// A temp folder holding a.json, a new assessment made by the CLI itself.
struct NewAssessment {
    TempDir dir;
    fs::path file = dir / "a.json";

    explicit NewAssessment(const std::string& framework = "eds2022") {
        const ProcessResult r =
            run_eqkit(dir.path(), {"assess", "new", "--framework", framework, "--out", "a.json"});
        REQUIRE(r.status == 0);
    }
    [[nodiscard]] ProcessResult run(const std::vector<std::string>& args) const {
        return run_eqkit(dir.path(), args);
    }
    [[nodiscard]] ProcessResult set(const std::vector<std::string>& args) const {
        std::vector<std::string> all{"assess", "set", "a.json"};
        all.insert(all.end(), args.begin(), args.end());
        return run(all);
    }
    [[nodiscard]] Answer answer(const std::string& code) const {
        return read_assessment(file).answer(code);
    }
};

// Runs a failing `assess set` and checks its message, status and that no byte on disk changed.
// The file is first rewritten on one line, so that even a save of unchanged content would show.
void check_refused(const NewAssessment& a, const std::vector<std::string>& args,
                   const std::string& message) {
    spit(a.file, nlohmann::json::parse(slurp(a.file)).dump());
    REQUIRE(read_assessment(a.file).framework_id.size() > 0);
    const auto before = snapshot(a.dir.path());
    const ProcessResult r = a.set(args);
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == message);
    CHECK(snapshot(a.dir.path()) == before);
}

}  // namespace

TEST_CASE("cli assess new: creates an empty assessment the core can read") {
    TempDir dir;
    const ProcessResult r =
        run_eqkit(dir.path(), {"assess", "new", "--framework", "eds2022", "--out", "a.json",
                               "--title", "Sunrise Care – Leeds"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("Created a.json: a new EDS 2022 assessment", 0) == 0);
    const Assessment a = read_assessment(dir / "a.json");
    CHECK(a.framework_id == "eds2022");
    CHECK(a.framework_version == shipped("eds2022").version);
    CHECK(a.title == "Sunrise Care – Leeds");
    CHECK(a.answers.empty());
}

TEST_CASE("cli assess new: never replaces a file unless --force") {
    TempDir dir;
    spit(dir / "a.json", "precious");
    const ProcessResult refused =
        run_eqkit(dir.path(), {"assess", "new", "--framework", "freda", "--out", "a.json"});
    CHECK(refused.status == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err == "a.json: the file already exists; use --force to replace it\n");
    CHECK(slurp(dir / "a.json") == "precious");

    const ProcessResult forced = run_eqkit(
        dir.path(), {"assess", "new", "--framework", "freda", "--out", "a.json", "--force"});
    CHECK(forced.status == 0);
    CHECK(read_assessment(dir / "a.json").framework_id == "freda");
}

TEST_CASE("cli assess new: bad input is refused and nothing is written") {
    TempDir dir;
    SUBCASE("unknown framework") {
        const ProcessResult r =
            run_eqkit(dir.path(), {"assess", "new", "--framework", "edz", "--out", "a.json"});
        CHECK(r.status == 1);
        CHECK(r.err.rfind("eqkit: no framework with id \"edz\" is loaded (loaded: ", 0) == 0);
    }
    SUBCASE("a folder that does not exist") {
        const ProcessResult r = run_eqkit(
            dir.path(), {"assess", "new", "--framework", "eds2022", "--out", "no/a.json"});
        CHECK(r.status == 1);
        CHECK(r.err.rfind("no/a.json: cannot write in no (", 0) == 0);
    }
    SUBCASE("a title that is not UTF-8") {
        const ProcessResult r = run_eqkit(dir.path(), {"assess", "new", "--framework", "eds2022",
                                                       "--out", "a.json", "--title", "Caf\xe9"});
        CHECK(r.status == 1);
        CHECK(r.err == "eqkit: the --title text is not valid UTF-8\n");
    }
    SUBCASE("a title longer than an assessment may hold") {
        const ProcessResult r =
            run_eqkit(dir.path(), {"assess", "new", "--framework", "eds2022", "--out", "a.json",
                                   "--title", std::string(301, 'x')});
        CHECK(r.status == 1);
        CHECK(r.err == "a.json: /title: the title must be text of at most 300 characters\n");
    }
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("cli assess set: sets a score and confirms it in words") {
    NewAssessment a;
    const ProcessResult r = a.set({"1A", "--score", "2"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "1A: score 2 (Achieving activity)\n");
    CHECK(a.answer("1A").score == 2);
    CHECK(read_assessment(a.file).answers.size() == 1);
}

TEST_CASE("cli assess set: an unconfirmed level is marked in the confirmation") {
    NewAssessment a;
    const ScaleLevel* level = shipped("eds2022").scale.level(0);
    REQUIRE(level != nullptr);
    REQUIRE_FALSE(level->provenance.confirmed);
    const ProcessResult r = a.set({"2B", "--score", "0"});
    CHECK(r.status == 0);
    CHECK(r.out ==
          "2B: score 0 (" + level->label + "; UNCONFIRMED: " + level->provenance.note + ")\n");
}

TEST_CASE("cli assess set: changes only what is given and keeps the rest of the answer") {
    NewAssessment a;
    REQUIRE(a.set({"1A", "--score", "3"}).status == 0);

    ProcessResult r = a.set({"1A", "--note", "Audit of access by age, June"});
    CHECK(r.out == "1A: narrative saved (28 of 2000 characters)\n");
    CHECK(a.answer("1A") == answer_of(3, "Audit of access by age, June", {}));

    r = a.set({"1A", "--rater", "Staff", "--rater", "Carers"});
    CHECK(r.out == "1A: raters: Staff, Carers\n");
    CHECK(a.answer("1A") == answer_of(3, "Audit of access by age, June", {"Staff", "Carers"}));

    r = a.set({"1A", "--rater", "Healthwatch", "--rater", "Staff"});  // adds, no duplicates
    CHECK(a.answer("1A").raters == std::vector<std::string>{"Staff", "Carers", "Healthwatch"});

    r = a.set({"1A", "--clear-raters", "--rater", "Board members"});  // replaces
    CHECK(a.answer("1A").raters == std::vector<std::string>{"Board members"});

    r = a.set({"1A", "--clear-score"});
    CHECK(r.out == "1A: score cleared\n");
    CHECK(a.answer("1A") ==
          answer_of(std::nullopt, "Audit of access by age, June", {"Board members"}));

    r = a.set({"1A", "--note", "", "--clear-raters"});
    CHECK(r.status == 0);
    CHECK(r.out == "1A: narrative cleared; no raters\n");
    CHECK(read_assessment(a.file).answers.empty());  // an empty answer is not kept
    CHECK(a.answer("2A").empty());
}

TEST_CASE("cli assess set: bad input names the file, the item and the reason; disk unchanged") {
    NewAssessment a;
    REQUIRE(a.set({"1A", "--score", "1", "--note", "kept"}).status == 0);
    check_refused(a, {"9Z", "--score", "1"},
                  "a.json: item 9Z: there is no item \"9Z\" in eds2022\n");
    check_refused(a, {"1a", "--score", "1"},
                  "a.json: item 1a: there is no item \"1a\" in eds2022\n");
    check_refused(a, {"1A", "--score", "7"},
                  "a.json: item 1A: score 7 is not on the scale (use one of 0, 1, 2, 3)\n");
    check_refused(a, {"1A", "--score", "-1"},
                  "a.json: item 1A: score -1 is not on the scale (use one of 0, 1, 2, 3)\n");
    check_refused(a, {"1A", "--note", "bad \xff\xfe bytes"},
                  "a.json: item 1A: the narrative is not valid UTF-8 text\n");
    check_refused(a, {"1A", "--note", std::string(2001, 'x')},
                  "a.json: item 1A: the narrative is 2001 characters; the limit is 2000\n");
    check_refused(a, {"1A", "--rater", "   "},
                  "a.json: item 1A: each rater must be non-empty text of at most 200 characters\n");
    CHECK(a.answer("1A") == answer_of(1, "kept", {}));
}

TEST_CASE("cli assess set: raters on a framework that does not record them are refused") {
    NewAssessment a("freda");
    check_refused(a, {"F", "--rater", "Staff"},
                  "a.json: item F: this framework does not record who rated an item\n");
}

TEST_CASE("cli assess set: unreadable or unusable assessment files are refused untouched") {
    TempDir dir;
    const std::string format = R"("format": "eqkit-assessment/1")";
    spit(dir / "syntax.json", "{ \"format\": ");
    spit(dir / "other.json",
         "{" + format + R"(, "framework": {"id": "nope", "version": "1"}, "answers": []})");
    spit(dir / "old.json",
         "{" + format + R"(, "framework": {"id": "eds2022", "version": "2019"}, "answers": []})");
    spit(
        dir / "wrong.json",
        "{" + format +
            R"(, "framework": {"id": "eds2022", "version": "2022"}, "answers": [{"item": "1A", "score": 9}]})");
    fs::create_directory(dir / "folder.json");
    const auto before = snapshot(dir.path());
    const std::string eds_version = shipped("eds2022").version;
    const std::vector<std::pair<std::string, std::string>> cases{
        {"missing.json", "missing.json: the file does not exist\n"},
        {"folder.json", "folder.json: this is a folder, not a file\n"},
        {"other.json",
         "other.json: /framework/id: this assessment is for framework \"nope\", which is not "
         "loaded (is its plugin installed?)\n"},
        {"old.json",
         "old.json: /framework/version: this assessment was made with eds2022 version "
         "\"2019\" but the loaded eds2022 is version \"" +
             eds_version + "\"\n"},
        {"wrong.json",
         "wrong.json: /answers/0: item 1A: score 9 is not on the scale (use one of 0, 1, 2, 3)\n"},
    };
    for (const auto& [file, message] : cases) {
        CAPTURE(file);
        const ProcessResult r =
            run_eqkit(dir.path(), {"assess", "set", file, "1A", "--score", "1"});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(r.err == message);
    }
    const ProcessResult syntax =
        run_eqkit(dir.path(), {"assess", "set", "syntax.json", "1A", "--score", "1"});
    CHECK(syntax.status == 1);
    CHECK(syntax.err.rfind("syntax.json: line 1, column ", 0) == 0);
    CHECK(snapshot(dir.path()) == before);
}

TEST_CASE("cli assess set: an assessment for a framework that failed to load says so") {
    NewAssessment a;
    TempDir plugins;
    fs::create_directories(plugins / "eds2022");
    spit(plugins / "eds2022" / "framework.json", "{");
    const ProcessResult r = run_eqkit_in(plugins.path(), a.dir.path(),
                                         {"assess", "set", "a.json", "1A", "--score", "1"});
    CHECK(r.status == 1);
    CHECK(r.err ==
          "a.json: /framework/id: this assessment is for framework \"eds2022\", which is not "
          "loaded (is its plugin installed?)\n"
          "eqkit: 1 framework file was not loaded because of errors; \"eqkit frameworks\" lists "
          "them\n");
}

TEST_CASE("cli assess set: evidence category scores, and --reviewed confirms a carried answer") {
    TempDir dir;
    const std::string file = (dir / "cqc.json").string();
    REQUIRE(run_eqkit({}, {"assess", "new", "--framework", "cqc_saf", "--out", file}).status == 0);
    REQUIRE(run_eqkit({}, {"assess", "choose", file, "--method", "evidence_categories"}).status ==
            0);
    const ProcessResult set = run_eqkit(
        {}, {"assess", "set", file, "SAFE-1", "--category", "people=3", "--category", "staff=2"});
    CHECK(set.status == 0);
    CHECK(set.out ==
          "SAFE-1: evidence category people score 3 (Evidence shows a good standard); "
          "evidence category staff score 2 (Evidence shows some shortfalls)\n");
    const ProcessResult bad = run_eqkit({}, {"assess", "set", file, "SAFE-1", "--category", "x"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("--category wants CATEGORY=SCORE") != std::string::npos);
    const ProcessResult score = run_eqkit({}, {"assess", "score", file});
    // 3 + 2 = 5 of 8 = 62.50%, rounded to 63% → score 3 → Safe 75%, Good.
    CHECK(score.out.find("Key question SAFE rating: Good (75%)") != std::string::npos);

    Assessment a = read_assessment(file);
    a.answers["SAFE-1"].needs_review = true;
    spit(file, assessment_to_json(shipped("cqc_saf"), a));
    const ProcessResult reviewed = run_eqkit({}, {"assess", "set", file, "SAFE-1", "--reviewed"});
    CHECK(reviewed.status == 0);
    CHECK(reviewed.out == "SAFE-1: reviewed (no longer marked \"needs review\")\n");
    CHECK_FALSE(read_assessment(file).answer("SAFE-1").needs_review);
}

TEST_CASE("cli assess choose: the statements that apply are the user's choice, and say so") {
    TempDir dir;
    const std::string file = (dir / "cqc.json").string();
    REQUIRE(run_eqkit({}, {"assess", "new", "--framework", "cqc_saf", "--out", file}).status == 0);
    const ProcessResult r =
        run_eqkit({}, {"assess", "choose", file, "--applies", "SAFE-1", "--applies", "CAR-1"});
    CHECK(r.status == 0);
    CHECK(r.out.find("2 quality statements of 34 apply (your choice; the framework file says "
                     "nothing about which apply to which service)") != std::string::npos);
    const ProcessResult unknown = run_eqkit({}, {"assess", "choose", file, "--applies", "NOPE"});
    CHECK(unknown.status == 1);
    CHECK(unknown.err.find(file + ": /applicable/0: \"NOPE\" is not an item of cqc_saf") !=
          std::string::npos);
    CHECK(read_assessment(file).applicable == std::vector<std::string>{"SAFE-1", "CAR-1"});
}

TEST_CASE("cli assess choose: a care home keeps to its statements, a key question at a time") {
    TempDir dir;
    const std::string file = (dir / "home.json").string();
    REQUIRE(run_eqkit({}, {"assess", "new", "--framework", "cqc_saf", "--out", file}).status == 0);
    // SAFE stands for its eight statements; CAR-1 given twice counts once.
    const ProcessResult chosen =
        run_eqkit({}, {"assess", "choose", file, "--applies", "SAFE", "CAR-1", "CAR-1", "WL-4"});
    CHECK(chosen.status == 0);
    CHECK(chosen.out.find("10 quality statements of 34 apply") != std::string::npos);
    REQUIRE(run_eqkit({}, {"assess", "set", file, "SAFE-1", "--score", "3"}).status == 0);
    const ProcessResult other = run_eqkit({}, {"assess", "set", file, "RES-1", "--score", "1"});
    CHECK(other.status == 0);
    CHECK(other.out.find("RES-1 does not apply to your service (your choice, eqkit assess "
                         "choose), so this answer is kept but not counted.") != std::string::npos);
    const ProcessResult score = run_eqkit({}, {"assess", "score", file});
    CHECK(score.status == 0);
    CHECK(score.out.find("Counted: only the 10 quality statements of 34 you said apply") !=
          std::string::npos);
    CHECK(score.out.find("Key question SAFE, Safe: total 3 of 32 (1 of 8 quality statements "
                         "scored)") != std::string::npos);
    CHECK(score.out.find("Key question RESPONSIVE, Responsive: none of its quality statements "
                         "apply to your service") != std::string::npos);
    CHECK(score.out.find("Overall: total 3 of 40 (1 of 10 quality statements scored)") !=
          std::string::npos);
    CHECK(read_assessment(file).answer("RES-1").score == 1);  // kept
}

TEST_CASE("cli assess score --json: a key question counts only the statements that apply") {
    TempDir dir;
    const std::string file = (dir / "home.json").string();
    REQUIRE(run_eqkit({}, {"assess", "new", "--framework", "cqc_saf", "--out", file}).status == 0);
    // Safe applies whole (8 statements); of Effective's 6 only EFF-1 and EFF-2; Caring not at
    // all. RES-1 is scored but does not apply: kept, never counted.
    REQUIRE(
        run_eqkit({}, {"assess", "choose", file, "--applies", "SAFE", "EFF-1", "EFF-2"}).status ==
        0);
    for (const auto& [code, score] : std::vector<std::pair<std::string, std::string>>{
             {"SAFE-1", "3"}, {"SAFE-2", "2"}, {"EFF-1", "4"}, {"RES-1", "1"}}) {
        REQUIRE(run_eqkit({}, {"assess", "set", file, code, "--score", score}).status == 0);
    }
    const ProcessResult r = run_eqkit({}, {"assess", "score", file, "--json"});
    REQUIRE(r.status == 0);
    const nlohmann::json groups = nlohmann::json::parse(r.out).at("rating").at("groups");
    const auto group = [&groups](const std::string& code) {
        for (const nlohmann::json& g : groups) {
            if (g.at("code") == code) return g;
        }
        FAIL("no key question " << code);
        return nlohmann::json();
    };
    // {items that apply, scored, unscored, not applying}
    const auto counts = [&group](const std::string& code) {
        const nlohmann::json g = group(code);
        return std::vector<int>{g.at("items"), g.at("scored"), g.at("unscored"),
                                g.at("not_applying")};
    };
    // Safe: 8 apply, 2 scored, 6 not yet. 3 + 2 = 5 of 2 × 4 = 8 → 62.5%, rounded half up to
    // 63% → Good (63–87%).
    CHECK(counts("SAFE") == std::vector<int>{8, 2, 6, 0});
    CHECK(group("SAFE").at("sum") == 5);
    CHECK(group("SAFE").at("percent") == 63);
    CHECK(group("SAFE").at("rating") == "Good");
    // Effective: 2 of 6 apply (EFF-1, EFF-2), 4 do not; EFF-1 scored 4: 4 of 1 × 4 = 4 → 100%
    // → Outstanding (88–100%). Counting all six (4 of 6 × 4 = 24 → 17%) would be wrong.
    CHECK(counts("EFFECTIVE") == std::vector<int>{2, 1, 1, 4});
    CHECK(group("EFFECTIVE").at("percent") == 100);
    CHECK(group("EFFECTIVE").at("rating") == "Outstanding");
    // Responsive: none of its 7 apply, so RES-1's score 1 counts nowhere and nothing is rated.
    CHECK(counts("RESPONSIVE") == std::vector<int>{0, 0, 0, 7});
    CHECK(group("RESPONSIVE").at("percent").is_null());
    CHECK(group("RESPONSIVE").at("rating") == "");
    CHECK(group("RESPONSIVE").at("working") ==
          "none of its quality statements apply to your service");
    const ProcessResult text = run_eqkit({}, {"assess", "score", file});
    CHECK(text.out.find("Key question EFFECTIVE rating: Outstanding (100%); scored 1 of the 2 "
                        "quality statements that apply (4 do not apply); working: 4 = 4 of 4 = "
                        "100% → Outstanding (88–100%)\n") != std::string::npos);
}
