#pragma once
// A workspace's action plan: one list of actions from every assessment (EDS 2022, FREDA, CQC,
// WRES/WDES results, impact assessments, AIS), each linked to an item and owned by someone, with
// a due date, a status and the history of its changes, and resting on evidence of the
// workspace's library. Kept in DIR/actions.json
// ("eqkit-actions/1", docs/impact-assessment.md); carried into next year's assessment of the
// same framework. Rules take "today" as a parameter.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit {

inline constexpr std::string_view actions_format = "eqkit-actions/1";
inline constexpr std::string_view actions_file_name = "actions.json";

enum class ActionStatus { open, in_progress, done, dropped };

[[nodiscard]] std::string_view action_status_name(ActionStatus status);   // "in_progress"
[[nodiscard]] std::string_view action_status_label(ActionStatus status);  // "In progress"
[[nodiscard]] std::optional<ActionStatus> parse_action_status(std::string_view name);
[[nodiscard]] bool is_closed(ActionStatus status);  // done or dropped

struct ActionEvent {
    std::string on;  // YYYY-MM-DD
    std::string change;
    friend bool operator==(const ActionEvent&, const ActionEvent&) = default;
};

struct Action {
    std::string id;  // "a1"
    std::string text;
    std::string owner;
    std::string due;  // YYYY-MM-DD
    ActionStatus status = ActionStatus::open;
    std::string reason;      // why it was dropped (required then)
    std::string assessment;  // the assessment's id in the workspace, or ""
    std::string item;        // "framework:code": an item, or a row of an impact assessment
    std::vector<std::string> evidence;  // evidence ids in the workspace
    std::string carried_over_from;      // the action it continues from last year's assessment
    std::string carried_over_to;        // set on the old action once carried across
    std::vector<ActionEvent> history;
    friend bool operator==(const Action&, const Action&) = default;
};

struct ActionPlan {
    std::vector<Action> actions;

    [[nodiscard]] const Action* find(std::string_view id) const;
    friend bool operator==(const ActionPlan&, const ActionPlan&) = default;
};

// ---- the file ----

[[nodiscard]] std::filesystem::path actions_path(const WorkspaceFolder& workspace);
// No actions.json yet is an empty plan. Every problem, as "file: /json/pointer: reason".
[[nodiscard]] Checked<ActionPlan> load_actions(const WorkspaceFolder& workspace);
[[nodiscard]] Checked<ActionPlan> parse_actions(std::string_view json, std::string_view label,
                                                const WorkspaceFolder& workspace);
[[nodiscard]] std::string actions_to_json(const ActionPlan& plan);
[[nodiscard]] Result<void> save_actions(const WorkspaceFolder& workspace, const ActionPlan& plan);

// ---- changes (errors placed at the option's name: "item", "due", "reason") ----

struct NewAction {
    std::string text;
    std::string owner;
    std::string due;
    std::string item;        // "framework:code"
    std::string assessment;  // "" = the latest assessment of the item's framework, if any
    std::vector<std::string> evidence;
};

// The new action's id.
[[nodiscard]] Checked<std::string> add_action(ActionPlan& plan, const WorkspaceFolder& workspace,
                                              NewAction action, std::string_view today);

struct ActionUpdate {
    std::optional<ActionStatus> status;
    std::string reason;
    std::optional<std::string> owner;
    std::optional<std::string> due;
    std::vector<std::string> link_evidence;    // evidence of the workspace to link
    std::vector<std::string> unlink_evidence;  // linked evidence to unlink
};

[[nodiscard]] Checked<void> update_action(ActionPlan& plan, const WorkspaceFolder& workspace,
                                          std::string_view id, const ActionUpdate& update,
                                          std::string_view today);

// Starts an assessment in the workspace (as WorkspaceFolder::add_assessment) and carries every
// open or in-progress action of the framework's latest earlier assessment across to it, marked
// as carried over; closed ones stay behind. Returns the new id and how many were carried.
struct StartedAssessment {
    std::string id;
    std::string previous;  // the assessment carried from, or ""
    std::size_t carried = 0;
};
[[nodiscard]] Result<StartedAssessment> start_assessment(WorkspaceFolder& workspace,
                                                         const Framework& framework,
                                                         std::string title, std::string id,
                                                         std::string_view today);

// ---- the list ----

struct ActionFilter {
    std::string owner;  // exact, ignoring case
    std::optional<ActionStatus> status;
    bool overdue = false;
    std::optional<int> due_within_days;  // open actions due by today + N (overdue included)
    std::string framework;
    bool include_carried = false;  // old actions already carried into a newer assessment
};

[[nodiscard]] bool is_overdue(const Action& action, std::string_view today);
// "Overdue by 3 days", "Due in 5 days", "Due today", or "" for a closed action.
[[nodiscard]] std::string due_words(const Action& action, std::string_view today);
[[nodiscard]] std::vector<const Action*> filter_actions(const ActionPlan& plan,
                                                        const ActionFilter& filter,
                                                        std::string_view today);
// The filter in words, for an exported list: "Showing every status, owner Sam, overdue only; …".
[[nodiscard]] std::string describe_filter(const ActionFilter& filter);

// Each linked piece of evidence as "ev2: Staff survey 2025" (its id alone if the library no
// longer holds it), for every face and export.
[[nodiscard]] std::vector<std::string> evidence_words(const Action& action,
                                                      const std::vector<Evidence>& library);

// RFC 4180 with CRLF line ends and a UTF-8 byte order mark (so Excel reads UTF-8); text that
// starts with = + - @ gets a leading apostrophe so a spreadsheet never runs it as a formula.
[[nodiscard]] std::string actions_csv(const std::vector<const Action*>& actions,
                                      std::string_view today, const std::vector<Evidence>& library);
// A self-contained accessible page: a table with a caption, statuses and overdue in words.
[[nodiscard]] std::string actions_html(const std::vector<const Action*>& actions,
                                       const WorkspaceFolder& workspace, std::string_view today,
                                       std::string_view filter_description);
// The same page with an introduction of the caller's; with no valid today it says nothing about
// what is overdue (an evidence pack holds no date of export).
[[nodiscard]] std::string actions_page(const std::vector<const Action*>& actions,
                                       std::string_view today, std::string_view intro,
                                       const std::vector<Evidence>& library);
// For --json and the faces: the actions with "overdue", "status_label", "due_words" and
// "evidence_words" (as evidence_words) worked out.
[[nodiscard]] std::string actions_list_json(const std::vector<const Action*>& actions,
                                            std::string_view today,
                                            const std::vector<Evidence>& library);

}  // namespace eqkit
