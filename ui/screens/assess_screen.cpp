#include "screens/assess_screen.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "eqkit/scoring.hpp"
#include "screens/totals_panel.hpp"
#include "text.hpp"
#include "widgets/focus.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

// Begins a panel's child window and honours focus requests for it.
bool begin_panel(const char* id, Panel panel, ImVec2 size, AssessScreenState& st) {
    const bool visible = ImGui::BeginChild(id, size, true);
    if (st.focus_request == panel) {
        ImGui::FocusWindow(ImGui::GetCurrentWindow());
        ImGui::NavInitWindow(ImGui::GetCurrentWindow(), false);
        ImGui::GetCurrentContext()->NavDisableHighlight = false;
        st.focus_request.reset();
    }
    if (ImGui::IsWindowFocused()) st.focused = panel;
    return visible;
}

void draw_items(const Workspace& ws, AssessScreenState& st, CommandQueue& out, const Look& look) {
    const Framework& fw = ws.framework();
    widgets::heading(look, fill(text::items_heading, fw.display_title()));
    for (const Group& group : fw.groups) {
        ImGui::Spacing();
        widgets::subheading(look, fill(text::items_group, fw.group_label, group.code, group.title));
        widgets::unconfirmed_marker(look, group.provenance);
        constexpr ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH;
        if (!ImGui::BeginTable(group.code.c_str(), 2, flags)) continue;
        ImGui::TableSetupColumn("item", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_WidthFixed);
        for (const Item& item : group.items) {
            ImGui::PushID(item.code.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool selected = st.selected == item.code;
            const std::string label = fill(text::items_row, item.code, item.title);
            if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
                out.push(SelectItem{item.code});
            }
            // The selection follows the keyboard focus when the focus moves.
            if (ImGui::IsItemFocused() && st.focused_item != item.code) {
                st.focused_item = item.code;
                if (!selected) out.push(SelectItem{item.code});
            }
            widgets::tooltip(item.title);
            if (st.take_focus && selected) {
                widgets::focus_last_item(st.show_focus);
                ImGui::SetScrollHereY(0.25F);
                st.focused_item = item.code;
                st.take_focus = false;
                st.show_focus = false;
            }
            ImGui::TableNextColumn();
            const std::optional<int>& score = ws.assessment().answer(item.code).score;
            ImGui::TextUnformatted(score ? std::to_string(*score).c_str() : text::items_no_score);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    widgets::muted(look, text::items_keys);
}

}  // namespace

Panel next_panel(Panel panel, bool backwards) {
    switch (panel) {
        case Panel::items:
            return backwards ? Panel::totals : Panel::editor;
        case Panel::editor:
            return backwards ? Panel::items : Panel::totals;
        case Panel::totals:
            return backwards ? Panel::editor : Panel::items;
    }
    return Panel::items;
}

void draw_assess_screen(const Workspace& ws, AssessScreenState& st, CommandQueue& out,
                        const Look& look, float height, const ItemContext& context) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float items_width = std::max(width * 0.28F, look.font_pixels * 12.0F);
    const float totals_width = std::max(width * 0.27F, look.font_pixels * 12.0F);
    const float editor_width =
        std::max(width - items_width - totals_width - 2.0F * spacing, look.font_pixels * 12.0F);

    if (begin_panel("items", Panel::items, ImVec2(items_width, height), st)) {
        draw_items(ws, st, out, look);
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (begin_panel("editor", Panel::editor, ImVec2(editor_width, height), st)) {
        if (const Item* item = ws.framework().find_item(st.selected)) {
            draw_item_editor(ws, *item, st.editor, out, look, context);
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (begin_panel("totals", Panel::totals, ImVec2(totals_width, height), st)) {
        draw_totals_panel(ws, look);
    }
    ImGui::EndChild();
}

}  // namespace eqkit::ui
