#include "widgets/focus.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace eqkit::ui::widgets {

void focus_last_item(bool visible) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGui::SetFocusID(g.LastItemData.ID, g.CurrentWindow);
    // A window that just appeared asks for its first item to be focused; that request would
    // otherwise land next frame and move the focus away again.
    g.NavInitRequest = false;
    g.NavInitResultId = 0;
    if (visible) g.NavDisableHighlight = false;
}

}  // namespace eqkit::ui::widgets
