// The action plan file: round trip, strict reading, carry-over and overdue.
#include <doctest/doctest.h>

#include "eqkit/actions.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {

struct Folder {
    test::TempDir dir;
    WorkspaceFolder ws = *WorkspaceFolder::create(dir / "ws", test::shipped_registry());
};

NewAction action(std::string item, std::string text) {
    return NewAction{std::move(text), "Jo Bloggs", "2025-06-30", std::move(item), "", {}};
}

ActionUpdate to(ActionStatus status, std::string reason) {
    ActionUpdate u;
    u.status = status;
    u.reason = std::move(reason);
    return u;
}

}  // namespace

TEST_CASE("actions: saved and read back unchanged; a missing file is an empty plan") {
    Folder f;
    CHECK(load_actions(f.ws)->actions.empty());
    ActionPlan plan;
    REQUIRE(add_action(plan, f.ws, action("eds2022:1A", "Publish"), "2025-04-01").has_value());
    REQUIRE(add_action(plan, f.ws, action("ais:3", "Add alerts"), "2025-04-01").has_value());
    REQUIRE(
        update_action(plan, f.ws, "a2", to(ActionStatus::dropped, "Done by the ICB"), "2025-05-01")
            .has_value());
    REQUIRE(save_actions(f.ws, plan).has_value());
    Checked<ActionPlan> back = load_actions(f.ws);
    REQUIRE(back.has_value());
    CHECK(*back == plan);
    CHECK(back->actions[1].history.back().change == "status Open → Dropped (Done by the ICB)");
}

TEST_CASE("actions: a broken file names every problem at its place") {
    Folder f;
    const std::string text = R"({"format": "eqkit-actions/1", "actions": [
      {"id": "a1", "text": "x", "owner": "Jo", "due": "2025-06-30", "status": "later",
       "item": "eds2022:1A", "history": []},
      {"id": "a1", "text": "x", "owner": "Jo", "due": "2025-13-01", "status": "open",
       "item": "nope:1", "history": []}]})";
    Checked<ActionPlan> plan = parse_actions(text, "actions.json", f.ws);
    REQUIRE_FALSE(plan.has_value());
    REQUIRE(plan.error().size() == 4);
    CHECK(plan.error()[0].message() ==
          "actions.json: /actions/0/status: unknown status \"later\" (use open, in_progress, "
          "done or dropped)");
    CHECK(plan.error()[1].place == "/actions/1/id");
    CHECK(plan.error()[2].place == "/actions/1/due");
    CHECK(plan.error()[3].message() ==
          "actions.json: /actions/1/item: no framework \"nope\" is loaded");
}

TEST_CASE("actions: carry-over loses no open action and copies no closed one") {
    Folder f;
    const Framework& eds = *test::shipped_registry().find("eds2022");
    REQUIRE(start_assessment(f.ws, eds, "2025", "", "2025-04-01").has_value());
    ActionPlan plan;
    for (const char* code : {"1A", "1B", "1C", "1D", "2A", "2B"})
        REQUIRE(add_action(plan, f.ws, action(std::string("eds2022:") + code, code), "2025-04-01")
                    .has_value());
    REQUIRE(update_action(plan, f.ws, "a2", to(ActionStatus::in_progress, ""), "2025-05-01"));
    REQUIRE(update_action(plan, f.ws, "a3", to(ActionStatus::done, ""), "2025-05-01"));
    REQUIRE(update_action(plan, f.ws, "a4", to(ActionStatus::dropped, "Why"), "2025-05-01"));
    REQUIRE(save_actions(f.ws, plan).has_value());

    Result<StartedAssessment> next = start_assessment(f.ws, eds, "2026", "", "2026-04-01");
    REQUIRE(next.has_value());
    CHECK(next->previous == "eds2022");
    CHECK(next->id == "eds2022-2");
    CHECK(next->carried == 4);  // a1, a2, a5, a6
    const ActionPlan after = *load_actions(f.ws);
    REQUIRE(after.actions.size() == 10);
    std::size_t open_now = 0;
    for (const Action* a : filter_actions(after, {}, "2026-04-01")) {
        if (is_closed(a->status)) continue;
        ++open_now;
        CHECK(a->assessment == "eds2022-2");
        CHECK_FALSE(a->carried_over_from.empty());
    }
    CHECK(open_now == 4);
    for (const Action& a : after.actions) {
        if (!a.carried_over_from.empty()) {
            CHECK_FALSE(is_closed(a.status));
            CHECK(after.find(a.carried_over_from)->carried_over_to == a.id);
        }
    }
    // A third year carries from the second, not again from the first.
    Result<StartedAssessment> third = start_assessment(f.ws, eds, "2027", "", "2027-04-01");
    REQUIRE(third.has_value());
    CHECK(third->previous == "eds2022-2");
    CHECK(third->carried == 4);
    CHECK(load_actions(f.ws)->actions.size() == 14);
}

TEST_CASE("actions: overdue only while open and past its due date") {
    Action a;
    a.due = "2025-06-30";
    CHECK_FALSE(is_overdue(a, "2025-06-30"));
    CHECK(is_overdue(a, "2025-07-01"));
    CHECK(due_words(a, "2025-07-01") == "Overdue by 1 day");
    a.status = ActionStatus::done;
    CHECK_FALSE(is_overdue(a, "2025-07-01"));
    CHECK(due_words(a, "2025-07-01").empty());
}

TEST_CASE("actions: evidence of the workspace linked when added and later, unknown ids refused") {
    Folder f;
    EvidenceDetails survey;
    survey.title = "Staff survey 2025";
    survey.added_by = "Jo Bloggs";
    REQUIRE(f.ws.add_note("Findings", survey, "2025-04-01").has_value());
    EvidenceDetails minutes;
    minutes.title = "Board minutes";
    minutes.added_by = "Jo Bloggs";
    REQUIRE(f.ws.add_note("Agreed", minutes, "2025-04-01").has_value());
    ActionPlan plan;

    NewAction unknown = action("eds2022:1A", "Publish");
    unknown.evidence = {"ev1", "ev9"};
    Checked<std::string> refused = add_action(plan, f.ws, unknown, "2025-04-01");
    REQUIRE_FALSE(refused.has_value());
    REQUIRE(refused.error().size() == 1);
    CHECK(refused.error()[0].place == "evidence");
    CHECK(refused.error()[0].reason == "there is no evidence \"ev9\" in the workspace");
    CHECK(plan.actions.empty());

    NewAction linked = action("eds2022:1A", "Publish");
    linked.evidence = {"ev1", "ev1"};
    REQUIRE(add_action(plan, f.ws, linked, "2025-04-01").has_value());
    CHECK(plan.actions[0].evidence == std::vector<std::string>{"ev1"});
    CHECK(plan.actions[0].history[0].change ==
          "added, owned by Jo Bloggs, due 2025-06-30, "
          "evidence ev1");

    ActionUpdate more;
    more.link_evidence = {"ev2", "ev1"};
    REQUIRE(update_action(plan, f.ws, "a1", more, "2025-05-01").has_value());
    CHECK(plan.actions[0].evidence == std::vector<std::string>{"ev1", "ev2"});
    CHECK(plan.actions[0].history.back().change == "evidence linked: ev2");
    CHECK(evidence_words(plan.actions[0], f.ws.evidence()) ==
          std::vector<std::string>{"ev1: Staff survey 2025", "ev2: Board minutes"});

    ActionUpdate less;
    less.unlink_evidence = {"ev1"};
    REQUIRE(update_action(plan, f.ws, "a1", less, "2025-05-02").has_value());
    CHECK(plan.actions[0].evidence == std::vector<std::string>{"ev2"});
    CHECK(plan.actions[0].history.back().change == "evidence unlinked: ev1");
    Checked<void> not_linked = update_action(plan, f.ws, "a1", less, "2025-05-03");
    REQUIRE_FALSE(not_linked.has_value());
    CHECK(not_linked.error()[0].reason == "evidence \"ev1\" is not linked to a1");
    ActionUpdate bad;
    bad.link_evidence = {"ev7"};
    CHECK_FALSE(update_action(plan, f.ws, "a1", bad, "2025-05-03").has_value());
    CHECK(plan.actions[0].evidence == std::vector<std::string>{"ev2"});

    // Every export names it; a file naming evidence the library lacks does not load.
    const std::vector<const Action*> all = filter_actions(plan, {}, "2025-05-03");
    CHECK(actions_csv(all, "2025-05-03", f.ws.evidence()).find(",ev2: Board minutes,") !=
          std::string::npos);
    CHECK(actions_html(all, f.ws, "2025-05-03", "").find("<li>ev2: Board minutes</li>") !=
          std::string::npos);
    CHECK(actions_list_json(all, "2025-05-03", f.ws.evidence()).find("\"ev2: Board minutes\"") !=
          std::string::npos);
    std::string text = actions_to_json(plan);
    text.replace(text.find("\"ev2\""), 5, "\"ev8\"");
    Checked<ActionPlan> broken = parse_actions(text, "actions.json", f.ws);
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error()[0].message() ==
          "actions.json: /actions/0/evidence: there is no evidence \"ev8\" in the workspace");
}
