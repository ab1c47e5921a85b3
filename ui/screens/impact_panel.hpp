#pragma once
// The editor panel for an impact assessment's parts (issue #8 part 6), shown when the item list's
// selection is one of its entries (screens/impact_entries.hpp): a section of the form's fields;
// a characteristic or group (relevance, impact and reason, evidence and the other texts, risk
// before and after mitigation with its score and band in words); the risk matrix as a table with
// band names; sign-off (refused with each gap in the core's words); the versions, each earlier one
// readable as it was signed and exportable. Every edit goes through the core's set_field, set_row
// or sign_off on a copy: a refusal is shown beside the input and the draft is kept; an accepted
// edit becomes one EditAssessment (one undo step). On a signed version every page says first
// that a change starts the next version.
#include <map>
#include <set>
#include <string>
#include <string_view>

#include <imgui.h>

#include "commands.hpp"
#include "eqkit/workspace.hpp"
#include "look.hpp"
#include "screens/impact_entries.hpp"

namespace eqkit::ui {

struct ImpactPanelState {
    std::string entry;  // the entry the drafts below belong to
    // Fields: drafts while typed or refused, and the core's refusals, by field id.
    std::map<std::string, std::string> field_drafts;
    std::map<std::string, std::string> field_refusals;
    std::set<std::string> active_fields;  // being typed in (one, or two as the focus moves)
    // A row: the draft, the saved row it was taken from, and the core's refusal of the draft
    // with the input it is shown beside ("impact", "reason", "risk_before"…).
    RowAnswer row;
    RowAnswer row_saved;
    std::string row_refusal;
    std::string refusal_at;
    // Sign-off: the signer as typed, and the core's refusals of the last attempt.
    Signoff signer;
    std::vector<std::string> signoff_refusals;
    int reading = 0;  // the version shown read-only (0: none)
    // What the risk lines say now ("risk_before" -> "Likelihood 4 × impact 3 = 12: High") and
    // the bands shown with their UNCONFIRMED mark, for tests.
    std::map<std::string, std::string> risk_shown;
    std::set<std::string> unconfirmed_bands;
    // Widget ids by name ("impact/negative", "reason", "risk_before/likelihood", "sign",
    // "version/1/read"…), for tests by keyboard.
    std::map<std::string, ImGuiID> ids;
};

// today: YYYY-MM-DD, for the review status and a sign-off dated today.
void draw_impact_panel(const Workspace& ws, const ImpactEntry& entry, ImpactPanelState& st,
                       CommandQueue& out, const Look& look, std::string_view today);

// The line every impact page and the item editor show on a signed version: a change starts the
// next version. Draws nothing for an unsigned one.
void draw_locked_notice(const Assessment& assessment, const Look& look);

// The pages for versions, sign-off and the matrix (screens/impact_versions.cpp).
void draw_matrix_page(const RiskMatrix& matrix, const Look& look);
void draw_signoff_page(const Workspace& ws, ImpactPanelState& st, CommandQueue& out,
                       const Look& look, std::string_view today);
void draw_versions_page(const Workspace& ws, ImpactPanelState& st, CommandQueue& out,
                        const Look& look);
// Records the id of the widget labelled `label` (in the current id stack) under `name`, for
// tests; worked out from the label, so it holds for a widget scrolled out of view too.
void remember_id(ImpactPanelState& st, const std::string& name, const char* label);

}  // namespace eqkit::ui
