#pragma once
// The workspace's action plan inside an evidence pack (docs/evidence-pack-format.md): exported
// as actions.json and action-plan.html, and on import added to the workspace's own plan with
// the ids the import gave the pack's assessments and evidence.
#include <map>
#include <string>
#include <string_view>

#include "eqkit/manifest.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit::detail {

struct ActionDocuments {
    std::string json;  // "" when the workspace has no actions
    std::string html;
};

// The plan's file text and its accessible page, which depend on nothing but the plan (no date,
// no folder), so the same workspace still gives the same pack. A broken actions.json stops the
// export, as a broken assessment would.
[[nodiscard]] Checked<ActionDocuments> action_documents(const WorkspaceFolder& workspace);

// Pack ids -> the ids they have in the workspace after the import ("a1" -> "a7").
using IdMap = std::map<std::string, std::string>;

// Adds the pack's actions to the workspace's plan and saves it: each action gets a free id, its
// assessment and evidence the ids the import gave them, and carry-over links follow; an action
// the workspace already has (the same text, owner, due date, item, status and assessment) is not
// added twice. Returns how many were added.
[[nodiscard]] Checked<std::size_t> import_actions(std::string_view pack_actions_json,
                                                  std::string_view label, WorkspaceFolder& into,
                                                  const IdMap& assessments, const IdMap& evidence);

}  // namespace eqkit::detail
