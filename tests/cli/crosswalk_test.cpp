// eqkit crosswalk, mapping files in eqkit frameworks, and the CQC frameworks with eqkit assess.
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

TEST_CASE("cli crosswalk: lists the linked items with relationship, rationale and standing") {
    const ProcessResult r = run_eqkit({}, {"crosswalk", "eds2022:1A"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("eds2022:1A  Patients (service users) have required levels of access to "
                      "the service\n",
                      0) == 0);
    CHECK(r.out.find("  cqc_saf:RES-5  Equity in access\n"
                     "    1A overlaps with RES-5 (intersect) in CQC quality statements; "
                     "EqualityKit's own, not official (UNCONFIRMED: ") != std::string::npos);
    CHECK(r.out.find("    Why: 1A is about patients having the access") != std::string::npos);
}

TEST_CASE("cli crosswalk --json: a backward link reads from the item asked about") {
    const ProcessResult r = run_eqkit({}, {"crosswalk", "eds2022:2B", "--json"});
    CHECK(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc.at("item").at("code") == "2B");
    bool found = false;
    for (const auto& link : doc.at("links")) {
        if (link.at("framework") != "wres" || link.at("code") != "5") continue;
        found = true;
        CHECK(link.at("relationship") == "superset");
        CHECK(link.at("relationship_words") == "covers");
        CHECK(link.at("reversed") == true);
        CHECK(link.at("official") == false);
        CHECK(link.at("confirmed") == false);
    }
    CHECK(found);
}

TEST_CASE("cli crosswalk: an item that does not exist is bad input") {
    const ProcessResult r = run_eqkit({}, {"crosswalk", "eds2022:9Z"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "eqkit: \"eds2022:9Z\": eds2022 has no item \"9Z\"\n");
    const ProcessResult shape = run_eqkit({}, {"crosswalk", "1A"});
    CHECK(shape.status == 1);
    CHECK(shape.err.find("is not an item written framework:code") != std::string::npos);
}

TEST_CASE("cli frameworks: a bad mapping file is listed with its errors; the rest still load") {
    TempDir plugins;
    for (const char* id : {"eds2022", "cqc_saf"}) {
        fs::create_directories(plugins / id);
        fs::copy_file(plugins_dir / id / "framework.json", plugins / id / "framework.json");
    }
    fs::create_directories(plugins / "mappings");
    fs::copy_file(data_dir / "bad_mappings" / "unknown_codes.json",
                  plugins / "mappings" / "a_bad.json");
    fs::copy_file(plugins_dir / "mappings" / "eds2022_cqc_saf.json",
                  plugins / "mappings" / "eds2022_cqc_saf.json");
    const ProcessResult r = run_eqkit_in(plugins.path(), {}, {"frameworks"});
    CHECK(r.status == 0);
    const std::string bad = (plugins / "mappings" / "a_bad.json").generic_string();
    CHECK(r.out.find("Could not load:\n  " + bad +
                     ": /rows/1/from: code \"1Z\" is not in eds2022 (EDS 2022)\n  " + bad +
                     ": /rows/2/to: code \"WL-9\" is not in cqc_saf (CQC quality statements)\n") !=
          std::string::npos);
    // The good mapping beside it still links the two frameworks.
    const ProcessResult links = run_eqkit_in(plugins.path(), {}, {"crosswalk", "cqc_saf:RES-5"});
    CHECK(links.status == 0);
    CHECK(links.out.find("eds2022:1A") != std::string::npos);
}

TEST_CASE("cli assess: a CQC quality statements assessment is scored with its rating") {
    TempDir dir;
    const std::string file = (dir / "cqc.json").string();
    REQUIRE(run_eqkit({}, {"assess", "new", "--framework", "cqc_saf", "--out", file}).status == 0);
    // Safe: 2 + 3 = 5 of 8 = 62.5%, rounded half up to 63% → Good.
    REQUIRE(run_eqkit({}, {"assess", "set", file, "SAFE-1", "--score", "2"}).status == 0);
    REQUIRE(run_eqkit({}, {"assess", "set", file, "SAFE-2", "--score", "3"}).status == 0);
    const ProcessResult r = run_eqkit({}, {"assess", "score", file, "--json"});
    CHECK(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc.at("groups").at(0).at("percent") == 63);
    CHECK(doc.at("groups").at(0).at("band").at("label") == "Good");
    const auto& rating = doc.at("rating");
    CHECK(rating.at("method").at("id") == "statement_scores");
    CHECK(rating.at("groups").at(0).at("working") ==
          "2 + 3 = 5 of 8 = 62.50%, rounded to 63% → Good (63–87%)");
    CHECK(rating.at("overall").at("working").get<std::string>().rfind("not worked out", 0) == 0);
    const ProcessResult text = run_eqkit({}, {"assess", "score", file});
    CHECK(text.status == 0);
    CHECK(text.out.find("Key question SAFE, Safe: ") != std::string::npos);
    const ProcessResult report =
        run_eqkit({}, {"report", file, "--out", (dir / "r.html").string()});
    CHECK(report.status == 0);
}

TEST_CASE("cli crosswalk --workspace: evidence and answers given for linked items, not copied") {
    TempDir dir;
    REQUIRE(run_eqkit(dir.path(), {"workspace", "new", "ws"}).status == 0);
    REQUIRE(run_eqkit(dir.path(), {"assess", "new", "--framework", "eds2022", "--workspace", "ws"})
                .status == 0);
    REQUIRE(run_eqkit(dir.path(),
                      {"assess", "set", "ws/assessments/eds2022.json", "1A", "--score", "2"})
                .status == 0);
    REQUIRE(run_eqkit(dir.path(),
                      {"evidence", "add", "ws", "--note", "Audit notes", "--title", "Access audit",
                       "--item", "eds2022:1A", "--added-by", "Sam", "--today", "2026-01-10"})
                .status == 0);
    const auto before = snapshot(dir / "ws");
    const ProcessResult r =
        run_eqkit(dir.path(), {"crosswalk", "cqc_saf:RES-5", "--workspace", "ws"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Already in the workspace for linked items (2):\n"
                     "  evidence ev1 \"Access audit\" supports eds2022:1A\n"
                     "  answer to eds2022:1A in assessment eds2022: score 2\n"
                     "Nothing is copied until you accept a suggestion.\n") != std::string::npos);
    CHECK(snapshot(dir / "ws") == before);
    const ProcessResult j =
        run_eqkit(dir.path(), {"crosswalk", "cqc_saf:RES-5", "--workspace", "ws", "--json"});
    CHECK(j.status == 0);
    const auto doc = nlohmann::json::parse(j.out);
    REQUIRE(doc.at("suggestions").size() == 2);
    CHECK(doc.at("suggestions").at(0).at("kind") == "evidence");
    CHECK(doc.at("suggestions").at(1).at("score") == 2);
}

TEST_CASE("cli coverage: items with evidence here, through the crosswalk only, or none") {
    TempDir dir;
    REQUIRE(run_eqkit(dir.path(), {"workspace", "new", "ws"}).status == 0);
    REQUIRE(run_eqkit(dir.path(),
                      {"evidence", "add", "ws", "--note", "Audit notes", "--title", "Access audit",
                       "--item", "eds2022:1A", "--added-by", "Sam", "--today", "2026-01-10"})
                .status == 0);
    REQUIRE(run_eqkit(dir.path(),
                      {"evidence", "add", "ws", "--note", "Rota", "--title", "Staffing rota",
                       "--item", "cqc_saf:SAFE-6", "--added-by", "Sam", "--today", "2026-01-10"})
                .status == 0);
    const auto before = snapshot(dir / "ws");
    const ProcessResult r = run_eqkit(dir.path(), {"coverage", "ws", "--framework", "cqc_saf"});
    CHECK(r.status == 0);
    CHECK(r.out.find("  SAFE-6  Evidence here  Safe and effective staffing\n"
                     "      evidence: Staffing rota\n") != std::string::npos);
    // RES-5 has nothing of its own, but EDS 2022 1A, which the crosswalk links to it, has.
    CHECK(r.out.find("  RES-5  Through the crosswalk only  Equity in access\n"
                     "      linked: EDS 2022 1A") != std::string::npos);
    CHECK(r.out.find("  WL-8  None  ") != std::string::npos);
    const ProcessResult j =
        run_eqkit(dir.path(), {"coverage", "ws", "--framework", "cqc_saf", "--json"});
    const auto doc = nlohmann::json::parse(j.out);
    CHECK(doc.at("counts").at("direct") == 1);
    CHECK(doc.at("counts").at("direct").get<int>() + doc.at("counts").at("crosswalk").get<int>() +
              doc.at("counts").at("none").get<int>() ==
          34);
    CHECK(snapshot(dir / "ws") == before);  // nothing copied
    const ProcessResult unknown = run_eqkit(dir.path(), {"coverage", "ws", "--framework", "nope"});
    CHECK(unknown.status == 1);
    CHECK(unknown.err.find("ws: --framework: no framework with the id \"nope\" is loaded") !=
          std::string::npos);
}
