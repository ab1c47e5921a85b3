// LibraryApi: the JSON interface the web faces use over a workspace folder.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/assessment.hpp"
#include "eqkit/library_api.hpp"
#include "pack_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;
using nlohmann::json;

namespace {

json parsed(const std::string& text) {
    json out = json::parse(text, nullptr, false);
    REQUIRE_FALSE(out.is_discarded());
    return out;
}

// Asserts success and returns the answer.
json must(const std::string& text) {
    json out = parsed(text);
    INFO(text);
    REQUIRE(out.at("ok") == true);
    return out;
}

std::vector<std::string> ids_of(const json& rows) {
    std::vector<std::string> ids;
    for (const json& row : rows)
        ids.push_back(row.at("id"));
    return ids;
}

const std::string today = "2025-06-01";

// An open library with a note (expired, attached), a link (unattached) and a file (attached).
struct Library {
    TempDir dir;
    LibraryApi api{shipped_registry(), "9.9.9"};

    Library() {
        must(api.open(dir / "ws"));
        must(api.add(R"({"kind":"note","text":"We meet the carers' forum monthly.",
            "title":"Carers' forum","added_by":"Jo","expires":"2025-01-31",
            "supports":["eds2022:1A"]})",
                     today));
        must(api.add(R"({"kind":"link","url":"https://example.org/survey","title":"Survey",
            "added_by":"Jo"})",
                     today));
        spit(dir / "minutes.txt", "Board minutes.\n");
        must(api.add(json{{"kind", "file"},
                          {"path", (dir / "minutes.txt").string()},
                          {"title", "Minutes"},
                          {"added_by", "Jo"},
                          {"effective_from", "2025-03-01"},
                          {"effective_to", "2025-03-31"},
                          {"supports", {"eds2022:1A", "eds2022:2B"}}}
                         .dump(),
                     today));
    }
};

}  // namespace

TEST_CASE("library api: open makes a workspace the first time and reopens it after") {
    TempDir dir;
    LibraryApi api(shipped_registry(), "1.0");
    CHECK(must(api.open(dir / "ws")).at("created") == true);
    CHECK(fs::exists(dir / "ws" / "workspace.json"));
    LibraryApi again(shipped_registry(), "1.0");
    const json reopened = must(again.open(dir / "ws"));
    CHECK(reopened.at("created") == false);
    CHECK(reopened.at("evidence") == 0);
}

TEST_CASE("library api: a folder that is not a workspace is refused with the reason") {
    TempDir dir;
    fs::create_directories(dir / "busy");
    spit(dir / "busy" / "notes.txt", "x");
    LibraryApi api(shipped_registry(), "1.0");
    const json out = parsed(api.open(dir / "busy"));
    CHECK(out.at("ok") == false);
    CHECK(out.at("errors").at(0).at("message").get<std::string>().find("the folder is not empty") !=
          std::string::npos);
}

TEST_CASE("library api: nothing works before a workspace is open") {
    LibraryApi api(shipped_registry(), "1.0");
    const json out = parsed(api.list("all", today));
    CHECK(out.at("ok") == false);
    CHECK(out.at("errors").at(0).at("message") == "no workspace is open");
}

TEST_CASE("library api: lists every piece with its dates, status and what it supports") {
    Library lib;
    const json all = must(lib.api.list("all", today));
    REQUIRE(all.at("evidence").size() == 3);
    CHECK(all.at("counts") == json{{"all", 3}, {"expired", 1}, {"unattached", 1}});
    const json& note = all.at("evidence").at(0);
    CHECK(note.at("id") == "ev1");
    CHECK(note.at("kind") == "note");
    CHECK(note.at("expired") == true);
    CHECK(note.at("status") == "Expired");
    CHECK(note.at("attached") == true);
    CHECK(note.at("added_on") == today);
    CHECK(note.at("effective_from") == today);  // defaults to the day it was added
    const json& link = all.at("evidence").at(1);
    CHECK(link.at("status") == "Not attached");
    CHECK(link.at("url") == "https://example.org/survey");
    const json& file = all.at("evidence").at(2);
    CHECK(file.at("status") == "Current");
    CHECK(file.at("original_name") == "minutes.txt");
    CHECK(file.at("size") == 15);
    CHECK(file.at("effective_to") == "2025-03-31");
    CHECK(file.at("supports") == json{"eds2022:1A", "eds2022:2B"});
}

TEST_CASE("library api: filters by expired and by unattached; today decides what has expired") {
    Library lib;
    CHECK(ids_of(must(lib.api.list("expired", today)).at("evidence")) ==
          std::vector<std::string>{"ev1"});
    CHECK(ids_of(must(lib.api.list("unattached", today)).at("evidence")) ==
          std::vector<std::string>{"ev2"});
    CHECK(must(lib.api.list("expired", "2025-01-31")).at("evidence").empty());
    CHECK(parsed(lib.api.list("old", today)).at("ok") == false);
}

TEST_CASE("library api: invalid details come back field by field, and nothing is added") {
    Library lib;
    const json out = parsed(lib.api.add(R"({"kind":"note","text":"x","title":"",
        "added_by":"Jo","expires":"31/01/2025","supports":["eds2022:9Z"]})",
                                        today));
    REQUIRE(out.at("ok") == false);
    std::map<std::string, std::string> by_field;
    for (const json& e : out.at("errors"))
        by_field[e.at("field")] = e.at("message");
    CHECK(by_field.at("title") == "Title: this must not be empty");
    CHECK(by_field.at("expires").starts_with("Expiry date: "));
    CHECK(by_field.at("supports").starts_with("Items it supports: "));
    CHECK(must(lib.api.list("all", today)).at("counts").at("all") == 3);
}

TEST_CASE("library api: a request that is not what it should be is refused, not guessed at") {
    Library lib;
    CHECK(parsed(lib.api.add("not json", today)).at("ok") == false);
    const json kind = parsed(lib.api.add(R"({"kind":"photo","title":"x"})", today));
    CHECK(kind.at("errors").at(0).at("message").get<std::string>().find(
              "\"photo\" is not file, link or note") != std::string::npos);
    const json file = parsed(lib.api.add(R"({"kind":"file","title":"x","added_by":"Jo"})", today));
    CHECK(file.at("errors").at(0) ==
          json{{"field", "path"}, {"message", "File: choose a file to add"}});
}

TEST_CASE("library api: edit, attach and detach change the stored details") {
    Library lib;
    must(lib.api.edit("ev2", R"({"title":"Staff survey 2025","added_by":"Sam",
        "expires":"2026-01-01","supports":["freda:F"]})"));
    json link = must(lib.api.get("ev2", today)).at("evidence");
    CHECK(link.at("title") == "Staff survey 2025");
    CHECK(link.at("added_by") == "Sam");
    CHECK(link.at("supports") == json{"freda:F"});
    CHECK(link.at("url") == "https://example.org/survey");  // the content stays
    must(lib.api.attach("ev2", "eds2022:3A"));
    must(lib.api.detach("ev2", "freda:F"));
    link = must(lib.api.get("ev2", today)).at("evidence");
    CHECK(link.at("supports") == json{"eds2022:3A"});
    CHECK(parsed(lib.api.attach("ev2", "eds2022:nope")).at("ok") == false);
    CHECK(parsed(lib.api.detach("ev9", "eds2022:3A")).at("ok") == false);
    CHECK(parsed(lib.api.edit("ev2", R"({"title":""})")).at("errors").at(0).at("field") == "title");
}

TEST_CASE("library api: evidence per item says which is missing and which only expired") {
    Library lib;
    must(lib.api.edit("ev3", R"({"title":"Minutes","added_by":"Jo","expires":"2025-02-01",
        "supports":["eds2022:1A","eds2022:2B"]})"));
    const json one_a = must(lib.api.item("eds2022:1A", today));
    CHECK(ids_of(one_a.at("evidence")) == std::vector<std::string>{"ev1", "ev3"});
    CHECK(one_a.at("only_expired") == true);
    CHECK(one_a.at("missing") == false);
    const json three_a = must(lib.api.item("eds2022:3A", today));
    CHECK(three_a.at("missing") == true);
    CHECK(parsed(lib.api.item("nope:1A", today)).at("ok") == false);

    const json items = must(lib.api.items(today)).at("items");
    const auto find = [&](const std::string& ref) {
        for (const json& i : items)
            if (i.at("ref") == ref) return i;
        FAIL("no item " << ref);
        return json();
    };
    CHECK(find("eds2022:2B").at("evidence") == json{"ev3"});
    CHECK(find("eds2022:2B").at("only_expired") == true);
    CHECK(find("eds2022:3A").at("missing") == true);
}

TEST_CASE("library api: the open assessment is stored, then replaced, under its framework") {
    Library lib;
    const Framework& eds = *shipped_registry().find("eds2022");
    Assessment a = new_assessment(eds);
    a.title = "Sunrise Care";
    const json first = must(lib.api.store_assessment(assessment_to_json(eds, a)));
    CHECK(first.at("id") == "eds2022");
    CHECK(first.at("replaced") == false);
    Answer answer;
    answer.score = 2;
    REQUIRE(set_answer(eds, a, "1A", answer).has_value());
    CHECK(must(lib.api.store_assessment(assessment_to_json(eds, a))).at("replaced") == true);
    const WorkspaceFolder ws = open_workspace(lib.dir / "ws");
    REQUIRE(ws.assessments().size() == 1);
    CHECK(ws.assessments()[0].assessment.answer("1A").score == 2);
    CHECK(parsed(lib.api.store_assessment("{}")).at("ok") == false);
}

TEST_CASE("library api: a framework id with '_' is stored under an id the workspace accepts") {
    Library lib;
    const Framework& saf = *shipped_registry().find("cqc_saf");
    Assessment a = new_assessment(saf);
    a.title = "Sunrise Care, CQC";
    const json stored = must(lib.api.store_assessment(assessment_to_json(saf, a)));
    CHECK(stored.at("id") == "cqc-saf");
    CHECK(must(lib.api.store_assessment(assessment_to_json(saf, a))).at("replaced") == true);
    const WorkspaceFolder ws = open_workspace(lib.dir / "ws");
    REQUIRE(ws.assessments().size() == 1);
    CHECK(ws.assessments()[0].entry.framework == "cqc_saf");
}

TEST_CASE("library api: the personal data scan lists where it found what") {
    Library lib;
    CHECK(must(lib.api.personal_data()).at("findings").empty());
    must(lib.api.add(R"({"kind":"note","text":"Resident NHS number 943 476 5919.",
        "title":"Incident","added_by":"Jo"})",
                     today));
    const json scan = must(lib.api.personal_data());
    REQUIRE(scan.at("findings").size() == 1);
    CHECK(scan.at("findings").at(0).at("where").get<std::string>().find("ev4") !=
          std::string::npos);
    CHECK(scan.at("findings").at(0).at("what").get<std::string>().find("NHS number") !=
          std::string::npos);
    CHECK(scan.at("message").get<std::string>().starts_with("The pack may hold personal data"));
}

TEST_CASE("library api: export with progress, verify, tamper, and import into another") {
    Library lib;
    const fs::path pack = lib.dir / "pack.zip";
    std::uint64_t last_done = 0;
    std::uint64_t last_total = 0;
    const json exported =
        must(lib.api.export_pack(pack, [&](std::uint64_t done, std::uint64_t total) {
            last_done = done;
            last_total = total;
            return true;
        }));
    CHECK(exported.at("evidence_files") == 1);
    CHECK(exported.at("links_and_notes") == 2);
    CHECK(exported.at("bytes") == fs::file_size(pack));
    CHECK(last_total > 0);
    CHECK(last_done == last_total);

    const json verified = must(LibraryApi::verify_pack(pack, {}));
    CHECK(verified.at("intact") == true);
    CHECK(verified.at("problems").empty());
    CHECK(verified.at("signature").is_null());
    CHECK(verified.at("signature_message").get<std::string>().starts_with("Not signed"));
    CHECK(verified.at("message").get<std::string>().starts_with("pack.zip is intact"));

    TempDir other;
    LibraryApi into(shipped_registry(), "1.0");
    must(into.open(other / "ws"));
    const json imported = must(into.import_pack(pack, {}));
    CHECK(imported.at("added_evidence").size() == 3);
    CHECK(must(into.list("all", today)).at("counts").at("all") == 3);
    const json again = must(into.import_pack(pack, {}));
    CHECK(again.at("already_present").size() == 3);

    // One byte of the evidence file changed: verify names it, import refuses the pack.
    std::string bytes = slurp(pack);
    const std::size_t at = bytes.find("Board minutes.");
    REQUIRE(at != std::string::npos);
    bytes[at] = 'b';
    spit(lib.dir / "bad.zip", bytes);
    const json bad = must(LibraryApi::verify_pack(lib.dir / "bad.zip", {}));
    CHECK(bad.at("intact") == false);
    REQUIRE_FALSE(bad.at("problems").empty());
    CHECK(bad.at("problems").at(0).at("file") == "bad.zip");
    CHECK(bad.at("problems").at(0).at("message").get<std::string>().find("minutes.txt") !=
          std::string::npos);
    const json refused = parsed(into.import_pack(lib.dir / "bad.zip", {}));
    CHECK(refused.at("ok") == false);
    CHECK(must(into.list("all", today)).at("counts").at("all") == 3);
}
