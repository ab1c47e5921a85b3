// The workspace's action plan inside evidence packs: exported as actions.json and
// action-plan.html, verified like every other file, and added on import with the ids the import
// gave the pack's assessments, evidence and actions.
#include <doctest/doctest.h>

#include "eqkit/actions.hpp"
#include "pack_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

ActionPlan actions_of(const WorkspaceFolder& ws) {
    Checked<ActionPlan> plan = load_actions(ws);
    REQUIRE_MESSAGE(plan.has_value(), join_messages(plan.error()));
    return *plan;
}

// Two actions on the sample workspace's EDS 2022 assessment, one citing evidence, one closed.
void add_actions(const WorkspaceFolder& ws) {
    ActionPlan plan = actions_of(ws);
    NewAction survey{"Publish the survey by ethnicity",
                     "Siân Jones",
                     "2026-03-31",
                     "eds2022:1A",
                     "eds2022",
                     {"ev1"}};
    REQUIRE(add_action(plan, ws, survey, "2025-04-01").has_value());
    NewAction ramps{"Fit ramps", "Sam Patel", "2025-09-30", "eds2022:2B", "eds2022", {}};
    REQUIRE(add_action(plan, ws, ramps, "2025-04-01").has_value());
    ActionUpdate done;
    done.status = ActionStatus::done;
    REQUIRE(update_action(plan, ws, "a2", done, "2025-05-01").has_value());
    REQUIRE(save_actions(ws, plan).has_value());
}

fs::path exported(const WorkspaceFolder& ws, const fs::path& out) {
    ExportOptions options;
    options.tool_version = "test";
    Result<ExportSummary> done = export_pack(ws, out, options);
    REQUIRE_MESSAGE(done.has_value(), done.error().message());
    return out;
}

}  // namespace

TEST_CASE("pack actions: export, verify and import keep the action plan") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    add_actions(ws);
    const fs::path pack = exported(ws, dir / "pack.zip");

    const VerifyResult verified = verify_pack(pack);
    CHECK_MESSAGE(verified.intact(), join_messages(verified.problems));
    CHECK(verified.files_checked == 2 + 4 + 3);  // assessments, documents with the plan, files

    REQUIRE(WorkspaceFolder::create(dir / "copy", shipped_registry()).has_value());
    WorkspaceFolder copy = open_workspace(dir / "copy");
    Checked<ImportSummary> imported = import_pack(pack, copy);
    REQUIRE_MESSAGE(imported.has_value(), join_messages(imported.error()));
    CHECK(imported->added_actions == 2);
    CHECK(imported->notes.empty());
    CHECK(actions_of(open_workspace(dir / "copy")) == actions_of(ws));

    SUBCASE("importing it again adds no action twice") {
        WorkspaceFolder again = open_workspace(dir / "copy");
        Checked<ImportSummary> second = import_pack(pack, again);
        REQUIRE(second.has_value());
        CHECK(second->added_actions == 0);
        CHECK(actions_of(open_workspace(dir / "copy")).actions.size() == 2);
    }
}

TEST_CASE("pack actions: on import, actions follow the ids given to clashing assessments") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    add_actions(ws);
    const fs::path pack = exported(ws, dir / "pack.zip");

    // Another workspace whose own assessment, evidence and action a1 hold those ids.
    WorkspaceFolder other = clashing_workspace(dir);
    ActionPlan mine;
    REQUIRE(add_action(mine, other, {"Our own action", "Jo", "2026-01-01", "eds2022:1A", "", {}},
                       "2025-01-01")
                .has_value());
    REQUIRE(save_actions(other, mine).has_value());

    Checked<ImportSummary> imported = import_pack(pack, other);
    REQUIRE_MESSAGE(imported.has_value(), join_messages(imported.error()));
    CHECK(imported->added_actions == 2);
    const ActionPlan merged = actions_of(open_workspace(dir / "other"));
    REQUIRE(merged.actions.size() == 3);
    CHECK(merged.actions[0].text == "Our own action");
    const Action& survey = merged.actions[1];
    CHECK(survey.id == "a2");
    CHECK(survey.assessment == "eds2022-2");
    CHECK(survey.evidence == std::vector<std::string>{"ev2"});
    CHECK(survey.owner == "Siân Jones");
    CHECK(merged.actions[2].status == ActionStatus::done);
}
