#pragma once
// The assessment: items by group on the left (arrow keys move, the selection follows; only the
// items the user said apply, with the choices above them for frameworks rated by percentages:
// the scoring method, the items that apply, the rules' questions), the selected item's editor in
// the middle, totals on the right. F6 moves between the three panels;
// typing a scale value (0-3) scores the selected item; Delete clears its score. An impact
// assessment's list starts with its parts (the form's sections, each characteristic or group,
// the risk matrix, sign-off, versions), edited in the middle by the impact panel.
#include <map>
#include <string>

#include "commands.hpp"
#include "eqkit/workspace.hpp"
#include "look.hpp"
#include "screens/impact_panel.hpp"
#include "screens/item_editor.hpp"
#include "screens/totals_panel.hpp"

namespace eqkit::ui {

enum class Panel { items, editor, totals };

struct AssessScreenState {
    std::string selected;      // item code, or an impact assessment part's key ("@row:race")
    bool take_focus = true;    // put the keyboard focus on the selected item next frame
    bool show_focus = true;    // and make it visible (on entering the screen)
    std::string focused_item;  // the item that had the keyboard focus last frame
    std::optional<Panel> focus_request;
    Panel focused = Panel::items;
    ItemEditorState editor;
    ImpactPanelState impact;
    TotalsPanelState totals;
    // Widget ids of the choices ("choices", "all", an item code), for tests by keyboard.
    std::map<std::string, unsigned int> choice_ids;
    // Widget ids of the review strip ("next", "confirm"), for tests by keyboard.
    std::map<std::string, unsigned int> review_ids;
};

// context: the evidence library's evidence for the selected item and the items linked to it.
void draw_assess_screen(const Workspace& ws, AssessScreenState& st, CommandQueue& out,
                        const Look& look, float height, const ItemContext& context);

// The panel after (or before) the focused one, for F6 / Shift+F6.
[[nodiscard]] Panel next_panel(Panel panel, bool backwards);

}  // namespace eqkit::ui
