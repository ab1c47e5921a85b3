#pragma once
// One item: its guidance, the score picker, the narrative and (where the framework asks) who
// rated it. Text fields edit drafts here; a finished edit becomes one SetAnswer (one undo step).
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
    std::string new_rater;     // draft for "add someone else"
    ImGuiID narrative_id = 0;  // the narrative field's id, for tests that type into it
};

// context: the library's evidence for this item and the items linked to it.
void draw_item_editor(const Workspace& ws, const Item& item, ItemEditorState& st, CommandQueue& out,
                      const Look& look, const ItemContext& context);

}  // namespace eqkit::ui
