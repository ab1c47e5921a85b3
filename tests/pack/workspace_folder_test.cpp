// The workspace folder: layout, content-addressed evidence, strict loading, atomic saves.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/dates.hpp"
#include "eqkit/evidence_index.hpp"
#include "eqkit/hash.hpp"
#include "pack_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {
// workspace.json with one change, then every problem the loader reports.
std::string load_errors_after(const TempDir& dir,
                              const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json index = nlohmann::json::parse(slurp(dir / "ws" / "workspace.json"));
    edit(index);
    spit(dir / "ws" / "workspace.json", index.dump(2));
    Checked<WorkspaceFolder> ws = WorkspaceFolder::open(dir / "ws", shipped_registry());
    REQUIRE_FALSE(ws.has_value());
    return join_messages(ws.error());
}
}  // namespace

TEST_CASE("workspace folder: a new one has the documented layout and opens empty") {
    TempDir dir;
    REQUIRE(WorkspaceFolder::create(dir / "ws", shipped_registry()).has_value());
    CHECK(fs::is_directory(dir / "ws" / "assessments"));
    CHECK(fs::is_directory(dir / "ws" / "evidence" / "sha256"));
    const auto index = nlohmann::json::parse(slurp(dir / "ws" / "workspace.json"));
    CHECK(index == nlohmann::json::parse(
                       R"({"format":"eqkit-workspace/1","assessments":[],"evidence":[]})"));
    const WorkspaceFolder ws = open_workspace(dir / "ws");
    CHECK(ws.assessments().empty());
    CHECK(ws.evidence().empty());
}

TEST_CASE("workspace folder: never made over an existing workspace or a folder in use") {
    TempDir dir;
    REQUIRE(WorkspaceFolder::create(dir / "ws", shipped_registry()).has_value());
    Result<WorkspaceFolder> again = WorkspaceFolder::create(dir / "ws", shipped_registry());
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().reason == "there is already a workspace in this folder");
    spit(dir / "other", "x");
    fs::create_directories(dir / "busy");
    spit(dir / "busy" / "notes.txt", "x");
    CHECK(WorkspaceFolder::create(dir / "busy", shipped_registry()).error().reason ==
          "the folder is not empty; choose a new or empty folder");
    CHECK(WorkspaceFolder::create(dir / "other", shipped_registry()).error().reason ==
          "this is a file, not a folder");
}

TEST_CASE("workspace folder: everything saved reloads the same") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    const WorkspaceFolder again = open_workspace(dir / "ws");
    REQUIRE(again.assessments().size() == 2);
    CHECK(again.assessments()[0].entry ==
          AssessmentEntry{"eds2022", "assessments/eds2022.json", "eds2022", "2022"});
    CHECK(again.assessments()[0].assessment == ws.assessments()[0].assessment);
    CHECK(again.evidence() == ws.evidence());
    CHECK(again.evidence().size() == 5);
    CHECK(again.find_evidence("ev1")->supports ==
          std::vector<std::string>{"eds2022:1A", "eds2022:2B"});
}

TEST_CASE("workspace folder: evidence files are stored once, named by their SHA-256") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    const Evidence& minutes = *ws.find_evidence("ev2");
    const Evidence& again = *ws.find_evidence("ev3");
    CHECK(minutes.sha256 == again.sha256);
    CHECK(minutes.sha256 == sha256_file(dir / "minutes.txt")->sha256);
    CHECK(minutes.media_type == "text/plain");
    CHECK(minutes.original_name == "minutes.txt");
    CHECK(ws.find_evidence("ev1")->media_type == "application/pdf");
    std::size_t stored = 0;
    for (const auto& entry : fs::directory_iterator(dir / "ws" / "evidence" / "sha256")) {
        CHECK(is_sha256_hex(entry.path().filename().string()));  // no temporary file left
        CHECK(sha256_file(entry.path())->sha256 == entry.path().filename().string());
        ++stored;
    }
    CHECK(stored == 2);
}

TEST_CASE("workspace folder: dates default to the day evidence is added, and are checked") {
    TempDir dir;
    WorkspaceFolder ws = sample_workspace(dir);
    CHECK(ws.find_evidence("ev4")->effective_from == "2024-05-04");
    CHECK(ws.find_evidence("ev4")->added_on == "2024-05-04");
    EvidenceDetails bad = details("Bad dates");
    bad.effective_from = "2024-02-30";
    bad.effective_to = "2023-01-01";
    bad.expires = "31/03/2025";
    Checked<std::string> added = ws.add_note("text", bad, "2024-06-01");
    REQUIRE_FALSE(added.has_value());
    CHECK(join_messages(added.error()) ==
          "effective_from: \"2024-02-30\" is not a date written YYYY-MM-DD (for example "
          "2024-03-31)\n"
          "expires: \"31/03/2025\" is not a date written YYYY-MM-DD (for example 2024-03-31)\n");
    bad.effective_from = "2024-02-29";
    added = ws.add_note("text", bad, "2024-06-01");
    CHECK(join_messages(added.error())
              .find("effective_to: the period ends (2023-01-01) before it starts (2024-02-29)") !=
          std::string::npos);
    CHECK(ws.evidence().size() == 5);  // nothing added
}

TEST_CASE("workspace folder: items are checked against the loaded frameworks") {
    TempDir dir;
    WorkspaceFolder ws = sample_workspace(dir);
    Checked<std::string> added =
        ws.add_note("text", details("x", {"eds2022:9Z", "nope:1A", "1A"}), "2024-06-01");
    REQUIRE_FALSE(added.has_value());
    CHECK(join_messages(added.error()) ==
          "supports: \"1A\" is not an item written framework:code (for example eds2022:1A)\n"
          "supports: \"eds2022:9Z\": eds2022 has no item \"9Z\"\n"
          "supports: \"nope:1A\" names framework \"nope\", which is not loaded\n");
    CHECK(ws.attach("ev5", "freda:R").has_value());
    CHECK(ws.attach("ev5", "freda:R").has_value());  // already attached: no change
    CHECK(ws.find_evidence("ev5")->supports == std::vector<std::string>{"freda:R"});
    CHECK(ws.detach("ev5", "freda:R").has_value());
    CHECK(ws.detach("ev5", "freda:R").error().reason == "evidence ev5 is not attached to freda:R");
    CHECK(ws.attach("ev99", "freda:R").error().reason == "there is no evidence with id \"ev99\"");
    CHECK(open_workspace(dir / "ws").find_evidence("ev5")->supports.empty());
}

TEST_CASE("workspace folder: links must be web addresses, notes must say something") {
    TempDir dir;
    WorkspaceFolder ws = sample_workspace(dir);
    CHECK(join_messages(ws.add_link("javascript:alert(1)", details("x"), "2024-06-01").error())
              .starts_with("url: a link must be a web address starting https:// or http://"));
    CHECK(join_messages(ws.add_note("  ", details(""), "2024-06-01").error()) ==
          "title: this must not be empty\ntext: this must not be empty\n");
}

TEST_CASE("workspace folder: the loader reports every problem as file: pointer: reason") {
    TempDir dir;
    (void)sample_workspace(dir);
    const std::string file = (dir / "ws" / "workspace.json").generic_string();
    const std::string errors = load_errors_after(dir, [](nlohmann::json& j) {
        j["evidence"][0]["expires"] = "2025-13-01";
        j["evidence"][1]["kind"] = "video";
        j["evidence"][2]["colour"] = "red";
        j["evidence"][3]["url"] = "file:///etc/passwd";
        j["evidence"][4]["supports"] = {"eds2022:1A", "eds2022:1A"};
        j["assessments"][1]["file"] = "../../elsewhere.json";
        j["extra"] = true;
    });
    CHECK(errors ==
          file + ": /assessments/1/file: expected \"assessments/freda.json\"\n" + file +
              ": /evidence/0/expires: \"2025-13-01\" is not a date written YYYY-MM-DD (for example "
              "2024-03-31)\n" +
              file +
              ": /evidence/1/kind: \"video\" is not a kind of evidence (file, link or note)\n" +
              file + ": /evidence/2/colour: unknown key \"colour\"\n" + file +
              ": /evidence/3/url: a link must be a web address starting https:// or http://, of at "
              "most 2000 characters, without spaces\n" +
              file + ": /evidence/4/supports/1: \"eds2022:1A\" is listed twice\n" + file +
              ": /extra: unknown key \"extra\"\n");
}

TEST_CASE("workspace folder: duplicate ids, bad hashes and missing assessment files") {
    TempDir dir;
    (void)sample_workspace(dir);
    fs::remove(dir / "ws" / "assessments" / "freda.json");
    const std::string errors = load_errors_after(dir, [](nlohmann::json& j) {
        j["evidence"][1]["id"] = "ev1";
        j["evidence"][2]["sha256"] = "ABC";
    });
    const std::string file = (dir / "ws" / "workspace.json").generic_string();
    CHECK(errors.find(file + ": /evidence/1/id: id \"ev1\" is used twice\n") != std::string::npos);
    CHECK(errors.find(file + ": /evidence/2/sha256: expected 64 lower-case hex digits\n") !=
          std::string::npos);
    CHECK(errors.find((dir / "ws" / "assessments" / "freda.json").generic_string() +
                      ": the file does not exist\n") != std::string::npos);
}

TEST_CASE("workspace folder: a folder without workspace.json is not a workspace") {
    TempDir dir;
    Checked<WorkspaceFolder> ws = WorkspaceFolder::open(dir.path(), shipped_registry());
    REQUIRE_FALSE(ws.has_value());
    CHECK(join_messages(ws.error()) ==
          dir.path().generic_string() +
              ": there is no workspace in this folder (no workspace.json)\n");
}

TEST_CASE("evidence by item: missing and expired, in framework order") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    const std::vector<ItemEvidence> items = evidence_by_item(ws, "2025-04-01");
    REQUIRE(items.size() == 11 + 5);  // eds2022 and freda
    CHECK(items[0].ref() == "eds2022:1A");
    CHECK(items[0].evidence.size() == 2);
    CHECK(items[0].expired == 1);  // the policy expired on 2025-03-31
    CHECK_FALSE(items[0].only_expired());
    CHECK(items[1].missing());
    CHECK(items[5].ref() == "eds2022:2B");
    CHECK(items[5].only_expired());
    const std::vector<ItemEvidence> before = evidence_by_item(ws, "2025-03-31");
    CHECK(before[5].expired == 0);  // expiring today is still current
    CHECK(items[11].ref() == "freda:F");
    CHECK(items[11].evidence.size() == 1);
}

TEST_CASE("dates: real calendar dates only") {
    CHECK(is_iso_date("2024-02-29"));
    CHECK_FALSE(is_iso_date("2023-02-29"));
    CHECK_FALSE(is_iso_date("2024-04-31"));
    CHECK_FALSE(is_iso_date("2024-4-30"));
    CHECK_FALSE(is_iso_date("1899-12-31"));
    CHECK_FALSE(is_iso_date("2024-01-01T00:00"));
    CHECK(is_iso_date(today_iso()));
}

TEST_CASE("evidence ids: the next number after the highest, never a clash") {
    const auto with_ids = [](std::vector<std::string> ids) {
        std::vector<Evidence> out;
        for (std::string& id : ids) {
            Evidence e;
            e.id = std::move(id);
            out.push_back(std::move(e));
        }
        return out;
    };
    CHECK(next_evidence_id({}) == "ev1");
    CHECK(next_evidence_id(with_ids({"ev2", "evidence", "ev10x", "other"})) == "ev3");
    CHECK(next_evidence_id(with_ids({"ev1", "ev18446744073709551615"})) == "ev2");
}

TEST_CASE("workspace folder: files a crash left half-written are cleared away, later") {
    TempDir dir;
    WorkspaceFolder ws = sample_workspace(dir);
    const fs::path old_file = ws.blob_folder() / ".incoming-crashed";
    const fs::path new_file = ws.blob_folder() / ".incoming-busy";
    spit(old_file, "half");
    spit(new_file, "being written by another eqkit right now");
    fs::last_write_time(old_file, fs::file_time_type::clock::now() - std::chrono::hours(2));
    spit(dir / "more.txt", "more");
    REQUIRE(ws.add_file(dir / "more.txt", details("More"), "2024-06-01").has_value());
    CHECK_FALSE(fs::exists(old_file));
    CHECK(fs::exists(new_file));
}

TEST_CASE("workspace folder: editing evidence keeps its content, id and the day it was added") {
    TempDir dir;
    WorkspaceFolder ws = sample_workspace(dir);
    const Evidence before = *ws.find_evidence("ev2");
    EvidenceDetails changed = details("Board minutes, March", {"freda:E"});
    changed.expires = "2026-01-01";
    REQUIRE(ws.edit_evidence("ev2", changed).has_value());
    const Evidence after = *open_workspace(dir / "ws").find_evidence("ev2");
    CHECK(after.id == "ev2");
    CHECK(after.title == "Board minutes, March");
    CHECK(after.expires == "2026-01-01");
    CHECK(after.supports == std::vector<std::string>{"freda:E"});
    CHECK(after.effective_from == before.effective_from);
    CHECK(after.added_on == before.added_on);
    CHECK(after.sha256 == before.sha256);
    changed.title = "";
    CHECK(join_messages(ws.edit_evidence("ev2", changed).error()) ==
          "title: this must not be empty\n");
    CHECK(join_messages(ws.edit_evidence("ev9", changed).error())
              .ends_with("there is no evidence with id \"ev9\"\n"));
}
