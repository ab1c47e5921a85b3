// eqkit actions list | add | set, and the carry-over of open actions into next year's
// assessment (eqkit assess new --workspace), run as the real binary.
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

struct Plan {
    TempDir dir;

    Plan() {
        ok({"workspace", "new", "ws"});
        ok({"assess", "new", "--framework", "eds2022", "--workspace", "ws", "--title", "2025"});
        ok({"assess", "new", "--framework", "eira_nhs", "--workspace", "ws"});
    }
    [[nodiscard]] ProcessResult run(const std::vector<std::string>& args) const {
        return run_eqkit(dir.path(), args);
    }
    void ok(const std::vector<std::string>& args) const {
        const ProcessResult r = run(args);
        CAPTURE(r.err);
        REQUIRE(r.status == 0);
    }
    void add(const std::string& item, const std::string& owner, const std::string& due,
             const std::string& text) const {
        ok({"actions", "add", "ws", "--item", item, "--owner", owner, "--due", due, "--text", text,
            "--today", "2025-04-01"});
    }
    [[nodiscard]] nlohmann::json list(std::vector<std::string> extra) const {
        std::vector<std::string> args{"actions", "list", "ws", "--json", "--today", "2025-09-01"};
        args.insert(args.end(), extra.begin(), extra.end());
        const ProcessResult r = run(args);
        REQUIRE(r.status == 0);
        return nlohmann::json::parse(r.out)["actions"];
    }
};

std::vector<std::string> ids(const nlohmann::json& actions) {
    std::vector<std::string> out;
    for (const nlohmann::json& a : actions)
        out.push_back(a["id"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("cli actions: one list across assessments, filtered by owner, status and overdue") {
    Plan p;
    p.add("eds2022:1A", "Jo Bloggs", "2025-06-30", "Publish the patient survey by ethnicity");
    p.add("eira_nhs:race", "Sam Patel", "2025-12-31", "Open on Thursday evenings");
    p.add("eds2022:2B", "jo bloggs", "2026-01-31", "Train managers");
    CHECK(ids(p.list({})) == std::vector<std::string>{"a1", "a2", "a3"});
    CHECK(ids(p.list({"--owner", "Jo Bloggs"})) == std::vector<std::string>{"a1", "a3"});
    CHECK(ids(p.list({"--overdue"})) == std::vector<std::string>{"a1"});
    CHECK(p.list({"--overdue"})[0]["due_words"] == "Overdue by 63 days");
    CHECK(ids(p.list({"--framework", "eira_nhs"})) == std::vector<std::string>{"a2"});
    CHECK(p.list({})[1]["assessment"] == "eira-nhs");  // linked to the latest assessment

    p.ok({"actions", "set", "ws", "a1", "--status", "done", "--today", "2025-09-02"});
    CHECK(ids(p.list({"--overdue"})).empty());
    CHECK(ids(p.list({"--status", "open"})) == std::vector<std::string>{"a2", "a3"});
    const nlohmann::json a1 = p.list({"--status", "done"})[0];
    CHECK(a1["history"].back()["change"] == "status Open → Done");
}

TEST_CASE("cli actions: bad input is refused with file: place: reason, and nothing saved") {
    Plan p;
    const ProcessResult bad = p.run({"actions", "add", "ws", "--item", "eds2022:9Z", "--owner",
                                     "Jo", "--due", "31/12/2025", "--text", "x"});
    CHECK(bad.status == 1);
    CHECK(bad.err ==
          "ws/actions.json: --due: write the due date as YYYY-MM-DD\n"
          "ws/actions.json: --item: \"9Z\" is not an item or row of eds2022\n");
    CHECK_FALSE(fs::exists(p.dir / "ws" / "actions.json"));
    p.add("eds2022:1A", "Jo", "2025-06-30", "Publish");
    const ProcessResult drop = p.run({"actions", "set", "ws", "a1", "--status", "dropped"});
    CHECK(drop.status == 1);
    CHECK(drop.err ==
          "ws/actions.json: --reason: a dropped action needs the reason it was "
          "dropped\n");
    p.ok({"actions", "set", "ws", "a1", "--status", "dropped", "--reason", "Service closed"});
    CHECK(p.list({})[0]["reason"] == "Service closed");
    CHECK(p.run({"actions", "set", "ws", "a9", "--status", "done"}).status == 1);
}

TEST_CASE("cli actions list --csv: quoted fields, CRLF, a UTF-8 byte order mark") {
    Plan p;
    p.add("eds2022:1A", "Siân O'Brien", "2025-06-30", "Ask \"why\", then act\nand report");
    p.add("eds2022:1B", "Jo", "2025-06-30", "=HYPERLINK(\"http://x\")");
    const ProcessResult r = p.run({"actions", "list", "ws", "--csv", "--today", "2025-09-01"});
    REQUIRE(r.status == 0);
    CHECK(
        r.out.starts_with("\xEF\xBB\xBFID,Status,Overdue,Due,Owner,Action,Item,Assessment,"
                          "Evidence,Carried over,Reason\r\n"));
    CHECK(r.out.find("a1,Open,Yes,2025-06-30,Siân O'Brien,\"Ask \"\"why\"\", then act\nand "
                     "report\",eds2022:1A,eds2022,,,\r\n") != std::string::npos);
    CHECK(r.out.find(",\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
}

TEST_CASE("cli actions list --html: an accessible page with the overdue in words") {
    Plan p;
    p.add("eds2022:1A", "Jo", "2025-06-30", "Publish <the> survey");
    const ProcessResult r =
        p.run({"actions", "list", "ws", "--html", "plan.html", "--today", "2025-09-01"});
    REQUIRE(r.status == 0);
    const std::string html = slurp(p.dir / "plan.html");
    CHECK(html.find("<caption>Actions</caption>") != std::string::npos);
    CHECK(html.find("Publish &lt;the&gt; survey") != std::string::npos);
    CHECK(html.find("<strong>Overdue by 63 days</strong>") != std::string::npos);
}

TEST_CASE(
    "cli assess new: actions added before any assessment of the framework go into the first") {
    TempDir dir;
    const auto run = [&dir](const std::vector<std::string>& args) {
        return run_eqkit(dir.path(), args);
    };
    REQUIRE(run({"workspace", "new", "ws"}).status == 0);
    REQUIRE(run({"actions", "add", "ws", "--item", "freda:F", "--owner", "Jo", "--due",
                 "2099-01-31", "--text", "Ask residents"})
                .status == 0);
    const ProcessResult r =
        run({"assess", "new", "--framework", "freda", "--workspace", "ws", "--title", "2026"});
    CHECK(r.status == 0);
    CHECK(
        r.out.starts_with("Carried 1 open action(s) that were linked to no assessment yet, "
                          "marked as carried over"));
}

TEST_CASE("cli assess new: next year's assessment carries every open action, no closed one") {
    Plan p;
    p.add("eds2022:1A", "Jo", "2025-06-30", "Open one");
    p.add("eds2022:1B", "Jo", "2025-06-30", "In progress one");
    p.add("eds2022:2A", "Jo", "2025-06-30", "Done one");
    p.add("eds2022:2B", "Jo", "2025-06-30", "Dropped one");
    p.add("eira_nhs:race", "Sam", "2025-06-30", "Another framework");
    p.ok({"actions", "set", "ws", "a2", "--status", "in_progress"});
    p.ok({"actions", "set", "ws", "a3", "--status", "done"});
    p.ok({"actions", "set", "ws", "a4", "--status", "dropped", "--reason", "No longer needed"});
    const ProcessResult r =
        p.run({"assess", "new", "--framework", "eds2022", "--workspace", "ws", "--title", "2026"});
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("Carried 2 open action(s) across from eds2022"));
    const nlohmann::json now = p.list({"--framework", "eds2022"});
    CHECK(ids(now) == std::vector<std::string>{"a3", "a4", "a6", "a7"});
    CHECK(now[2]["assessment"] == "eds2022-2");
    CHECK(now[2]["carried_over_from"] == "a1");
    CHECK(now[2]["text"] == "Open one");
    CHECK(now[3]["carried_over_from"] == "a2");
    CHECK(now[3]["status"] == "in_progress");
    const nlohmann::json all = p.list({"--all"});
    CHECK(all.size() == 7);
    CHECK(all[0]["carried_over_to"] == "a6");
    CHECK(all[4]["assessment"] == "eira-nhs");  // another framework's action stays put
}

TEST_CASE("cli actions: evidence linked when added, linked and unlinked later, shown everywhere") {
    Plan p;
    for (const char* title : {"Staff survey 2025", "Board minutes"}) {
        p.ok({"evidence", "add", "ws", "--note", "Findings", "--title", title, "--added-by", "Jo",
              "--today", "2025-04-01"});
    }
    const ProcessResult unknown =
        p.run({"actions", "add", "ws", "--item", "eds2022:1A", "--owner", "Jo", "--due",
               "2025-12-31", "--text", "Publish", "--evidence", "ev1", "--evidence", "ev9"});
    CHECK(unknown.status == 1);
    CHECK(unknown.err ==
          "ws/actions.json: --evidence: there is no evidence \"ev9\" in the "
          "workspace\n");
    p.ok({"actions", "add", "ws", "--item", "eds2022:1A", "--owner", "Jo", "--due", "2025-12-31",
          "--text", "Publish", "--evidence", "ev1", "--today", "2025-04-01"});
    const ProcessResult linked = p.run({"actions", "link", "ws", "a1", "--evidence", "ev2"});
    CHECK(linked.status == 0);
    CHECK(linked.out ==
          "Action a1 rests on this evidence:\n    ev1: Staff survey 2025\n"
          "    ev2: Board minutes\n");
    const ProcessResult text = p.run({"actions", "list", "ws", "--today", "2025-09-01"});
    CHECK(text.out.find("    evidence ev2: Board minutes\n") != std::string::npos);
    const nlohmann::json a1 = p.list({})[0];
    CHECK(a1["evidence"] == nlohmann::json::array({"ev1", "ev2"}));
    CHECK(a1["evidence_words"][1] == "ev2: Board minutes");
    const ProcessResult csv = p.run({"actions", "list", "ws", "--csv", "--today", "2025-09-01"});
    CHECK(csv.out.find(",ev1: Staff survey 2025; ev2: Board minutes,") != std::string::npos);

    p.ok({"actions", "unlink", "ws", "a1", "--evidence", "ev1"});
    CHECK(p.list({})[0]["evidence"] == nlohmann::json::array({"ev2"}));
    CHECK(p.list({})[0]["history"].back()["change"] == "evidence unlinked: ev1");
    const ProcessResult again = p.run({"actions", "unlink", "ws", "a1", "--evidence", "ev1"});
    CHECK(again.status == 1);
    CHECK(again.err == "ws/actions.json: --evidence: evidence \"ev1\" is not linked to a1\n");
}
