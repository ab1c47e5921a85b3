#pragma once
// One item: its guidance, the "needs review" mark of a carried answer (with where it came from
// and a button that confirms it), the score picker (or, under a method that scores them, one per
// evidence category), the narrative, (where the framework asks) who rated it, and the user's own
// I and We statements for the statement report page; the items the crosswalk links to it, with
// the evidence and answers given there (an answer is accepted with A, copied with where it came
// from, or rejected with R). Text fields edit drafts here; a finished edit becomes one SetAnswer
// (one undo step).
#include <map>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "commands.hpp"
#include "eqkit/workspace.hpp"
#include "look.hpp"
#include "screens/evidence_line.hpp"

namespace eqkit::ui {

struct ItemEditorState {
    std::string item;       // the item the drafts belong to
    std::string narrative;  // draft, while the field is being edited
    bool narrative_active = false;
    std::string new_rater;    // draft for "add someone else"
    std::string i_statement;  // drafts of the report page text
    std::string we_statement;
    bool i_active = false;
    bool we_active = false;
    ImGuiID narrative_id = 0;  // the narrative field's id, for tests that type into it
    ImGuiID confirm_id = 0;    // "Confirm this answer", for tests that press it by keyboard
    // Answers given for linked items: who accepts one (kept from item to item), the ones turned
    // down while the item is shown ("framework:code|assessment"), what the last choice did, and
    // each answer's row (A accepts, R rejects the focused one), for tests.
    std::string accepted_by;
    std::set<std::string> rejected;
    std::string answers_note;
    std::map<std::string, ImGuiID> answer_ids;
    ImGuiID accepted_by_id = 0;
};

// context: the library's evidence for this item and the items linked to it.
void draw_item_editor(const Workspace& ws, const Item& item, ItemEditorState& st, CommandQueue& out,
                      const Look& look, const ItemContext& context);

}  // namespace eqkit::ui
