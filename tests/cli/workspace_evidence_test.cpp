// eqkit workspace new, assess new --workspace, evidence add | list | attach | detach.
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

// A temp folder holding the workspace ws, made by the CLI itself.
struct CliWorkspace {
    TempDir dir;

    CliWorkspace() { REQUIRE(run({"workspace", "new", "ws"}).status == 0); }
    [[nodiscard]] ProcessResult run(const std::vector<std::string>& args) const {
        return run_eqkit(dir.path(), args);
    }
    [[nodiscard]] ProcessResult add(const std::vector<std::string>& args) const {
        std::vector<std::string> all{"evidence", "add", "ws"};
        all.insert(all.end(), args.begin(), args.end());
        all.insert(all.end(), {"--added-by", "Jo Bloggs", "--today", "2024-05-01"});
        return run(all);
    }
    [[nodiscard]] nlohmann::json index() const {
        return nlohmann::json::parse(slurp(dir / "ws" / "workspace.json"));
    }
};

}  // namespace

TEST_CASE("cli workspace new: makes the folder, and never over an existing workspace") {
    TempDir dir;
    const ProcessResult r = run_eqkit(dir.path(), {"workspace", "new", "ws"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.starts_with("Created the workspace ws.\n"));
    CHECK(fs::exists(dir / "ws" / "workspace.json"));
    const ProcessResult again = run_eqkit(dir.path(), {"workspace", "new", "ws"});
    CHECK(again.status == 1);
    CHECK(again.err == "ws: there is already a workspace in this folder\n");
    CHECK(run_eqkit(dir.path(), {"workspace", "new"}).status == 2);
}

TEST_CASE("cli assess new --workspace: the assessment is stored in the workspace") {
    CliWorkspace w;
    const ProcessResult r = w.run({"assess", "new", "--framework", "eds2022", "--workspace", "ws",
                                   "--title", "Sunrise Care"});
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("Created the assessment eds2022 in ws: a new EDS 2022 assessment"));
    CHECK(read_assessment(w.dir / "ws" / "assessments" / "eds2022.json").title == "Sunrise Care");
    CHECK(w.run({"assess", "new", "--framework", "eds2022", "--workspace", "ws"}).status == 0);
    CHECK(w.index()["assessments"][1]["id"] == "eds2022-2");
    // It can be answered like any assessment file.
    CHECK(w.run({"assess", "set", "ws/assessments/eds2022.json", "1A", "--score", "2"}).status ==
          0);
    CHECK(w.run({"evidence", "list", "ws"}).status == 0);

    const ProcessResult both =
        w.run({"assess", "new", "--framework", "eds2022", "--workspace", "ws", "--out", "a.json"});
    CHECK(both.status == 2);
    // With neither, outside a workspace: a new file here, named after the framework.
    const ProcessResult neither = w.run({"assess", "new", "--framework", "eds2022"});
    CHECK(neither.status == 0);
    CHECK(neither.out.rfind("Created eds2022.json: a new EDS 2022 assessment", 0) == 0);
    const ProcessResult nowhere =
        w.run({"assess", "new", "--framework", "eds2022", "--workspace", "nope"});
    CHECK(nowhere.status == 1);
    CHECK(nowhere.err ==
          "nope: there is no workspace in this folder (no workspace.json)\n"
          "eqkit: make a workspace with \"eqkit workspace new nope\"\n");
}

TEST_CASE("cli evidence add: a file, a link and a note") {
    CliWorkspace w;
    spit(w.dir / "minutes.txt", "Minutes of the board.\n");
    const ProcessResult file =
        w.add({"minutes.txt", "--title", "Board minutes", "--item", "eds2022:1A", "--item",
               "freda:F", "--effective-from", "2024-01-01", "--effective-to", "2024-03-31",
               "--expires", "2025-01-01", "--description", "Approved."});
    CHECK(file.status == 0);
    CHECK(file.err.empty());
    CHECK(
        file.out.starts_with("Added ev1 \"Board minutes\" to ws: the file minutes.txt (22 "
                             "bytes, text/plain), stored as evidence/sha256/"));
    CHECK(file.out.ends_with("Supports: eds2022:1A freda:F\n"));
    const ProcessResult link = w.add(
        {"--link", "https://example.org/survey", "--title", "Survey", "--effective", "2024-02-01"});
    CHECK(link.status == 0);
    CHECK(link.out.find("It supports no item yet: eqkit evidence attach ws ev2") !=
          std::string::npos);
    CHECK(w.add({"--note", "We meet monthly.", "--title", "Forum"}).status == 0);

    const nlohmann::json index = w.index();
    REQUIRE(index["evidence"].size() == 3);
    CHECK(index["evidence"][0]["effective_to"] == "2024-03-31");
    CHECK(index["evidence"][0]["added_by"] == "Jo Bloggs");
    CHECK(index["evidence"][0]["description"] == "Approved.");
    CHECK(index["evidence"][1]["url"] == "https://example.org/survey");
    CHECK(index["evidence"][1]["effective_from"] == "2024-02-01");
    CHECK(index["evidence"][2]["text"] == "We meet monthly.");
    CHECK(index["evidence"][2]["effective_from"] == "2024-05-01");  // the day it was added
}

TEST_CASE("cli evidence add: mistakes are named by option, and nothing changes") {
    CliWorkspace w;
    const std::string before = slurp(w.dir / "ws" / "workspace.json");
    const ProcessResult none = w.add({"--title", "Nothing"});
    CHECK(none.status == 2);
    CHECK(none.err == "eqkit: evidence add: give exactly one of FILE, --link URL or --note TEXT\n");
    CHECK(w.add({"--note", "x", "--link", "https://example.org", "--title", "Two"}).status == 2);
    const ProcessResult bad =
        w.add({"--note", "x", "--title", "T", "--expires", "31/03/2025", "--item", "eds2022:9Z"});
    CHECK(bad.status == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err ==
          "eqkit: --expires: \"31/03/2025\" is not a date written YYYY-MM-DD (for "
          "example 2024-03-31)\n"
          "eqkit: --item: \"eds2022:9Z\": eds2022 has no item \"9Z\"\n");
    const ProcessResult missing = w.add({"nope.pdf", "--title", "Gone"});
    CHECK(missing.status == 1);
    CHECK(missing.err == "nope.pdf: cannot open the file (No such file or directory)\n");
    CHECK(slurp(w.dir / "ws" / "workspace.json") == before);
    CHECK(fs::is_empty(w.dir / "ws" / "evidence" / "sha256"));
}

TEST_CASE("cli evidence list: expired and missing, as text and JSON") {
    CliWorkspace w;
    REQUIRE(w.run({"assess", "new", "--framework", "freda", "--workspace", "ws"}).status == 0);
    REQUIRE(w.add({"--note", "Old policy.", "--title", "Policy", "--item", "freda:F", "--expires",
                   "2024-06-30"})
                .status == 0);
    const ProcessResult text = w.run({"evidence", "list", "ws", "--today", "2024-07-01"});
    CHECK(text.status == 0);
    CHECK(text.out.find("Evidence in ws (1 piece, as of 2024-07-01):\n  ev1  note  Policy (note)\n"
                        "      effective 2024-05-01; EXPIRED on 2024-06-30; added 2024-05-01 by "
                        "Jo Bloggs\n      supports: freda:F\n") != std::string::npos);
    CHECK(text.out.find("  F  ev1 (EXPIRED)  ONLY EXPIRED EVIDENCE  ") != std::string::npos);
    CHECK(text.out.find("  R  MISSING: no evidence  ") != std::string::npos);

    const ProcessResult json = w.run({"evidence", "list", "ws", "--json", "--today", "2024-06-30"});
    REQUIRE(json.status == 0);
    const nlohmann::json j = nlohmann::json::parse(json.out);
    CHECK(j["evidence"][0]["expired"] == false);  // expiring today is still current
    CHECK(j["items"][0] == nlohmann::json::parse(R"({"framework":"freda","item":"F",
        "title":)" + nlohmann::json(j["items"][0]["title"]).dump() +
                                                 R"(,"evidence":["ev1"],
        "expired":[],"missing":false,"only_expired":false})"));
    CHECK(j["items"][1]["missing"] == true);
    CHECK(w.run({"evidence", "list", "ws", "--today", "soon"}).status == 2);
}

TEST_CASE("cli evidence attach and detach") {
    CliWorkspace w;
    REQUIRE(w.add({"--note", "Text.", "--title", "Note"}).status == 0);
    const ProcessResult attached =
        w.run({"evidence", "attach", "ws", "ev1", "eds2022:1A", "freda:R"});
    CHECK(attached.status == 0);
    CHECK(attached.out == "ev1 \"Note\" now supports: eds2022:1A, freda:R\n");
    CHECK(w.run({"evidence", "detach", "ws", "ev1", "freda:R"}).out ==
          "ev1 \"Note\" now supports: eds2022:1A\n");
    const ProcessResult wrong = w.run({"evidence", "attach", "ws", "ev1", "eds2022:1Z"});
    CHECK(wrong.status == 1);
    CHECK(wrong.err == "eqkit: --item: \"eds2022:1Z\": eds2022 has no item \"1Z\"\n");
}
